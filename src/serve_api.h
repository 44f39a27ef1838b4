// The JSON that `fhebench serve` answers: the list of runs under the results folder, and one
// run's site data (the same document a generated site carries in data.js).
#pragma once

#include <optional>

#include "report_data.h"

namespace fhebench {

// Newest first: id, status, started, finished, cells, not_ok, tools, benchmarks, machine,
// has_site. A run whose files are unreadable is listed with status "unreadable".
Json run_list(const fs::path& results_dir);

// nullopt when `id` is not a run of the folder.
std::optional<Json> run_document(const fs::path& results_dir, const std::string& id);

}  // namespace fhebench
