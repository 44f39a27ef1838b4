#include "cell_warnings.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "protocol.h"

namespace fhebench {
namespace {

double median_of(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t h = v.size() / 2;
  return v.size() % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

std::string spread_warning(const std::vector<const Record*>& used, const Stats& total) {
  std::vector<double> totals;
  for (const Record* r : used) totals.push_back(canonical_total(r->phases));
  const double spread = robust_relative_spread(totals);
  if (spread <= kHighSpread) return "";
  return fmt::format("high spread: robust sd {:.0f}% of the median (above {:.0f}%), 95% interval ±{:.0f}%: "
                     "a busy machine or a program whose time varies; rerun on a quiet machine or with more repetitions",
                     spread * 100, kHighSpread * 100, total.ci.relative_half_width(total.median) * 100);
}

std::string warmup_warning(const std::vector<Record>& warmups, const Stats& total) {
  double slowest = 0;
  for (const Record& w : warmups)
    if (w.status == Status::ok) slowest = std::max(slowest, canonical_total(w.phases));
  if (total.median <= 0 || slowest < kSlowWarmup * total.median) return "";
  return fmt::format("slow warm-up: {:.1f}× the measured median (above {:g}×): first-run costs (caches, page faults, "
                     "lazy initialisation); the warm-up is not in the figures, but check that one warm-up is enough",
                     slowest / total.median, kSlowWarmup);
}

std::string cpu_warning(const std::vector<const Record*>& used) {
  std::vector<double> share;
  for (const Record* r : used)
    if (r->measure && r->measure->wall_s > 0) share.push_back((r->measure->user_s + r->measure->sys_s) / r->measure->wall_s);
  if (share.empty()) return "";
  const double m = median_of(share);
  if (m >= kLowCpuShare) return "";
  return fmt::format("low CPU: user+sys is {:.0f}% of wall time (below {:.0f}%): the program waited, most likely for "
                     "a CPU on a contended machine (or for I/O); the wall-clock figures include that wait",
                     m * 100, kLowCpuShare * 100);
}

}  // namespace

double robust_relative_spread(std::vector<double> values) {
  if (values.size() < 3) return 0;
  const double m = median_of(values);
  if (m <= 0) return 0;
  for (double& v : values) v = std::fabs(v - m);
  return 1.4826 * median_of(values) / m;
}

std::vector<std::string> cell_warnings(const std::vector<const Record*>& used, const std::vector<Record>& warmups,
                                       const Stats& total) {
  std::vector<std::string> out;
  for (std::string w : {spread_warning(used, total), warmup_warning(warmups, total), cpu_warning(used)})
    if (!w.empty()) out.push_back(std::move(w));
  return out;
}

}  // namespace fhebench
