#include "container_engine.h"

#include <unistd.h>

#include <fmt/format.h>

#include <cmath>

#include "atomic_file.h"
#include "process.h"

namespace fhebench {
namespace fs = std::filesystem;
namespace {

using Output = CommandOutput;

Output engine_command(const std::vector<std::string>& argv, double timeout_s = 60) { return run_command(argv, timeout_s); }

std::string last_line(const std::string& text) {
  std::string s = text;
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  const auto nl = s.rfind('\n');
  return nl == std::string::npos ? s : s.substr(nl + 1);
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  size_t pos = 0;
  for (size_t at; (at = s.find(sep, pos)) != std::string::npos; pos = at + 1) parts.push_back(s.substr(pos, at - pos));
  parts.push_back(s.substr(pos));
  return parts;
}

// Asks the engine for version, cgroup manager and runtime; this fails when the engine
// cannot work (no Docker daemon, a broken Podman configuration).
std::optional<ContainerEngine> probe(const std::string& name, std::string& why) {
  const std::string format = name == "podman" ? "{{.Version.Version}}|{{.Host.CgroupManager}}|{{.Host.OCIRuntime.Name}}"
                                              : "{{.ServerVersion}}|{{.CgroupDriver}}|{{.DefaultRuntime}}";
  const Output o = engine_command({name, "info", "--format", format}, 30);
  const auto parts = split(o.out, '|');
  if (!o.ok || parts.size() != 3 || parts[0].empty()) {
    why += fmt::format("{}{}: {}", why.empty() ? "" : "; ", name, o.err.empty() ? "`" + name + " info` failed" : last_line(o.err));
    return std::nullopt;
  }
  return ContainerEngine{name, name, parts[0], parts[1], parts[2]};
}

}  // namespace

std::optional<ContainerEngine> detect_engine(const std::string& wanted, std::string* why) {
  std::string reasons;
  std::vector<std::string> order = {"docker", "podman"};
  if (wanted != "auto") order = {wanted};
  for (const auto& name : order)
    if (auto e = probe(name, reasons)) return e;
  if (why) *why = reasons;
  return std::nullopt;
}

std::string image_id(const ContainerEngine& engine, const std::string& ref) {
  const Output o = engine_command({engine.binary, "image", "inspect", "--format", "{{.Id}}", ref}, 60);
  return o.ok ? last_line(o.out) : "";
}

std::vector<std::string> build_argv(const ContainerEngine& engine, const ImageBuild& b) {
  std::vector<std::string> argv = {engine.binary, "build", "--network=host", "-t", b.tag, "-f", b.dockerfile.string()};
  for (const auto& [k, v] : b.args) argv.insert(argv.end(), {"--build-arg", k + "=" + v});
  // Docker's build has no mounts for RUN steps; its users add the CA to the base image.
  if (!b.ca_bundle.empty() && engine.name == "podman")
    argv.insert(argv.end(), {"-v", b.ca_bundle.string() + ":/usr/local/share/ca-certificates/fhebench-build.crt:ro"});
  argv.push_back(b.context.string());
  return argv;
}

std::string build_image(const ContainerEngine& engine, const ImageBuild& b) {
  fs::create_directories(b.log_dir);
  ProcessSpec spec;
  spec.argv = build_argv(engine, b);
  spec.cwd = b.context;
  spec.stdout_file = b.log_dir / "build.log";
  spec.stderr_file = b.log_dir / "build.err";
  spec.timeout_s = b.timeout_s;
  const ProcessResult r = run_process(spec);
  if (r.started && !r.timed_out && r.exit_code == 0) return "";
  std::string detail = !r.started ? r.error : r.timed_out ? fmt::format("no result after {:g} s", b.timeout_s)
                                                          : last_line(file_tail(spec.stderr_file, 2000));
  if (detail.empty()) detail = last_line(file_tail(spec.stdout_file, 2000));
  return fmt::format("{} build of {} failed: {} (log: {})", engine.name, b.tag, detail, b.log_dir.string());
}

void remove_container(const ContainerEngine& engine, const std::string& name) {
  // `rm -f` kills a running container first; -t 0 (Podman) skips the grace period.
  std::vector<std::string> argv = {engine.binary, "rm", "-f"};
  if (engine.name == "podman") argv.insert(argv.end(), {"-t", "0", "--ignore"});
  argv.push_back(name);
  engine_command(argv, 120);
}

std::vector<std::string> run_argv(const ContainerEngine& engine, const ContainerRun& r) {
  const std::string work = r.work_dir.string();
  std::vector<std::string> argv = {engine.binary, "run", "--rm", "--network=none", "--pull=never", "--name", r.name,
                                   "-v", work + ":" + work, "-w", work};
  for (const auto& [k, v] : r.env) argv.insert(argv.end(), {"-e", k + "=" + v});
  if (!r.cpus.empty()) {
    std::string list;
    for (int c : r.cpus) list += (list.empty() ? "" : ",") + std::to_string(c);
    argv.push_back("--cpuset-cpus=" + list);
  }
  if (r.cpu_quota > 0) argv.push_back(fmt::format("--cpus={:g}", r.cpu_quota));
  if (r.memory_bytes) {
    // Swap counts against the cap too, so the cap means what it says.
    argv.push_back(fmt::format("--memory={}", r.memory_bytes));
    argv.push_back(fmt::format("--memory-swap={}", r.memory_bytes));
  }
  if (!r.cgroup_parent.empty()) argv.push_back("--cgroup-parent=" + r.cgroup_parent);
  if (r.backstop_s > 0 && engine.name == "podman") argv.push_back(fmt::format("--timeout={}", static_cast<long>(std::ceil(r.backstop_s))));
  if (r.user) argv.push_back(fmt::format("--user={}:{}", r.user->first, r.user->second));
  argv.push_back(r.image);
  argv.insert(argv.end(), r.argv.begin(), r.argv.end());
  return argv;
}

std::string describe(const ContainerEngine& e) {
  return fmt::format("{} {} ({}{}{})", e.name, e.version, e.runtime, e.runtime.empty() ? "" : ", ", e.cgroup_manager);
}

}  // namespace fhebench
