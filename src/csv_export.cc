#include "csv_export.h"

#include <fmt/format.h>

#include <map>

#include "atomic_file.h"

namespace fhebench {
namespace {

std::string ms(const Json& phases, const char* name) {
  return phases.contains(name) ? fmt::format("{:.3f}", phases[name].get<double>() * 1e3) : "";
}

// Quoted when it holds a comma, quote or newline (RFC 4180).
std::string field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

}  // namespace

void write_csvs(const RunStore& store) {
  const Json run = store.read_run();
  std::map<std::string, std::string> files;  // relative path -> content
  for (const auto& c : run["matrix"]) {
    const Cell cell = cell_from_json(c);
    const std::string path = cell.tool + "/" + cell.impl + ".csv";
    auto& csv = files[path];
    if (csv.empty())
      csv = "t_keygen,t_input_encryption,t_computation,t_decryption,size,repetition,wall_ms,user_ms,sys_ms,"
            "peak_memory_kib,memory_method,status,correct,reason\n";
    for (const auto& r : store.records(cell)) {
      const Json& p = r.value("phases", Json::object());
      const Json& m = r.value("measure", Json::object());
      csv += fmt::format("{},{},{},{},{},{},{:.3f},{:.3f},{:.3f},{},{},{},{},{}\n", ms(p, "keygen"), ms(p, "encrypt"),
                         ms(p, "compute"), ms(p, "decrypt"), field(cell.size_key), r.value("repetition", 0),
                         m.value("wall_s", 0.0) * 1e3, m.value("user_s", 0.0) * 1e3, m.value("sys_s", 0.0) * 1e3,
                         m.value("peak_rss_bytes", uint64_t{0}) / 1024, m.value("memory_method", ""),
                         r.value("status", ""), r.value("correct", false) ? "true" : "false",
                         field(r.value("reason", "")));
    }
  }
  for (const auto& [path, content] : files) {
    fs::create_directories((store.dir() / path).parent_path());
    write_file_atomic(store.dir() / path, content);
  }
}

}  // namespace fhebench
