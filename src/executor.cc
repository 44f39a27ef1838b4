#include "executor.h"

#include "adaptive_budget.h"
#include "cell_run.h"
#include "executor_container.h"
#include "executor_slurm.h"
#include "run_options.h"

namespace fhebench {

Limits limits_from(const RunOptions& o) {
  Limits l;
  l.threads = o.threads;
  l.timeout_s = o.timeout_s;
  l.memory_bytes = o.memory_limit_mib << 20;
  l.cpu_quota = o.exec.container_cpus;
  if (!o.cpus.empty()) {
    try {
      l.cpus = parse_cpu_list(o.cpus);
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string("--cpus: ") + e.what());
    }
  }
  return l;
}

bool ProcessExecutor::run_cells(const CellBatch& batch, const std::vector<CellJob>& jobs) {
  TimeBudget budget(batch.options.time_budget_s, jobs.size());
  for (const CellJob& job : jobs) {
    if (batch.stop()) return false;
    batch.started(job.index);
    if (!run_cell(batch.store, batch.cells[job.index], batch.options, batch.limits, job.launch, *this, batch.progress,
                  budget.next_share()))
      return false;
    batch.finished(job.index);
  }
  return !batch.stop();
}

Execution LocalExecutor::execute(const Launch& launch, const ProcessSpec& given, const Limits& limits) {
  ProcessSpec spec = given;
  spec.argv = launch.argv;
  spec.timeout_s = limits.timeout_s;
  spec.cpus = limits.cpus;
  spec.memory_limit_bytes = limits.memory_bytes;
  return {run_process(spec), where_};
}

std::unique_ptr<Executor> make_executor(const RunOptions& o) {
  if (o.executor == "local") return std::make_unique<LocalExecutor>();
  if (o.executor == "container") return make_container_executor(o);
  if (o.executor == "slurm") return make_slurm_executor(o);
  throw UsageError("--executor " + o.executor + ": unknown executor (executors: local, container, slurm)");
}

}  // namespace fhebench
