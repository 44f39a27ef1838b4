#include "compare_interval.h"

#include <gtest/gtest.h>

#include <cmath>

#include "rng.h"

namespace fhebench {
namespace {

std::vector<double> lognormal(Rng& r, size_t n, double scale) {
  std::vector<double> v(n);
  for (auto& x : v) {
    const double u = r.uniform_real(1e-300, 1), w = r.uniform_real(0, 1);
    x = scale * std::exp(0.1 * std::sqrt(-2 * std::log(u)) * std::cos(2 * M_PI * w));
  }
  return v;
}

TEST(RatioInterval, HoldsTheTrueRatioAboutNinetyFivePercentOfTheTime) {
  Rng rng(14, "ratio");
  int hits = 0;
  constexpr int kTrials = 4000;
  for (int t = 0; t < kTrials; ++t) {
    const auto ci = ratio_interval(lognormal(rng, 10, 1.0), lognormal(rng, 10, 1.3));
    ASSERT_TRUE(ci && ci->reaches);
    hits += ci->lo <= 1.3 && 1.3 <= ci->hi;
  }
  const double coverage = static_cast<double>(hits) / kTrials;
  std::printf("ratio interval coverage (lognormal sigma 0.1, n=m=10): %.4f\n", coverage);
  EXPECT_GT(coverage, 0.94);  // standard error 0.0035 at 95%
  EXPECT_LT(coverage, 0.975);
}

TEST(RatioInterval, TooFewOrNonPositiveTimes) {
  EXPECT_FALSE(ratio_interval({}, {1.0}));
  EXPECT_FALSE(ratio_interval({1.0, 0.0}, {1.0}));
  const auto small = ratio_interval({1.0, 1.1}, {2.0, 2.2});
  ASSERT_TRUE(small);
  EXPECT_FALSE(small->reaches);
  EXPECT_NEAR(small->lo, 2.0 / 1.1, 1e-12);  // the extreme pairs
  EXPECT_NEAR(small->hi, 2.2 / 1.0, 1e-12);
}

}  // namespace
}  // namespace fhebench
