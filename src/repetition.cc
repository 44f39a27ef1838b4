#include "repetition.h"
#include "benchmark.h"

#include <signal.h>
#include <string.h>

#include <fmt/format.h>

#include "atomic_file.h"
#include "machine.h"
#include "output_file.h"
#include "protocol.h"
#include "run_store.h"
#include "storage_error.h"

namespace fhebench {
namespace fs = std::filesystem;
namespace {

constexpr size_t kMaxOutputBytes = 256u << 20;
constexpr size_t kKeptOutputBytes = 4u << 20;  // larger outputs are not copied into the store
constexpr size_t kTailBytes = 2000;

std::string first_line(const std::string& s) {
  const auto nl = s.find('\n');
  return nl == std::string::npos ? s : s.substr(0, nl);
}

// The failure reason of a process that did not exit cleanly, or "".
std::string process_failure(const ProcessResult& p, const RepetitionRequest& req) {
  if (!p.started) return p.error;
  if (p.timed_out) return fmt::format("killed after the {:g} s timeout", req.limits.timeout_s);
  if (p.left_cgroup) return "moved itself out of its measurement cgroup (memory not measured)";
  if (p.out_of_memory || (p.signal == SIGKILL && req.limits.memory_bytes))
    return fmt::format("killed: exceeded the memory limit of {} MiB", req.limits.memory_bytes >> 20);
  if (p.signal) return fmt::format("killed by signal {} ({})", p.signal, sigabbrev_np(p.signal) ? sigabbrev_np(p.signal) : "?");
  if (p.exit_code != 0) return fmt::format("exited with status {}", p.exit_code);
  return "";
}

// Reading what the program wrote: the text of output.json, or the error record's reason.
// Opened without following links, regular files only, bounded in size and time (output_file.h).
std::optional<std::string> read_output(const RepetitionRequest& req, std::string& reason) {
  OutputFile file = read_output_file(req.work.dir, req.work.output.filename().string(), kMaxOutputBytes);
  if (file.status == OutputFile::Status::ok) return std::move(file.text);
  reason = file.reason;
  return std::nullopt;
}

// Validates output.json and verifies the outputs; fills the record's status.
void judge_output(const RepetitionRequest& req, Record& rec) {
  const auto text = read_output(req, rec.reason);
  if (!text) {
    rec.status = Status::error;
    return;
  }
  if (text->size() <= kKeptOutputBytes) write_file_atomic(req.output_copy, *text);
  std::string error;
  const auto out = parse_output(*text, req.benchmark->outputs(req.size), error);
  if (!out) {
    rec.status = Status::error;
    rec.reason = error;
    return;
  }
  if (out->unsupported) {
    rec.status = Status::unsupported;
    rec.reason = first_line(*out->unsupported);
    return;
  }
  for (const auto& ph : out->phases) rec.phases[ph.name] = ph.seconds;
  rec.fhe = out->fhe;
  rec.sizes = out->sizes;
  Verdict v;
  try {
    v = req.benchmark->verify(req.size, req.expected, out->outputs);
  } catch (const std::exception& e) {  // e.g. a float where an integer was due
    v.detail = std::string("cannot compare outputs: ") + e.what();
  }
  rec.status = v.correct ? Status::ok : Status::incorrect;
  rec.correct = v.correct;
  rec.reason = v.detail;
  rec.verify = {{"mismatches", v.mismatches}, {"max_abs_error", v.max_abs_error}};
  if (v.precision_bits) rec.verify["precision_bits"] = *v.precision_bits;
}

Measure measure_of(const ProcessResult& p) {
  return {p.wall_s, p.user_s, p.sys_s, p.peak_memory_bytes, p.max_rss_bytes, p.memory_method, p.exit_code, p.signal};
}

}  // namespace

Record run_repetition(const RepetitionRequest& req, ProcessExecutor& executor) {
  const WorkDir& work = req.work;
  try {
    clear_work_dir(work.dir);
    fs::create_directories(work.dir);
    write_file_atomic(work.input, req.input_text);
  } catch (const std::exception&) {
    rethrow_storage_error("preparing " + req.id.name() + " in " + work.dir.parent_path().string());
  }

  ProcessSpec spec;
  spec.cwd = work.dir;
  spec.env = {{"FHEBENCH_INPUT", work.input.string()},
              {"FHEBENCH_OUTPUT", work.output.string()},
              {"FHEBENCH_THREADS", std::to_string(req.limits.threads)},
              {"OMP_NUM_THREADS", std::to_string(req.limits.threads)}};
  spec.stdout_file = work.stdout_log;
  spec.stderr_file = work.stderr_log;

  Record rec;
  rec.id = req.id;
  rec.started = utc_timestamp();
  rec.host = hostname();

  const Execution ex = executor.execute(req.launch, spec, req.limits);
  rec.measure = measure_of(ex.process);
  rec.where = ex.where;
  const std::string failure = process_failure(ex.process, req);
  if (!failure.empty()) {
    rec.status = ex.process.timed_out ? Status::timeout : Status::error;
    rec.reason = failure;
  } else {
    judge_output(req, rec);
  }
  rec.stderr_tail = file_tail(spec.stderr_file, kTailBytes);
  if (rec.status != Status::ok) rec.stdout_tail = file_tail(spec.stdout_file, kTailBytes);
  if (const std::string left = clear_work_dir(work.dir); !left.empty()) rec.cleanup = left;
  return rec;
}

}  // namespace fhebench
