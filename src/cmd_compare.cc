#include <fmt/format.h>

#include "cli.h"
#include "exit_status.h"
#include "compare.h"
#include "compare_format.h"
#include "run_options.h"

namespace fhebench {

namespace {

// --threshold PCT: "5" or "5%"; the ratio compare_runs takes is 1 + PCT/100. A plain 1.x
// ("1.05", "1.5") is the ratio the option took before it took a percentage, so that scripts
// written then keep their meaning; a percentage in that range is written "1.5%".
double threshold_ratio(const std::string& text) {
  const auto v = parse_percent(text);
  if (!v || !(*v >= 0 && *v <= 10000))
    throw UsageError("--threshold takes a percentage from 0 to 10000, such as 5 or 10%, not '" + text + "'");
  const bool old_ratio = text.find('%') == std::string::npos && text.find('.') != std::string::npos && *v > 1 && *v < 2;
  return old_ratio ? *v : 1 + *v / 100;
}

}  // namespace

void add_compare_command(CLI::App& app, CliState& state) {
  auto* cmd = app.add_subcommand("compare", "Compare two runs cell by cell; exit 1 when something got slower or broke");
  auto a = std::make_shared<std::string>(), b = std::make_shared<std::string>();
  auto results = std::make_shared<std::string>("results");
  auto o = std::make_shared<CompareOptions>();
  auto threshold = std::make_shared<std::string>("5");
  auto format = std::make_shared<std::string>("text");
  auto json = std::make_shared<bool>(false);
  cmd->add_option("baseline", *a, "The run to compare against (id or folder)")->required();
  cmd->add_option("contender", *b, "The new run (id or folder)")->required();
  cmd->add_option("--results", *results, "Folder of the results store")->capture_default_str();
  cmd->add_option("--threshold", *threshold, "Change of the median in percent that counts, if significant (5 or 5%: ratio 1.05; a plain 1.x is that ratio, as before)")
      ->capture_default_str();
  cmd->add_option("--alpha", o->alpha, "Significance level of the Mann-Whitney U test")->check(CLI::Range(0.0, 1.0))->capture_default_str();
  cmd->add_option("--format", *format, "Output: text, md (a Markdown table, e.g. for a pull request) or json")
      ->check(CLI::IsMember({"text", "md", "json"}))->capture_default_str();
  cmd->add_flag("--json", *json, "The same as --format json");
  cmd->callback([=, &state] {
    o->threshold = threshold_ratio(*threshold);
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
    if (*json || *format == "json") fmt::print("{}\n", cmp.dump(1));
    else if (*format == "md") fmt::print("{}", compare_markdown(cmp, *a, *b));
    else fmt::print("{}", compare_text(cmp, *a, *b));
  });
}

}  // namespace fhebench
