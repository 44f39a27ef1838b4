#include "executor_slurm.h"

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "atomic_file.h"
#include "run_options.h"
#include "slurm_client.h"

namespace fhebench {
namespace {

struct Submission {
  std::string job;
  std::vector<std::vector<size_t>> tasks;  // cells of each array task
};

int records_done(const RunStore& store, const Cell& c, int repetitions) {
  int n = 0;
  for (int r = 1; r <= repetitions; ++r) n += store.has_record(c, RepId{r, false});
  return n;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char ch : s) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

Submission load_submission(const SlurmJob& job) {
  Submission s{job.job, {}};
  const auto text = read_file(job.tasks_file);
  if (text) s.tasks = Json::parse(*text).at("tasks").get<std::vector<std::vector<size_t>>>();
  return s;
}

// The run's latest job when some task of it is not over yet (the submitter died, or a
// second `--resume` came while it runs).
std::optional<Submission> active_submission(const RunStore& store) {
  const std::vector<SlurmJob> jobs = store.slurm_jobs();
  if (jobs.empty()) return std::nullopt;
  const auto tasks = job_tasks(jobs.back().job);
  if (!tasks) throw std::runtime_error("cannot ask Slurm about job " + jobs.back().job);
  for (const auto& t : *tasks)
    if (!is_terminal(t.state)) return load_submission(jobs.back());
  return std::nullopt;
}

// Writes the task list and batch script, submits them, and records the job in run.json.
Submission submit(const RunStore& store, const std::vector<Cell>& cells, const std::vector<size_t>& pending,
                  const RunOptions& o, const ExecutorOptions& eo, Progress& progress) {
  const size_t n = store.slurm_jobs().size() + 1;
  Submission s{"", group_tasks(cells, pending, eo.slurm_task)};
  fs::create_directories(store.slurm_dir());
  const fs::path tasks_file = store.slurm_tasks(n);
  write_file_atomic(tasks_file, Json{{"tasks", s.tasks}}.dump() + "\n");
  const fs::path script = store.slurm_script(n);
  const fs::path results = fs::absolute(store.results_dir());
  write_file_atomic(script, fmt::format("#!/bin/sh\n# fhebench run {}: one array task runs the pending repetitions of its cells.\n"
                                        "exec {} exec-cell --results {} --run {} --tasks {} --task \"$SLURM_ARRAY_TASK_ID\"\n",
                                        store.id(), shell_quote(fs::read_symlink("/proc/self/exe").string()),
                                        shell_quote(results.string()), shell_quote(store.id()),
                                        shell_quote(tasks_file.string())));
  fs::permissions(script, fs::perms::owner_exec, fs::perm_options::add);
  size_t largest = 0;
  for (const auto& t : s.tasks) largest = std::max(largest, t.size());
  SbatchRequest req;
  req.job_name = "fhebench-" + store.id();
  req.tasks = static_cast<int>(s.tasks.size());
  req.minutes = time_limit_minutes(o.timeout_s, o.repetitions + o.warmup, largest);
  req.cpus_per_task = o.threads;
  req.script = script;
  req.output = fs::absolute(store.slurm_output("%A", "%a"));
  req.chdir = fs::absolute(store.dir());
  req.partition = eo.partition;
  req.account = eo.account;
  req.exclusive = eo.exclusive;
  req.extra = eo.sbatch_options;
  s.job = sbatch(req);
  store.add_slurm_job({s.job, utc_timestamp(), tasks_file, fs::current_path(), sbatch_argv(req)});
  progress.message(fmt::format("submitted Slurm job {}: {} array task{} ({}), time limit {} min per task; see `squeue -j {}`",
                               s.job, s.tasks.size(), s.tasks.size() == 1 ? "" : "s",
                               eo.slurm_task == "tool" ? "one per tool" : "one per cell", req.minutes, s.job));
  return s;
}

// Follows one job until every task is over, reporting cells as their tasks finish.
class Follower {
 public:
  Follower(const RunStore& store, const std::vector<Cell>& cells, int repetitions, double poll_s, Progress& progress,
           const std::function<void(size_t)>& cell_done, const std::function<bool()>& stop, std::set<size_t>& reported)
      : store_(store), cells_(cells), reps_(repetitions), poll_s_(poll_s), progress_(progress), cell_done_(cell_done),
        stop_(stop), reported_(reported) {}

  // false when stopped (the job is then cancelled). `last`: cells a task left unfinished
  // are reported as over (else they are left for the next submission).
  bool follow(const Submission& s, bool last = true) {
    last_ = last;
    bool unreachable = false;
    for (;;) {
      const auto tasks = job_tasks(s.job);
      if (!tasks && !unreachable) progress_.message("cannot reach the Slurm controller; still trying (Ctrl-C cancels the job)");
      unreachable = !tasks;
      if (tasks && observe(s, *tasks)) return true;
      if (wait_or_stop()) {
        const bool ok = scancel(s.job);
        progress_.message(fmt::format("{} Slurm job {}; finished repetitions are kept", ok ? "cancelled" : "could not cancel", s.job));
        return false;
      }
    }
  }

 private:
  // Reports finished cells; true when every task is over.
  bool observe(const Submission& s, const std::vector<TaskState>& states) {
    std::map<int, TaskState> by_task;
    for (const auto& t : states) by_task[t.task] = t;
    size_t over = 0, running = 0;
    for (size_t t = 0; t < s.tasks.size(); ++t) {
      const auto it = by_task.find(static_cast<int>(t));
      // A job the controller forgot (MinJobAge) is over.
      const bool task_over = states.empty() || (it != by_task.end() && is_terminal(it->second.state));
      over += task_over;
      if (it != by_task.end() && it->second.state == "RUNNING") ++running;
      for (size_t i : s.tasks[t]) {
        if (reported_.count(i)) continue;
        const int done = records_done(store_, cells_[i], reps_);
        if (done == reps_ || (task_over && last_)) {
          if (done < reps_) report_unfinished(s, t, it == by_task.end() ? TaskState{} : it->second, i);
          reported_.insert(i);
          cell_done_(i);
        } else if (it != by_task.end() && it->second.state == "RUNNING") {
          show_running(i, it->second, done);
        }
      }
    }
    status_ = fmt::format("job {}: {} running, {} waiting, {} over", s.job, running, s.tasks.size() - over - running, over);
    return over == s.tasks.size();
  }

  void show_running(size_t i, const TaskState& t, int done) {
    if (live_cell_ != i || live_done_ != done) {
      progress_.start_cell(i, fmt::format("{} on {} ({})", cell_label(cells_[i]), t.node, status_), reps_);
      progress_.repetition(fmt::format("{} of {} recorded", done, reps_), "");
      live_cell_ = i;
      live_done_ = done;
    }
  }

  void report_unfinished(const Submission& s, size_t task, const TaskState& t, size_t cell) {
    const fs::path out = store_.slurm_output(s.job, std::to_string(task));
    std::string tail = file_tail(out, 300);
    if (const auto nl = tail.rfind('\n'); nl != std::string::npos) tail = tail.substr(nl + 1);
    progress_.message(fmt::format("{}: Slurm task {}_{} ended {}{} before all repetitions were recorded{}",
                                  cell_label(cells_[cell]), s.job, task, t.state.empty() ? "(state unknown)" : t.state,
                                  t.node.empty() ? "" : " on " + t.node, tail.empty() ? "" : "; its output ends: " + tail));
  }

  // Sleeps one poll interval; true as soon as `stop` says so.
  bool wait_or_stop() {
    const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(poll_s_);
    while (std::chrono::steady_clock::now() < until) {
      if (stop_()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return stop_();
  }

  const RunStore& store_;
  const std::vector<Cell>& cells_;
  int reps_;
  double poll_s_;
  Progress& progress_;
  const std::function<void(size_t)>& cell_done_;
  const std::function<bool()>& stop_;
  std::set<size_t>& reported_;
  std::string status_;
  bool last_ = true;
  size_t live_cell_ = SIZE_MAX;
  int live_done_ = -1;
};

}  // namespace

std::vector<std::vector<size_t>> group_tasks(const std::vector<Cell>& cells, const std::vector<size_t>& pending,
                                             const std::string& per) {
  std::vector<std::vector<size_t>> tasks;
  std::map<std::string, size_t> task_of_tool;
  for (size_t i : pending) {
    if (per != "tool") {
      tasks.push_back({i});
      continue;
    }
    const auto [it, added] = task_of_tool.emplace(cells[i].tool, tasks.size());
    if (added) tasks.emplace_back();
    tasks[it->second].push_back(i);
  }
  return tasks;
}

bool SlurmExecutor::run_cells(const CellBatch& batch, const std::vector<CellJob>& jobs) {
  const RunStore& store = batch.store;
  const std::vector<Cell>& cells = batch.cells;
  const RunOptions& o = batch.options;
  Progress& progress = batch.progress;
  const std::function<bool()>& stop = batch.stop;
  // The cells run elsewhere: each is reported when its records are in.
  const std::function<void(size_t)> cell_done = [&](size_t i) {
    batch.started(i);
    batch.finished(i);
  };
  std::vector<size_t> runnable;
  for (const auto& j : jobs) runnable.push_back(j.index);
  std::set<size_t> reported;
  const auto missing = [&] {
    std::vector<size_t> out;
    for (size_t i : runnable)
      if (!reported.count(i) && records_done(store, cells[i], o.repetitions) < o.repetitions) out.push_back(i);
    return out;
  };
  for (size_t i : runnable)
    if (records_done(store, cells[i], o.repetitions) == o.repetitions) {
      reported.insert(i);
      cell_done(i);
    }
  Follower follower(store, cells, o.repetitions, options_.slurm_poll_s, progress, cell_done, stop, reported);
  try {
    // After the submitter died: follow the job that still runs, then submit what it left.
    if (auto active = active_submission(store)) {
      progress.message(fmt::format("re-attached to Slurm job {}, which is still running", active->job));
      if (!follower.follow(*active, false)) return false;
    }
    const auto pending = missing();
    if (pending.empty()) return true;
    return follower.follow(submit(store, cells, pending, o, options_, progress));
  } catch (const std::exception& e) {
    progress.message(fmt::format("Slurm: {}", e.what()));
    for (size_t i : missing()) cell_done(i);
    return true;
  }
}

std::string slurm_support() {
  const std::string why = slurm_unreachable();
  if (why.empty()) return "a controller answers (sinfo)";
  return "no controller answers (" + why + "); fix: run on a login node of the cluster or set SLURM_CONF (docs/executors.md)";
}

std::unique_ptr<Executor> make_slurm_executor(const RunOptions& o) {
  if (o.exec.slurm_task != "cell" && o.exec.slurm_task != "tool")
    throw UsageError("--slurm-task " + o.exec.slurm_task + ": expected cell or tool");
  if (const std::string why = slurm_unreachable(); !why.empty())
    throw UsageError(fmt::format("--executor slurm: no Slurm controller answers here ({}). Fix: run on a login node of "
                                 "the cluster, or set SLURM_CONF to its slurm.conf (docs/executors.md)",
                                 why));
  return std::make_unique<SlurmExecutor>(o.exec);
}

}  // namespace fhebench
