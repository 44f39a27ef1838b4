// Comparing two runs cell by cell: the ratio of median totals and whether the difference
// is beyond the noise (Mann-Whitney U on the repetitions' totals), for regression checks.
#pragma once

#include <string>
#include <vector>

#include "json.h"
#include "run_store.h"

namespace fhebench {

// Two-sided p-value of the Mann-Whitney U test (normal approximation, tie-corrected).
double mann_whitney_p(const std::vector<double>& a, const std::vector<double>& b);

struct CompareOptions {
  double threshold = 1.05;  // a ratio beyond this (or below its inverse) counts, if significant
  double alpha = 0.01;
};

// {"cells": [{tool, benchmark, variant, size_key, a, b (median totals), ratio, ratio_low,
// ratio_high (its 95% interval, compare_interval.h), p, verdict}]}
// verdict: faster, slower, same, broken (ok in A, not in B), fixed, only-a, only-b.
Json compare_runs(const RunStore& a, const RunStore& b, const CompareOptions& o);

}  // namespace fhebench
