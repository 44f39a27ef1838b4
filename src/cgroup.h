// A memory cgroup (v1, or v2 where it has the memory controller) for one process tree:
// it measures the tree's peak memory, can cap it, and lists every member so that none
// survives a kill. Created below the harness's own cgroup, as the environment requires.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fhebench {

class MemoryCgroup {
 public:
  // nullptr when no writable memory cgroup can be made here; `why` then says why.
  static std::unique_ptr<MemoryCgroup> create(const std::string& name, std::string* why);
  ~MemoryCgroup();  // kills what is left and removes the cgroup

  std::string method() const { return v2_ ? "cgroup-v2" : "cgroup-v1"; }
  // Path of the file a process writes its pid into to join (async-signal-safe to use).
  const std::string& procs_file() const { return procs_file_; }
  bool set_limit(uint64_t bytes);
  std::optional<uint64_t> peak_bytes() const;
  bool oom_killed() const;  // the limit was hit and the kernel killed a member
  std::vector<pid_t> members() const;
  // Whether `pid` is in this cgroup (a zombie shows as in the root); nullopt when unreadable.
  std::optional<bool> holds(pid_t pid) const;
  void kill_all();

 private:
  MemoryCgroup(std::filesystem::path dir, bool v2, std::string path);
  std::filesystem::path dir_;
  std::string path_;  // as /proc/<pid>/cgroup names it
  bool v2_;
  std::string procs_file_;
};

}  // namespace fhebench
