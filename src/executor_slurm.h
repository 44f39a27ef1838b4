// `fhebench run --executor slurm`: the matrix becomes one Slurm job array, one task per
// cell (or per tool). Each task runs `fhebench exec-cell`, which executes its cells'
// pending repetitions exactly as a local run does and writes their records atomically
// into the results folder, which the nodes share. This process only follows: it reads
// squeue and the store, shows progress, cancels the job on Ctrl-C, and on --resume
// re-attaches to a job that is still running or submits the cells still missing.
//
// Files in the run folder: slurm/submit_<n>.json (the cells of each array task),
// slurm/submit_<n>.sh (the batch script), slurm/<job>_<task>.out (each task's output);
// run.json "slurm": {"jobs": [{"job", "submitted", "tasks_file", "cwd"}]}; and in every
// cell folder slurm.json: the job, task and node the cell ran on.
#pragma once

#include <memory>

#include "executor.h"
#include "executor_options.h"

namespace fhebench {

class SlurmExecutor : public Executor {
 public:
  explicit SlurmExecutor(ExecutorOptions options) : options_(std::move(options)) {}
  std::string name() const override { return "slurm"; }
  // Submits the cells still missing (or re-attaches to a job still running) and follows
  // them; each task runs `fhebench exec-cell`, which computes its own launch.
  bool run_cells(const CellBatch& batch, const std::vector<CellJob>& jobs) override;

 private:
  ExecutorOptions options_;
};

// Throws UsageError when no Slurm controller answers or an option is invalid.
std::unique_ptr<Executor> make_slurm_executor(const RunOptions& options);

// One line for `fhebench doctor`: whether a Slurm controller answers here.
std::string slurm_support();

// The cells (indices into the matrix) of each array task: one per cell, or the cells of
// one tool together ("tool").
std::vector<std::vector<size_t>> group_tasks(const std::vector<Cell>& cells, const std::vector<size_t>& pending,
                                             const std::string& per);

}  // namespace fhebench
