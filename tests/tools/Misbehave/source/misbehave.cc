// Test program: computes cardio correctly, then misbehaves as argv[1] says. Processes it
// leaves behind write their pids into $MISBEHAVE_PID_DIR so tests can check none survive.
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fhebench/program.hpp>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace {

std::vector<int> risk(const fhebench::Program& p) {
  using V = std::vector<int>;
  auto f = [&](const char* n) { return p.input<V>(n); };
  V sex = f("sex"), age = f("age"), hdl = f("hdl"), height = f("height"), weight = f("weight");
  V phys = f("physical_act"), drink = f("drinking"), a = f("antecedent"), s = f("smoker"), d = f("diabetic"),
    pr = f("pressure");
  V out(sex.size());
  for (size_t i = 0; i < sex.size(); ++i) {
    const bool m = sex[i];
    out[i] = (m && age[i] > 50) + (!m && age[i] > 60) + a[i] + s[i] + d[i] + pr[i] + (hdl[i] < 40) +
             (height[i] < weight[i] + 90) + (phys[i] < 30) + (m && drink[i] > 3) + (!m && drink[i] > 2);
  }
  return out;
}

// A child that outlives its parent unless the harness kills the whole tree.
void leave_child() {
  const pid_t pid = fork();
  if (pid == 0) {
    setsid();  // escapes the process group: only the cgroup (or subreaper) still finds it
    sleep(1000);
    _exit(0);
  }
  if (const char* dir = std::getenv("MISBEHAVE_PID_DIR"))
    std::ofstream(std::string(dir) + "/" + std::to_string(pid)) << pid << "\n";
}

void write_raw(const std::string& text) {
  std::ofstream(std::getenv("FHEBENCH_OUTPUT")) << text;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "good";
  fhebench::Program p;
  for (const char* ph : {"keygen", "encrypt", "compute", "decrypt"}) p.record(ph, 0.001);
  std::vector<int> r = risk(p);
  if (mode == "slow") std::this_thread::sleep_for(std::chrono::milliseconds(150));
  if (mode == "hang") {
    leave_child();
    for (;;) pause();
  }
  if (mode == "crash") raise(SIGSEGV);
  if (mode == "oom") {
    std::vector<char*> blocks;
    for (;;) {  // touch memory until the limit stops us
      char* b = static_cast<char*>(std::malloc(16 << 20));
      if (!b) return 3;
      std::memset(b, 1, 16 << 20);
      blocks.push_back(b);
    }
  }
  if (mode == "garbage") {
    write_raw("\x01\x02 this is not json {{{");
    std::fputs("garbage on stdout \x07\x1b[31m\n", stdout);
    return 0;
  }
  if (mode == "wrong") r[0] += 1;  // lies about its output
  if (mode == "truncated") {
    write_raw(R"({"protocol": 1, "phases": [{"name": "keygen", "seconds": 0.1}, {"name": "enc)");
    return 0;
  }
  if (mode == "unsupported") p.unsupported("needs at least 2 patients per batch");
  if (mode == "exit-status") {
    std::fputs("fatal: parameter set rejected\n", stderr);
    return 3;
  }
  if (mode == "no-output") return 0;
  if (mode == "negative-time") p.record("compute", -1.0);
  if (mode == "missing-phase") {
    write_raw(R"({"protocol": 1, "phases": [{"name": "keygen", "seconds": 0.1}], "outputs": {"risk": [1]}})");
    return 0;
  }
  if (mode == "wrong-length") r.push_back(0);
  if (mode == "orphan") leave_child();
  p.output("risk", r);
  p.fhe({{"threads", p.threads()}, {"omp_threads", std::getenv("OMP_NUM_THREADS") ? std::getenv("OMP_NUM_THREADS") : ""}});
  return p.finish();
}
