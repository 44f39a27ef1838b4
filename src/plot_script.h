// The gnuplot data and script of one benchmark's plot (plot/<benchmark>.dat and
// plot/plot_<benchmark>.gp): implementations as rows, the four phases stacked on a linear
// axis beside the same phases grouped on a log axis (gnuplot refuses stacked histograms on a
// log axis; the optional compile phase, outside the total, after them when a tool reports it),
// error bars from the repetitions, and every cell that is not ok kept, labelled
// and hatched red. The script draws plot_<benchmark>.png, .pdf and .svg and stands alone,
// so a user can edit either file and redraw with `gnuplot plot_<benchmark>.gp`.
#pragma once

#include <string>

#include "report_data.h"

namespace fhebench {

struct PlotFiles {
  std::string data;    // <benchmark>.dat, tab-separated
  std::string script;  // plot_<benchmark>.gp
};

PlotFiles make_plot(const ReportRun& run, const BenchmarkCells& cells);

// Text gnuplot's data files and double-quoted strings can hold: no tabs, newlines, quotes.
std::string gnuplot_text(const std::string& s);

// plot/redraw.sh: redraws every plot of the folder with one command.
std::string redraw_script();

}  // namespace fhebench
