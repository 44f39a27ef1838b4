#include "executor_options.h"

namespace fhebench {

Json to_json(const ExecutorOptions& o) {
  return {{"engine", o.engine},       {"base_image", o.base_image},         {"container_cpus", o.container_cpus},
          {"partition", o.partition}, {"account", o.account},               {"sbatch_options", o.sbatch_options},
          {"exclusive", o.exclusive}, {"slurm_task", o.slurm_task},         {"slurm_poll_s", o.slurm_poll_s}};
}

ExecutorOptions executor_options_from_json(const Json& j) {
  ExecutorOptions o;
  if (!j.is_object()) return o;
  o.engine = j.value("engine", o.engine);
  o.base_image = j.value("base_image", o.base_image);
  o.container_cpus = j.value("container_cpus", o.container_cpus);
  o.partition = j.value("partition", o.partition);
  o.account = j.value("account", o.account);
  o.sbatch_options = j.value("sbatch_options", o.sbatch_options);
  o.exclusive = j.value("exclusive", o.exclusive);
  o.slurm_task = j.value("slurm_task", o.slurm_task);
  o.slurm_poll_s = j.value("slurm_poll_s", o.slurm_poll_s);
  return o;
}

}  // namespace fhebench
