#include "run_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <cstring>
#include <stdexcept>

#include "atomic_file.h"
#include "storage_error.h"
#include "utf8.h"

namespace fhebench {
namespace {

// The layout (docs/results.md), here and nowhere else.
constexpr const char* kRunFile = "run.json";
constexpr const char* kSummaryFile = "summary.json";
constexpr const char* kSummaryMarkdown = "summary.md";
constexpr const char* kRunLock = ".run.lock";
constexpr const char* kCellLock = ".cell.lock";
constexpr const char* kInputFile = "input.json";
constexpr const char* kExpectedFile = "expected.json";
constexpr const char* kTaskFile = "slurm.json";
constexpr const char* kOutputFile = "output.json";
constexpr const char* kStdoutLog = "stdout.log";
constexpr const char* kStderrLog = "stderr.log";
constexpr const char* kIndexDb = "index.sqlite";
constexpr const char* kTablesTex = "tables.tex";
constexpr const char* kStatsCsv = "stats.csv";
constexpr const char* kPlotDir = "plot";
constexpr const char* kSiteDir = "site";
constexpr const char* kSiteIndex = "index.html";
constexpr const char* kSlurmDir = "slurm";
constexpr const char* kCellsDir = "cells";

std::string format_utc(const char* fmt_str) {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, fmt_str, &tm);
  return buf;
}

// A JSON document written by the store: dumped the same way everywhere.
void write_json(const fs::path& file, const Json& j, int indent = 1) {
  write_file_atomic(file, j.dump(indent, ' ', false, Json::error_handler_t::replace) + "\n");
}

// rep_001.json -> 1: the measured repetitions' records, not warm-ups or kept outputs.
std::optional<RepId> record_file_id(const fs::path& p) {
  if (p.extension() != ".json") return std::nullopt;
  const auto id = RepId::parse(p.stem().string());
  return id && !id->warmup ? id : std::nullopt;
}

// A record file's text, or nullopt with the OS's reason (a directory, no permission).
std::optional<std::string> read_record_text(const fs::path& file, std::string& why) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  std::string text;
  char buf[65536];
  ssize_t n = fd < 0 ? -1 : 0;
  while (fd >= 0 && (n = ::read(fd, buf, sizeof buf)) > 0) text.append(buf, static_cast<size_t>(n));
  if (n < 0) why = std::strerror(errno);
  if (fd >= 0) ::close(fd);
  return n < 0 ? std::nullopt : std::optional<std::string>(std::move(text));
}

// A record edited by hand into the wrong shape counts as a failed repetition that says where
// and what, so report, compare, --resume and serve go on and the file stays for a fix.
Record unreadable_record(const fs::path& file, const RepId& id, const std::string& problem, const std::string& fix) {
  Record r;
  r.id = id;
  r.reason = printable(fmt::format("{} {}: {} to run the repetition again", file.string(), problem, fix), false);
  return r;
}

// The record in `file`, or a failed repetition saying why it cannot be read.
Record read_record(const fs::path& file, const RepId& id) {
  std::string why;
  const auto text = read_record_text(file, why);
  if (!text) return unreadable_record(file, id, "could not be read (" + why + ")", "make it a readable file or remove it");
  std::string wrong;
  Record r = record_from_json(Json::parse(*text, nullptr, false), &wrong);
  if (wrong.empty()) return r;
  return unreadable_record(file, id, "is unreadable (" + wrong + ")", "fix that field or remove the file");
}

std::unique_ptr<FolderLock> take_lock(const fs::path& file, const std::string& what);

}  // namespace

FolderLock::~FolderLock() { ::close(fd_); }

namespace {

std::unique_ptr<FolderLock> take_lock(const fs::path& file, const std::string& what) {
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error(fmt::format("cannot open the lock file {}: {}", file.string(), std::strerror(errno)));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const auto holder = read_file(file);
    ::close(fd);
    std::string pid = holder ? *holder : "";
    while (!pid.empty() && std::isspace(static_cast<unsigned char>(pid.back()))) pid.pop_back();
    throw std::runtime_error(fmt::format("{} is in use by another fhebench process (pid {}); wait for it to end or stop it",
                                         what, pid.empty() ? "unknown" : pid));
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) < 0) {
    // the lock holds regardless; only the pid shown to a second process is missing
  }
  return std::unique_ptr<FolderLock>(new FolderLock(fd));
}

}  // namespace

std::string utc_timestamp() { return format_utc("%Y-%m-%dT%H:%M:%SZ"); }

bool is_run_folder(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / kRunFile, ec);
}

Json to_json(const Cell& c) {
  return {{"tool", c.tool},     {"benchmark", c.benchmark}, {"variant", c.variant}, {"scheme", c.scheme},
          {"impl", c.impl},     {"size", c.size},           {"size_key", c.size_key}, {"dir", c.dir.string()}};
}

Cell cell_from_json(const Json& j) {
  return {j.at("tool"), j.at("benchmark"), j.at("variant"), j.value("scheme", "none"), j.at("impl"),
          j.at("size").get<Size>(), j.at("size_key"), fs::path(j.at("dir").get<std::string>())};
}

std::string cell_label(const Cell& c) { return fmt::format("{} {} {} {}", c.benchmark, c.size_key, c.tool, c.variant); }

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

RunStore RunStore::open(const fs::path& results_dir, const std::string& id_or_path) {
  if (id_or_path.find('/') == std::string::npos && is_run_folder(results_dir / id_or_path))
    return RunStore(results_dir, id_or_path);
  // A path as `fhebench run` prints it ("results: /…/results/20261202_015745").
  fs::path dir = fs::absolute(id_or_path).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();
  if (id_or_path.find('/') != std::string::npos && is_run_folder(dir)) return RunStore(dir.parent_path(), dir.filename().string());
  throw std::runtime_error(fmt::format("no run {} in {} (no {} there); name a run by its id or its folder", id_or_path,
                                       results_dir.string(), kRunFile));
}

Json RunStore::read_run() const {
  const auto text = read_file(dir_ / kRunFile);
  Json j = text ? Json::parse(*text, nullptr, false) : Json();
  if (!j.is_object()) throw std::runtime_error((dir_ / kRunFile).string() + " is unreadable");
  return j;
}

void RunStore::write_run(const Json& run) const { write_json(dir_ / kRunFile, run); }

std::vector<Cell> RunStore::matrix() const {
  const Json run = read_run();
  std::vector<Cell> cells;
  const Json& m = run.contains("matrix") ? run["matrix"] : Json();
  if (!m.is_array()) throw std::runtime_error((dir_ / kRunFile).string() + " has no matrix");
  for (size_t i = 0; i < m.size(); ++i) {
    try {
      cells.push_back(cell_from_json(m[i]));
    } catch (const Json::exception&) {
      throw std::runtime_error(fmt::format("{}: matrix entry {} is malformed", (dir_ / kRunFile).string(), i));
    }
  }
  return cells;
}

std::unique_ptr<FolderLock> RunStore::lock() const { return take_lock(dir_ / kRunLock, "run " + id_); }

std::unique_ptr<FolderLock> RunStore::lock_cell(const Cell& c) const {
  fs::create_directories(cell_dir(c));
  return take_lock(cell_dir(c) / kCellLock, fmt::format("cell {} of run {}", c.dir.string(), id_));
}

std::optional<std::string> RunStore::read_input(const Cell& c) const { return read_file(cell_dir(c) / kInputFile); }

void RunStore::write_input(const Cell& c, const std::string& text) const {
  fs::create_directories(cell_dir(c));
  write_file_atomic(cell_dir(c) / kInputFile, text);
}

void RunStore::write_expected(const Cell& c, const Json& expected) const {
  if (!fs::exists(cell_dir(c) / kExpectedFile)) write_json(cell_dir(c) / kExpectedFile, expected, -1);
}

void RunStore::write_task_location(const Cell& c, const TaskLocation& where) const {
  Json j = {{"job", where.job}, {"task", where.task}, {"node", where.node}, {"started", where.started}};
  if (!where.finished.empty()) j["finished"] = where.finished;
  fs::create_directories(cell_dir(c));
  write_json(cell_dir(c) / kTaskFile, j, -1);
}

bool RunStore::has_record(const Cell& c, const RepId& id) const { return fs::exists(cell_dir(c) / (id.name() + ".json")); }

void RunStore::write_record(const Cell& c, const Record& record) const {
  try {
    write_json(cell_dir(c) / (record.id.name() + ".json"), to_json(record));
  } catch (const std::exception&) {
    rethrow_storage_error("storing " + record.id.name() + " in " + cell_dir(c).string());
  }
}

std::vector<Record> RunStore::records(const Cell& c) const {
  std::vector<Record> found;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(cell_dir(c), ec))
    if (const auto id = record_file_id(e.path())) found.push_back(read_record(e.path(), *id));
  std::sort(found.begin(), found.end(), [](const Record& a, const Record& b) { return a.id < b.id; });
  return found;
}

std::vector<Record> RunStore::warmup_records(const Cell& c) const {
  std::vector<Record> found;
  for (int w = 1; has_record(c, {w, true}); ++w) found.push_back(read_record(cell_dir(c) / (RepId{w, true}.name() + ".json"), {w, true}));
  return found;
}

WorkDir RunStore::work_dir(const Cell& c, const RepId& id) const {
  const fs::path w = cell_dir(c) / ("work_" + id.name());
  return {w, w / kInputFile, w / kOutputFile, w / kStdoutLog, w / kStderrLog};
}

fs::path RunStore::output_copy(const Cell& c, const RepId& id) const { return cell_dir(c) / (id.name() + ".output.json"); }

fs::path RunStore::cell_folder(const Cell& c) { return fs::path(kCellsDir) / c.tool / c.impl / c.size_key; }

std::string RunStore::csv_path(const Cell& c) { return c.tool + "/" + c.impl + ".csv"; }

std::optional<Json> RunStore::read_summary() const {
  const auto text = read_file(dir_ / kSummaryFile);
  if (!text) return std::nullopt;
  Json j = Json::parse(*text, nullptr, false);
  if (!j.is_object() || !j.contains("cells") || !j["cells"].is_array())
    throw std::runtime_error((dir_ / kSummaryFile).string() + " is unreadable");
  return j;
}

void RunStore::write_summary(const Json& summary, const std::string& markdown) const {
  write_json(dir_ / kSummaryFile, summary);
  write_file_atomic(dir_ / kSummaryMarkdown, markdown);
}

fs::path RunStore::summary_md_path() const { return dir_ / kSummaryMarkdown; }
fs::path RunStore::tables_tex_path() const { return dir_ / kTablesTex; }
fs::path RunStore::stats_csv_path() const { return dir_ / kStatsCsv; }
fs::path RunStore::plot_dir() const { return dir_ / kPlotDir; }
fs::path RunStore::site_dir() const { return dir_ / kSiteDir; }
fs::path RunStore::site_index() const { return site_dir() / kSiteIndex; }
std::string RunStore::relative(const fs::path& p) const { return p.lexically_relative(dir_).generic_string(); }

fs::path RunStore::slurm_dir() const { return dir_ / kSlurmDir; }
fs::path RunStore::slurm_tasks(size_t submission) const { return slurm_dir() / fmt::format("submit_{}.json", submission); }
fs::path RunStore::slurm_script(size_t submission) const { return slurm_dir() / fmt::format("submit_{}.sh", submission); }
fs::path RunStore::slurm_output(const std::string& job, const std::string& task) const {
  return slurm_dir() / fmt::format("{}_{}.out", job, task);
}

std::vector<SlurmJob> RunStore::slurm_jobs() const {
  const Json run = read_run();
  const Json jobs = run.contains("slurm") && run["slurm"].is_object() ? run["slurm"].value("jobs", Json::array()) : Json::array();
  std::vector<SlurmJob> out;
  for (size_t i = 0; jobs.is_array() && i < jobs.size(); ++i) {
    const Json& j = jobs[i];
    if (!j.is_object() || !j.contains("job") || !j["job"].is_string())
      throw std::runtime_error(fmt::format("{}: Slurm job entry {} is malformed", (dir_ / kRunFile).string(), i));
    SlurmJob s{j["job"], j.value("submitted", ""), fs::path(), fs::path(j.value("cwd", "")), {}};
    if (const std::string tasks = j.value("tasks_file", ""); !tasks.empty()) s.tasks_file = dir_ / tasks;
    if (j.contains("sbatch") && j["sbatch"].is_array())
      for (const auto& a : j["sbatch"]) s.sbatch.push_back(a.is_string() ? a.get<std::string>() : a.dump());
    out.push_back(std::move(s));
  }
  return out;
}

void RunStore::add_slurm_job(const SlurmJob& job) const {
  Json run = read_run();
  Json& jobs = run["slurm"]["jobs"];
  if (!jobs.is_array()) jobs = Json::array();
  jobs.push_back({{"job", job.job}, {"submitted", job.submitted}, {"tasks_file", relative(job.tasks_file)},
                  {"cwd", job.cwd.string()}, {"sbatch", job.sbatch}});
  write_run(run);
}

fs::path RunStore::index_db(const fs::path& results_dir) { return results_dir / kIndexDb; }

}  // namespace fhebench
