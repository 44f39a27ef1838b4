// `--time-budget`: the run's time shared out among its cells as they start. Each cell may
// use the time left over its cells left, so what cheap cells (run first) do not use goes to
// the costly ones after them. The budget counts from the first cell (builds are not in it).
#pragma once

#include <chrono>
#include <cstddef>

namespace fhebench {

class TimeBudget {
 public:
  TimeBudget(double total_s, size_t cells);
  // The next cell's share in seconds: 0 without a budget, else a positive number (tiny once
  // the budget is spent, so that cells still get their minimum repetitions and stop).
  double next_share();

 private:
  double total_s_;
  size_t left_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace fhebench
