#include "run_index_db.h"

#include <stdexcept>

#include "run_store.h"

namespace fhebench::index_db {
namespace {
// How errors name the index: its file name, as the store lays it out.
std::string index_name() { return RunStore::index_db("").filename().string() + ": "; }
}  // namespace

Db open(const std::filesystem::path& results_dir) {
  sqlite3* raw = nullptr;
  const auto path = RunStore::index_db(results_dir).string();
  if (sqlite3_open(path.c_str(), &raw) != SQLITE_OK) {
    std::string err = raw ? sqlite3_errmsg(raw) : "out of memory";
    sqlite3_close(raw);
    throw std::runtime_error("cannot open " + path + ": " + err);
  }
  sqlite3_busy_timeout(raw, 10000);  // concurrent runs share one index
  return Db(raw, &sqlite3_close);
}

void exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "?";
    sqlite3_free(err);
    throw std::runtime_error(index_name() + msg);
  }
}

Stmt prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
    throw std::runtime_error(index_name() + sqlite3_errmsg(db));
  return Stmt(s, &sqlite3_finalize);
}

void bind_value(sqlite3_stmt* s, int i, const Json& v) {
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
  for (size_t i = 0; i < values.size(); ++i) bind_value(s, static_cast<int>(i + 1), values[i]);
  if (sqlite3_step(s) != SQLITE_DONE) throw std::runtime_error(index_name() + sqlite3_errmsg(db));
}

std::string text(sqlite3_stmt* s, int col) {
  const auto* p = sqlite3_column_text(s, col);
  return p ? std::string(reinterpret_cast<const char*>(p)) : "";
}

std::optional<double> real(sqlite3_stmt* s, int col) {
  if (sqlite3_column_type(s, col) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_double(s, col);
}

}  // namespace fhebench::index_db
