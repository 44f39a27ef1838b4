// The SQLite handles under results/index.sqlite (run_index.cc): opening, statements, binding.
#pragma once

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "json.h"

namespace fhebench::index_db {

using Db = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;
using Stmt = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

// Opens (creating) the results folder's index; throws std::runtime_error naming the file.
Db open(const std::filesystem::path& results_dir);
void exec(sqlite3* db, const std::string& sql);
Stmt prepare(sqlite3* db, const std::string& sql);
// Binds values to ?1, ?2, ... in order: text, numbers, or null for a JSON null; then steps once.
void step(sqlite3* db, sqlite3_stmt* s, const std::vector<Json>& values);
// (Not "bind": with a Json argument, argument-dependent lookup would find std::bind.)
void bind_value(sqlite3_stmt* s, int i, const Json& v);
std::string text(sqlite3_stmt* s, int col);
std::optional<double> real(sqlite3_stmt* s, int col);  // nullopt for NULL
// Runs `body` in one transaction, rolled back when it throws.
template <class F>
void transaction(sqlite3* db, F&& body) {
  exec(db, "BEGIN IMMEDIATE");
  try {
    body();
    exec(db, "COMMIT");
  } catch (...) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace fhebench::index_db
