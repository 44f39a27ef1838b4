// The harness's own cost per repetition: writing input.json, starting the program in its
// cgroup, measuring it, reading and verifying output.json and storing the record, against
// starting the same trivial program directly (posix_spawn + wait) with a ready input.
// Both are measured interleaved in one process so machine noise hits them alike.
#include <spawn.h>
#include <sys/wait.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "atomic_file.h"
#include "benchmark.h"
#include "manifest.h"
#include "protocol.h"
#include "repetition.h"
#include "run_store.h"
#include "stats.h"
#include "project.h"
#include "tool_setup.h"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// The program run directly: same binary, same input, environment set by hand.
double run_direct(const std::string& binary, const fs::path& dir) {
  const auto start = Clock::now();
  std::vector<std::string> env_strings = {"FHEBENCH_INPUT=" + (dir / "input.json").string(),
                                          "FHEBENCH_OUTPUT=" + (dir / "output.json").string(), "FHEBENCH_THREADS=1"};
  for (char** e = environ; *e; ++e) env_strings.push_back(*e);
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  char* argv[] = {const_cast<char*>(binary.c_str()), nullptr};
  pid_t pid;
  if (posix_spawn(&pid, binary.c_str(), nullptr, nullptr, argv, envp.data()) != 0) std::exit(1);
  int status;
  waitpid(pid, &status, 0);
  return ms_since(start);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace fhebench;
  const int n = argc > 1 ? std::atoi(argv[1]) : 200;
  const Tool tool = load_manifest(default_tools_dir() / "Plaintext");
  SetupOptions so;
  const ToolSetup setup = setup_tool(tool, so);
  if (!setup.available) {
    fmt::print(stderr, "Plaintext unavailable: {}\n", setup.reason);
    return 1;
  }
  const Implementation& impl = tool.implementations[0];  // cardio
  const Benchmark& b = *find_benchmark(impl.benchmark);
  const Size size = b.make_size();
  const std::string input = make_input(b.name(), "default", size, 1, b.generate(size, 1)).dump();

  const fs::path root = fs::temp_directory_path() / ("fhebench-overhead-" + std::to_string(::getpid()));
  RunStore store = RunStore::create(root);
  Cell cell{"Plaintext", b.name(), "default", "none", impl_id(tool, impl), size, size_key(size), "cells/c"};
  fs::create_directories(store.cell_dir(cell));
  const fs::path direct_dir = root / "direct";
  fs::create_directories(direct_dir);
  write_file_atomic(direct_dir / "input.json", input);

  RepetitionRequest req;
  req.launch = {"", expand_command(tool, impl, setup)};
  req.benchmark = &b;
  req.size = size;
  req.input_text = input;
  req.expected = b.reference(size, Json::parse(input)["inputs"]);
  LocalExecutor local;

  std::vector<double> direct, harness;
  for (int i = 0; i < n; ++i) {
    direct.push_back(run_direct(req.launch.argv[0], direct_dir));
    req.id = {i + 1, false};
    req.work = store.work_dir(cell, req.id);
    req.output_copy = store.output_copy(cell, req.id);
    const auto start = Clock::now();
    const Record rec = run_repetition(req, local);
    store.write_record(cell, rec);
    harness.push_back(ms_since(start));
    if (rec.status != Status::ok) {
      fmt::print(stderr, "repetition failed: {}\n", to_json(rec).dump());
      return 1;
    }
  }
  fs::remove_all(root);
  const Stats d = compute_stats(direct), h = compute_stats(harness);
  fmt::print("{} repetitions of Plaintext cardio, interleaved\n", n);
  fmt::print("direct (posix_spawn + wait):        median {:.3f} ms  (min {:.3f}, sd {:.3f})\n", d.median, d.min, d.sd);
  fmt::print("fhebench repetition (+ record):     median {:.3f} ms  (min {:.3f}, sd {:.3f})\n", h.median, h.min, h.sd);
  fmt::print("overhead per repetition:            {:.3f} ms  (ratio {:.2f}x)\n", h.median - d.median, h.median / d.median);
  return 0;
}
