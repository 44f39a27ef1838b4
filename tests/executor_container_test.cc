// The container executor for real, with Podman: the Plaintext tool's images are built and
// benchmarks run in them; a probe tool checks isolation and limits from inside; timeouts
// and memory caps kill containers; nothing is left behind. Skipped, with a message naming
// Podman, where Podman cannot run containers (scripts/podman-config and
// scripts/podman-base-image set it up; test.sh runs both and sets FHEBENCH_TEST_PODMAN=1,
// which turns a skip into a failure).
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "atomic_file.h"
#include "process.h"
#include "test_util.h"

namespace fhebench::test {
namespace {

constexpr const char* kBase = "localhost/fhebench/debian:bookworm";

// "" when Podman works and has the local base image, else why not.
std::string podman_unusable() {
  if (!capture_output({"podman", "info", "--format", "{{.Host.OCIRuntime.Name}}"}, 60))
    return "`podman info` fails (install podman and runc, run scripts/podman-config)";
  if (!capture_output({"podman", "image", "exists", kBase}, 60))
    return std::string("the base image ") + kBase + " is missing (run scripts/podman-base-image)";
  return "";
}

// Skips where Podman cannot work, unless test.sh said it set Podman up (then a failure).
#define REQUIRE_PODMAN()                                                                    \
  do {                                                                                      \
    if (const std::string why = podman_unusable(); !why.empty()) {                          \
      if (std::getenv("FHEBENCH_TEST_PODMAN")) FAIL() << "FHEBENCH_TEST_PODMAN is set but " << why; \
      GTEST_SKIP() << "Podman is not usable here: " << why;                                 \
    }                                                                                       \
  } while (0)

// Containers of runs into `results` that still exist (there must be none). Tests run in
// parallel, so only the containers that mount a work directory under `results` count.
std::string our_containers(const TempDir& results) {
  const auto list = capture_output({"podman", "ps", "-a", "--filter", "name=^fhebench-", "--format", "{{.Names}} {{.Mounts}}"});
  if (!list) return "podman ps failed";
  std::string ours;
  std::istringstream lines(*list);
  for (std::string line; std::getline(lines, line);)
    if (line.find(results.path().string()) != std::string::npos) ours += line + "\n";
  return ours;
}

void write_script(const fs::path& file, const std::string& text) {
  write_file_atomic(file, text);
  fs::permissions(file, fs::perms::owner_all | fs::perms::group_read | fs::perms::others_read);
}

// A tool without a library whose cardio programs are shell scripts: `default` reports what
// it sees inside the container (network interfaces, CPUs, threads, user) and answers the SoK
// case; `sleep` outlives any timeout; `hog` grows past a memory cap.
fs::path make_probe_tool(const fs::path& tools_dir) {
  const fs::path dir = tools_dir / "Probe";
  fs::create_directories(dir);
  write_file_atomic(dir / "tool.toml", R"(name = "Probe"
language = "shell"

[[implementation]]
benchmark = "cardio"
command = ["{tool_dir}/cardio.sh"]

[[implementation]]
benchmark = "cardio"
variant = "sleep"
command = ["{tool_dir}/sleep.sh"]

[[implementation]]
benchmark = "cardio"
variant = "hog"
command = ["{tool_dir}/hog.sh"]
)");
  write_file_atomic(dir / "Dockerfile", "ARG BASE_IMAGE=debian:bookworm\nFROM ${BASE_IMAGE}\nCOPY tools/Probe /fhebench/tools/Probe\n");
  write_script(dir / "cardio.sh", R"SH(#!/bin/sh
set -e
nets=$(ls /sys/class/net | tr '\n' ' ')
cat > "$FHEBENCH_OUTPUT.tmp" <<EOF
{"protocol": 1,
 "phases": [{"name": "keygen", "seconds": 0}, {"name": "encrypt", "seconds": 0},
            {"name": "compute", "seconds": 0}, {"name": "decrypt", "seconds": 0}],
 "outputs": {"risk": [6]},
 "fhe": {"library": "none", "scheme": "none", "net": "$nets", "nproc": $(nproc),
         "threads": "$FHEBENCH_THREADS", "cwd": "$(pwd)", "input_seen": $(test -r "$FHEBENCH_INPUT" && echo true || echo false)}}
EOF
mv "$FHEBENCH_OUTPUT.tmp" "$FHEBENCH_OUTPUT"
)SH");
  write_script(dir / "sleep.sh", "#!/bin/sh\nexec sleep 600\n");
  write_script(dir / "hog.sh", "#!/bin/sh\nx=$(head -c 400000000 /dev/zero | tr '\\0' a)\necho ${#x}\n");
  return dir;
}

std::vector<std::string> container_run(const TempDir& results, std::vector<std::string> extra) {
  std::vector<std::string> args = {"run", "--executor", "container", "--engine", "podman", "--base-image", kBase,
                                   "--results", results.path().string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

Json only_record(const fs::path& run, const std::string& cell) {
  return read_json(run / "cells" / cell / "rep_001.json");
}

}  // namespace

TEST(ContainerExecutor, PlaintextRunsInItsOwnImage) {
  REQUIRE_PODMAN();
  TempDir results;
  const auto r = run_fhebench(container_run(results, {"--tools", "Plaintext", "--benchmarks", "cardio,chi_squared",
                                                      "--repetitions", "2", "--warmup", "0"}), 1800);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const fs::path run = only_run(results.path());
  const Json run_json = read_json(run / "run.json");
  const std::string image = run_json["tools"]["Plaintext"]["image"];
  EXPECT_EQ(image.rfind("fhebench/plaintext:", 0), 0u) << image;
  EXPECT_EQ(run_json["options"]["executor"], "container");
  for (const char* cell : {"Plaintext/plaintext_cardio_default/patients=1", "Plaintext/plaintext_chi_squared_default/instances=1"}) {
    const Json rec = only_record(run, cell);
    EXPECT_EQ(rec["status"], "ok") << rec.dump();
    EXPECT_EQ(rec["measure"]["where"], "container:" + image);
    EXPECT_EQ(rec["measure"]["memory_method"], "container-cgroup-v1");
    EXPECT_GT(rec["measure"]["peak_rss_bytes"].get<double>(), 0);
    EXPECT_GT(rec["measure"]["user_s"].get<double>() + rec["measure"]["sys_s"].get<double>(), 0);
  }
  EXPECT_EQ(our_containers(results), "");

  // Unchanged tool: both images are found by their content-hash tags, nothing is rebuilt.
  TempDir again;
  const auto r2 = run_fhebench(container_run(again, {"--tools", "Plaintext", "--benchmarks", "cardio", "--repetitions", "1"}), 600);
  ASSERT_EQ(r2.exit_code, 0) << r2.err;
  EXPECT_EQ(r2.err.find("building image"), std::string::npos) << r2.err;
  EXPECT_NE(r2.err.find("is up to date"), std::string::npos) << r2.err;
}

TEST(ContainerExecutor, IsolationThreadsAndPinningSeenFromInside) {
  REQUIRE_PODMAN();
  TempDir tools, results;
  make_probe_tool(tools.path());
  const auto r = run_fhebench(container_run(results, {"--tools-dir", tools.path().string(), "--tools", "Probe",
                                                      "--variants", "default", "--case", "sok", "--repetitions", "1",
                                                      "--warmup", "0", "--cpus", "0", "--threads", "1"}), 600);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const fs::path run = only_run(results.path());
  const Json rec = only_record(run, "Probe/probe_cardio_default/patients=1");
  ASSERT_EQ(rec["status"], "ok") << rec.dump();
  EXPECT_EQ(rec["fhe"]["net"], "lo ") << "--network=none leaves only loopback";
  EXPECT_EQ(rec["fhe"]["nproc"], 1) << "--cpus 0 pins the container to one CPU";
  EXPECT_EQ(rec["fhe"]["threads"], "1");
  EXPECT_EQ(rec["fhe"]["input_seen"], true) << "the work directory is mounted at the same path";
  EXPECT_EQ(rec["fhe"]["cwd"].get<std::string>().find(run.string()), 0u) << rec["fhe"]["cwd"];
  EXPECT_EQ(our_containers(results), "");
}

TEST(ContainerExecutor, TimeoutKillsTheContainer) {
  REQUIRE_PODMAN();
  TempDir tools, results;
  make_probe_tool(tools.path());
  const auto start = std::chrono::steady_clock::now();
  const auto r = run_fhebench(container_run(results, {"--tools-dir", tools.path().string(), "--tools", "Probe",
                                                      "--variants", "sleep", "--case", "sok", "--repetitions", "2",
                                                      "--warmup", "0", "--timeout", "3"}), 600);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const Json rec = only_record(only_run(results.path()), "Probe/probe_cardio_sleep/patients=1");
  EXPECT_EQ(rec["status"], "timeout") << rec.dump();
  EXPECT_LT(seconds, 60) << "the second repetition is skipped after a timeout; the first is cut at 3 s";
  EXPECT_EQ(our_containers(results), "");
  EXPECT_FALSE(capture_output({"pgrep", "-x", "-f", "sleep 600"})) << "the program in the container is gone too";
}

TEST(ContainerExecutor, MemoryCapKillsTheContainer) {
  REQUIRE_PODMAN();
  TempDir tools, results;
  make_probe_tool(tools.path());
  const auto r = run_fhebench(container_run(results, {"--tools-dir", tools.path().string(), "--tools", "Probe",
                                                      "--variants", "hog", "--case", "sok", "--repetitions", "1",
                                                      "--warmup", "0", "--memory-limit", "64"}), 600);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const Json rec = only_record(only_run(results.path()), "Probe/probe_cardio_hog/patients=1");
  EXPECT_EQ(rec["status"], "error");
  EXPECT_NE(rec["reason"].get<std::string>().find("memory limit of 64 MiB"), std::string::npos) << rec.dump();
  EXPECT_LE(rec["measure"]["peak_rss_bytes"].get<double>(), 64.0 * (1 << 20) * 1.01);
  EXPECT_EQ(our_containers(results), "");
}

TEST(ContainerExecutor, NoEngineIsAUsageError) {
  TempDir results, empty;
  const auto r = run_fhebench({"run", "--executor", "container", "--tools", "Plaintext", "--results", results.path().string()},
                              120, {{"PATH", empty.path().string()}});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("no container engine works here"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("podman"), std::string::npos) << r.err;
}

}  // namespace fhebench::test
