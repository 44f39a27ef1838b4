#include "runner.h"

#include <signal.h>
#include <cstdio>

#include <fmt/format.h>

#include <map>

#include "atomic_file.h"
#include "cell_summary.h"
#include "csv_export.h"
#include "machine.h"
#include "matrix.h"
#include "project.h"
#include "protocol.h"
#include "repetition.h"
#include "report.h"
#include "run_index.h"
#include "summary_table.h"
#include "tool_catalog.h"
#include "tool_setup.h"

namespace fhebench {
namespace {

volatile sig_atomic_t g_interrupted = 0;

void on_signal(int sig) {
  g_interrupted = 1;
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

// input.json of the cell: written once, so every repetition (and a resumed run) gets the same.
std::string cell_input(const RunStore& store, const Cell& cell, const Benchmark& b, const RunOptions& o) {
  const fs::path file = store.cell_dir(cell) / "input.json";
  if (auto text = read_file(file)) return *text;
  const Json inputs = o.input_case == "sok" ? b.sok_case(cell.size) : b.generate(cell.size, o.seed);
  const std::string text = make_input(cell.benchmark, cell.variant, cell.size, o.seed, inputs).dump() + "\n";
  fs::create_directories(file.parent_path());
  write_file_atomic(file, text);
  return text;
}

std::string cell_label(const Cell& c) { return fmt::format("{} {} {} {}", c.benchmark, c.size_key, c.tool, c.variant); }

std::string cell_outcome(const Json& s) {
  const std::string st = s["status"];
  std::string figures;
  if (s["phases"].contains("total") && s["phases"]["total"].value("n", 0) > 0)
    figures = fmt::format(", total {} (median of {})", format_seconds(s["phases"]["total"]["median"]), s["n_used"].dump());
  const std::string reason = s.value("reason", "");
  return st + figures + (st != "ok" && !reason.empty() ? ": " + reason : "");
}

}  // namespace

bool interrupted() { return g_interrupted != 0; }

std::vector<fs::path> tool_dirs(const RunOptions& o) {
  std::vector<fs::path> dirs = {default_tools_dir()};
  for (const auto& d : o.tools_dirs) dirs.push_back(fs::absolute(d));
  return dirs;
}

RunOptions options_from_json(const Json& j) {
  RunOptions o;
  o.tools = j.value("tools", o.tools);
  o.benchmarks = j.value("benchmarks", o.benchmarks);
  o.variants = j.value("variants", o.variants);
  o.sizes = j.value("sizes", o.sizes);
  o.input_case = j.value("case", o.input_case);
  o.repetitions = j.value("repetitions", o.repetitions);
  o.warmup = j.value("warmup", o.warmup);
  o.timeout_s = j.value("timeout", o.timeout_s);
  o.seed = j.value("seed", o.seed);
  o.threads = j.value("threads", o.threads);
  o.cpus = j.value("cpus", o.cpus);
  o.memory_limit_mib = j.value("memory_limit_mib", o.memory_limit_mib);
  o.executor = j.value("executor", o.executor);
  o.exec = executor_options_from_json(j.value("executor_options", Json::object()));
  o.tools_dirs = j.value("tools_dirs", o.tools_dirs);
  return o;
}

bool run_cell(const RunStore& store, const Cell& cell, const RunOptions& o, const std::vector<std::string>& argv,
              Executor& executor, Progress& progress) {
  const Benchmark* b = find_benchmark(cell.benchmark);
  std::vector<int> pending;
  for (int r = 1; r <= o.repetitions; ++r)
    if (!store.has_record(cell, RunStore::rep_name(r, false))) pending.push_back(r);
  if (pending.empty()) return true;

  RepetitionRequest req;
  req.argv = argv;
  req.cell_dir = store.cell_dir(cell);
  req.benchmark = b;
  req.size = cell.size;
  req.input_text = cell_input(store, cell, *b, o);
  req.expected = b->reference(cell.size, Json::parse(req.input_text)["inputs"]);
  req.threads = o.threads;
  req.timeout_s = o.timeout_s;
  req.cpus = o.cpus.empty() ? std::vector<int>{} : parse_cpu_list(o.cpus);
  req.memory_limit_bytes = o.memory_limit_mib << 20;
  if (!fs::exists(req.cell_dir / "expected.json")) write_file_atomic(req.cell_dir / "expected.json", req.expected.dump() + "\n");

  std::vector<std::string> names;
  for (int w = 1; w <= o.warmup; ++w) names.push_back(RunStore::rep_name(w, true));
  for (int r : pending) names.push_back(RunStore::rep_name(r, false));
  Json stop;  // set when a repetition shows the rest need not run (unsupported, timeout)
  for (const auto& name : names) {
    req.name = name;
    Json rec;
    if (stop.is_null()) {
      progress.repetition(name, "");
      rec = run_repetition(req, executor);
      if (interrupted()) return false;  // a killed repetition is not a result
    } else {
      rec = stop;
      rec["repetition"] = std::stoi(name.substr(name.find('_') + 1));
      rec["warmup"] = name.rfind("warmup", 0) == 0;
    }
    store.write_record(cell, name, rec);
    progress.repetition(name, rec["status"]);
    const std::string st = rec["status"];
    if (stop.is_null() && (st == "unsupported" || st == "timeout")) {
      stop = {{"status", st}, {"correct", false}, {"phases", Json::object()},
              {"reason", fmt::format("not run: {} was {}: {}", name, st, rec.value("reason", ""))},
              {"measure", {{"where", "skipped"}}}};
      if (st == "unsupported") stop["reason"] = rec["reason"];
    }
  }
  return true;
}

Json finalize_run(const RunStore& store, const std::string& status) {
  Json run = store.read_run();
  run["status"] = status;
  run["finished"] = utc_timestamp();
  store.write_run(run);
  write_csvs(store);
  Json summary = summarize_run(store);
  write_file_atomic(store.dir() / "summary.json", summary.dump(1) + "\n");
  write_file_atomic(store.dir() / "summary.md", summary_markdown(summary, run));
  index_run(store.results_dir(), run, summary);
  return summary;
}

int run_benchmarks(const RunOptions& given) {
  RunOptions o = given;
  std::optional<RunStore> store;
  Json run;
  if (!o.resume.empty()) {
    try {
      store = RunStore::open(o.results, o.resume);
    } catch (const std::runtime_error& e) {
      throw UsageError(e.what());
    }
    run = store->read_run();
    o = options_from_json(run["options"]);
    o.results = given.results;
    o.jobs = given.jobs;
  }
  const auto catalog = discover_tools(tool_dirs(o));
  check_filters(o, catalog);
  Progress progress(0);
  for (const auto& e : catalog)
    if (!e.tool) progress.message(fmt::format("{}: skipped, broken manifest: {}", e.name(), e.error));

  auto executor = make_executor(o);
  Json tools_info = Json::object();
  auto ready = prepare_tools(selected_tools(o, catalog), o, *executor, tools_info, progress);
  std::vector<Cell> cells;
  if (store) {
    for (const auto& c : run["matrix"]) cells.push_back(cell_from_json(c));
  } else {
    std::vector<const Tool*> available;
    for (const auto& [_, rt] : ready) available.push_back(rt.tool);
    std::sort(available.begin(), available.end(), [](const Tool* a, const Tool* b) { return a->name < b->name; });
    cells = plan_matrix(o, available);
    if (cells.empty()) throw UsageError("nothing to run: no available tool implements the selected benchmarks (see `fhebench doctor`)");
    store = RunStore::create(o.results);
    run = {{"id", store->id()}, {"status", "running"}, {"started", utc_timestamp()},
           {"fhebench", {{"version", version()}, {"commit", git_commit()}}}, {"options", to_json(o)},
           {"machine", describe_machine()}, {"tools", tools_info}, {"matrix", Json::array()}};
    for (const auto& c : cells) run["matrix"].push_back(to_json(c));
    store->write_run(run);
  }
  progress = Progress(cells.size());
  progress.message(fmt::format("run {}: {} cells × {} repetitions (+{} warm-up) on the {} executor, results in {}",
                               store->id(), cells.size(), o.repetitions, o.warmup, executor->name(), store->dir().string()));
  ::signal(SIGINT, on_signal);
  ::signal(SIGTERM, on_signal);
  bool missing_tool = false;
  if (CellScheduler* scheduler = executor->scheduler()) {
    // Whole cells run elsewhere (Slurm); this process follows them through the store.
    std::vector<size_t> runnable;
    for (size_t i = 0; i < cells.size(); ++i) {
      const auto it = ready.find(cells[i].tool);
      if (it != ready.end() && find_impl(*it->second.tool, cells[i])) {
        runnable.push_back(i);
        continue;
      }
      missing_tool = true;
      progress.start_cell(i, cell_label(cells[i]), o.repetitions);
      progress.finish_cell("not run: the tool or implementation is unavailable now");
    }
    scheduler->run_cells(*store, cells, runnable, o, progress, [&](size_t i) {
      progress.start_cell(i, cell_label(cells[i]), o.repetitions);
      progress.finish_cell(cell_outcome(summarize_cell(cells[i], store->records(cells[i]), o.repetitions)));
    }, interrupted);
  }
  for (size_t i = 0; i < cells.size() && !interrupted() && !executor->scheduler(); ++i) {
    const Cell& cell = cells[i];
    progress.start_cell(i, cell_label(cell), o.repetitions);
    const auto it = ready.find(cell.tool);
    const Implementation* impl = it == ready.end() ? nullptr : find_impl(*it->second.tool, cell);
    if (!impl) {
      missing_tool = true;
      progress.finish_cell("not run: the tool or implementation is unavailable now");
      continue;
    }
    if (!run_cell(*store, cell, o, executor->command(*it->second.tool, *impl, it->second.setup), *executor, progress)) break;
    progress.finish_cell(cell_outcome(summarize_cell(cell, store->records(cell), o.repetitions)));
  }
  const bool stopped = interrupted();
  ::signal(SIGINT, SIG_DFL);
  ::signal(SIGTERM, SIG_DFL);
  const Json summary = finalize_run(*store, stopped ? "interrupted" : "complete");
  fmt::print("\n{}\n", summary_markdown(summary, store->read_run()));
  std::fflush(stdout);  // before the stderr lines below, also when both go to one file
  report_after_run(*store);  // plots, tables, site: a failure only warns, the run stands
  if (stopped) {
    progress.message(fmt::format("interrupted: finished repetitions are kept; continue with `fhebench run --resume {} --results {}`",
                                 store->id(), o.results));
    return 130;
  }
  bool all_ok = !missing_tool;
  for (const auto& c : summary["cells"]) all_ok &= c["status"] == "ok" || c["status"] == "unsupported";
  for (const auto& t : o.tools) all_ok &= ready.count(t) > 0;  // a tool asked for by name must run
  progress.message(fmt::format("results: {}", store->dir().string()));
  return all_ok ? 0 : 1;
}

}  // namespace fhebench
