// `fhebench exec-cell` (hidden): what one Slurm array task runs. It executes the pending
// repetitions of its cells with the local executor, exactly as `fhebench run` does, and
// writes their records into the shared results folder; the submitting `fhebench run`
// follows them there and writes the summaries.
#include <signal.h>
#include <unistd.h>

#include <fmt/format.h>

#include "atomic_file.h"
#include "cell_run.h"
#include "machine.h"
#include "cli.h"
#include "executor.h"
#include "process.h"
#include "run_options.h"
#include "runner.h"
#include "tool_catalog.h"

namespace fhebench {
namespace {

// scancel (and the time limit) send SIGTERM: kill the running repetition and leave at once,
// so no record is written for a repetition that was cut short.
void on_terminate(int) {
  kill_running_process();
  _exit(143);
}

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

// Runs one cell; false when its tool cannot run here (the reason is printed).
bool exec_cell(const RunStore& store, const Cell& cell, const RunOptions& o, const std::vector<CatalogEntry>& catalog,
               ProcessExecutor& executor, Progress& progress) {
  const Tool* tool = nullptr;
  for (const auto& e : catalog)
    if (e.tool && e.tool->name == cell.tool) tool = &*e.tool;
  const Implementation* impl = nullptr;
  if (tool)
    for (const auto& i : tool->implementations)
      if (i.benchmark == cell.benchmark && i.variant == cell.variant) impl = &i;
  if (!impl) {
    progress.message(fmt::format("{}: the tool or its {} {} implementation is not found here", cell.tool, cell.benchmark, cell.variant));
    return false;
  }
  // Check only: the submitter built the tool into the shared cache; tasks never build, so
  // that parallel tasks cannot race on one cache entry.
  SetupOptions so;
  so.build = false;
  const ToolSetup setup = setup_tool(*tool, so);
  if (!setup.available || !setup.info.value("built", true)) {
    progress.message(fmt::format("{}: cannot run here: {}", cell.tool,
                                 setup.available ? "its build is not in the shared cache " + setup.build_dir.string() : setup.reason));
    return false;
  }
  TaskLocation where{env_or("SLURM_ARRAY_JOB_ID", env_or("SLURM_JOB_ID", "")), env_or("SLURM_ARRAY_TASK_ID", ""),
                     hostname(), utc_timestamp(), ""};
  // Tasks of two submissions (a resume while a job still runs) never run one cell at once.
  const auto lock = store.lock_cell(cell);
  store.write_task_location(cell, where);
  progress.start_cell(0, cell_label(cell), o.repetitions);
  run_cell(store, cell, o, limits_from(o), executor.launch(*tool, *impl, setup), executor, progress);
  where.finished = utc_timestamp();
  store.write_task_location(cell, where);
  progress.finish_cell("recorded");
  return true;
}

int exec_cells(const std::string& results, const std::string& id, const std::string& tasks_file, int task,
               std::vector<size_t> indices) {
  const RunStore store = RunStore::open(results, id);
  const Json run = store.read_run();
  RunOptions o = options_from_json(run["options"]);
  o.results = results;
  // Relative --tools-dir values meant the submitter's working directory.
  const std::vector<SlurmJob> jobs = store.slurm_jobs();
  const fs::path cwd = jobs.empty() ? fs::path() : jobs.back().cwd;
  for (auto& d : o.tools_dirs)
    if (fs::path(d).is_relative() && !cwd.empty()) d = (cwd / d).string();
  if (!tasks_file.empty()) {
    const auto text = read_file(tasks_file);
    if (!text) throw UsageError("cannot read " + tasks_file);
    indices = Json::parse(*text).at("tasks").at(static_cast<size_t>(task)).get<std::vector<size_t>>();
  }
  const std::vector<Cell> cells = store.matrix();
  const auto catalog = discover_tools(tool_dirs(o));
  LocalExecutor executor(fmt::format("slurm:{}_{}", env_or("SLURM_ARRAY_JOB_ID", env_or("SLURM_JOB_ID", "?")),
                                         env_or("SLURM_ARRAY_TASK_ID", "?")));
  ::signal(SIGTERM, on_terminate);
  ::signal(SIGINT, on_terminate);
  Progress progress(indices.size());
  progress.message(fmt::format("fhebench exec-cell: run {}, cells {} on {}", id, fmt::join(indices, ","), hostname()));
  int status = 0;
  for (size_t i : indices) {
    if (i >= cells.size()) throw UsageError(fmt::format("cell {} is not in run {}'s matrix", i, id));
    if (!exec_cell(store, cells[i], o, catalog, executor, progress)) status = 1;
  }
  return status;
}

}  // namespace

void add_exec_cell_command(CLI::App& app, CliState& state) {
  auto* cmd = app.add_subcommand("exec-cell", "Run cells of an existing run here (what a Slurm task executes)");
  cmd->group("");  // hidden: users run `fhebench run --executor slurm`
  auto results = std::make_shared<std::string>();
  auto id = std::make_shared<std::string>();
  auto tasks = std::make_shared<std::string>();
  auto task = std::make_shared<int>(-1);
  auto cells = std::make_shared<std::vector<size_t>>();
  cmd->add_option("--results", *results, "Folder of the results store")->required();
  cmd->add_option("--run", *id, "The run's id")->required();
  cmd->add_option("--tasks", *tasks, "The submission's task list (slurm/submit_<n>.json)");
  cmd->add_option("--task", *task, "Index into the task list (SLURM_ARRAY_TASK_ID)");
  cmd->add_option("--cell", *cells, "Index of a cell in run.json's matrix (repeatable)");
  cmd->callback([=, &state] {
    if (tasks->empty() == cells->empty()) throw UsageError("exec-cell: give either --tasks FILE --task N or --cell I");
    if (!tasks->empty() && *task < 0) throw UsageError("exec-cell: --tasks needs --task N");
    try {
      state.exit_code = exec_cells(*results, *id, *tasks, *task, *cells);
    } catch (const std::runtime_error& e) {
      if (dynamic_cast<const UsageError*>(&e)) throw;
      throw UsageError(std::string("exec-cell: ") + e.what());
    }
  });
}

}  // namespace fhebench
