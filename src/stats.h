// Summary statistics over repetitions.
#pragma once

#include <vector>

#include "json.h"

namespace fhebench {

struct Stats {
  size_t n = 0;
  double median = 0, mean = 0, sd = 0, min = 0, max = 0;  // sd: sample standard deviation
};

Stats compute_stats(std::vector<double> values);
Json to_json(const Stats& s);

}  // namespace fhebench
