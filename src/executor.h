// Where a repetition's process executes. The runner prepares the work directory and the
// command; an executor starts it and measures it from outside. `local` runs it here;
// `container` wraps it in a fresh container. (`slurm` schedules whole cells as cluster
// jobs whose tasks then use the local executor.)
#pragma once

#include <memory>
#include <string>

#include "process.h"

namespace fhebench {

class Executor {
 public:
  virtual ~Executor() = default;
  virtual std::string name() const = 0;
  // spec.cwd is the work directory holding input.json; spec.env the FHEBENCH_* variables.
  virtual ProcessResult run(const ProcessSpec& spec) = 0;
};

class LocalExecutor : public Executor {
 public:
  std::string name() const override { return "local"; }
  ProcessResult run(const ProcessSpec& spec) override { return run_process(spec); }
};

struct RunOptions;
// The executor `--executor` names; throws UsageError for an unknown or unusable one.
std::unique_ptr<Executor> make_executor(const RunOptions& options);

}  // namespace fhebench
