// The data the website shows for one run: run.json, summary.json and, per cell, every
// repetition's figures (for error bars and the detail view) and the names of its raw files.
// The generated site carries it in data.js; `fhebench serve` answers /api/runs/<id> with it.
#pragma once

#include <string>

#include "report_data.h"

namespace fhebench {

// `base`: the run folder as seen from the page, prefixed to the raw-file links ("../" for
// <run>/site/index.html, "/runs/<id>/" for the server).
Json site_data(const RunStore& store, const ReportRun& run, const std::string& base);

}  // namespace fhebench
