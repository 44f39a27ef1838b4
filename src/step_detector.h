// Steps (regressions and improvements) in a cell's series of medians across runs: a lookback
// z-score, as Conbench does, with the runs' own uncertainty in the noise and a minimum
// relative size (docs/history.md, "Step detection").
#pragma once

#include <optional>
#include <vector>

namespace fhebench {

// One run's figure: the median, and the standard error of that median when the run knows it
// (from the cell's confidence interval, else sd/sqrt(n)).
struct SeriesPoint {
  double median = 0;
  std::optional<double> median_se;
};

struct StepOptions {
  double z = 5.0;              // |z| at or above this is a step...
  double min_change = 0.05;    // ...when it also moves the median by this fraction
  size_t lookback = 20;        // baseline: at most this many points since the last step
};

struct Step {
  size_t index = 0;     // the first point after the step (the step lies between index-1 and index)
  double baseline = 0;  // mean of the baseline window
  double ratio = 1;     // point / baseline: > 1 slower (a regression for times), < 1 faster
  double z = 0;
  bool regression() const { return ratio > 1; }
};

// Steps in time order. Each point is tested against the points since the previous step, so
// the points after a step form the next baseline instead of being flagged again.
std::vector<Step> detect_steps(const std::vector<SeriesPoint>& series, const StepOptions& o = {});

}  // namespace fhebench
