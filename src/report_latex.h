// tables.tex: one booktabs table per benchmark, ready for a paper (\usepackage{booktabs,graphicx}).
#pragma once

#include <string>

#include "report_data.h"

namespace fhebench {

std::string tables_tex(const ReportRun& run);

// Text safe in LaTeX's text mode: the ten special characters escaped, µ and × spelled out.
std::string latex_escape(const std::string& s);

// Three significant digits without exponents ("1234", "12.3", "0.0123"); "--" for NaN.
std::string three_digits(double v);

}  // namespace fhebench
