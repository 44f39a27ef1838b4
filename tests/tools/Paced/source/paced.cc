// Paced cardio: correct in the clear, with a compute phase whose length the environment sets
// (FHEBENCH_TEST_PACE_MS, FHEBENCH_TEST_NOISE_PCT; see tool.toml), so tests can make a
// cell quiet, noisy or 30% slower without depending on the machine's speed.
#include <fhebench/main.hpp>
#include <fhebench/program.hpp>

#include <chrono>
#include <cstdlib>
#include <random>
#include <vector>

namespace {

double env_number(const char* name) {
  const char* v = std::getenv(name);
  if (!v) return 0;
  char* end = nullptr;
  const double d = std::strtod(v, &end);
  return end != v && d > 0 ? d : 0;
}

// The pace in seconds for this repetition: the base times (1 + uniform noise).
double paced_seconds() {
  const double base = env_number("FHEBENCH_TEST_PACE_MS") / 1000;
  const double noise = env_number("FHEBENCH_TEST_NOISE_PCT") / 100;
  std::uniform_real_distribution<double> u(-noise, noise);
  std::random_device seed;
  std::mt19937_64 gen(seed());
  return base * (1 + u(gen));
}

// Busy-waits to the deadline: preemption delays the work, never the deadline.
void spin_for(double seconds) {
  using Clock = std::chrono::steady_clock;
  const auto until = Clock::now() + std::chrono::duration<double>(seconds);
  volatile unsigned sink = 0;
  while (Clock::now() < until) sink = sink + 1;
}

int run_program() {
  fhebench::Program p;
  using V = std::vector<int>;
  auto in = [&](const char* name) { return p.input<V>(name); };
  const V sex = in("sex"), age = in("age"), hdl = in("hdl"), height = in("height"), weight = in("weight");
  const V phys = in("physical_act"), drink = in("drinking"), ante = in("antecedent");
  const V smoker = in("smoker"), diab = in("diabetic"), press = in("pressure");
  p.record("keygen", 0);
  p.record("encrypt", 0);
  V risk(sex.size());
  {
    auto t = p.phase("compute");
    for (size_t i = 0; i < sex.size(); ++i) {
      const bool male = sex[i] == 1;
      risk[i] = ante[i] + smoker[i] + diab[i] + press[i] + (hdl[i] < 40) + (height[i] < weight[i] + 90) +
                (phys[i] < 30) + (male ? (age[i] > 50) + (drink[i] > 3) : (age[i] > 60) + (drink[i] > 2));
    }
    spin_for(paced_seconds());
  }
  p.record("decrypt", 0);
  p.output("risk", risk);
  p.fhe({{"library", "none"}, {"scheme", "none"}});
  return p.finish();
}

}  // namespace

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run_program); }
