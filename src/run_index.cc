#include "run_index.h"

#include <fmt/format.h>

#include <set>

#include "machine_fingerprint.h"
#include "report_data.h"
#include "run_index_db.h"
#include "run_store.h"
#include "stats.h"

namespace fhebench {
namespace {

using namespace index_db;

constexpr int kSchemaVersion = 2;

// Version 1's tables; version 2 adds the columns of kAdded (ALTER TABLE keeps old files readable).
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS runs (
  id TEXT PRIMARY KEY, started TEXT, finished TEXT, status TEXT, hostname TEXT, cpu_model TEXT,
  fhebench_commit TEXT, run_json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cells (
  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE, tool TEXT NOT NULL,
  benchmark TEXT NOT NULL, variant TEXT NOT NULL, size_key TEXT NOT NULL, scheme TEXT, status TEXT,
  n_ok INTEGER, keygen_median_s REAL, encrypt_median_s REAL, compute_median_s REAL,
  decrypt_median_s REAL, total_median_s REAL, total_sd_s REAL, peak_rss_bytes REAL, security_bits INTEGER,
  summary_json TEXT NOT NULL,
  PRIMARY KEY (run_id, tool, benchmark, variant, size_key));
CREATE INDEX IF NOT EXISTS cells_by_impl ON cells (tool, benchmark, variant, size_key);
)sql";

struct Column {
  const char *table, *name, *type;
};
constexpr Column kAdded[] = {
    {"runs", "machine_fingerprint", "TEXT"}, {"runs", "machine_label", "TEXT"}, {"runs", "fhebench_version", "TEXT"},
    {"runs", "tools_json", "TEXT"},          {"runs", "options_json", "TEXT"},  {"cells", "versions", "TEXT"},
    {"cells", "total_ci_low_s", "REAL"},     {"cells", "total_ci_high_s", "REAL"}};

const Json& member(const Json& j, const char* key) {
  static const Json empty = Json::object();
  return j.is_object() && j.contains(key) && j[key].is_object() ? j[key] : empty;
}

std::string str(const Json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

// The runs row's derived columns, in kAdded's order.
std::vector<Json> run_columns(const Json& run) {
  const Json& machine = member(run, "machine");
  return {machine_fingerprint(machine), machine_label(machine_identity(machine)), str(member(run, "fhebench"), "version"),
          member(run, "tools").dump(), member(run, "options").dump()};
}

// What a cell's library was: as its program reported it, else as the tool's manifest says.
std::string cell_versions(const Json& run, const Json& cell) {
  const Json& fhe = member(cell, "fhe");
  std::string lib = str(fhe, "library"), version = str(fhe, "library_version");
  const Json& tool = member(member(run, "tools"), str(cell, "tool").c_str());
  if (lib.empty() || lib == "none") lib = str(tool, "library");
  if (version.empty()) version = str(tool, "version");
  return fmt::format("{}{}{}", lib, lib.empty() || version.empty() ? "" : " ", version);
}

// The total's 95% interval of the median as the summary stores it (stats.h), or none.
std::pair<Json, Json> interval(const Json& total) {
  const Stats s = stats_from_json(total);
  if (s.ci.coverage <= 0) return {Json(), Json()};
  return {s.ci.lo, s.ci.hi};
}

// The cells row's derived columns, in kAdded's order: versions, the total's interval.
std::vector<Json> cell_columns(const Json& run, const Json& cell) {
  const auto [low, high] = interval(member(member(cell, "phases"), "total"));
  return {cell_versions(run, cell), low, high};
}

bool has_column(sqlite3* db, const Column& c) {
  auto s = prepare(db, fmt::format("SELECT 1 FROM pragma_table_info('{}') WHERE name = '{}'", c.table, c.name));
  return sqlite3_step(s.get()) == SQLITE_ROW;
}

int user_version(sqlite3* db) {
  auto s = prepare(db, "PRAGMA user_version");
  return sqlite3_step(s.get()) == SQLITE_ROW ? sqlite3_column_int(s.get(), 0) : 0;
}

// An index of version 1 (or an interrupted upgrade): adds the columns and fills them from the
// run.json and summary.json each row keeps.
void upgrade(sqlite3* db) {
  for (const Column& c : kAdded)
    if (!has_column(db, c)) exec(db, fmt::format("ALTER TABLE {} ADD COLUMN {} {}", c.table, c.name, c.type));
  auto runs = prepare(db, "SELECT id, run_json FROM runs");
  auto set_run = prepare(db, "UPDATE runs SET machine_fingerprint = ?1, machine_label = ?2, fhebench_version = ?3, "
                             "tools_json = ?4, options_json = ?5 WHERE id = ?6");
  auto cells = prepare(db, "SELECT rowid, summary_json FROM cells WHERE run_id = ?1");
  auto set_cell = prepare(db, "UPDATE cells SET versions = ?1, total_ci_low_s = ?2, total_ci_high_s = ?3 WHERE rowid = ?4");
  while (sqlite3_step(runs.get()) == SQLITE_ROW) {
    const std::string id = text(runs.get(), 0);
    const Json run = Json::parse(text(runs.get(), 1), nullptr, false);
    auto values = run_columns(run);
    values.push_back(id);
    step(db, set_run.get(), values);
    sqlite3_reset(cells.get());
    bind_value(cells.get(), 1, id);
    while (sqlite3_step(cells.get()) == SQLITE_ROW) {
      auto cv = cell_columns(run, Json::parse(text(cells.get(), 1), nullptr, false));
      cv.push_back(sqlite3_column_int64(cells.get(), 0));
      step(db, set_cell.get(), cv);
    }
  }
  exec(db, fmt::format("PRAGMA user_version = {}", kSchemaVersion));
}

Db open_current(const std::filesystem::path& results_dir) {
  Db db = open(results_dir);
  exec(db.get(), kSchema);
  if (user_version(db.get()) < kSchemaVersion) transaction(db.get(), [&] { upgrade(db.get()); });
  return db;
}

Json median(const CellSummary& cell, const char* phase) {
  const auto it = cell.phases.find(phase);
  return it == cell.phases.end() || it->second.n == 0 ? Json() : Json(it->second.median);
}

void insert_cell(sqlite3* db, sqlite3_stmt* s, const Json& run, const CellSummary& c) {
  const auto total = c.phases.find("total");
  const Cell& k = c.cell;
  const Json j = to_json(c);
  std::vector<Json> v = {run["id"], k.tool, k.benchmark, k.variant, k.size_key, k.scheme, to_string(c.status),
                         c.counts.count(Status::ok) ? c.counts.at(Status::ok) : 0, median(c, "keygen"),
                         median(c, "encrypt"), median(c, "compute"), median(c, "decrypt"), median(c, "total"),
                         total == c.phases.end() ? Json() : Json(total->second.sd), c.peak_rss_median,
                         c.security.bits ? Json(*c.security.bits) : Json(), j.dump()};
  for (Json& extra : cell_columns(run, j)) v.push_back(std::move(extra));
  step(db, s, v);
}

std::string placeholders(size_t n) {
  std::string out;
  for (size_t i = 1; i <= n; ++i) out += fmt::format("{}?{}", i > 1 ? ", " : "", i);
  return out;
}

}  // namespace

void index_run(const std::filesystem::path& results_dir, const Json& run, const RunSummary& summary) {
  Db db = open_current(results_dir);
  transaction(db.get(), [&] {
    const Json& m = member(run, "machine");
    auto run_stmt = prepare(db.get(), "INSERT OR REPLACE INTO runs (id, started, finished, status, hostname, cpu_model, "
                                      "fhebench_commit, run_json, machine_fingerprint, machine_label, fhebench_version, "
                                      "tools_json, options_json) VALUES (" + placeholders(13) + ")");
    std::vector<Json> rv = {run["id"], run.value("started", ""), run.value("finished", ""), run.value("status", ""),
                            str(m, "hostname"), str(m, "cpu_model"), str(member(run, "fhebench"), "commit"), run.dump()};
    for (Json& extra : run_columns(run)) rv.push_back(std::move(extra));
    step(db.get(), run_stmt.get(), rv);
    auto del = prepare(db.get(), "DELETE FROM cells WHERE run_id = ?1");
    step(db.get(), del.get(), {run["id"]});
    auto cell_stmt = prepare(db.get(), "INSERT INTO cells (run_id, tool, benchmark, variant, size_key, scheme, status, n_ok, "
                                       "keygen_median_s, encrypt_median_s, compute_median_s, decrypt_median_s, "
                                       "total_median_s, total_sd_s, peak_rss_bytes, security_bits, summary_json, "
                                       "versions, total_ci_low_s, total_ci_high_s) VALUES (" + placeholders(20) + ")");
    for (const CellSummary& c : summary.cells) insert_cell(db.get(), cell_stmt.get(), run, c);
  });
}

size_t index_missing_runs(const std::filesystem::path& results_dir, std::vector<std::string>* skipped) {
  std::set<std::string> have;
  {
    Db db = open_current(results_dir);
    auto s = prepare(db.get(), "SELECT id FROM runs");
    while (sqlite3_step(s.get()) == SQLITE_ROW) have.insert(text(s.get(), 0));
  }
  size_t added = 0;
  for (const std::string& id : run_ids(results_dir)) {
    if (have.count(id)) continue;
    try {
      const RunStore store = RunStore::open(results_dir, id);
      index_run(results_dir, store.read_run(), read_run_summary(store));
      ++added;
    } catch (const std::exception& e) {
      if (skipped) skipped->push_back(id + ": " + e.what());
    }
  }
  return added;
}

namespace {

std::string in_list(const char* column, const std::vector<std::string>& values, std::vector<Json>& params) {
  if (values.empty()) return "";
  std::string sql = fmt::format(" AND {} IN (", column);
  for (size_t i = 0; i < values.size(); ++i) {
    params.push_back(values[i]);
    sql += fmt::format("{}?{}", i ? ", " : "", params.size());
  }
  return sql + ")";
}

std::string equals(const char* column, const std::string& value, std::vector<Json>& params) {
  if (value.empty()) return "";
  params.push_back(value);
  return fmt::format(" AND {} = ?{}", column, params.size());
}

IndexedCell cell_row(sqlite3_stmt* s) {
  IndexedCell c{text(s, 0), text(s, 1), text(s, 2), text(s, 3), text(s, 4),
                {text(s, 5), text(s, 6), text(s, 7), text(s, 8)}, text(s, 9), text(s, 10),
                real(s, 11), real(s, 12), real(s, 13), real(s, 14), sqlite3_column_int(s, 15), real(s, 16)};
  return c;
}

}  // namespace

std::vector<IndexedCell> indexed_cells(const std::filesystem::path& results_dir, const IndexFilter& f) {
  Db db = open_current(results_dir);
  std::vector<Json> params;
  std::string sql =
      "SELECT c.run_id, r.started, r.fhebench_commit, r.machine_fingerprint, r.machine_label, c.tool, c.benchmark, "
      "c.variant, c.size_key, c.status, c.versions, c.total_median_s, c.total_ci_low_s, c.total_ci_high_s, "
      "c.total_sd_s, c.n_ok, json_extract(c.summary_json, '$.wall.median') FROM cells c JOIN runs r ON r.id = c.run_id WHERE 1";
  sql += in_list("c.tool", f.tools, params) + in_list("c.benchmark", f.benchmarks, params) +
         equals("c.size_key", f.size_key, params) + equals("r.machine_fingerprint", f.machine, params);
  sql += " ORDER BY c.tool, c.benchmark, c.variant, c.size_key, r.started, c.run_id";
  auto s = prepare(db.get(), sql);
  for (size_t i = 0; i < params.size(); ++i) bind_value(s.get(), static_cast<int>(i + 1), params[i]);
  std::vector<IndexedCell> out;
  while (sqlite3_step(s.get()) == SQLITE_ROW) out.push_back(cell_row(s.get()));
  return out;
}

}  // namespace fhebench
