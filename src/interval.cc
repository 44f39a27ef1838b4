#include "interval.h"

#include <cmath>

namespace fhebench {
namespace {

// P(Binomial(n, 1/2) = i), in logs so that n in the thousands does not underflow a product.
double half_binomial_pmf(size_t n, size_t i) {
  const double dn = static_cast<double>(n), di = static_cast<double>(i);
  return std::exp(std::lgamma(dn + 1) - std::lgamma(di + 1) - std::lgamma(dn - di + 1) - dn * std::log(2.0));
}

}  // namespace

double order_interval_coverage(size_t n, size_t k) {
  if (n == 0 || k == 0) return 0;
  double tail = 0;  // P(X <= k-1)
  for (size_t i = 0; i < k; ++i) tail += half_binomial_pmf(n, i);
  return std::max(0.0, 1 - 2 * tail);
}

MedianInterval median_interval(const std::vector<double>& sorted, double level) {
  MedianInterval m;
  const size_t n = sorted.size();
  if (n == 0) return m;
  // Grow k while the next pair inward still covers `level`: tail(k) = P(X <= k-1) <= (1-level)/2.
  size_t k = 1;
  double tail = half_binomial_pmf(n, 0);
  while (k < n / 2) {
    const double next = tail + half_binomial_pmf(n, k);
    if (1 - 2 * next < level - 1e-12) break;
    tail = next;
    ++k;
  }
  m.lo = sorted[k - 1];
  m.hi = sorted[n - k];
  m.coverage = std::max(0.0, 1 - 2 * tail);
  return m;
}

}  // namespace fhebench
