#include "run_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <stdexcept>

#include "atomic_file.h"
#include "storage_error.h"

namespace fhebench {
namespace {

std::string format_utc(const char* fmt_str) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, fmt_str, &tm);
  return buf;
}

}  // namespace

std::string utc_timestamp() { return format_utc("%Y-%m-%dT%H:%M:%SZ"); }

Json to_json(const Cell& c) {
  return {{"tool", c.tool},     {"benchmark", c.benchmark}, {"variant", c.variant}, {"scheme", c.scheme},
          {"impl", c.impl},     {"size", c.size},           {"size_key", c.size_key}, {"dir", c.dir.string()}};
}

Cell cell_from_json(const Json& j) {
  return {j.at("tool"), j.at("benchmark"), j.at("variant"), j.value("scheme", "none"), j.at("impl"),
          j.at("size").get<Size>(), j.at("size_key"), fs::path(j.at("dir").get<std::string>())};
}

// Absolute, because programs run with their work directory as cwd and get paths into the store.
RunStore::RunStore(fs::path results_dir, std::string id)
    : results_dir_(fs::absolute(results_dir).lexically_normal()), dir_(results_dir_ / id), id_(std::move(id)) {}

RunStore RunStore::create(const fs::path& results_dir) {
  fs::create_directories(results_dir);
  const std::string base = format_utc("%Y%m%d_%H%M%S");
  for (int n = 1;; ++n) {
    const std::string id = n == 1 ? base : fmt::format("{}_{}", base, n);
    // create_directory is atomic: two runs started in the same second get distinct ids.
    if (fs::create_directory(results_dir / id)) return RunStore(results_dir, id);
  }
}

RunStore RunStore::open(const fs::path& results_dir, const std::string& id) {
  RunStore store(results_dir, id);
  if (!fs::exists(store.dir_ / "run.json"))
    throw std::runtime_error(fmt::format("no run {} in {} (no run.json there)", id, results_dir.string()));
  return store;
}

Json RunStore::read_run() const {
  const auto text = read_file(dir_ / "run.json");
  Json j = text ? Json::parse(*text, nullptr, false) : Json();
  if (!j.is_object()) throw std::runtime_error((dir_ / "run.json").string() + " is unreadable");
  return j;
}

void RunStore::write_run(const Json& run) const { write_file_atomic(dir_ / "run.json", run.dump(1) + "\n"); }

std::string RunStore::rep_name(int repetition, bool warmup) {
  return warmup ? fmt::format("warmup_{}", repetition) : fmt::format("rep_{:03}", repetition);
}

bool RunStore::has_record(const Cell& c, const std::string& name) const {
  return fs::exists(cell_dir(c) / (name + ".json"));
}

void RunStore::write_record(const Cell& c, const std::string& name, const Json& record) const {
  try {
    write_file_atomic(cell_dir(c) / (name + ".json"), record.dump(1) + "\n");
  } catch (const std::exception&) {
    rethrow_storage_error("storing " + name + " in " + cell_dir(c).string());
  }
}

std::vector<Json> RunStore::records(const Cell& c) const {
  std::vector<std::pair<int, Json>> found;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(cell_dir(c), ec)) {
    const std::string f = e.path().filename().string();
    const std::string stem = e.path().stem().string();  // "rep_001" for "rep_001.json"
    if (stem.rfind("rep_", 0) != 0 || e.path().extension() != ".json" ||
        !std::all_of(stem.begin() + 4, stem.end(), ::isdigit) || stem.size() == 4)
      continue;
    const auto text = read_file(e.path());
    Json j = text ? Json::parse(*text, nullptr, false) : Json();
    if (j.is_object()) found.emplace_back(j.value("repetition", 0), std::move(j));
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Json> out;
  for (auto& [_, j] : found) out.push_back(std::move(j));
  return out;
}

}  // namespace fhebench
