// One run's folder in the results store. This file and run_store.cc are the only code
// that knows the folder's layout (docs/results.md): run.json, per-cell folders with the
// input, the expected outputs, one record per repetition, where a task ran, the CSVs and
// summary.json. A repetition is finished exactly when its record exists, which is what
// makes an interrupted run resumable without loss.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "json.h"
#include "record.h"

namespace fhebench {

// One (tool, benchmark, variant, size) of the run's matrix.
struct Cell {
  std::string tool, benchmark, variant, scheme, impl;
  Size size;
  std::string size_key;
  fs::path dir;  // relative to the run folder
  CellKey key() const { return {tool, benchmark, variant, size_key}; }
};

Json to_json(const Cell& c);
Cell cell_from_json(const Json& j);
// How progress lines name a cell: "cardio patients=64 SEAL batched".
std::string cell_label(const Cell& c);

// The files of one repetition's work directory (protocol v1: what the program reads and writes).
struct WorkDir {
  fs::path dir, input, output, stdout_log, stderr_log;
};

// An advisory lock (flock) held while the object lives; the kernel releases it when the
// process dies, so a kill -9 never leaves a stale lock.
class FolderLock {
 public:
  explicit FolderLock(int fd) : fd_(fd) {}  // takes the locked descriptor
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int fd_;
};

// Where a Slurm task ran a cell (the cell's slurm.json).
struct TaskLocation {
  std::string job, task, node, started, finished;  // finished: "" while it runs
};

// One Slurm submission of the run (run.json's "slurm" section).
struct SlurmJob {
  std::string job, submitted;
  fs::path tasks_file;  // the cells of each array task; absolute (run.json keeps it relative)
  fs::path cwd;         // the submitter's working directory
  std::vector<std::string> sbatch;  // the command that submitted it
};

class RunStore {
 public:
  // A new run folder named YYYYMMDD_HHMMSS (UTC), with "_2", "_3"... when taken.
  static RunStore create(const fs::path& results_dir);
  // An existing run named by its id (in results_dir) or by its folder's path; throws
  // std::runtime_error when it is not a run folder.
  static RunStore open(const fs::path& results_dir, const std::string& id_or_path);

  const std::string& id() const { return id_; }
  const fs::path& dir() const { return dir_; }
  const fs::path& results_dir() const { return results_dir_; }

  Json read_run() const;
  void write_run(const Json& run) const;
  // The cells of run.json's matrix; throws std::runtime_error naming a malformed entry.
  std::vector<Cell> matrix() const;

  // The process that runs the run holds its lock; a second one gets std::runtime_error
  // naming the holder's pid. Slurm tasks lock the cells they run instead.
  std::unique_ptr<FolderLock> lock() const;
  std::unique_ptr<FolderLock> lock_cell(const Cell& c) const;

  // Where a new cell's folder goes, relative to the run folder (Cell::dir).
  static fs::path cell_folder(const Cell& c);
  fs::path cell_dir(const Cell& c) const { return dir_ / c.dir; }
  std::optional<std::string> read_input(const Cell& c) const;  // the cell's input.json
  void write_input(const Cell& c, const std::string& text) const;
  void write_expected(const Cell& c, const Json& expected) const;  // once: kept when present
  void write_task_location(const Cell& c, const TaskLocation& where) const;

  bool has_record(const Cell& c, const RepId& id) const;
  void write_record(const Cell& c, const Record& record) const;
  // The measured repetitions' records, by repetition number.
  std::vector<Record> records(const Cell& c) const;
  // The warm-ups' records (warmup_N.json), by number: not in the figures, but in the warnings.
  std::vector<Record> warmup_records(const Cell& c) const;
  WorkDir work_dir(const Cell& c, const RepId& id) const;
  // Where a repetition's output.json is kept beside its record.
  fs::path output_copy(const Cell& c, const RepId& id) const;

  // The per-implementation CSV of the cell's repetitions, relative to the run folder.
  static std::string csv_path(const Cell& c);
  // summary.json: nullopt when not written yet; throws std::runtime_error when unreadable.
  std::optional<Json> read_summary() const;
  void write_summary(const Json& summary, const std::string& markdown) const;

  // The reports (fhebench report) beside the results they show.
  fs::path summary_md_path() const;
  fs::path tables_tex_path() const;
  fs::path stats_csv_path() const;
  fs::path plot_dir() const;
  fs::path site_dir() const;
  fs::path site_index() const;  // the website's page
  // A path in the run folder as relative text ("site/index.html"), as reports list them.
  std::string relative(const fs::path& p) const;

  // The Slurm executor's files: each submission's task list and batch script, each task's output.
  fs::path slurm_dir() const;
  fs::path slurm_tasks(size_t submission) const;
  fs::path slurm_script(size_t submission) const;
  // sbatch's placeholders ("%A", "%a") give the pattern it writes to.
  fs::path slurm_output(const std::string& job, const std::string& task) const;
  // The run's submissions, oldest first; throws std::runtime_error naming a malformed one.
  std::vector<SlurmJob> slurm_jobs() const;
  void add_slurm_job(const SlurmJob& job) const;

  // The index over every run of a results folder (index.sqlite).
  static fs::path index_db(const fs::path& results_dir);

 private:
  RunStore(fs::path results_dir, std::string id);
  fs::path results_dir_, dir_;
  std::string id_;
};

// Whether `dir` is a run folder (holds run.json).
bool is_run_folder(const fs::path& dir);

std::string utc_timestamp();  // "2026-11-28T16:00:00Z"

}  // namespace fhebench
