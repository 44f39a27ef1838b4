// Statistics of a run: one summary per cell from its repetition records, and the run's
// summary.json (docs/results.md), which reports read. Everything a report shows about a
// cell (label, status, log q, parameter text, security) is computed here, once.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "json.h"
#include "record.h"
#include "run_store.h"
#include "security.h"
#include "stats.h"

namespace fhebench {

struct CellSummary {
  Cell cell;
  Status status = Status::missing;
  std::map<Status, int> counts;  // per repetition status
  std::string reason;            // the first non-ok repetition's
  std::map<std::string, Stats> phases;  // canonical phases, "total", and "compile" when reported
  Stats wall;
  double peak_rss_median = 0, peak_rss_max = 0;
  std::string memory_method;
  Json fhe = Json::object(), sizes = Json::object();
  SecurityLevel security;
  std::optional<double> precision_bits;
  size_t n_used = 0;
  std::optional<double> vs_reference;  // total as a multiple of the reference tool's
  std::vector<std::string> warnings;   // one line each (cell_warnings.h)
  std::string stop;                    // adaptive runs: why repetitions ended ("target-ci", ...); else ""

  std::string label() const;       // "SEAL/batched", or the tool for the default variant
  std::string parameters() const;  // "n=8192, log q=218, t=65537" (or LWE/TLWE dimensions)
  std::optional<long> log_q() const;
  bool fine() const { return is_fine(status); }
  bool has_figures() const;
};

// A run's summary.json: its cells' summaries, and the tool their totals are a multiple of.
struct RunSummary {
  std::string run, reference;
  std::vector<CellSummary> cells;
  bool compiled() const;  // whether some cell reports the optional compile phase
};

// The key every summary.json cell has: those below plus label, fine, parameters and log_q.
Json to_json(const CellSummary& s);
CellSummary cell_summary_from_json(const Json& j);

// "SEAL/batched", or just the tool for the default variant.
std::string impl_label(const std::string& tool, const std::string& variant);
// Sum of "coeff_modulus_bits" in a tool's "fhe" object; nullopt when it reports none.
std::optional<long> log_q_of(const Json& fhe);

// `expected_reps`: how many measured repetitions the cell should have (for "partial");
// `warmups`: the cell's warm-up records, for the warnings.
CellSummary summarize_cell(const Cell& cell, const std::vector<Record>& records, int expected_reps,
                           const std::vector<Record>& warmups = {});
struct RunOptions;
// A stored cell's summary under the run's options: an adaptive cell that stopped is complete
// with the repetitions it has, and says why it stopped.
CellSummary summarize_stored_cell(const RunStore& store, const Cell& cell, const RunOptions& o);

// Summaries of every cell in run.json's matrix, with each total as a multiple of the
// reference tool's (`reference`, Plaintext unless the run chose another) for the same
// benchmark and size.
Json summarize_run(const RunStore& store);

Json to_json(const RunSummary& s);
RunSummary run_summary_from_json(const Json& j);

// summary.json as the store has it, or computed from the records when it is not written
// yet (a run going on or interrupted before finishing); throws std::runtime_error when
// it is unreadable. What report and compare both read.
Json read_or_summarize(const RunStore& store);
// The same, typed: what every report reads.
RunSummary read_run_summary(const RunStore& store);

}  // namespace fhebench
