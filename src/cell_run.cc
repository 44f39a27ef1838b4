#include "cell_run.h"

#include <signal.h>

#include <fmt/format.h>

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

bool run_cell(const RunStore& store, const Cell& cell, const RunOptions& o, const Limits& limits, const Launch& launch,
              ProcessExecutor& executor, Progress& progress) {
  const Benchmark* b = find_benchmark(cell.benchmark);
  std::vector<RepId> ids;
  for (int w = 1; w <= o.warmup; ++w) ids.push_back({w, true});
  bool pending = false;
  for (int r = 1; r <= o.repetitions; ++r)
    if (!store.has_record(cell, {r, false})) {
      ids.push_back({r, false});
      pending = true;
    }
  if (!pending) return true;

  RepetitionRequest req;
  req.launch = launch;
  req.benchmark = b;
  req.size = cell.size;
  req.input_text = cell_input(store, cell, *b, o);
  req.expected = b->reference(cell.size, Json::parse(req.input_text)["inputs"]);
  req.limits = limits;
  store.write_expected(cell, req.expected);

  std::optional<Record> stop;  // set when a repetition shows the rest need not run (unsupported, timeout)
  for (const RepId& id : ids) {
    Record rec;
    if (!stop) {
      req.id = id;
      req.work = store.work_dir(cell, id);
      req.output_copy = store.output_copy(cell, id);
      progress.repetition(id.name(), "");
      rec = run_repetition(req, executor);
      if (interrupted()) return false;  // a killed repetition is not a result
    } else {
      rec = skipped(*stop, id);
    }
    store.write_record(cell, rec);
    progress.repetition(id.name(), to_string(rec.status));
    if (!stop && (rec.status == Status::unsupported || rec.status == Status::timeout)) stop = rec;
  }
  return true;
}

}  // namespace fhebench
