#include <fmt/format.h>

#include "cgroup.h"
#include "cli.h"
#include "executor_container.h"
#include "executor_slurm.h"
#include "project.h"
#include "run_options.h"
#include "runner.h"
#include "tool_catalog.h"
#include "tool_setup.h"

namespace fhebench {

void add_doctor_command(CLI::App& app, CliState& state) {
  auto* cmd = app.add_subcommand("doctor", "Say which tools are available here and, for each that is not, why and what fixes it");
  auto dirs = std::make_shared<std::vector<std::string>>();
  auto tools = std::make_shared<std::vector<std::string>>();
  cmd->add_option("--tools-dir", *dirs, "Extra folder holding tool folders (repeatable)");
  cmd->add_option("--tools", *tools, "Only these tools");
  cmd->callback([dirs, tools, &state] {
    RunOptions o;
    o.tools_dirs = *dirs;
    o.tools = split_list(*tools);
    const auto catalog = discover_tools(tool_dirs(o));
    fmt::print("fhebench {} ({}), tools from {}, build cache {}\n", version(), git_commit(), default_tools_dir().string(),
               cache_dir().string());
    std::string why;
    const auto cg = MemoryCgroup::create("fhebench-doctor", &why);
    fmt::print("container executor: {}\nslurm executor: {}\n", container_support(), slurm_support());
    fmt::print("memory measurement: {}\n\n", cg ? cg->method() + " (peak of the whole process tree)"
                                                : "rusage, largest single process (" + why + ")");
    int unavailable = 0;
    for (const auto& e : catalog) {
      if (!o.tools.empty() && std::find(o.tools.begin(), o.tools.end(), e.name()) == o.tools.end()) continue;
      if (!e.tool) {
        fmt::print("{:<12} BROKEN: {}\n", e.name(), e.error);
        ++unavailable;
        continue;
      }
      SetupOptions so;
      so.build = false;
      const ToolSetup s = setup_tool(*e.tool, so);
      if (!s.available) {
        ++unavailable;
        fmt::print("{:<12} unavailable: {}\n{:<12} fix: {}\n", e.name(), s.reason, "", s.fix);
        continue;
      }
      std::vector<std::string> facts;
      for (const char* key : {"library", "version", "source", "toolchain", "node", "python", "packages"})
        if (s.info.contains(key)) facts.push_back(s.info[key].get<std::string>());
      if (s.info.contains("built")) facts.push_back(s.info["built"].get<bool>() ? "built" : "not built yet (fhebench build)");
      fmt::print("{:<12} available: {}\n", e.name(), fmt::join(facts, ", "));
    }
    state.exit_code = unavailable ? 1 : 0;
  });
}

}  // namespace fhebench
