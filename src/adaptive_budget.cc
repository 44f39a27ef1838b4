#include "adaptive_budget.h"

#include <algorithm>

namespace fhebench {

TimeBudget::TimeBudget(double total_s, size_t cells) : total_s_(total_s), left_(std::max<size_t>(cells, 1)) {}

double TimeBudget::next_share() {
  if (total_s_ <= 0) return 0;
  const double used = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double share = (total_s_ - used) / static_cast<double>(left_);
  if (left_ > 1) --left_;
  return std::max(share, 1e-9);
}

}  // namespace fhebench
