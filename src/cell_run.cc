#include "cell_run.h"

#include <signal.h>

#include <fmt/format.h>

#include <chrono>

#include "adaptive.h"
#include "adaptive_record.h"
#include "benchmark.h"
#include "protocol.h"
#include "repetition.h"

namespace fhebench {
namespace {

volatile sig_atomic_t g_interrupted = 0;

// input.json of the cell: written once, so every repetition (and a resumed run) gets the same.
std::string cell_input(const RunStore& store, const Cell& cell, const Benchmark& b, const RunOptions& o) {
  if (auto text = store.read_input(cell)) return *text;
  const Json inputs = o.input_case == "sok" ? b.sok_case(cell.size) : b.generate(cell.size, o.seed);
  const std::string text = make_input(cell.benchmark, cell.variant, cell.size, o.seed, inputs, b.fields()).dump() + "\n";
  store.write_input(cell, text);
  return text;
}

// The record of a repetition not run because an earlier one showed it need not be.
Record skipped(const Record& cause, const RepId& id) {
  Record r;
  r.id = id;
  r.status = cause.status;
  r.where = "skipped";
  r.reason = cause.status == Status::unsupported
                 ? cause.reason
                 : fmt::format("not run: {} was {}: {}", cause.id.name(), to_string(cause.status), cause.reason);
  return r;
}

}  // namespace

bool interrupted() { return g_interrupted != 0; }
void set_interrupted(bool value) { g_interrupted = value ? 1 : 0; }

namespace {

// What run_cell carries from one repetition to the next.
struct CellContext {
  const RunStore& store;
  const Cell& cell;
  RepetitionRequest req;
  ProcessExecutor& executor;
  Progress& progress;
  std::optional<Record> stop;  // set when a repetition shows the rest need not run (unsupported, timeout)
};

RepetitionRequest make_request(const RunStore& store, const Cell& cell, const RunOptions& o, const Limits& limits,
                               const Launch& launch) {
  const Benchmark* b = find_benchmark(cell.benchmark);
  RepetitionRequest req;
  req.launch = launch;
  req.benchmark = b;
  req.size = cell.size;
  req.input_text = cell_input(store, cell, *b, o);
  req.expected = b->reference(cell.size, Json::parse(req.input_text)["inputs"]);
  req.limits = limits;
  store.write_expected(cell, req.expected);
  return req;
}

// Runs repetition `id` (or records it as skipped after a stop) and stores it; false when interrupted.
bool run_one(CellContext& c, const RepId& id) {
  Record rec;
  if (!c.stop) {
    c.req.id = id;
    c.req.work = c.store.work_dir(c.cell, id);
    c.req.output_copy = c.store.output_copy(c.cell, id);
    c.progress.repetition(id.name(), "");
    rec = run_repetition(c.req, c.executor);
    if (interrupted()) return false;  // a killed repetition is not a result
  } else {
    rec = skipped(*c.stop, id);
  }
  c.store.write_record(c.cell, rec);
  c.progress.repetition(id.name(), to_string(rec.status));
  if (!c.stop && (rec.status == Status::unsupported || rec.status == Status::timeout)) c.stop = rec;
  return true;
}

bool run_warmups(CellContext& c, int warmups) {
  for (int w = 1; w <= warmups; ++w)
    if (!run_one(c, {w, true})) return false;
  return true;
}

// Fixed --repetitions: the warm-ups, then every measured repetition still missing.
bool run_fixed(const RunStore& store, const Cell& cell, const RunOptions& o, const Limits& limits, const Launch& launch,
               ProcessExecutor& executor, Progress& progress) {
  std::vector<RepId> missing;
  for (int r = 1; r <= o.repetitions; ++r)
    if (!store.has_record(cell, {r, false})) missing.push_back({r, false});
  if (missing.empty()) return true;
  CellContext c{store, cell, make_request(store, cell, o, limits, launch), executor, progress, {}};
  if (!run_warmups(c, o.warmup)) return false;
  for (const RepId& id : missing)
    if (!run_one(c, id)) return false;
  return true;
}

// Adaptive: the warm-ups, then repetitions until the stop rule says enough; repetitions a
// resumed cell already has count towards it.
bool run_adaptive(const RunStore& store, const Cell& cell, const RunOptions& o, AdaptiveRule rule, const Limits& limits,
                  const Launch& launch, ProcessExecutor& executor, Progress& progress) {
  if (read_stop(store, cell)) return true;
  const auto start = std::chrono::steady_clock::now();
  CellContext c{store, cell, make_request(store, cell, o, limits, launch), executor, progress, {}};
  if (!run_warmups(c, o.warmup)) return false;
  for (int r = 1;; ++r) {
    if (store.has_record(cell, {r, false})) continue;
    const std::vector<Record> records = store.records(cell);
    const double used = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::optional<StopReason> why = should_stop(rule, records, used);
    if (!why && c.stop && static_cast<int>(records.size()) >= rule.min) why = StopReason::failed;
    if (why) {
      write_stop(store, cell, *why, records.size());
      return true;
    }
    if (!run_one(c, {r, false})) return false;
  }
}

}  // namespace

bool run_cell(const RunStore& store, const Cell& cell, const RunOptions& o, const Limits& limits, const Launch& launch,
              ProcessExecutor& executor, Progress& progress, double budget_s) {
  std::optional<AdaptiveRule> rule = adaptive_rule(o);
  if (!rule) return run_fixed(store, cell, o, limits, launch, executor, progress);
  rule->budget_s = budget_s;
  return run_adaptive(store, cell, o, *rule, limits, launch, executor, progress);
}

}  // namespace fhebench
