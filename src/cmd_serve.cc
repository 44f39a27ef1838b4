#include <fmt/format.h>

#include "cli.h"
#include "run_options.h"
#include "serve_server.h"
#include "site_export.h"

namespace fhebench {

void add_serve_command(CLI::App& app, CliState& state) {
  auto* cmd = app.add_subcommand("serve", "Serve every run of a results folder as a website on this machine (read-only)");
  auto results = std::make_shared<std::string>("results");
  auto host = std::make_shared<std::string>("127.0.0.1");
  auto port = std::make_shared<int>(8080);
  cmd->add_option("--results", *results, "Folder of the results store")->capture_default_str();
  cmd->add_option("--host", *host, "Address to listen on (other than 127.0.0.1 exposes the results to the network)")->capture_default_str();
  cmd->add_option("--port", *port, "Port to listen on (0: any free port)")->check(CLI::Range(0, 65535))->capture_default_str();
  cmd->callback([=, &state] {
    if (!fs::is_directory(*results)) throw UsageError(fmt::format("{} is not a folder (pass --results DIR)", *results));
    fs::path web;
    try {
      web = web_bundle_dir();
    } catch (const std::runtime_error& e) {
      throw UsageError(e.what());
    }
    ReportServer server(*results, web);
    int bound = 0;
    try {
      bound = server.bind(*host, *port);
    } catch (const std::runtime_error& e) {
      throw UsageError(e.what());
    }
    const bool v6 = host->find(':') != std::string::npos;
    fmt::print("fhebench: serving {} at http://{}:{}/ (read-only; Ctrl-C stops)\n", fs::absolute(*results).string(),
               v6 ? "[" + *host + "]" : *host, bound);
    if (*host != "127.0.0.1" && *host != "localhost" && *host != "::1")
      fmt::print(stderr, "fhebench: warning: listening on {}: other machines can read these results\n", *host);
    std::fflush(stdout);
    server.run();
    state.exit_code = 0;
  });
}

}  // namespace fhebench
