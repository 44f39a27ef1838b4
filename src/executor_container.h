// `fhebench run --executor container`: each repetition runs in a fresh container of its
// tool's image (container_images.h), with the work directory mounted at the same path, no
// network, the thread count, CPU and memory limits applied, and measured from outside:
// wall time of the engine's `run` (so it includes starting the container), CPU time and
// peak memory of the container's cgroup (container_cgroup.h). A container left by a
// timeout or an interruption is removed by name.
#pragma once

#include <map>
#include <memory>

#include "container_engine.h"
#include "executor.h"
#include "executor_options.h"

namespace fhebench {

class ContainerExecutor : public ProcessExecutor {
 public:
  ContainerExecutor(ContainerEngine engine, ExecutorOptions options);
  std::string name() const override { return "container"; }
  ToolSetup prepare(const Tool& tool, const SetupOptions& options) override;
  // The tool's image and the program as seen inside it.
  Launch launch(const Tool& tool, const Implementation& impl, const ToolSetup& setup) override;
  // Records say "container:<image>".
  Execution execute(const Launch& launch, const ProcessSpec& spec, const Limits& limits) override;

  const ContainerEngine& engine() const { return engine_; }

 private:
  ContainerEngine engine_;
  ExecutorOptions options_;
  std::string base_image_;  // chosen once, on the first prepare
  std::map<std::string, std::string> images_;  // tool -> image
};

struct RunOptions;
// The container executor with the engine `--engine` asks for; throws UsageError when no
// engine works here, saying what fixes it.
std::unique_ptr<Executor> make_container_executor(const RunOptions& options);

// One line for `fhebench doctor`: the engine --executor container would use, or why none
// works and what fixes it.
std::string container_support();

// Reads the engine's exit status the way the local executor reports a process: 128+N is
// signal N (the engine's convention for a container killed by a signal), 125 means the
// engine itself failed (nothing ran).
void adopt_engine_status(ProcessResult& r, const std::string& engine_name, const std::string& stderr_tail);

}  // namespace fhebench
