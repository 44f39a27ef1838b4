#include <fmt/format.h>

#include "cli.h"
#include "matrix.h"
#include "run_options.h"
#include "runner.h"
#include "tool_catalog.h"
#include "tool_setup.h"

namespace fhebench {

void add_build_command(CLI::App& app, CliState& state) {
  auto* cmd = app.add_subcommand("build", "Resolve libraries and build the tools' programs into the cache");
  auto o = std::make_shared<RunOptions>();
  auto tools = std::make_shared<std::vector<std::string>>();
  auto rebuild = std::make_shared<bool>(false);
  cmd->add_option("--tools", *tools, "Tools to build (default: all)");
  cmd->add_option("--tools-dir", o->tools_dirs, "Extra folder holding tool folders (repeatable)");
  cmd->add_option("--jobs", o->jobs, "Parallel build jobs")->capture_default_str();
  cmd->add_flag("--rebuild", *rebuild, "Build again even when the cache has the same build");
  cmd->callback([=, &state] {
    o->tools = split_list(*tools);
    const auto catalog = discover_tools(tool_dirs(*o));
    check_filters(*o, catalog);
    int failed = 0;
    for (const Tool* t : selected_tools(*o, catalog)) {
      SetupOptions so;
      so.jobs = o->jobs;
      so.rebuild = *rebuild;
      so.log = [t](const std::string& line) { fmt::print(stderr, "{}: {}\n", t->name, line); };
      const ToolSetup s = setup_tool(*t, so);
      if (s.available) {
        fmt::print("{:<12} ready{}\n", t->name, s.build_dir.empty() ? "" : " in " + s.build_dir.string());
      } else {
        ++failed;
        fmt::print("{:<12} unavailable: {}\n{:<12} fix: {}\n", t->name, s.reason, "", s.fix);
      }
    }
    state.exit_code = failed ? 1 : 0;
  });
}

}  // namespace fhebench
