// Where cells execute. Every executor runs whole cells behind one interface (run_cells):
// `local` and `container` run each repetition as a process from here (ProcessExecutor),
// `slurm` hands the cells to cluster tasks and follows them through the store. The runner
// holds only an Executor&, so tests drive it with a fake one.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "process.h"
#include "progress.h"
#include "run_store.h"
#include "tool_setup.h"

namespace fhebench {

struct RunOptions;

// A repetition's resource limits, parsed once from the options (--threads, --timeout,
// --cpus, --memory-limit, --container-cpus).
struct Limits {
  int threads = 1;
  double timeout_s = 0;
  std::vector<int> cpus;  // pinning; empty: none
  uint64_t memory_bytes = 0;
  double cpu_quota = 0;   // containers only; 0: none
};
// Throws UsageError when --cpus is not a CPU list.
Limits limits_from(const RunOptions& o);

// What to start for a cell: the program's argv as it is seen where it runs, and the
// image it runs in (container executor; empty elsewhere).
struct Launch {
  std::string image;
  std::vector<std::string> argv;
};

// One process run by an executor, and where it ran ("local", "container:<image>",
// "slurm:<job>_<task>"): each record's `where`.
struct Execution {
  ProcessResult process;
  std::string where;
};

// A cell ready to run: its index in the matrix and its launch.
struct CellJob {
  size_t index;
  Launch launch;
};

// What run_cells needs from the runner.
struct CellBatch {
  const RunStore& store;
  const std::vector<Cell>& cells;
  const RunOptions& options;
  const Limits& limits;
  Progress& progress;
  std::function<void(size_t)> started, finished;  // cell i begins / is over
  std::function<bool()> stop;                      // true once the run is interrupted
};

class Executor {
 public:
  virtual ~Executor() = default;
  virtual std::string name() const = 0;
  // Makes `tool` ready to run here: its library and build (local), or its images (container).
  virtual ToolSetup prepare(const Tool& tool, const SetupOptions& options) { return setup_tool(tool, options); }
  // How `impl` is started where this executor runs it (placeholders expanded for there).
  virtual Launch launch(const Tool& tool, const Implementation& impl, const ToolSetup& setup) {
    return {"", expand_command(tool, impl, setup)};
  }
  // Runs the pending repetitions of every job's cell; false when stopped.
  virtual bool run_cells(const CellBatch& batch, const std::vector<CellJob>& jobs) = 0;
};

// An executor that runs each repetition as one process started from here.
class ProcessExecutor : public Executor {
 public:
  bool run_cells(const CellBatch& batch, const std::vector<CellJob>& jobs) override;
  // spec.cwd is the work directory holding input.json; spec.env the FHEBENCH_* variables;
  // spec.argv is unset: the launch says what to start.
  virtual Execution execute(const Launch& launch, const ProcessSpec& spec, const Limits& limits) = 0;
};

class LocalExecutor : public ProcessExecutor {
 public:
  // `where`: what the records say ("local"; a Slurm task passes "slurm:<job>_<task>").
  explicit LocalExecutor(std::string where = "local") : where_(std::move(where)) {}
  std::string name() const override { return "local"; }
  Execution execute(const Launch& launch, const ProcessSpec& spec, const Limits& limits) override;

 private:
  std::string where_;
};

// The executor `--executor` names; throws UsageError for an unknown or unusable one.
std::unique_ptr<Executor> make_executor(const RunOptions& options);

}  // namespace fhebench
