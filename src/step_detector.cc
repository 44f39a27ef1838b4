#include "step_detector.h"

#include <algorithm>
#include <cmath>

namespace fhebench {
namespace {

struct Baseline {
  double mean = 0, scatter = 0, own_se = 0;  // scatter: sd of the medians; own_se: of the mean
};

// The baseline of points [from, to): mean, the medians' sample sd (0 for fewer than 3,
// where it means nothing), and the mean's standard error from the points' own errors.
Baseline baseline(const std::vector<SeriesPoint>& s, size_t from, size_t to) {
  Baseline b;
  const double n = static_cast<double>(to - from);
  double se2 = 0;
  for (size_t i = from; i < to; ++i) {
    b.mean += s[i].median / n;
    se2 += std::pow(s[i].median_se.value_or(0), 2);
  }
  b.own_se = std::sqrt(se2) / n;
  if (to - from >= 3) {
    double ss = 0;
    for (size_t i = from; i < to; ++i) ss += std::pow(s[i].median - b.mean, 2);
    b.scatter = std::sqrt(ss / (n - 1));
  }
  return b;
}

// The noise the difference point - baseline has: run-to-run scatter, the point's own error and
// the baseline mean's, with a floor of 0.5% so identical medians do not give an infinite z.
double noise(const Baseline& b, const SeriesPoint& p) {
  const double se = p.median_se.value_or(0);
  const double sigma = std::sqrt(b.scatter * b.scatter + se * se + b.own_se * b.own_se);
  return std::max(sigma, 0.005 * std::abs(b.mean));
}

}  // namespace

std::vector<Step> detect_steps(const std::vector<SeriesPoint>& series, const StepOptions& o) {
  std::vector<Step> steps;
  size_t since = 0;  // the first point of the current baseline
  for (size_t i = 1; i < series.size(); ++i) {
    const size_t from = std::max(since, i > o.lookback ? i - o.lookback : size_t{0});
    const Baseline b = baseline(series, from, i);
    if (b.mean <= 0) continue;
    const double z = (series[i].median - b.mean) / noise(b, series[i]);
    const double ratio = series[i].median / b.mean;
    if (std::abs(z) >= o.z && std::abs(ratio - 1) >= o.min_change) {
      steps.push_back({i, b.mean, ratio, z});
      since = i;
    }
  }
  return steps;
}

}  // namespace fhebench
