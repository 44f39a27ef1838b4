#include "stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace fhebench {

Stats compute_stats(std::vector<double> v) {
  Stats s;
  s.n = v.size();
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  s.min = v.front();
  s.max = v.back();
  s.median = v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
  s.mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  if (v.size() > 1) {
    double sq = 0;
    for (double x : v) sq += (x - s.mean) * (x - s.mean);
    s.sd = std::sqrt(sq / static_cast<double>(v.size() - 1));
  }
  s.ci = median_interval(v);
  return s;
}

Json to_json(const Stats& s) {
  return {{"n", s.n},     {"median", s.median}, {"mean", s.mean}, {"sd", s.sd}, {"min", s.min}, {"max", s.max},
          {"ci", {{"low", s.ci.lo}, {"high", s.ci.hi}, {"coverage", s.ci.coverage}}}};
}

Stats stats_from_json(const Json& j) {
  Stats s;
  if (!j.is_object()) return s;
  s.n = j.value("n", size_t{0});
  s.median = j.value("median", 0.0);
  s.mean = j.value("mean", 0.0);
  s.sd = j.value("sd", 0.0);
  s.min = j.value("min", 0.0);
  s.max = j.value("max", 0.0);
  const Json ci = j.value("ci", Json::object());
  s.ci = {ci.value("low", s.min), ci.value("high", s.max), ci.value("coverage", 0.0)};
  return s;
}

}  // namespace fhebench
