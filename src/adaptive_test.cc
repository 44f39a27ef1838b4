#include "adaptive.h"

#include <gtest/gtest.h>

#include "adaptive_budget.h"
#include "run_options.h"

namespace fhebench {
namespace {

std::vector<Record> records(const std::vector<double>& totals, double wall = 0.1) {
  std::vector<Record> out;
  for (size_t i = 0; i < totals.size(); ++i) {
    Record r;
    r.id = {static_cast<int>(i + 1), false};
    r.status = Status::ok;
    r.phases = {{"keygen", 0.0}, {"encrypt", 0.0}, {"compute", totals[i]}, {"decrypt", 0.0}};
    r.measure = Measure{wall, wall, 0, 0, 0, "", 0, 0};
    out.push_back(r);
  }
  return out;
}

TEST(Adaptive, QuietCellStopsAtTheTargetOnceAn95IntervalExists) {
  const AdaptiveRule rule{3, 30, 0.05, 0};
  const std::vector<double> quiet = {1.0, 1.01, 0.99, 1.0, 1.0, 1.01};
  EXPECT_EQ(should_stop(rule, records({1.0, 1.0, 1.0}), 0), std::nullopt) << "no 95% interval below 6 repetitions";
  EXPECT_EQ(should_stop(rule, records(quiet), 0), StopReason::target_ci);
}

TEST(Adaptive, NoisyCellRunsToTheMaximum) {
  const AdaptiveRule rule{3, 8, 0.01, 0};
  const std::vector<double> noisy = {1.0, 1.5, 0.7, 1.3, 0.8, 1.2, 0.9, 1.4};
  for (size_t n = 3; n < noisy.size(); ++n)
    EXPECT_EQ(should_stop(rule, records({noisy.begin(), noisy.begin() + n}), 0), std::nullopt) << n;
  EXPECT_EQ(should_stop(rule, records(noisy), 0), StopReason::max_repetitions);
}

TEST(Adaptive, BudgetStopsWhenTheNextRepetitionWouldNotFitButNotBeforeTheMinimum) {
  const AdaptiveRule rule{2, 30, 0, 1.0};
  EXPECT_EQ(should_stop(rule, records({1.0}, 0.3), 5.0), std::nullopt) << "the minimum runs regardless";
  EXPECT_EQ(should_stop(rule, records({1.0, 1.0}, 0.3), 0.6), std::nullopt);  // 0.6 + 0.3 fits in 1.0
  EXPECT_EQ(should_stop(rule, records({1.0, 1.0, 1.0}, 0.3), 0.9), StopReason::time_budget);
}

TEST(Adaptive, ReasonsRoundTripAndFixedRunsHaveNoRule) {
  for (StopReason r : {StopReason::target_ci, StopReason::max_repetitions, StopReason::time_budget, StopReason::failed})
    EXPECT_EQ(stop_reason_from_string(to_string(r)), r);
  EXPECT_EQ(stop_reason_from_string("bogus"), std::nullopt);
  RunOptions o;
  EXPECT_FALSE(adaptive_rule(o));
  o.max_repetitions = 10;
  o.min_repetitions = 3;
  o.target_ci_pct = 5;
  ASSERT_TRUE(adaptive_rule(o));
  EXPECT_DOUBLE_EQ(adaptive_rule(o)->target, 0.05);
  EXPECT_EQ(o.planned_repetitions(), 10);
}

TEST(TimeBudget, SharesTheRestAmongTheCellsLeft) {
  TimeBudget none(0, 3);
  EXPECT_EQ(none.next_share(), 0);
  TimeBudget b(90, 3);
  EXPECT_NEAR(b.next_share(), 30, 0.5);
  EXPECT_NEAR(b.next_share(), 45, 0.5);  // nothing used yet: the first cell's share is left over
  EXPECT_NEAR(b.next_share(), 90, 0.5);
  TimeBudget spent(1e-9, 1);
  EXPECT_GT(spent.next_share(), 0) << "a spent budget still returns a positive share";
}

}  // namespace
}  // namespace fhebench
