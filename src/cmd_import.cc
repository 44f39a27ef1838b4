#include <fmt/format.h>

#include "cli.h"
#include "exit_status.h"
#include "run_options.h"
#include "gbench_import.h"

namespace fhebench {

void add_import_command(CLI::App& app, CliState& state) {
  auto* cmd = app.add_subcommand("import", "Import results measured elsewhere as a run (history, compare and reports then show it)");
  cmd->require_subcommand(1);
  auto* gbench = cmd->add_subcommand("gbench", "Import Google Benchmark JSON (--benchmark_format=json) as a run of microbenchmark cells");
  auto o = std::make_shared<GbenchImport>();
  o->results = "results";
  gbench->add_option("file", o->file, "The JSON file the benchmark program wrote")->required();
  gbench->add_option("--tool", o->tool, "The tool (library) the microbenchmarks measure, e.g. OpenFHE")->required();
  gbench->add_option("--library-version", o->library_version, "The library's version or commit the program was built with");
  gbench->add_option("--results", o->results, "Folder of the results store")->capture_default_str();
  gbench->callback([=, &state] {
    if (o->tool.empty() || o->tool.find_first_of("/\\ ") != std::string::npos)
      throw UsageError("--tool must be a tool name without spaces or slashes, e.g. OpenFHE");
    std::string id;
    try {
      id = import_gbench(*o);
    } catch (const std::runtime_error& e) {
      throw UsageError(std::string("import gbench: ") + e.what());
    }
    fmt::print(stderr, "imported {} as run {} in {}\n", o->file.string(), id, o->results.string());
    state.exit_code = code(ExitStatus::ok);
  });
}

}  // namespace fhebench
