// The typed records a run is made of, each with its JSON form written in one place
// (docs/results.md): a repetition's status and id, its record (rep_NNN.json), and the key
// that names a cell across runs.
#pragma once

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "json.h"

namespace fhebench {

// A repetition's status; a cell's status is one of these or partial/missing.
enum class Status { ok, incorrect, error, timeout, unsupported, partial, missing };
// The repetition statuses, in the order a summary counts them.
inline constexpr Status kRepetitionStatuses[] = {Status::ok, Status::incorrect, Status::error, Status::timeout,
                                                 Status::unsupported};
std::string to_string(Status s);
// Unknown text is an error: a record nobody can read is not a result.
Status status_from_string(const std::string& s);
// ok, or partial (fewer repetitions, all ok): anything else is marked wherever it is shown.
bool is_fine(Status s);
void to_json(Json& j, Status s);
void from_json(const Json& j, Status& s);

// Which repetition: measured ones are numbered from 1, warm-ups separately.
struct RepId {
  int number = 0;
  bool warmup = false;
  std::string name() const;  // "rep_001", "warmup_1": the record's file stem
  // The inverse of name(), and the only parser of it: nullopt for any other text
  // ("rep_1", "rep_000", "rep_001.output").
  static std::optional<RepId> parse(const std::string& stem);
  auto operator<=>(const RepId&) const = default;
};

// How the executor saw the process (absent for a repetition that was not run).
struct Measure {
  double wall_s = 0, user_s = 0, sys_s = 0;
  uint64_t peak_rss_bytes = 0, max_rss_bytes = 0;
  std::string memory_method;
  int exit_code = -1, signal = 0;
};

// One repetition's record (rep_NNN.json).
struct Record {
  RepId id;
  Status status = Status::error;
  std::string reason;
  bool correct = false;
  Json phases = Json::object();  // phase -> seconds, as the program reported them
  std::string started, host;
  std::optional<Measure> measure;  // nullopt: skipped after an earlier unsupported/timeout
  std::string where;               // "local", "container:<image>", "slurm:<job>_<task>", "skipped"
  Json fhe, sizes;  // what the program reported (null when it reported nothing)
  Json verify;  // {mismatches, max_abs_error, precision_bits?}, or null when not verified
  std::optional<std::string> stderr_tail, stdout_tail;
  std::optional<std::string> cleanup;  // a work directory that could not be removed, and where it went

  std::optional<double> precision_bits() const;
};

Json to_json(const Record& r);
// Never throws: a field that is missing or of the wrong type takes its default. `wrong`
// (for a record read from disk, which may have been edited by hand) gets "" when every
// field has its type, else the first that does not ("phases.compute", "not a JSON object").
Record record_from_json(const Json& j, std::string* wrong = nullptr);

// A cell as runs name it: the same key in two runs is the same measurement.
struct CellKey {
  std::string tool, benchmark, variant, size_key;
  auto operator<=>(const CellKey&) const = default;
};
Json to_json(const CellKey& k);
CellKey cell_key_from_json(const Json& j);


}  // namespace fhebench
