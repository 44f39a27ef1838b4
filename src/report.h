// `fhebench report`: everything a run folder offers besides the raw results, made from the
// store alone: plot/ (gnuplot), summary.md, tables.tex, stats.csv and site/.
#pragma once

#include <string>
#include <vector>

#include "run_store.h"

namespace fhebench {

struct ReportParts {
  bool plots = true, tables = true, site = true;
};

struct ReportResult {
  std::vector<std::string> written;   // paths relative to the run folder
  std::vector<std::string> problems;  // one line each; the other parts are still written
};

// Each part is made independently, so one that fails (no gnuplot, no built front end)
// costs only itself. Throws only when the run itself is unreadable.
// `run_json`: run.json as it is about to be written (the runner writes its final status
// only once the report is made).
ReportResult write_report(const RunStore& store, const ReportParts& parts = {}, const Json* run_json = nullptr);

// For the end of `fhebench run`: never throws, never changes the run; problems become
// warnings on stderr.
void report_after_run(const RunStore& store, const Json& run);

}  // namespace fhebench
