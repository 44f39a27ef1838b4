// Where a repetition's process executes. The runner prepares the work directory and the
// command; an executor starts it and measures it from outside. `local` runs it here;
// `container` wraps it in a fresh container of the tool's image. `slurm` schedules whole
// cells as cluster jobs (CellScheduler) whose tasks then use the local executor.
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
class CellScheduler;

class Executor {
 public:
  virtual ~Executor() = default;
  virtual std::string name() const = 0;
  // spec.cwd is the work directory holding input.json; spec.env the FHEBENCH_* variables.
  virtual ProcessResult run(const ProcessSpec& spec) = 0;
  // Makes `tool` ready to run here: its library and build (local), or its images (container).
  virtual ToolSetup prepare(const Tool& tool, const SetupOptions& options) { return setup_tool(tool, options); }
  // The argv of `impl` as this executor runs it (placeholders expanded for where it runs).
  virtual std::vector<std::string> command(const Tool& tool, const Implementation& impl, const ToolSetup& setup) {
    return expand_command(tool, impl, setup);
  }
  // Non-null when this executor runs whole cells itself elsewhere (Slurm): the runner then
  // hands it the matrix instead of running repetitions through run().
  virtual CellScheduler* scheduler() { return nullptr; }
};

// Runs cells elsewhere and learns about them only through the store.
class CellScheduler {
 public:
  virtual ~CellScheduler() = default;
  // Runs the pending repetitions of cells[i] for every i in `runnable`; calls cell_done(i)
  // when cell i is over; cancels what it started once `stop` returns true. Returns false
  // when stopped.
  virtual bool run_cells(const RunStore& store, const std::vector<Cell>& cells, const std::vector<size_t>& runnable,
                         const RunOptions& options, Progress& progress, const std::function<void(size_t)>& cell_done,
                         const std::function<bool()>& stop) = 0;
};

class LocalExecutor : public Executor {
 public:
  std::string name() const override { return "local"; }
  ProcessResult run(const ProcessSpec& spec) override { return run_process(spec); }
};

// The executor `--executor` names; throws UsageError for an unknown or unusable one.
std::unique_ptr<Executor> make_executor(const RunOptions& options);

}  // namespace fhebench
