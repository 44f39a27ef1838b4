#include "adaptive.h"

#include "protocol.h"
#include "run_options.h"
#include "stats.h"

namespace fhebench {

std::string to_string(StopReason r) {
  switch (r) {
    case StopReason::target_ci: return "target-ci";
    case StopReason::max_repetitions: return "max-repetitions";
    case StopReason::time_budget: return "time-budget";
    case StopReason::failed: return "failed";
  }
  return "failed";
}

std::optional<StopReason> stop_reason_from_string(const std::string& s) {
  for (StopReason r : {StopReason::target_ci, StopReason::max_repetitions, StopReason::time_budget, StopReason::failed})
    if (to_string(r) == s) return r;
  return std::nullopt;
}

std::optional<AdaptiveRule> adaptive_rule(const RunOptions& o) {
  if (!o.adaptive()) return std::nullopt;
  return AdaptiveRule{o.min_repetitions, o.max_repetitions, o.target_ci_pct / 100, 0};
}

std::optional<StopReason> should_stop(const AdaptiveRule& rule, const std::vector<Record>& records, double used_s) {
  const int n = static_cast<int>(records.size());
  if (n >= rule.max) return StopReason::max_repetitions;
  if (n < rule.min) return std::nullopt;
  std::vector<double> totals;
  for (const Record& r : records)
    if (r.status == Status::ok) totals.push_back(canonical_total(r.phases));
  const Stats s = compute_stats(totals);
  if (rule.target > 0 && s.ci.reaches() && s.ci.relative_half_width(s.median) <= rule.target) return StopReason::target_ci;
  std::vector<double> walls;  // the next repetition costs its process's wall time, not only its phases
  for (const Record& r : records)
    if (r.measure) walls.push_back(r.measure->wall_s);
  if (rule.budget_s > 0 && used_s + compute_stats(walls).median > rule.budget_s) return StopReason::time_budget;
  return std::nullopt;
}

}  // namespace fhebench
