#include "executor.h"

#include "executor_container.h"
#include "executor_slurm.h"
#include "run_options.h"

namespace fhebench {

std::unique_ptr<Executor> make_executor(const RunOptions& o) {
  if (o.executor == "local") return std::make_unique<LocalExecutor>();
  if (o.executor == "container") return make_container_executor(o);
  if (o.executor == "slurm") return make_slurm_executor(o);
  throw UsageError("--executor " + o.executor + ": unknown executor (executors: local, container, slurm)");
}

}  // namespace fhebench
