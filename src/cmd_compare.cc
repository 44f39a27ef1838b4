#include <fmt/format.h>

#include "cli.h"
#include "exit_status.h"
#include "compare.h"
#include "run_options.h"
#include "summary_table.h"

namespace fhebench {

void add_compare_command(CLI::App& app, CliState& state) {
  auto* cmd = app.add_subcommand("compare", "Compare two runs cell by cell; exit 1 when something got slower or broke");
  auto a = std::make_shared<std::string>(), b = std::make_shared<std::string>();
  auto results = std::make_shared<std::string>("results");
  auto o = std::make_shared<CompareOptions>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("baseline", *a, "The run to compare against (id or folder)")->required();
  cmd->add_option("contender", *b, "The new run (id or folder)")->required();
  cmd->add_option("--results", *results, "Folder of the results store")->capture_default_str();
  cmd->add_option("--threshold", o->threshold, "Ratio of medians that counts as a change, if significant")
      ->check(CLI::Range(1.0, 100.0))->capture_default_str();
  cmd->add_option("--alpha", o->alpha, "Significance level of the Mann-Whitney U test")->check(CLI::Range(0.0, 1.0))->capture_default_str();
  cmd->add_flag("--json", *json, "Print the comparison as JSON");
  cmd->callback([=, &state] {
    std::optional<RunStore> ra, rb;
    try {
      ra = RunStore::open(*results, *a);
      rb = RunStore::open(*results, *b);
    } catch (const std::runtime_error& e) {
      throw UsageError(e.what());
    }
    const Json cmp = compare_runs(*ra, *rb, *o);
    bool regression = false;
    for (const auto& c : cmp["cells"]) regression |= c["verdict"] == "slower" || c["verdict"] == "broken";
    state.exit_code = code(regression ? ExitStatus::cell_failed : ExitStatus::ok);
    if (*json) {
      fmt::print("{}\n", cmp.dump(1));
      return;
    }
    fmt::print("{} -> {} (change beyond ×{:g} with p < {:g})\n\n", *a, *b, o->threshold, o->alpha);
    size_t w = 4;
    for (const auto& c : cmp["cells"]) w = std::max(w, c["size_key"].get<std::string>().size());
    fmt::print("{:<34} {:<{}} {:>10} {:>10} {:>7} {:>8}  {}\n", "cell", "size", w, "baseline", "contender", "ratio", "p", "verdict");
    for (const auto& c : cmp["cells"]) {
      auto time = [&](const char* k) { return c.contains(k) && c[k].get<double>() > 0 ? format_seconds(c[k]) : "-"; };
      fmt::print("{:<34} {:<{}} {:>10} {:>10} {:>7} {:>8}  {}\n",
                 fmt::format("{} {}/{}", c["tool"].get<std::string>(), c["benchmark"].get<std::string>(), c["variant"].get<std::string>()),
                 c["size_key"].get<std::string>(), w, time("a"), time("b"),
                 c.contains("ratio") ? fmt::format("{:.3f}", c["ratio"].get<double>()) : "-",
                 c.contains("p") ? fmt::format("{:.2g}", c["p"].get<double>()) : "-",
                 c["verdict"].get<std::string>() + (c.contains("note") ? " (" + c["note"].get<std::string>() + ")" : ""));
    }
  });
}

}  // namespace fhebench
