// stats.csv: the statistics of every cell of a run, one row per cell, times in milliseconds.
#pragma once

#include <string>

#include "report_data.h"

namespace fhebench {

std::string stats_csv(const ReportRun& run);

// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
std::string csv_field(const std::string& s);

}  // namespace fhebench
