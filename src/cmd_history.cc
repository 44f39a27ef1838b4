#include <fmt/format.h>

#include "cli.h"
#include "exit_status.h"
#include "run_options.h"
#include "history.h"
#include "history_text.h"

namespace fhebench {
namespace {

bool newest_regresses(const std::vector<CellHistory>& series) {
  for (const CellHistory& h : series)
    if (!h.steps.empty() && h.steps.back().after + 1 == h.points.size() && h.steps.back().step.regression()) return true;
  return false;
}

}  // namespace

void add_history_command(CLI::App& app, CliState& state) {
  auto* cmd = app.add_subcommand("history", "Each cell's medians across runs, per machine, with regressions and improvements marked");
  auto results = std::make_shared<std::string>("results");
  auto tools = std::make_shared<std::vector<std::string>>(), benchmarks = std::make_shared<std::vector<std::string>>();
  auto o = std::make_shared<HistoryOptions>();
  auto machine = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("--results", *results, "Folder of the results store")->capture_default_str();
  cmd->add_option("--tools", *tools, "Only these tools (comma-separated)");
  cmd->add_option("--benchmarks", *benchmarks, "Only these benchmarks (comma-separated)");
  cmd->add_option("--size", o->filter.size_key, "Only this size key, e.g. patients=64");
  cmd->add_option("--last", o->last, "Show the last N runs of each series (steps are found over all of them)");
  cmd->add_option("--machine", *machine, "A machine fingerprint (as history prints it), or `all` to mix machines in one series");
  cmd->add_option("--min-change", o->steps.min_change, "Smallest step that counts, as a fraction of the median")
      ->check(CLI::Range(0.0, 10.0))->capture_default_str();
  cmd->add_option("--z", o->steps.z, "z-score a step must reach against the runs before it")
      ->check(CLI::Range(0.0, 1000.0))->capture_default_str();
  cmd->add_flag("--json", *json, "Print the series as JSON");
  auto fail = std::make_shared<bool>(false);
  cmd->add_flag("--fail-on-regression", *fail, "Exit 1 when the newest run of some series starts a regression (for CI)");
  cmd->callback([=, &state] {
    if (!std::filesystem::is_directory(*results))
      throw UsageError(fmt::format("no results folder {} (run `fhebench run` first, or pass --results)", *results));
    HistoryOptions opt = *o;
    opt.filter.tools = split_list(*tools);
    opt.filter.benchmarks = split_list(*benchmarks);
    opt.all_machines = *machine == "all";
    if (!opt.all_machines) opt.filter.machine = *machine;
    const auto series = cell_histories(*results, opt);
    if (series.empty() && !*json)
      throw UsageError(fmt::format("no indexed cells in {} match (see `fhebench history --help` for the filters)", *results));
    if (*json) {
      Json out = Json::array();
      for (const auto& h : series) out.push_back(to_json(h));
      fmt::print("{}\n", out.dump(1));
    } else {
      fmt::print("{}", history_text(series));
    }
    state.exit_code = code(*fail && newest_regresses(series) ? ExitStatus::cell_failed : ExitStatus::ok);
  });
}

}  // namespace fhebench
