// The run's summary as an aligned Markdown table: printed at the end of `fhebench run` and
// stored as summary.md. One row per cell: median per phase, total, multiple of Plaintext,
// peak memory, status, scheme, parameters and security level.
#pragma once

#include <string>

#include "cell_summary.h"

namespace fhebench {

// `run` is run.json (for the heading).
std::string summary_markdown(const RunSummary& summary, const Json& run);

std::string format_seconds(double s);  // "812 µs", "12.3 ms", "4.56 s"
std::string format_bytes(double b);    // "12.3 MiB"
// "[11.9 ms, 12.8 ms]", with the real coverage appended, "[1 ms, 3 ms] (75%)", below 95%.
std::string format_interval(const MedianInterval& ci);

}  // namespace fhebench
