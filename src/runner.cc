#include "runner.h"

#include <signal.h>
#include <cstdio>

#include <fmt/format.h>

#include <map>

#include "adaptive_estimate.h"
#include "cell_run.h"
#include "cell_summary.h"
#include "csv_export.h"
#include "machine.h"
#include "matrix.h"
#include "project.h"
#include "report.h"
#include "run_index.h"
#include "summary_table.h"
#include "tool_catalog.h"
#include "tool_setup.h"

namespace fhebench {
namespace {

void on_signal(int sig) {
  set_interrupted(true);
  kill_running_process();
  ::signal(sig, SIG_DFL);  // a second Ctrl-C ends the harness at once
}

struct ReadyTool {
  const Tool* tool;
  ToolSetup setup;
};

// Makes every tool ready (library, build, runtime); unavailable ones are reported and dropped.
std::map<std::string, ReadyTool> prepare_tools(const std::vector<const Tool*>& tools, const RunOptions& o,
                                                Executor& executor, Json& tools_info, Progress& progress) {
  std::map<std::string, ReadyTool> ready;
  for (const Tool* t : tools) {
    SetupOptions so;
    so.jobs = o.jobs;
    so.log = [&](const std::string& line) { progress.message(t->name + ": " + line); };
    ToolSetup s = executor.prepare(*t, so);
    tools_info[t->name] = s.info;
    if (!s.available) {
      tools_info[t->name]["unavailable"] = s.reason;
      progress.message(fmt::format("{}: unavailable: {}. Fix: {}", t->name, s.reason, s.fix));
      continue;
    }
    ready.emplace(t->name, ReadyTool{t, std::move(s)});
  }
  return ready;
}

const Implementation* find_impl(const Tool& t, const Cell& c) {
  for (const auto& i : t.implementations)
    if (i.benchmark == c.benchmark && i.variant == c.variant) return &i;
  return nullptr;
}

std::string cell_outcome(const CellSummary& s) {
  std::string figures;
  if (s.has_figures())
    figures = fmt::format(", total {} {} (median of {}{})", format_seconds(s.phases.at("total").median),
                          format_interval(s.phases.at("total").ci), s.n_used, s.stop.empty() ? "" : ", stop: " + s.stop);
  return to_string(s.status) + figures + (s.status != Status::ok && !s.reason.empty() ? ": " + s.reason : "");
}

std::string repetitions_text(const RunOptions& o) {
  if (!o.adaptive()) return fmt::format("{} repetitions", o.repetitions);
  return fmt::format("{} to {} repetitions (adaptive{})", o.min_repetitions, o.max_repetitions,
                     o.target_ci_pct > 0 ? fmt::format(", target ±{:g}%", o.target_ci_pct) : "");
}

// Slurm tasks run fixed counts: its follower waits for --repetitions records per cell.
void check_executor_supports(const RunOptions& o) {
  if (o.adaptive() && o.executor == "slurm")
    throw UsageError("--executor slurm runs a fixed number of repetitions: use --repetitions, not --min/--max-repetitions, "
                     "--target-ci or --time-budget");
}

// The run to work on: the one --resume names, or a new one with the planned matrix.
struct OpenedRun {
  std::optional<RunStore> store;
  Json run;
  RunOptions options;
};

OpenedRun open_resumed(const RunOptions& given) {
  OpenedRun r;
  try {
    r.store = RunStore::open(given.results, given.resume);
  } catch (const std::runtime_error& e) {
    throw UsageError(e.what());
  }
  r.run = r.store->read_run();
  r.options = options_from_json(r.run["options"]);
  r.options.results = given.results;
  r.options.jobs = given.jobs;
  return r;
}

void mark(const RunStore& store, Json& run, const std::string& status) {
  run["status"] = status;
  store.write_run(run);
}

}  // namespace

Json finalize_run(const RunStore& store, const std::string& status) {
  Json run = store.read_run();
  write_csvs(store);
  const Json summary = summarize_run(store);
  const RunSummary typed = run_summary_from_json(summary);
  const std::string markdown = summary_markdown(typed, run);
  store.write_summary(summary, markdown);
  run["status"] = status;
  run["finished"] = utc_timestamp();
  fmt::print("\n{}\n", markdown);
  std::fflush(stdout);  // before the stderr lines below, also when both go to one file
  report_after_run(store, run);  // plots, tables, site: a failure only warns, the run stands
  index_run(store.results_dir(), run, typed);
  store.write_run(run);  // last: a run that says "complete" has its summary, site and index
  return summary;
}

ExitStatus run_benchmarks(const RunOptions& given, const ExecutorFactory& make) {
  OpenedRun opened;
  if (!given.resume.empty()) opened = open_resumed(given);
  else opened.options = given;
  RunOptions& o = opened.options;
  std::optional<RunStore>& store = opened.store;
  Json& run = opened.run;
  const Limits limits = limits_from(o);
  check_executor_supports(o);
  std::unique_ptr<FolderLock> lock;
  if (store) {
    try {
      lock = store->lock();
    } catch (const std::runtime_error& e) {
      throw UsageError(e.what());
    }
  }
  const auto catalog = discover_tools(tool_dirs(o));
  check_filters(o, catalog);
  Progress progress(0);
  for (const auto& e : catalog)
    if (!e.tool) progress.message(fmt::format("{}: skipped, broken manifest: {}", e.name(), e.error));

  auto executor = make(o);
  Json tools_info = Json::object();
  auto ready = prepare_tools(selected_tools(o, catalog), o, *executor, tools_info, progress);
  std::vector<Cell> cells;
  if (store) {
    try {
      cells = store->matrix();
    } catch (const std::runtime_error& e) {
      throw UsageError(e.what());
    }
    mark(*store, run, "running");
  } else {
    std::vector<const Tool*> available;
    for (const auto& [_, rt] : ready) available.push_back(rt.tool);
    std::sort(available.begin(), available.end(), [](const Tool* a, const Tool* b) { return a->name < b->name; });
    cells = plan_matrix(o, available);
    if (cells.empty()) throw UsageError("nothing to run: no available tool implements the selected benchmarks (see `fhebench doctor`)");
    store = RunStore::create(o.results);
    lock = store->lock();
    run = {{"id", store->id()}, {"status", "running"}, {"started", utc_timestamp()},
           {"fhebench", {{"version", version()}, {"commit", git_commit()}}}, {"options", to_json(o)},
           {"machine", describe_machine()}, {"tools", tools_info}, {"matrix", Json::array()}};
    for (const auto& c : cells) run["matrix"].push_back(to_json(c));
    store->write_run(run);
  }
  progress = Progress(cells.size());
  progress.message(fmt::format("run {}: {} cells × {} (+{} warm-up) on the {} executor, results in {}", store->id(),
                               cells.size(), repetitions_text(o), o.warmup, executor->name(), store->dir().string()));
  set_interrupted(false);
  ::signal(SIGINT, on_signal);
  ::signal(SIGTERM, on_signal);
  bool missing_tool = false;
  std::vector<CellJob> jobs;
  for (size_t i = 0; i < cells.size(); ++i) {
    const auto it = ready.find(cells[i].tool);
    const Implementation* impl = it == ready.end() ? nullptr : find_impl(*it->second.tool, cells[i]);
    if (impl) {
      jobs.push_back({i, executor->launch(*it->second.tool, *impl, it->second.setup)});
      continue;
    }
    missing_tool = true;
    progress.start_cell(i, cell_label(cells[i]), o.planned_repetitions());
    progress.finish_cell("not run: the tool or implementation is unavailable now");
  }
  if (o.time_budget_s > 0) {
    const auto per_rep = estimate_repetition_seconds(store->results_dir(), cells);
    progress.message(estimate_line(per_rep, o));
    order_cheap_first(jobs, per_rep);
  }
  const CellBatch batch{*store, cells, o, limits, progress,
                        [&](size_t i) { progress.start_cell(i, cell_label(cells[i]), o.planned_repetitions()); },
                        [&](size_t i) {
                          const CellSummary s = summarize_stored_cell(*store, cells[i], o);
                          progress.finish_cell(cell_outcome(s));
                        },
                        interrupted};
  bool stopped = false;
  Json summary;
  try {
    executor->run_cells(batch, jobs);
    stopped = interrupted();
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    summary = finalize_run(*store, stopped ? "interrupted" : "complete");
  } catch (...) {
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    mark(*store, run, "interrupted");  // an abort never leaves the run "running"
    throw;
  }
  if (stopped) {
    progress.message(fmt::format("interrupted: finished repetitions are kept; continue with `fhebench run --resume {} --results {}`",
                                 store->id(), o.results));
    return ExitStatus::interrupted;
  }
  bool all_ok = !missing_tool;
  for (const auto& c : summary["cells"]) {
    const Status st = c["status"].get<Status>();
    all_ok &= st == Status::ok || st == Status::unsupported;
  }
  for (const auto& t : o.tools) all_ok &= ready.count(t) > 0;  // a tool asked for by name must run
  progress.message(fmt::format("results: {}", store->dir().string()));
  return all_ok ? ExitStatus::ok : ExitStatus::cell_failed;
}

}  // namespace fhebench
