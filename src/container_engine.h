// A container engine, Podman or Docker, driven through its command line: finding one that
// works, images (exists, id, build) and the `run` command line of one repetition.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fhebench {

struct ContainerEngine {
  std::string name;            // "podman" or "docker"
  std::string binary;          // the program to execute (name or path)
  std::string version;         // of the engine (the server's for Docker)
  std::string cgroup_manager;  // "cgroupfs" or "systemd": how --cgroup-parent is read
  std::string runtime;         // OCI runtime, e.g. "runc" ("" when the engine does not say)
};

// A working engine: `wanted` is "auto" (Docker when its daemon answers, else Podman),
// "podman" or "docker". nullopt when none works, with the reason in `why`.
std::optional<ContainerEngine> detect_engine(const std::string& wanted, std::string* why);

// The image's id, or "" when the engine has no such image locally.
std::string image_id(const ContainerEngine& engine, const std::string& ref);

struct ImageBuild {
  std::filesystem::path context, dockerfile;
  std::string tag;
  std::map<std::string, std::string> args;  // --build-arg
  std::filesystem::path log_dir;           // receives build.log (stdout) and build.err (stderr)
  double timeout_s = 7200;
  // A PEM bundle the build's downloads trust (FHEBENCH_BUILD_CA_BUNDLE, e.g. with a
  // TLS-inspecting proxy's CA): Podman mounts it where Debian's update-ca-certificates adds it
  // to the image's bundle when a base image installs ca-certificates.
  std::filesystem::path ca_bundle;
};

// The engine's build command for `build` (without running it).
std::vector<std::string> build_argv(const ContainerEngine& engine, const ImageBuild& build);

// Builds with the engine's layer cache and the host network (builds may download packages;
// --network=host creates no bridge, iptables rule or ip_forward change). Returns "" or why
// it failed (one line, with the log's place).
std::string build_image(const ContainerEngine& engine, const ImageBuild& build);

// Removes a container by name, running or not; nothing happens when there is none.
void remove_container(const ContainerEngine& engine, const std::string& name);

// What one repetition's container gets.
struct ContainerRun {
  std::string image;
  std::vector<std::string> argv;  // the program and its arguments, as seen inside the image
  std::string name;               // unique, so the container can be removed whatever happens
  std::filesystem::path work_dir;  // mounted at the same path and used as cwd
  std::map<std::string, std::string> env;
  std::vector<int> cpus;            // --cpuset-cpus
  double cpu_quota = 0;             // --cpus
  uint64_t memory_bytes = 0;        // --memory (when the cgroup parent cannot carry the cap)
  std::string cgroup_parent;        // --cgroup-parent ("" for the engine's default)
  std::optional<std::pair<uid_t, gid_t>> user;  // --user, so files in the work dir are ours
  // Podman's own --timeout: ends the container even if fhebench itself is killed (0: none).
  double backstop_s = 0;
};

// `<engine> run --rm --network=none --pull=never --name ... -v W:W -w W -e ... IMAGE ARGV...`
std::vector<std::string> run_argv(const ContainerEngine& engine, const ContainerRun& run);

// "podman 4.3.1 (runc, cgroupfs)"
std::string describe(const ContainerEngine& engine);

}  // namespace fhebench
