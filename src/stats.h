// Summary statistics over repetitions.
#pragma once

#include <vector>

#include "interval.h"
#include "json.h"

namespace fhebench {

struct Stats {
  size_t n = 0;
  double median = 0, mean = 0, sd = 0, min = 0, max = 0;  // sd: sample standard deviation
  MedianInterval ci;  // 95% interval of the median (interval.h)
};

Stats compute_stats(std::vector<double> values);
// {"n", "median", ..., "ci": {"low", "high", "coverage"}}
Json to_json(const Stats& s);
Stats stats_from_json(const Json& j);  // what to_json wrote; missing keys stay 0

}  // namespace fhebench
