// The terminal text of cell histories (fhebench history): per machine, per cell, one line per
// run, and a line under each run where a step begins.
#pragma once

#include <string>
#include <vector>

#include "history.h"

namespace fhebench {

std::string history_text(const std::vector<CellHistory>& series);
// "+30.2% slower (regression, z 41) between run A (fhebench abc1234, SEAL 4.4.3) and run B (...)"
std::string step_text(const CellHistory& h, const HistoryStep& s);

}  // namespace fhebench
