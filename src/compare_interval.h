// The confidence interval of a ratio of times (contender / baseline) to go with compare's
// Mann-Whitney U test: distribution-free, from the same ranks. Under a shift of the log
// times, the n·m pairwise log ratios log b_j - log a_i hold the shift between their k-th
// smallest and k-th largest with the test's confidence (Hodges-Lehmann / Moses interval),
// k from the U statistic's null distribution (normal approximation).
#pragma once

#include <optional>
#include <vector>

namespace fhebench {

struct RatioInterval {
  double lo = 0, hi = 0;
  bool reaches = false;  // false: too few repetitions for the level; [lo, hi] is then the extreme pairs
};

// nullopt when a side is empty or holds a time <= 0 (no logarithm).
std::optional<RatioInterval> ratio_interval(const std::vector<double>& a, const std::vector<double>& b,
                                            double level = 0.95);

}  // namespace fhebench
