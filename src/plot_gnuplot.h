// Writes a run's plot/ folder: per benchmark the data, the gnuplot script and the PNG, PDF
// and SVG it draws, plus redraw.sh. gnuplot runs through the process runner (no shell).
#pragma once

#include <string>
#include <vector>

#include "report_data.h"

namespace fhebench {

// Into `dir` (the store's plot_dir()). Returns one line per benchmark that could not be drawn (the data and script are written
// anyway); throws std::runtime_error when gnuplot is missing.
std::vector<std::string> write_plots(const ReportRun& run, const fs::path& dir);

}  // namespace fhebench
