#include <fmt/format.h>
#include <optional>

#include "cli.h"
#include "exit_status.h"
#include "report.h"
#include "report_data.h"
#include "run_options.h"

namespace fhebench {

void add_report_command(CLI::App& app, CliState& state) {
  auto* cmd = app.add_subcommand("report", "Write a run's plots, tables and website into its folder (default: the latest run)");
  auto id = std::make_shared<std::string>();
  auto results = std::make_shared<std::string>("results");
  auto skip = std::make_shared<std::vector<std::string>>();
  cmd->add_option("run", *id, "Run id (YYYYMMDD_HHMMSS) or run folder; default: the latest run in the results folder");
  cmd->add_option("--results", *results, "Folder of the results store")->capture_default_str();
  cmd->add_option("--skip", *skip, "Parts not to make: plots, tables, site")
      ->delimiter(',')->check(CLI::IsMember({"plots", "tables", "site"}));
  cmd->callback([=, &state] {
    std::string run = *id;
    if (run.empty()) {
      const auto ids = run_ids(*results);
      if (ids.empty()) throw UsageError(fmt::format("no runs in {} (run `fhebench run` first, or pass --results)", *results));
      run = ids.back();
    }
    std::optional<RunStore> store;
    try {
      store = RunStore::open(*results, run);
    } catch (const std::runtime_error& e) {
      throw UsageError(e.what());
    }
    ReportParts parts;
    for (const auto& s : *skip) (s == "plots" ? parts.plots : s == "tables" ? parts.tables : parts.site) = false;
    const ReportResult r = write_report(*store, parts);
    for (const auto& f : r.written) fmt::print("{}\n", (store->dir() / f).string());
    for (const auto& p : r.problems) fmt::print(stderr, "fhebench: report: {}\n", p);
    state.exit_code = code(r.problems.empty() ? ExitStatus::ok : ExitStatus::cell_failed);
  });
}

}  // namespace fhebench
