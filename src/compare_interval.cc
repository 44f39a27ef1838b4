#include "compare_interval.h"

#include <algorithm>
#include <cmath>

namespace fhebench {
namespace {

// The standard normal quantile of p in (0.5, 1), by bisection on erfc (no table needed).
double normal_quantile(double p) {
  double lo = 0, hi = 10;
  for (int i = 0; i < 100; ++i) {
    const double mid = (lo + hi) / 2;
    (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p ? lo : hi) = mid;
  }
  return (lo + hi) / 2;
}

}  // namespace

std::optional<RatioInterval> ratio_interval(const std::vector<double>& a, const std::vector<double>& b, double level) {
  if (a.empty() || b.empty()) return std::nullopt;
  std::vector<double> d;
  d.reserve(a.size() * b.size());
  for (double x : a)
    for (double y : b) {
      if (!(x > 0) || !(y > 0)) return std::nullopt;
      d.push_back(std::log(y) - std::log(x));
    }
  std::sort(d.begin(), d.end());
  const double n = static_cast<double>(a.size()), m = static_cast<double>(b.size()), nm = n * m;
  const double z = normal_quantile(1 - (1 - level) / 2);
  const double k = std::floor(nm / 2 - z * std::sqrt(nm * (n + m + 1) / 12));
  RatioInterval r;
  r.reaches = k >= 1;
  const size_t ki = r.reaches ? static_cast<size_t>(k) : 1;
  r.lo = std::exp(d[ki - 1]);
  r.hi = std::exp(d[d.size() - ki]);
  return r;
}

}  // namespace fhebench
