// The runner driven through a fake executor: no program is started, the fake answers each
// repetition as a program would (right outputs, a crash, a signal), so resume, partial
// cells, interrupts and exit statuses are tested in milliseconds.
#include "runner.h"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <set>

#include "atomic_file.h"
#include "benchmark.h"
#include "cell_summary.h"
#include "test_util.h"

namespace fhebench {
namespace {

using test::TempDir;

// What the fake program does in a repetition (n counts every repetition of the process).
enum class Act { right, wrong, crash, interrupt };

class FakeExecutor : public ProcessExecutor {
 public:
  explicit FakeExecutor(std::function<Act(int)> act) : act_(std::move(act)) {}
  std::string name() const override { return "fake"; }
  ToolSetup prepare(const Tool&, const SetupOptions&) override {
    ToolSetup s;
    s.available = true;
    return s;
  }
  Launch launch(const Tool& tool, const Implementation& impl, const ToolSetup&) override {
    return {"", {tool.name, impl.benchmark, impl.variant}};
  }
  Execution execute(const Launch&, const ProcessSpec& spec, const Limits&) override {
    ++calls;
    ProcessResult p;
    p.started = true;
    p.exit_code = 0;
    p.wall_s = 0.001;
    const Act act = act_(calls);
    if (act == Act::crash) p.exit_code = 3;
    if (act == Act::interrupt) {
      ::raise(SIGINT);  // the runner's handler: as if Ctrl-C came while the program ran
      p.exit_code = -1;
      p.signal = SIGINT;
    }
    if (act == Act::right || act == Act::wrong) write_output(spec, act == Act::wrong);
    return {p, "fake-host"};
  }
  int calls = 0;

 private:
  // Answers with the reference outputs (spoiled when `wrong`), as a correct program would.
  static void write_output(const ProcessSpec& spec, bool wrong) {
    std::string in, out;
    for (const auto& [k, v] : spec.env) {
      if (k == "FHEBENCH_INPUT") in = v;
      if (k == "FHEBENCH_OUTPUT") out = v;
    }
    const Json input = Json::parse(*read_file(in));
    const Benchmark* b = find_benchmark(input["benchmark"]);
    Json outputs = b->reference(input["size"].get<Size>(), input["inputs"]);
    if (wrong)
      for (auto& [_, values] : outputs.items()) values[0] = values[0].get<double>() + 1000;
    const Json doc = {{"protocol", 1},
                      {"phases", {{{"name", "keygen"}, {"seconds", 0.1}}, {{"name", "encrypt"}, {"seconds", 0.2}},
                                  {{"name", "compute"}, {"seconds", 0.3}}, {{"name", "decrypt"}, {"seconds", 0.4}},
                                  {{"name", "compile"}, {"seconds", 2.0}}}},
                      {"outputs", outputs},
                      {"fhe", {{"lwe_n", 630}, {"tlwe_N", 1024}}}};
    write_file_atomic(out, doc.dump());
  }
  std::function<Act(int)> act_;
};

RunOptions options(const TempDir& results, int repetitions) {
  RunOptions o;
  o.tools = {"Plaintext"};
  o.benchmarks = {"cardio"};
  o.repetitions = repetitions;
  o.warmup = 0;
  o.results = results.path().string();
  return o;
}

ExecutorFactory use(FakeExecutor& fake) {
  return [&](const RunOptions&) {
    struct Borrowed : ProcessExecutor {
      FakeExecutor& f;
      explicit Borrowed(FakeExecutor& fe) : f(fe) {}
      std::string name() const override { return f.name(); }
      ToolSetup prepare(const Tool& t, const SetupOptions& o) override { return f.prepare(t, o); }
      Launch launch(const Tool& t, const Implementation& i, const ToolSetup& s) override { return f.launch(t, i, s); }
      Execution execute(const Launch& l, const ProcessSpec& s, const Limits& lim) override { return f.execute(l, s, lim); }
    };
    return std::unique_ptr<Executor>(new Borrowed(fake));
  };
}

Json cell0(const fs::path& run) { return test::read_json(run / "summary.json")["cells"][0]; }

TEST(Runner, AllRightIsExitZeroAndComplete) {
  TempDir results;
  FakeExecutor fake([](int) { return Act::right; });
  EXPECT_EQ(run_benchmarks(options(results, 3), use(fake)), ExitStatus::ok);
  const fs::path run = test::only_run(results.path());
  EXPECT_EQ(test::read_json(run / "run.json")["status"], "complete");
  const Json c = cell0(run);
  EXPECT_EQ(c["status"], "ok");
  EXPECT_EQ(c["n_used"], 3);
  EXPECT_EQ(c["label"], "Plaintext");
  EXPECT_EQ(c["fine"], true);
  EXPECT_EQ(c["parameters"], "LWE n=630, TLWE N=1024");  // the TFHE parameters the site used to drop
  EXPECT_DOUBLE_EQ(c["phases"]["total"]["median"].get<double>(), 1.0);  // compile is not in the total
  EXPECT_DOUBLE_EQ(c["phases"]["compile"]["median"].get<double>(), 2.0);
  EXPECT_EQ(test::read_json(run / "cells" / c["tool"].get<std::string>() / c["impl"].get<std::string>() /
                            c["size_key"].get<std::string>() / "rep_001.json")["measure"]["where"],
            "fake-host");
}

TEST(Runner, AWrongAnswerOrACrashIsExitOne) {
  TempDir results;
  FakeExecutor wrong([](int n) { return n == 2 ? Act::wrong : Act::right; });
  EXPECT_EQ(run_benchmarks(options(results, 3), use(wrong)), ExitStatus::cell_failed);
  EXPECT_EQ(cell0(test::only_run(results.path()))["status"], "incorrect");
  TempDir other;
  FakeExecutor crash([](int) { return Act::crash; });
  EXPECT_EQ(run_benchmarks(options(other, 2), use(crash)), ExitStatus::cell_failed);
  const Json c = cell0(test::only_run(other.path()));
  EXPECT_EQ(c["status"], "error");
  EXPECT_EQ(c["reason"], "exited with status 3");
}

TEST(Runner, InterruptKeepsFinishedRepetitionsAndResumeRunsOnlyTheRest) {
  TempDir results;
  FakeExecutor first([](int n) { return n == 3 ? Act::interrupt : Act::right; });
  EXPECT_EQ(run_benchmarks(options(results, 5), use(first)), ExitStatus::interrupted);
  const fs::path run = test::only_run(results.path());
  EXPECT_EQ(test::read_json(run / "run.json")["status"], "interrupted");
  const Json partial = cell0(run);
  EXPECT_EQ(partial["status"], "partial");  // two of five recorded, both ok
  EXPECT_EQ(partial["n_used"], 2);

  RunOptions again;
  again.results = results.path().string();
  again.resume = run.string();  // a run folder works as well as an id
  FakeExecutor second([](int) { return Act::right; });
  EXPECT_EQ(run_benchmarks(again, use(second)), ExitStatus::ok);
  EXPECT_EQ(second.calls, 3);  // only the missing repetitions
  EXPECT_EQ(cell0(run)["n_used"], 5);
  EXPECT_EQ(test::read_json(run / "run.json")["status"], "complete");
}

TEST(Runner, AnAbortLeavesTheRunInterruptedNotRunning) {
  TempDir results;
  FakeExecutor fake([](int n) {
    if (n == 2) throw std::runtime_error("disk full");
    return Act::right;
  });
  EXPECT_THROW(run_benchmarks(options(results, 3), use(fake)), std::runtime_error);
  EXPECT_EQ(test::read_json(test::only_run(results.path()) / "run.json")["status"], "interrupted");
}

// The largest file below `dir`; with `before_finishing`, only those a run writes before it
// finishes (run.json, records, input and output files), not its summary, reports or index.
uintmax_t largest_file(const fs::path& dir, bool before_finishing) {
  static const std::set<std::string> finishing = {"summary.json", "summary.md", "stats.csv", "tables.tex", "index.sqlite"};
  uintmax_t largest = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string folder = e.path().parent_path().filename().string();
    if (!e.is_regular_file() || (before_finishing && (folder == "site" || folder == "plot" || finishing.count(e.path().filename().string()))))
      continue;
    largest = std::max(largest, e.file_size());
  }
  return largest;
}

TEST(Runner, ARunSaysCompleteOnlyOnceItsSummaryIsWritten) {
  // A process stopped while it finishes the run (here by a file-size limit that only its
  // summary, reports or index exceed: SIGXFSZ, as abrupt as kill -9) must not leave a
  // "complete" run that nobody resumes.
  TempDir reference;
  FakeExecutor fake([](int) { return Act::right; });
  ASSERT_EQ(run_benchmarks(options(reference, 1), use(fake)), ExitStatus::ok);
  const fs::path done = test::only_run(reference.path());
  const uintmax_t limit = largest_file(done, true) + 512;
  ASSERT_GT(largest_file(reference.path(), false), limit) << "the limit must stop the run while it finishes";

  TempDir results;
  const pid_t child = ::fork();
  if (child == 0) {
    const rlimit no_core{0, 0}, fsize{limit, limit};
    ::setrlimit(RLIMIT_CORE, &no_core);
    ::setrlimit(RLIMIT_FSIZE, &fsize);
    const int null = ::open("/dev/null", O_WRONLY);  // the limit counts a regular file's offset: no log
    ::dup2(null, 1);
    ::dup2(null, 2);
    try {
      run_benchmarks(options(results, 1), use(fake));
    } catch (...) {
    }
    ::_exit(0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGXFSZ) << "status " << status;
  const fs::path run = test::only_run(results.path());
  EXPECT_NE(test::read_json(run / "run.json")["status"], "complete") << "complete before its summary, reports and index were written";
}

TEST(Runner, ASecondProcessOnTheSameRunStopsAtOnceNamingTheHolder) {
  TempDir results;
  FakeExecutor first([](int n) { return n == 2 ? Act::interrupt : Act::right; });
  ASSERT_EQ(run_benchmarks(options(results, 3), use(first)), ExitStatus::interrupted);
  const RunStore store = RunStore::open(results.path(), test::only_run(results.path()).filename().string());
  const auto held = store.lock();  // as if another fhebench ran it
  RunOptions again;
  again.results = results.path().string();
  again.resume = store.id();
  FakeExecutor second([](int) { return Act::right; });
  try {
    run_benchmarks(again, use(second));
    ADD_FAILURE() << "a locked run was resumed";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("pid " + std::to_string(::getpid())), std::string::npos) << e.what();
  }
  EXPECT_EQ(second.calls, 0);
}

}  // namespace
}  // namespace fhebench
