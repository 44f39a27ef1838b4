#include "executor_container.h"

#include <unistd.h>

#include <fmt/format.h>

#include "container_cgroup.h"
#include "container_images.h"
#include "run_options.h"

namespace fhebench {
namespace {

std::string last_line(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  const auto nl = s.rfind('\n');
  return nl == std::string::npos ? s : s.substr(nl + 1);
}

// Peak memory and CPU time of the container, from its cgroup parent when there is one.
void measure_container(ProcessResult& r, const ContainerCgroup* cg, const std::string& engine_name) {
  if (!cg) {
    r.memory_method = "rusage-of-" + engine_name + "-client (does not include the container)";
    r.peak_memory_bytes = r.max_rss_bytes;
    return;
  }
  if (auto peak = cg->peak_bytes()) r.peak_memory_bytes = *peak;
  r.memory_method = cg->method();
  r.out_of_memory = r.out_of_memory || cg->oom_killed();
  if (auto cpu = cg->cpu_seconds()) {
    r.user_s = cpu->first;
    r.sys_s = cpu->second;
  }
}

}  // namespace

void adopt_engine_status(ProcessResult& r, const std::string& engine_name, const std::string& stderr_tail) {
  if (!r.started || r.timed_out || r.signal != 0) return;
  if (r.exit_code == 125) {
    r.started = false;
    r.error = fmt::format("{} run failed: {}", engine_name, last_line(stderr_tail));
  } else if (r.exit_code > 128 && r.exit_code <= 128 + 64) {
    r.signal = r.exit_code - 128;
    r.exit_code = -1;
  }
}

std::unique_ptr<Executor> make_container_executor(const RunOptions& o) {
  const std::string& wanted = o.exec.engine;
  if (wanted != "auto" && wanted != "podman" && wanted != "docker")
    throw UsageError("--engine " + wanted + ": unknown container engine (engines: auto, podman, docker)");
  std::string why;
  auto engine = detect_engine(wanted, &why);
  if (!engine)
    throw UsageError(fmt::format("--executor container: no container engine works here ({}). Fix: start the Docker "
                                 "daemon, or install Podman (apt-get install podman runc) and, where crun or the "
                                 "default rlimits fail, run scripts/podman-config",
                                 why));
  return std::make_unique<ContainerExecutor>(std::move(*engine), o.exec);
}

std::string container_support() {
  std::string why;
  if (auto engine = detect_engine("auto", &why)) return describe(*engine);
  return fmt::format("none works ({}); fix: start the Docker daemon, or install podman and runc and run "
                     "scripts/podman-config (and scripts/podman-base-image to build offline)", why);
}

ContainerExecutor::ContainerExecutor(ContainerEngine engine, ExecutorOptions options)
    : engine_(std::move(engine)), options_(std::move(options)) {}

ToolSetup ContainerExecutor::prepare(const Tool& tool, const SetupOptions& so) {
  ToolSetup s;
  s.info["language"] = tool.language;
  if (tool.library) {
    s.info["library"] = tool.library->name;
    s.info["version"] = tool.library->version;
  }
  s.info["engine"] = describe(engine_);
  const auto log = [&](const std::string& line) {
    if (so.log) so.log(line);
  };
  if (base_image_.empty()) {
    base_image_ = choose_base_image(engine_, options_.base_image);
    log("base image " + base_image_);
  }
  const ToolImages images = ensure_tool_images(engine_, tool, base_image_, log);
  if (images.image.empty()) {
    s.reason = images.error;
    s.fix = images.fix;
    return s;
  }
  images_[tool.name] = images.image;
  s.info["image"] = images.image;
  s.info["image_base"] = images.base;
  s.build_dir = kImageBuildDir;
  s.node = "node";
  s.python = "/fhebench/venv/bin/python";  // tools/<Tool>/Dockerfile makes it
  s.library_prefix = "/usr/local";          // where the images install their library
  s.program_cache = "/tmp/fhebench-programs";  // per container: a compiler tool recompiles
  s.fhebench_dir = "/fhebench";
  s.available = true;
  return s;
}

Launch ContainerExecutor::launch(const Tool& tool, const Implementation& impl, const ToolSetup& setup) {
  Tool inside = tool;
  inside.dir = image_tool_dir(tool);
  return {images_.at(tool.name), expand_command(inside, impl, setup)};
}

Execution ContainerExecutor::execute(const Launch& launch, const ProcessSpec& spec, const Limits& limits) {
  static int counter = 0;
  const std::string name = fmt::format("fhebench-{}-{}", ::getpid(), counter++);
  std::string why;
  // Podman/Docker read --cgroup-parent as a path only with the cgroupfs manager.
  auto cg = engine_.cgroup_manager == "cgroupfs" ? ContainerCgroup::create(name, &why) : nullptr;
  ContainerRun run;
  run.image = launch.image;
  run.argv = launch.argv;
  run.name = name;
  run.work_dir = spec.cwd;
  run.env = spec.env;
  run.cpus = limits.cpus;
  run.cpu_quota = limits.cpu_quota;
  // fhebench's timeout normally removes the container first; this covers fhebench being killed.
  if (limits.timeout_s > 0) run.backstop_s = limits.timeout_s + 60;
  if (cg) run.cgroup_parent = cg->parent();
  if (limits.memory_bytes && !(cg && cg->set_limit(limits.memory_bytes))) run.memory_bytes = limits.memory_bytes;
  // A rootful Docker daemon would otherwise write root-owned files into the user's work dir;
  // rootless Podman already maps the container's root to the user.
  if (engine_.name == "docker" && ::getuid() != 0) run.user = std::pair{::getuid(), ::getgid()};

  ProcessSpec outer;
  outer.argv = run_argv(engine_, run);
  outer.cwd = spec.cwd;
  outer.timeout_s = limits.timeout_s;
  outer.stdout_file = spec.stdout_file;
  outer.stderr_file = spec.stderr_file;
  ProcessResult r = run_process(outer);
  // Killing the engine's client (timeout, Ctrl-C) does not stop the container.
  if (!r.started || r.timed_out || r.signal != 0 || r.exit_code == 125) remove_container(engine_, name);
  adopt_engine_status(r, engine_.name, file_tail(spec.stderr_file, 2000));
  measure_container(r, cg.get(), engine_.name);
  return {r, "container:" + run.image};
}

}  // namespace fhebench
