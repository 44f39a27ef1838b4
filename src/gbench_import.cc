#include "gbench_import.h"

#include <fmt/format.h>

#include <map>
#include <set>
#include <stdexcept>

#include "atomic_file.h"
#include "benchmark.h"
#include "machine.h"
#include "project.h"
#include "run_store.h"
#include "runner.h"

namespace fhebench {
namespace {

double seconds_per(const std::string& unit) {
  static const std::map<std::string, double> units = {{"ns", 1e-9}, {"us", 1e-6}, {"ms", 1e-3}, {"s", 1.0}};
  const auto it = units.find(unit);
  return it == units.end() ? 0 : it->second;
}

bool integer(const std::string& s) {
  return !s.empty() && s.size() < 18 && s.find_first_not_of("0123456789-") == std::string::npos && s != "-";
}

// "BM_Encrypt/8/n:16/real_time" -> variant "BM_Encrypt/real_time", size {arg1: 8, n: 16}.
void split_name(const std::string& name, GbenchBenchmark& b) {
  size_t start = 0, positional = 0;
  for (bool first = true; start <= name.size(); first = false) {
    const size_t slash = std::min(name.find('/', start), name.size());
    const std::string part = name.substr(start, slash - start);
    const size_t colon = part.find(':');
    if (!first && integer(part)) b.size[fmt::format("arg{}", ++positional)] = std::stoll(part);
    else if (!first && colon != std::string::npos && integer(part.substr(colon + 1)) && part.rfind("threads:", 0) != 0)
      b.size[part.substr(0, colon)] = std::stoll(part.substr(colon + 1));
    else b.variant += (b.variant.empty() ? "" : "/") + part;
    start = slash + 1;
  }
}

GbenchSample sample(const Json& e, const std::string& where) {
  const double unit = seconds_per(e.value("time_unit", "ns"));
  if (!e.contains("real_time") || !e["real_time"].is_number() || unit == 0)
    throw std::runtime_error(where + " has no real_time in a known time_unit (ns, us, ms, s)");
  GbenchSample s{e["real_time"].get<double>() * unit, e.value("cpu_time", 0.0) * unit, e.value("iterations", int64_t{0}), ""};
  if (e.value("error_occurred", false)) s.error = e.value("error_message", std::string("error_occurred"));
  return s;
}

}  // namespace

GbenchFile parse_gbench(const std::string& text, const std::string& file_name) {
  const Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded()) throw std::runtime_error(file_name + " is not JSON (write it with --benchmark_format=json or --benchmark_out=FILE)");
  if (!j.is_object() || !j.contains("benchmarks") || !j["benchmarks"].is_array())
    throw std::runtime_error(file_name + " is not Google Benchmark JSON: it has no \"benchmarks\" array");
  GbenchFile f{j.value("context", Json::object()), {}};
  std::map<std::string, size_t> at;
  for (size_t i = 0; i < j["benchmarks"].size(); ++i) {
    const Json& e = j["benchmarks"][i];
    const std::string where = fmt::format("{}: benchmarks[{}]", file_name, i);
    if (!e.is_object() || !e.contains("name") || !e["name"].is_string()) throw std::runtime_error(where + " has no name");
    if (e.value("run_type", "iteration") != "iteration") continue;  // mean, median, stddev: fhebench computes its own
    const std::string name = e.value("run_name", e["name"].get<std::string>());
    if (!at.count(name)) {
      at[name] = f.benchmarks.size();
      GbenchBenchmark b{name, "", {}, {}};
      split_name(name, b);
      f.benchmarks.push_back(b);
    }
    f.benchmarks[at[name]].samples.push_back(sample(e, where));
  }
  if (f.benchmarks.empty()) throw std::runtime_error(file_name + " has no benchmark results (its \"benchmarks\" array lists no iteration runs)");
  return f;
}

namespace {

Cell gbench_cell(const std::string& tool, const GbenchBenchmark& b) {
  Cell c{tool, "gbench", b.variant, "none", "", b.size, b.size.empty() ? "default" : size_key(b.size), {}};
  std::string impl;
  for (char ch : tool + "_gbench_" + b.variant) impl += std::isalnum(static_cast<unsigned char>(ch)) ? std::tolower(ch) : '_';
  c.impl = impl;
  c.dir = RunStore::cell_folder(c);
  return c;
}

Record gbench_record(const GbenchSample& s, int number, const Json& context, const GbenchImport& o) {
  Record r;
  r.id = {number, false};
  r.status = s.error.empty() ? Status::ok : Status::error;
  r.reason = s.error;
  r.correct = s.error.empty();
  r.phases = {{"compute", s.real_s}};
  r.started = context.value("date", "");
  r.host = context.value("host_name", "");
  r.measure = Measure{s.real_s, s.cpu_s, 0, 0, 0, "none", 0, 0};
  r.where = "imported";
  r.fhe = {{"library", o.tool}, {"library_version", o.library_version}, {"iterations", s.iterations}};
  return r;
}

// The machine the file was measured on: this one when its host name says so, else what the
// context tells (so a file from elsewhere gets its own fingerprint instead of this machine's).
Json gbench_machine(const Json& context) {
  if (context.value("host_name", "") == hostname()) return describe_machine();
  return {{"hostname", context.value("host_name", "")}, {"cpu_model", ""}, {"cores", context.value("num_cpus", 0u)},
          {"memory_bytes", 0}, {"kernel", ""}, {"os", ""}, {"source", "Google Benchmark context"}};
}

Json gbench_run(const RunStore& store, const GbenchFile& f, const std::vector<Cell>& cells, const GbenchImport& o) {
  size_t reps = 0;
  for (const auto& b : f.benchmarks) reps = std::max(reps, b.samples.size());
  Json run = {{"id", store.id()}, {"status", "running"}, {"started", utc_timestamp()},
              {"fhebench", {{"version", version()}, {"commit", git_commit()}}},
              {"options", {{"repetitions", reps}, {"warmup", 0}, {"executor", "import"}, {"tools", {o.tool}},
                           {"imported", {{"format", "gbench"}, {"file", fs::absolute(o.file).string()}}}}},
              {"machine", gbench_machine(f.context)},
              {"tools", {{o.tool, {{"library", o.tool}, {"version", o.library_version}, {"gbench_context", f.context}}}}},
              {"matrix", Json::array()}};
  for (const auto& c : cells) run["matrix"].push_back(to_json(c));
  return run;
}

// The cells of the file's benchmarks; two benchmarks that would share a folder are an error.
std::vector<Cell> gbench_cells(const GbenchFile& f, const GbenchImport& o) {
  std::vector<Cell> cells;
  std::set<std::pair<std::string, std::string>> folders;
  for (const auto& b : f.benchmarks) {
    cells.push_back(gbench_cell(o.tool, b));
    if (!folders.insert({cells.back().impl, cells.back().size_key}).second)
      throw std::runtime_error(fmt::format("{}: benchmark {} has the same cell as another one (names differing only in punctuation)",
                                           o.file.string(), b.name));
  }
  return cells;
}

void write_gbench_run(const RunStore& store, const GbenchFile& f, const std::vector<Cell>& cells, const GbenchImport& o) {
  const auto lock = store.lock();
  store.write_run(gbench_run(store, f, cells, o));
  for (size_t i = 0; i < cells.size(); ++i) {
    fs::create_directories(store.cell_dir(cells[i]));
    for (size_t k = 0; k < f.benchmarks[i].samples.size(); ++k)
      store.write_record(cells[i], gbench_record(f.benchmarks[i].samples[k], static_cast<int>(k + 1), f.context, o));
  }
  finalize_run(store, "complete");
}

}  // namespace

std::string import_gbench(const GbenchImport& o) {
  const auto text = read_file(o.file);
  if (!text) throw std::runtime_error(fmt::format("cannot read {}", o.file.string()));
  if (text->empty()) throw std::runtime_error(o.file.string() + " is empty");
  const GbenchFile f = parse_gbench(*text, o.file.string());
  const std::vector<Cell> cells = gbench_cells(f, o);
  const RunStore store = RunStore::create(o.results);
  try {
    write_gbench_run(store, f, cells, o);
  } catch (...) {
    std::error_code ec;
    fs::remove_all(store.dir(), ec);
    throw;
  }
  return store.id();
}

}  // namespace fhebench
