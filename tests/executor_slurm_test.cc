// The Slurm executor for real, against the single-node cluster test.sh starts with
// scripts/slurm-cluster (SLURM_CONF points to it; FHEBENCH_TEST_SLURM=1). Skipped, with a
// message naming Slurm, when no controller answers and FHEBENCH_TEST_SLURM is not set.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "atomic_file.h"
#include "process.h"
#include "slurm_client.h"
#include "test_util.h"

extern char** environ;

namespace fhebench::test {
namespace {

// Skips without a cluster, unless test.sh said it started one (then that is a failure).
#define REQUIRE_SLURM()                                                                               \
  do {                                                                                                \
    if (const std::string why = slurm_unreachable(); !why.empty()) {                                 \
      if (std::getenv("FHEBENCH_TEST_SLURM")) FAIL() << "FHEBENCH_TEST_SLURM is set but " << why;     \
      GTEST_SKIP() << "Slurm: no controller answers (" << why << "); test.sh starts one with scripts/slurm-cluster"; \
    }                                                                                                 \
  } while (0)

std::string host() {
  char h[256] = {};
  ::gethostname(h, sizeof h - 1);
  return h;
}

// A tool whose cardio program takes `seconds` and then answers the SoK case correctly.
void make_slow_tool(const fs::path& tools_dir, int seconds) {
  const fs::path dir = tools_dir / "Slow";
  fs::create_directories(dir);
  write_file_atomic(dir / "tool.toml", R"(name = "Slow"
language = "shell"

[[implementation]]
benchmark = "cardio"
command = ["{tool_dir}/cardio.sh"]

[[implementation]]
benchmark = "chi_squared"
command = ["{tool_dir}/chi_squared.sh"]
)");
  const std::string phases = R"("phases": [{"name": "keygen", "seconds": 0}, {"name": "encrypt", "seconds": 0}, )"
                             R"({"name": "compute", "seconds": 0}, {"name": "decrypt", "seconds": 0}])";
  for (const auto& [name, outputs] : {std::pair<std::string, std::string>{"cardio", R"({"risk": [6]})"},
                                      {"chi_squared", R"({"alpha": [529], "beta1": [242], "beta2": [275], "beta3": [1250]})"}}) {
    write_file_atomic(dir / (name + ".sh"), "#!/bin/sh\nsleep " + std::to_string(seconds) + "\necho '{\"protocol\": 1, " + phases +
                                                ", \"outputs\": " + outputs + "}' > \"$FHEBENCH_OUTPUT\"\n");
    fs::permissions(dir / (name + ".sh"), fs::perms::owner_all);
  }
}

// fhebench started in the background, for tests that interrupt or kill it.
class Background {
 public:
  explicit Background(const std::vector<std::string>& args) : out_(dir_ / "out"), err_(dir_ / "err") {
    std::vector<std::string> argv = {FHEBENCH_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargv;
    for (auto& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    std::string cache = "FHEBENCH_CACHE=" + (fs::temp_directory_path() / "fhebench-test-cache").string();
    std::vector<char*> env;
    for (char** e = environ; *e; ++e)
      if (std::string(*e).rfind("FHEBENCH_CACHE=", 0) != 0) env.push_back(*e);
    if (const char* c = std::getenv("FHEBENCH_CACHE")) cache = std::string("FHEBENCH_CACHE=") + c;
    env.push_back(cache.data());
    env.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (posix_spawn(&pid_, cargv[0], &fa, nullptr, cargv.data(), env.data()) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&fa);
  }
  ~Background() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  void signal(int sig) const { ::kill(pid_, sig); }
  // The exit status (128 + signal when killed by one).
  int wait() {
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  std::string err() const { return read_file(err_).value_or(""); }

 private:
  TempDir dir_;
  pid_t pid_ = -1;
  fs::path out_, err_;
};

// Polls `done` every 100 ms for up to `seconds`.
bool eventually(const std::function<bool()>& done, double seconds = 60) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return done();
}

// The job the run submitted (from run.json), or "".
std::string submitted_job(const fs::path& results) {
  for (const auto& e : fs::directory_iterator(results)) {
    if (!fs::exists(e.path() / "run.json")) continue;
    const Json run = read_json(e.path() / "run.json");
    if (run.contains("slurm")) return run["slurm"]["jobs"].back()["job"];
  }
  return "";
}

bool any_task(const std::string& job, const std::string& state) {
  for (const auto& t : job_tasks(job).value_or(std::vector<TaskState>{}))
    if (t.state.rfind(state, 0) == 0) return true;
  return false;
}

bool all_over(const std::string& job) {
  const auto tasks = job_tasks(job);
  if (!tasks) return false;
  for (const auto& t : *tasks)
    if (!is_terminal(t.state)) return false;
  return true;
}

std::vector<std::string> slow_run(const fs::path& tools, const fs::path& results, const std::string& reps) {
  return {"run", "--executor", "slurm", "--tools-dir", tools.string(), "--tools", "Slow", "--case", "sok",
          "--repetitions", reps, "--warmup", "0", "--results", results.string()};
}

}  // namespace

TEST(SlurmExecutor, RunsTheMatrixAsAJobArray) {
  REQUIRE_SLURM();
  TempDir results;
  const auto r = run_fhebench({"run", "--executor", "slurm", "--tools", "Plaintext", "--benchmarks", "cardio,chi_squared",
                               "--repetitions", "3", "--warmup", "1", "--results", results.path().string()}, 600);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("submitted Slurm job"), std::string::npos) << r.err;
  const fs::path run = only_run(results.path());
  const Json run_json = read_json(run / "run.json");
  EXPECT_EQ(run_json["status"], "complete");
  ASSERT_EQ(run_json["slurm"]["jobs"].size(), 1u);
  const std::string job = run_json["slurm"]["jobs"][0]["job"];
  const Json summary = read_json(run / "summary.json");
  ASSERT_EQ(summary["cells"].size(), 2u);
  for (const auto& c : summary["cells"]) EXPECT_EQ(c["status"], "ok") << c.dump();
  for (const auto& c : run_json["matrix"]) {
    const fs::path cell = run / c["dir"].get<std::string>();
    const Json where = read_json(cell / "slurm.json");
    EXPECT_EQ(where["job"], job);
    EXPECT_EQ(where["node"], host()) << "the node the cell ran on";
    EXPECT_TRUE(where.contains("finished"));
    const Json rec = read_json(cell / "rep_003.json");
    EXPECT_EQ(rec["measure"]["where"].get<std::string>().rfind("slurm:" + job + "_", 0), 0u) << rec["measure"];
    EXPECT_EQ(rec["host"], host());
    EXPECT_GT(rec["measure"]["wall_s"].get<double>(), 0);
  }
  // One task per cell, each finished, and the time limit came from the timeout.
  const auto tasks = job_tasks(job);
  ASSERT_TRUE(tasks);
  EXPECT_EQ(tasks->size(), 2u);
  for (const auto& t : *tasks) EXPECT_EQ(t.state, "COMPLETED");
  const Json sbatch = run_json["slurm"]["jobs"][0]["sbatch"];
  EXPECT_NE(sbatch.dump().find("--time=" + std::to_string(time_limit_minutes(900, 4, 1))), std::string::npos) << sbatch;
}

TEST(SlurmExecutor, OneTaskPerToolWithSbatchOptions) {
  REQUIRE_SLURM();
  TempDir tools, results;
  make_slow_tool(tools.path(), 0);
  const auto r = run_fhebench({"run", "--executor", "slurm", "--slurm-task", "tool", "--exclusive", "--partition", "debug",
                               "--sbatch-option=--comment=fhebench-test", "--tools-dir", tools.path().string(), "--tools",
                               "Slow", "--case", "sok", "--repetitions", "2", "--warmup", "0", "--timeout", "30",
                               "--results", results.path().string()}, 600);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const Json run_json = read_json(only_run(results.path()) / "run.json");
  const Json sbatch = run_json["slurm"]["jobs"][0]["sbatch"];
  for (const char* arg : {"--array=0-0", "--exclusive", "--partition=debug", "--comment=fhebench-test", "--time=12"})
    EXPECT_NE(sbatch.dump().find(arg), std::string::npos) << arg << " in " << sbatch;
  const auto tasks = job_tasks(run_json["slurm"]["jobs"][0]["job"]);
  ASSERT_TRUE(tasks);
  EXPECT_EQ(tasks->size(), 1u) << "both cells of the tool in one task";
}

TEST(SlurmExecutor, CtrlCCancelsTheJob) {
  REQUIRE_SLURM();
  TempDir tools, results;
  make_slow_tool(tools.path(), 30);
  Background run(slow_run(tools.path(), results.path(), "2"));
  std::string job;
  ASSERT_TRUE(eventually([&] { return !(job = submitted_job(results.path())).empty() && any_task(job, "RUNNING"); })) << run.err();
  run.signal(SIGINT);
  EXPECT_EQ(run.wait(), 130) << run.err();
  EXPECT_NE(run.err().find("cancelled Slurm job " + job), std::string::npos) << run.err();
  EXPECT_TRUE(eventually([&] { return all_over(job); }, 30)) << "every task of the job ends";
  EXPECT_TRUE(any_task(job, "CANCELLED"));
  const Json run_json = read_json(only_run(results.path()) / "run.json");
  EXPECT_EQ(run_json["status"], "interrupted");
  EXPECT_TRUE(eventually([] { return !capture_output({"pgrep", "-x", "-f", "sleep 30"}); }, 30)) << "no program outlives the job";
}

TEST(SlurmExecutor, ResumeReattachesAfterTheSubmitterDied) {
  REQUIRE_SLURM();
  TempDir tools, results;
  make_slow_tool(tools.path(), 3);
  std::string job;
  {
    Background run(slow_run(tools.path(), results.path(), "2"));
    ASSERT_TRUE(eventually([&] { return !(job = submitted_job(results.path())).empty(); })) << run.err();
    run.signal(SIGKILL);  // the submitter dies; its job goes on
    EXPECT_EQ(run.wait(), 128 + SIGKILL);
  }
  ASSERT_FALSE(all_over(job)) << "the job outlives its submitter";
  const fs::path run_dir = only_run(results.path());
  const auto r = run_fhebench({"run", "--resume", run_dir.filename().string(), "--results", results.path().string()}, 600);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("re-attached to Slurm job " + job), std::string::npos) << r.err;
  const Json run_json = read_json(run_dir / "run.json");
  EXPECT_EQ(run_json["slurm"]["jobs"].size(), 1u) << "nothing was submitted twice";
  EXPECT_EQ(run_json["status"], "complete");
  for (const auto& c : read_json(run_dir / "summary.json")["cells"]) EXPECT_EQ(c["status"], "ok") << c.dump();
}

TEST(SlurmExecutor, ResumeSubmitsOnlyTheMissingCells) {
  REQUIRE_SLURM();
  TempDir tools, results;
  make_slow_tool(tools.path(), 0);
  const auto first = run_fhebench(slow_run(tools.path(), results.path(), "2"), 600);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const fs::path run_dir = only_run(results.path());
  // Lose one cell's records, as if its task had died.
  const fs::path lost = run_dir / "cells/Slow/slow_chi_squared_default/instances=1";
  fs::remove(lost / "rep_002.json");
  const auto r = run_fhebench({"run", "--resume", run_dir.filename().string(), "--results", results.path().string()}, 600);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json run_json = read_json(run_dir / "run.json");
  ASSERT_EQ(run_json["slurm"]["jobs"].size(), 2u);
  const Json tasks = read_json(run_dir / run_json["slurm"]["jobs"][1]["tasks_file"].get<std::string>());
  EXPECT_EQ(tasks["tasks"].size(), 1u) << "only the cell that lost a record";
  EXPECT_TRUE(fs::exists(lost / "rep_002.json"));
}

TEST(SlurmExecutor, NoControllerIsAUsageError) {
  TempDir results;
  const auto r = run_fhebench({"run", "--executor", "slurm", "--tools", "Plaintext", "--results", results.path().string()},
                              120, {{"SLURM_CONF", "/nonexistent/slurm.conf"}});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("no Slurm controller answers"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("SLURM_CONF=/nonexistent/slurm.conf does not exist"), std::string::npos) << r.err;
}

}  // namespace fhebench::test
