#include "container_engine.h"

#include <signal.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "container_images.h"
#include "executor_container.h"
#include "test_util.h"

namespace fhebench {
namespace {

using test::TempDir;

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

TEST(ContainerEngine, RunArgvIsolatesAndMountsTheWorkDir) {
  const ContainerEngine podman{"podman", "podman", "4.3.1", "cgroupfs", "runc"};
  ContainerRun run;
  run.image = "fhebench/seal:0123";
  run.argv = {"/fhebench/build/cardio", "--x"};
  run.name = "fhebench-1-2";
  run.work_dir = "/r/cells/w";
  run.env = {{"FHEBENCH_THREADS", "2"}};
  run.cpus = {0, 3};
  run.cpu_quota = 1.5;
  run.cgroup_parent = "/a/fhebench-1-2";
  run.backstop_s = 960.5;
  const auto argv = run_argv(podman, run);
  ASSERT_GE(argv.size(), 4u);
  EXPECT_EQ(argv[0], "podman");
  EXPECT_EQ(argv[1], "run");
  for (const char* flag : {"--rm", "--network=none", "--pull=never", "-v", "/r/cells/w:/r/cells/w", "-w", "/r/cells/w",
                           "FHEBENCH_THREADS=2", "--cpuset-cpus=0,3", "--cpus=1.5", "--cgroup-parent=/a/fhebench-1-2", "--timeout=961"})
    EXPECT_TRUE(has(argv, flag)) << flag;
  // The image comes right before the program, which ends the command unchanged.
  const auto image = std::find(argv.begin(), argv.end(), "fhebench/seal:0123");
  ASSERT_NE(image, argv.end());
  EXPECT_EQ(std::vector<std::string>(image + 1, argv.end()), run.argv);
  EXPECT_FALSE(has(argv, "--memory=0")) << "no cap unless asked";
}

TEST(ContainerEngine, BuildMountsTheCaBundleOnlyWithPodman) {
  ImageBuild b;
  b.context = "/ctx", b.dockerfile = "/ctx/Dockerfile", b.tag = "fhebench/x:1", b.args = {{"BASE_IMAGE", "debian"}};
  const ContainerEngine podman{"podman", "podman", "4.3.1", "cgroupfs", "runc"};
  const ContainerEngine docker{"docker", "docker", "24", "cgroupfs", "runc"};
  EXPECT_FALSE(has(build_argv(podman, b), "-v"));
  b.ca_bundle = "/etc/proxy-ca.pem";
  const auto argv = build_argv(podman, b);
  EXPECT_TRUE(has(argv, "/etc/proxy-ca.pem:/usr/local/share/ca-certificates/fhebench-build.crt:ro"));
  EXPECT_EQ(argv.back(), "/ctx");  // the context stays last
  EXPECT_TRUE(has(argv, "BASE_IMAGE=debian"));
  EXPECT_FALSE(has(build_argv(docker, b), "-v"));
}

TEST(ContainerEngine, MemoryCapCoversSwapToo) {
  ContainerRun run;
  run.image = "i";
  run.argv = {"p"};
  run.memory_bytes = 64 << 20;
  const auto argv = run_argv({"docker", "docker", "28", "systemd", ""}, run);
  EXPECT_TRUE(has(argv, "--memory=67108864"));
  EXPECT_TRUE(has(argv, "--memory-swap=67108864"));
  run.backstop_s = 10;
  EXPECT_FALSE(has(run_argv({"docker", "docker", "28", "systemd", ""}, run), "--timeout=10")) << "Docker has no such option";
}

TEST(ContainerEngine, EngineStatusBecomesSignalOrEngineFailure) {
  ProcessResult killed;
  killed.started = true;
  killed.exit_code = 137;
  adopt_engine_status(killed, "podman", "");
  EXPECT_EQ(killed.signal, SIGKILL);
  ProcessResult failed;
  failed.started = true;
  failed.exit_code = 125;
  adopt_engine_status(failed, "podman", "Trying to pull...\nError: image not known\n");
  EXPECT_FALSE(failed.started);
  EXPECT_EQ(failed.error, "podman run failed: Error: image not known");
  ProcessResult plain;
  plain.started = true;
  plain.exit_code = 3;
  adopt_engine_status(plain, "podman", "");
  EXPECT_EQ(plain.exit_code, 3);
  EXPECT_EQ(plain.signal, 0);
}

TEST(ContainerImages, TagsFollowContent) {
  TempDir dir;
  Tool tool;
  tool.name = "SEAL-wasm";
  tool.dir = dir.path();
  fs::create_directories(dir / "image_base");
  std::ofstream(dir / "image_base/Dockerfile") << "FROM x\n";
  std::ofstream(dir / "Dockerfile") << "FROM y\n";
  const std::string base = base_image_hash(tool, "debian:bookworm", "id1");
  const std::string program = program_image_hash(tool, "b", "id2");
  EXPECT_EQ(image_tag(tool, true, base), "fhebench/seal-wasm-base:" + base);
  EXPECT_EQ(base, base_image_hash(tool, "debian:bookworm", "id1")) << "stable";
  EXPECT_NE(base, base_image_hash(tool, "debian:bookworm", "id3")) << "a remade base image";
  std::ofstream(dir / "source.cc") << "int main() {}\n";
  EXPECT_NE(program, program_image_hash(tool, "b", "id2")) << "a changed program";
  EXPECT_EQ(base, base_image_hash(tool, "debian:bookworm", "id1")) << "programs do not touch the base";
  std::ofstream(dir / "image_base/Dockerfile") << "FROM x\nRUN true\n";
  EXPECT_NE(base, base_image_hash(tool, "debian:bookworm", "id1"));
}

}  // namespace
}  // namespace fhebench
