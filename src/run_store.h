// One run's folder in the results store (docs/results.md): run.json, per-cell folders with
// inputs and one record per repetition, CSVs. A repetition is finished exactly when its
// record exists, which is what makes an interrupted run resumable without loss.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "benchmark.h"
#include "manifest.h"

namespace fhebench {

// One (tool, benchmark, variant, size) of the run's matrix.
struct Cell {
  std::string tool, benchmark, variant, scheme, impl;
  Size size;
  std::string size_key;
  fs::path dir;  // relative to the run folder
};

Json to_json(const Cell& c);
Cell cell_from_json(const Json& j);

class RunStore {
 public:
  // A new run folder named YYYYMMDD_HHMMSS (UTC), with "_2", "_3"... when taken.
  static RunStore create(const fs::path& results_dir);
  // An existing run; throws std::runtime_error when it is not a run folder.
  static RunStore open(const fs::path& results_dir, const std::string& id);

  const std::string& id() const { return id_; }
  const fs::path& dir() const { return dir_; }
  const fs::path& results_dir() const { return results_dir_; }

  Json read_run() const;
  void write_run(const Json& run) const;

  fs::path cell_dir(const Cell& c) const { return dir_ / c.dir; }
  static std::string rep_name(int repetition, bool warmup);  // "rep_001", "warmup_1"
  bool has_record(const Cell& c, const std::string& name) const;
  void write_record(const Cell& c, const std::string& name, const Json& record) const;
  // The measured repetitions' records, by repetition number.
  std::vector<Json> records(const Cell& c) const;

 private:
  RunStore(fs::path results_dir, std::string id);
  fs::path results_dir_, dir_;
  std::string id_;
};

std::string utc_timestamp();  // "2026-11-28T16:00:00Z"

}  // namespace fhebench
