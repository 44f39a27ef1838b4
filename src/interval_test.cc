#include "interval.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

#include "rng.h"

namespace fhebench {
namespace {

TEST(MedianInterval, ExactCoverageOfTheChosenPair) {
  EXPECT_NEAR(order_interval_coverage(6, 1), 1 - 2.0 / 64, 1e-12);
  EXPECT_NEAR(order_interval_coverage(10, 2), 1 - 2 * 11.0 / 1024, 1e-12);
  const std::vector<double> ten = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  const MedianInterval m = median_interval(ten);
  EXPECT_EQ(m.lo, 2);  // k = 2: k = 3 would cover only 89%
  EXPECT_EQ(m.hi, 9);
  EXPECT_TRUE(m.reaches());
}

TEST(MedianInterval, BelowSixValuesIsMinMaxFlagged) {
  const MedianInterval m = median_interval({1, 2, 3, 4, 5});
  EXPECT_EQ(m.lo, 1);
  EXPECT_EQ(m.hi, 5);
  EXPECT_NEAR(m.coverage, 1 - 2.0 / 32, 1e-12);
  EXPECT_FALSE(m.reaches());
  EXPECT_EQ(median_interval({7}).coverage, 0);
  EXPECT_EQ(median_interval({}).hi, 0);
}

TEST(MedianInterval, LargeSamplesNarrowAndStayAbove95) {
  std::vector<double> v(5000);
  for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<double>(i);
  const MedianInterval m = median_interval(v);
  EXPECT_TRUE(m.reaches());
  EXPECT_LT(m.coverage, 0.96);
  EXPECT_LT(m.hi - m.lo, 200);  // about 2 x 1.96 x sqrt(5000)/2 = 139 ranks
}

struct Distribution {
  const char* name;
  double median;
  std::function<double(Rng&)> draw;
};

double standard_normal(Rng& r) {  // Box-Muller
  const double u = r.uniform_real(1e-300, 1), v = r.uniform_real(0, 1);
  return std::sqrt(-2 * std::log(u)) * std::cos(2 * M_PI * v);
}

// Skewed distributions like benchmark times: lognormal (sigma 1) and exponential, whose
// medians are known (1 and ln 2).
const Distribution kDistributions[] = {
    {"lognormal", 1.0, [](Rng& r) { return std::exp(standard_normal(r)); }},
    {"exponential", std::log(2.0), [](Rng& r) { return -std::log(r.uniform_real(1e-300, 1)); }},
};

// Fraction of `trials` samples of size n whose interval holds the true median.
double measured_coverage(const Distribution& d, size_t n, int trials) {
  Rng rng(14, d.name);
  int hits = 0;
  for (int t = 0; t < trials; ++t) {
    std::vector<double> s(n);
    for (auto& x : s) x = d.draw(rng);
    std::sort(s.begin(), s.end());
    const MedianInterval m = median_interval(s);
    hits += m.lo <= d.median && d.median <= m.hi;
  }
  return static_cast<double>(hits) / trials;
}

// 20000 trials: the measured coverage's standard error is at most 0.0015, so 0.006 is four of them.
TEST(MedianInterval, CoverageOnSkewedDistributions) {
  constexpr int kTrials = 20000;
  constexpr double kTolerance = 0.006;
  for (const Distribution& d : kDistributions)
    for (size_t n : {6u, 10u, 30u}) {
      std::vector<double> index(n);
      for (size_t i = 0; i < n; ++i) index[i] = static_cast<double>(i);
      const double exact = median_interval(index).coverage;
      const double measured = measured_coverage(d, n, kTrials);
      std::printf("coverage %s n=%zu: measured %.4f, exact %.4f\n", d.name, n, measured, exact);
      EXPECT_GE(measured, kIntervalLevel - kTolerance) << d.name << " n=" << n;
      EXPECT_NEAR(measured, exact, kTolerance) << d.name << " n=" << n;
    }
}

}  // namespace
}  // namespace fhebench
