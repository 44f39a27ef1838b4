// The distribution-free confidence interval of a median from order statistics: for n
// sorted values, [x(k), x(n+1-k)] covers the true median with probability
// 1 - 2 P(Binomial(n, 1/2) <= k-1), whatever the distribution (continuous). No pair
// reaches 95% below n = 6; then [min, max] is given with its real coverage, flagged.
#pragma once

#include <cstddef>
#include <vector>

namespace fhebench {

inline constexpr double kIntervalLevel = 0.95;

struct MedianInterval {
  double lo = 0, hi = 0;
  double coverage = 0;  // the interval's exact coverage probability
  bool reaches(double level = kIntervalLevel) const { return coverage >= level - 1e-12; }
  // Half the interval's width as a fraction of `median` (0 when the median is 0).
  double relative_half_width(double median) const { return median > 0 ? (hi - lo) / 2 / median : 0; }
};

// Coverage of [x(k), x(n+1-k)] (1-based k, 1 <= k <= n/2, or k = 1 for n = 1).
double order_interval_coverage(size_t n, size_t k);

// The narrowest order-statistic pair with coverage >= level: the largest such k.
// `sorted` ascending; n < 6 (at 95%): [min, max] with its coverage below the level.
MedianInterval median_interval(const std::vector<double>& sorted, double level = kIntervalLevel);

}  // namespace fhebench
