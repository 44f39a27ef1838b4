// Adaptive repetitions (`fhebench run --min-repetitions --max-repetitions --target-ci
// --time-budget`): a cell's measured repetitions go on until the median's 95% interval is
// within the target, the maximum is reached, or the cell's share of the time budget is used.
// The rule is evaluated before each repetition from the records stored so far, so a resumed
// cell continues to the same rule with the repetitions it already has.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "record.h"

namespace fhebench {

struct RunOptions;

// Why a cell's measured repetitions ended (stored in stop.json, shown as `stop: <reason>`).
enum class StopReason { target_ci, max_repetitions, time_budget, failed };
std::string to_string(StopReason r);  // "target-ci", "max-repetitions", "time-budget", "failed"
std::optional<StopReason> stop_reason_from_string(const std::string& s);

struct AdaptiveRule {
  int min = 6, max = 30;
  double target = 0;    // relative half-width of the median's interval, e.g. 0.05; 0: none
  double budget_s = 0;  // this cell's share of the time budget; 0: none
};

// The rule of an adaptive run; nullopt for a fixed --repetitions run.
std::optional<AdaptiveRule> adaptive_rule(const RunOptions& o);

// Whether to stop before another repetition, given the measured records so far and the
// seconds this cell has used. Never before `min`; the target needs a real 95% interval (6
// ok repetitions or more); the budget stops when the next repetition (at the median so far)
// would not fit.
std::optional<StopReason> should_stop(const AdaptiveRule& rule, const std::vector<Record>& records, double used_s);

}  // namespace fhebench
