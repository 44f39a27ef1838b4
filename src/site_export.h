// <run>/site/: the website of one run, openable from disk. The front end (web/, built by
// npm into web/dist/ as part of the CMake build) is copied in, with the run's data as data.js
// (a script, because pages opened from file:// cannot fetch JSON).
#pragma once

#include <filesystem>

#include "report_data.h"

namespace fhebench {

// The built front end: $FHEBENCH_WEB_DIR, else <project>/web/dist. Throws
// std::runtime_error saying how to build it when index.html, app.js or app.css is missing.
std::filesystem::path web_bundle_dir();

void write_site(const RunStore& store, const ReportRun& run);

}  // namespace fhebench
