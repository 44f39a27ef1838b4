// The cgroup under which the engine creates one container's cgroup (--cgroup-parent), so
// that the container is measured from outside as a local process tree is: peak memory
// (memory controller, hierarchical) and CPU time (cpuacct / cpu.stat, which keep what
// finished children used). It sits below the harness's own cgroup, inside the limits the
// environment set. It also carries the memory cap, so an OOM kill is seen here.
//
// With cgroupfs (v1) the engine makes the same path in every hierarchy (cpu, pids, ...)
// and leaves the parents and conmon's cgroup behind: the destructor removes what was not
// there before. Parents are shared by concurrent fhebench processes, so the folders any of
// them found missing are listed in a small registry (under flock) and whoever finishes
// last, leaving them empty, removes them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cgroup.h"

namespace fhebench {

class ContainerCgroup {
 public:
  // nullptr when no writable memory cgroup can be made here; `why` then says why.
  static std::unique_ptr<ContainerCgroup> create(const std::string& name, std::string* why);
  ~ContainerCgroup();

  // The --cgroup-parent value: the path below the hierarchy's root, e.g. /a/b/fhebench-ctr-1.
  const std::string& parent() const { return relative_; }
  bool set_limit(uint64_t bytes) { return memory_->set_limit(bytes); }
  std::optional<uint64_t> peak_bytes() const { return memory_->peak_bytes(); }
  bool oom_killed() const { return memory_->oom_killed(); }
  // "container-cgroup-v1" or "container-cgroup-v2".
  std::string method() const { return "container-" + memory_->method(); }
  // User and system CPU seconds of everything that ran below, when the CPU accounting
  // controller is there.
  std::optional<std::pair<double, double>> cpu_seconds() const;

 private:
  ContainerCgroup(std::unique_ptr<MemoryCgroup> memory, std::filesystem::path memory_root, std::string relative);
  std::unique_ptr<MemoryCgroup> memory_;
  std::filesystem::path memory_root_;  // mount point of the memory hierarchy (or the v2 root)
  std::string relative_;
  std::vector<std::filesystem::path> leaves_;  // our folder in each other hierarchy
};

}  // namespace fhebench
