// The run's matrix: which (tool, benchmark, variant, size) cells the filters select.
#pragma once

#include <vector>

#include "run_options.h"
#include "run_store.h"
#include "tool_catalog.h"

namespace fhebench {

// Checks --tools, --benchmarks, --variants and --size against what exists; throws
// UsageError listing what exists when a value matches nothing.
void check_filters(const RunOptions& o, const std::vector<CatalogEntry>& catalog);

// The tools the filters select (valid manifests only), in catalog order.
std::vector<const Tool*> selected_tools(const RunOptions& o, const std::vector<CatalogEntry>& catalog);

// Cells of `tools`, ordered by benchmark, size, then tool (Plaintext first) and variant.
std::vector<Cell> plan_matrix(const RunOptions& o, const std::vector<const Tool*>& tools);

}  // namespace fhebench
