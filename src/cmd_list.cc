#include <fmt/format.h>

#include "cli.h"
#include "benchmark.h"
#include "run_options.h"
#include "runner.h"
#include "tool_catalog.h"

namespace fhebench {

void add_list_command(CLI::App& app, CliState& state) {
  auto* cmd = app.add_subcommand("list", "List benchmarks, tools and their implementations");
  auto dirs = std::make_shared<std::vector<std::string>>();
  cmd->add_option("--tools-dir", *dirs, "Extra folder holding tool folders (repeatable)");
  cmd->callback([dirs, &state] {
    fmt::print("Benchmarks:\n");
    for (const auto& b : all_benchmarks()) {
      std::vector<std::string> sizes;
      for (const auto& p : b->size_params()) sizes.push_back(fmt::format("{}={}", p.name, p.default_value));
      fmt::print("  {:<12} {:<36} {}\n", b->name(), fmt::format("{}", fmt::join(sizes, ",")), b->description());
    }
    RunOptions o;
    o.tools_dirs = *dirs;
    fmt::print("\nTools (implementations: benchmark/variant scheme):\n");
    for (const auto& e : discover_tools(tool_dirs(o))) {
      if (!e.tool) {
        fmt::print("  {:<12} BROKEN MANIFEST: {}\n", e.name(), e.error);
        state.exit_code = 1;
        continue;
      }
      const Tool& t = *e.tool;
      fmt::print("  {:<12} {}{}\n", t.name, t.language, t.library ? fmt::format(", {} {}", t.library->name, t.library->version) : "");
      for (const auto& i : t.implementations)
        fmt::print("    {:<28} {:<6} {}\n", i.benchmark + "/" + i.variant, i.scheme, i.description);
    }
  });
}

}  // namespace fhebench
