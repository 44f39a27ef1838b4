// Options of the container and Slurm executors (`fhebench run --engine ... --partition ...`).
// Kept in run.json so that `--resume` and the Slurm tasks use the same settings.
#pragma once

#include <string>
#include <vector>

#include "json.h"

namespace fhebench {

struct ExecutorOptions {
  // container
  std::string engine = "auto";  // auto | podman | docker
  std::string base_image;       // BASE_IMAGE of image_base/Dockerfile; "": the Dockerfile's default
  double container_cpus = 0;    // CPU quota of each container (--cpus); 0: none
  // slurm
  std::string partition, account;
  std::vector<std::string> sbatch_options;  // extra sbatch arguments, e.g. --qos=short
  bool exclusive = false;                   // sbatch --exclusive: no other job shares the node
  std::string slurm_task = "cell";          // one array task per "cell" or per "tool"
  double slurm_poll_s = 1;                  // how often the submitter looks at squeue and the store
};

Json to_json(const ExecutorOptions& o);
ExecutorOptions executor_options_from_json(const Json& j);

}  // namespace fhebench
