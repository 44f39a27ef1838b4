#include "step_detector.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "rng.h"

namespace fhebench {
namespace {

double normal(Rng& r) {  // Box-Muller: Rng's mapping is spelled out, so the series are the same everywhere
  const double u = r.uniform_real(1e-12, 1), v = r.uniform_real(0, 1);
  return std::sqrt(-2 * std::log(u)) * std::cos(2 * M_PI * v);
}

// A series of `n` runs around 1 s: run-to-run scatter `scatter` (a fraction), each run
// reporting a median error of `se`; from `step_at` on (when given) the level is × `factor`.
std::vector<SeriesPoint> synthetic(Rng& r, size_t n, double scatter, double se, size_t step_at, double factor) {
  std::vector<SeriesPoint> s;
  for (size_t i = 0; i < n; ++i) {
    const double level = i >= step_at ? factor : 1.0;
    s.push_back({level * (1 + scatter * normal(r)), level * se});
  }
  return s;
}

struct Rates {
  double hit = 0, false_alarm = 0;  // fractions of series
};

// Over `trials` seeded series with one step of 10-40% (either way) at a random run: how often
// the step is found at its run (or the next) with its direction, and how often something else
// is flagged. With `with_step` false the series have no step, and only false alarms count.
Rates measure(bool with_step, int trials, double scatter, double se) {
  Rates rates;
  for (int t = 0; t < trials; ++t) {
    Rng r(static_cast<uint64_t>(t), with_step ? "step" : "null");
    const size_t at = static_cast<size_t>(r.uniform_int(5, 25));
    const double size = r.uniform_real(0.10, 0.40);
    const double factor = r.uniform_int(0, 1) ? 1 + size : 1 / (1 + size);
    const auto steps = detect_steps(synthetic(r, 30, scatter, se, with_step ? at : 1000, factor));
    bool hit = false, other = false;
    for (const Step& s : steps) {
      const bool right = with_step && (s.index == at || s.index == at + 1) && s.regression() == (factor > 1);
      (right && !hit ? hit : other) = true;
    }
    rates.hit += hit ? 1.0 / trials : 0;
    rates.false_alarm += other ? 1.0 / trials : 0;
  }
  return rates;
}

TEST(StepDetector, FindsKnownStepsWithFewFalseAlarms) {
  const Rates step = measure(true, 1000, 0.015, 0.01), null = measure(false, 1000, 0.015, 0.01);
  std::printf("steps of 10-40%%, 1.5%% run-to-run scatter, 1%% median error, 30 runs, 1000 series each: "
              "hit rate %.3f, false alarms in series with a step %.3f, in series without %.3f\n",
              step.hit, step.false_alarm, null.false_alarm);
  EXPECT_GE(step.hit, 0.95);
  EXPECT_LE(step.false_alarm, 0.03);
  EXPECT_LE(null.false_alarm, 0.03);
}

TEST(StepDetector, NoisierMachineStillNoFalseAlarmsBelowMinChange) {
  const Rates null = measure(false, 1000, 0.01, 0.002);  // tight intervals, 1% drift between runs
  std::printf("no step, 1%% scatter, 0.2%% median error: false alarms %.3f\n", null.false_alarm);
  EXPECT_LE(null.false_alarm, 0.01);
}

TEST(StepDetector, TwoRunsThirtyPercentSlowerIsARegression) {
  const auto steps = detect_steps({{0.100, 0.001}, {0.130, 0.001}});
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(steps[0].index, 1u);
  EXPECT_NEAR(steps[0].ratio, 1.3, 1e-9);
  EXPECT_TRUE(steps[0].regression());
  EXPECT_TRUE(detect_steps({{0.100, 0.001}, {0.101, 0.001}}).empty());  // 1%: below min_change
}

TEST(StepDetector, PointsAfterAStepAreTheNewBaseline) {
  std::vector<SeriesPoint> s;
  for (double m : {1.0, 1.01, 0.99, 1.0, 1.5, 1.51, 1.49, 1.5, 1.0, 1.0}) s.push_back({m, 0.005});
  const auto steps = detect_steps(s);
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].index, 4u);
  EXPECT_TRUE(steps[0].regression());
  EXPECT_EQ(steps[1].index, 8u);
  EXPECT_FALSE(steps[1].regression());
  EXPECT_NEAR(steps[1].ratio, 1.0 / 1.5, 0.01);
}

TEST(StepDetector, LargeScatterHidesASmallStep) {
  std::vector<SeriesPoint> s;
  for (double m : {1.0, 1.2, 0.85, 1.1, 0.9, 1.15, 1.08}) s.push_back({m, 0.08});  // noisy runs
  EXPECT_TRUE(detect_steps(s).empty());  // 8% above a baseline that scatters by 13%
  s.push_back({2.0, 0.08});
  EXPECT_EQ(detect_steps(s).size(), 1u);  // doubling is still a step
}

}  // namespace
}  // namespace fhebench
