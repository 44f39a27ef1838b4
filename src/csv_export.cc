#include "csv_export.h"

#include <fmt/format.h>

#include <map>

#include "atomic_file.h"
#include "protocol.h"

namespace fhebench {
namespace {

std::string ms(const Json& phases, const char* name) {
  return phases.contains(name) && phases[name].is_number() ? fmt::format("{:.3f}", phases[name].get<double>() * 1e3) : "";
}

// Quoted when it holds a comma, quote or newline (RFC 4180).
std::string field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

}  // namespace

// One file per implementation, as the SoK's per-tool CSVs; t_compile follows the four SoK
// columns only in the files of tools that compile a circuit.
void write_csvs(const RunStore& store) {
  struct File {
    bool compiled = false;
    std::vector<std::pair<const Cell*, Record>> rows;
  };
  const std::vector<Cell> cells = store.matrix();
  std::map<std::string, File> files;  // relative path -> rows
  for (const Cell& cell : cells) {
    File& f = files[RunStore::csv_path(cell)];
    for (Record& r : store.records(cell)) {
      f.compiled |= r.phases.contains(kCompilePhase);
      f.rows.emplace_back(&cell, std::move(r));
    }
  }
  for (const auto& [path, f] : files) {
    std::string csv = fmt::format("t_keygen,t_input_encryption,t_computation,t_decryption,{}size,repetition,wall_ms,"
                                  "user_ms,sys_ms,peak_memory_kib,memory_method,status,correct,reason\n",
                                  f.compiled ? "t_compile," : "");
    for (const auto& [cell, r] : f.rows) {
      const Json& p = r.phases;
      const Measure m = r.measure.value_or(Measure{});
      csv += fmt::format("{},{},{},{},{}{},{},{:.3f},{:.3f},{:.3f},{},{},{},{},{}\n", ms(p, "keygen"), ms(p, "encrypt"),
                         ms(p, "compute"), ms(p, "decrypt"), f.compiled ? ms(p, kCompilePhase) + "," : "",
                         field(cell->size_key), r.id.number, m.wall_s * 1e3, m.user_s * 1e3, m.sys_s * 1e3,
                         m.peak_rss_bytes / 1024, m.memory_method, to_string(r.status), r.correct ? "true" : "false",
                         field(r.reason));
    }
    fs::create_directories((store.dir() / path).parent_path());
    write_file_atomic(store.dir() / path, csv);
  }
}

}  // namespace fhebench
