#include "run_index.h"

#include "record.h"
#include "run_store.h"

#include <sqlite3.h>

#include <memory>
#include <stdexcept>

namespace fhebench {
namespace {

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

// How errors name the index: its file name, as the store lays it out.
std::string index_name() { return RunStore::index_db("").filename().string() + ": "; }

using Db = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;
using Stmt = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

Db open_db(const std::filesystem::path& results_dir) {
  sqlite3* raw = nullptr;
  const auto path = RunStore::index_db(results_dir).string();
  if (sqlite3_open(path.c_str(), &raw) != SQLITE_OK) {
    std::string err = raw ? sqlite3_errmsg(raw) : "out of memory";
    sqlite3_close(raw);
    throw std::runtime_error("cannot open " + path + ": " + err);
  }
  Db db(raw, &sqlite3_close);
  sqlite3_busy_timeout(raw, 10000);  // concurrent runs share one index
  char* err = nullptr;
  if (sqlite3_exec(raw, kSchema, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "?";
    sqlite3_free(err);
    throw std::runtime_error("cannot set up " + path + ": " + msg);
  }
  return db;
}

void exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "?";
    sqlite3_free(err);
    throw std::runtime_error(index_name() + msg);
  }
}

Stmt prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK)
    throw std::runtime_error(index_name() + sqlite3_errmsg(db));
  return Stmt(s, &sqlite3_finalize);
}

// Binds values to ?1, ?2, ... in order: text, numbers, or null for a JSON null.
void bind(sqlite3_stmt* s, int i, const Json& v) {
  if (v.is_null()) sqlite3_bind_null(s, i);
  else if (v.is_number_integer()) sqlite3_bind_int64(s, i, v.get<int64_t>());
  else if (v.is_number()) sqlite3_bind_double(s, i, v.get<double>());
  else {
    const std::string t = v.is_string() ? v.get<std::string>() : v.dump();
    sqlite3_bind_text(s, i, t.c_str(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
  }
}

void step(sqlite3* db, sqlite3_stmt* s, const std::vector<Json>& values) {
  sqlite3_reset(s);
  for (size_t i = 0; i < values.size(); ++i) bind(s, static_cast<int>(i + 1), values[i]);
  if (sqlite3_step(s) != SQLITE_DONE) throw std::runtime_error(index_name() + sqlite3_errmsg(db));
}

Json median(const CellSummary& cell, const char* phase) {
  const auto it = cell.phases.find(phase);
  return it == cell.phases.end() || it->second.n == 0 ? Json() : Json(it->second.median);
}

}  // namespace

void index_run(const std::filesystem::path& results_dir, const Json& run, const RunSummary& summary) {
  Db db = open_db(results_dir);
  exec(db.get(), "BEGIN IMMEDIATE");
  try {
    const Json& m = run.value("machine", Json::object());
    auto run_stmt = prepare(db.get(), "INSERT OR REPLACE INTO runs VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    step(db.get(), run_stmt.get(),
         {run["id"], run.value("started", ""), run.value("finished", ""), run.value("status", ""),
          m.value("hostname", ""), m.value("cpu_model", ""), run["fhebench"].value("commit", ""), run.dump()});
    auto del = prepare(db.get(), "DELETE FROM cells WHERE run_id = ?1");
    step(db.get(), del.get(), {run["id"]});
    auto cell_stmt = prepare(db.get(),
                             "INSERT INTO cells VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)");
    for (const CellSummary& c : summary.cells) {
      const auto total = c.phases.find("total");
      const Cell& k = c.cell;
      step(db.get(), cell_stmt.get(),
           {run["id"], k.tool, k.benchmark, k.variant, k.size_key, k.scheme, to_string(c.status),
            c.counts.count(Status::ok) ? c.counts.at(Status::ok) : 0, median(c, "keygen"), median(c, "encrypt"),
            median(c, "compute"), median(c, "decrypt"), median(c, "total"),
            total == c.phases.end() ? Json() : Json(total->second.sd), c.peak_rss_median,
            c.security.bits ? Json(*c.security.bits) : Json(), to_json(c).dump()});
    }
    exec(db.get(), "COMMIT");
  } catch (...) {
    sqlite3_exec(db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::vector<IndexedCell> cell_history(const std::filesystem::path& results_dir, const std::string& tool,
                                      const std::string& benchmark, const std::string& variant,
                                      const std::string& size_key) {
  Db db = open_db(results_dir);
  auto s = prepare(db.get(),
                   "SELECT run_id, status, total_median_s FROM cells WHERE tool = ?1 AND benchmark = ?2 "
                   "AND variant = ?3 AND size_key = ?4 ORDER BY run_id");
  // A const Json lvalue: for a std::string (or a Json rvalue) std::bind, found by ADL, is the
  // better match, and the call would bind nothing.
  for (int i = 0; const auto& v : {tool, benchmark, variant, size_key}) {
    const Json value = v;
    bind(s.get(), ++i, value);
  }
  std::vector<IndexedCell> out;
  while (sqlite3_step(s.get()) == SQLITE_ROW) {
    auto text = [&](int col) { auto p = sqlite3_column_text(s.get(), col); return p ? std::string(reinterpret_cast<const char*>(p)) : ""; };
    out.push_back({text(0), tool, benchmark, variant, size_key, text(1), sqlite3_column_double(s.get(), 2)});
  }
  return out;
}

}  // namespace fhebench
