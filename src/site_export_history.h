// The history part of a run's website data: for each cell of the run, its series across the
// indexed runs of the same machine (history.h), for the site's history view.
#pragma once

#include "report_data.h"

namespace fhebench {

// {"machine", "machine_label", "current", "series": [to_json(CellHistory)]}; the run itself is
// indexed first, so its own point is in its series. {"error": "..."} when the index cannot be
// read: the rest of the site stands.
Json site_history(const RunStore& store, const ReportRun& run);

}  // namespace fhebench
