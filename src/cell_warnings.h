// One-line warnings about a cell's figures, with the likely cause (as hyperfine warns about
// outliers and caching): a wide spread, a warm-up much slower than the measured median, and
// CPU time far below wall time (the program waited: a contended machine).
#pragma once

#include <string>
#include <vector>

#include "record.h"
#include "stats.h"

namespace fhebench {

// Robust relative spread (1.4826 MAD / median) above which a cell is flagged: at 10%, the
// median's 95% interval over 10 repetitions spans about +-10%, twice compare's 5% threshold.
inline constexpr double kHighSpread = 0.10;
// A warm-up total this many times the measured median means first-run costs.
inline constexpr double kSlowWarmup = 2.0;
// Median (user + sys) / wall below this: the process spent half its time not running.
inline constexpr double kLowCpuShare = 0.5;

// `used`: the repetitions the figures come from; `warmups`: the cell's warm-up records;
// `total`: the statistics of the used repetitions' totals.
std::vector<std::string> cell_warnings(const std::vector<const Record*>& used, const std::vector<Record>& warmups,
                                       const Stats& total);

// 1.4826 x the median absolute deviation over the median (0 for fewer than 3 values).
double robust_relative_spread(std::vector<double> values);

}  // namespace fhebench
