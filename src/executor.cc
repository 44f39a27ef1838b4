#include "executor.h"

#include "run_options.h"

namespace fhebench {

std::unique_ptr<Executor> make_executor(const RunOptions& o) {
  if (o.executor == "local") return std::make_unique<LocalExecutor>();
  throw UsageError("--executor " + o.executor + ": unknown executor (executors: local)");
}

}  // namespace fhebench
