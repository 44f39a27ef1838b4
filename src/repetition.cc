#include "repetition.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <fmt/format.h>

#include "atomic_file.h"
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
  if (p.timed_out) return fmt::format("killed after the {:g} s timeout", req.timeout_s);
  if (p.left_cgroup) return "moved itself out of its measurement cgroup (memory not measured)";
  if (p.out_of_memory || (p.signal == SIGKILL && req.memory_limit_bytes))
    return fmt::format("killed: exceeded the memory limit of {} MiB", req.memory_limit_bytes >> 20);
  if (p.signal) return fmt::format("killed by signal {} ({})", p.signal, sigabbrev_np(p.signal) ? sigabbrev_np(p.signal) : "?");
  if (p.exit_code != 0) return fmt::format("exited with status {}", p.exit_code);
  return "";
}

// Reads output.json, validates it and verifies the outputs; fills the record's status.
void judge_output(const RepetitionRequest& req, const fs::path& output_file, Json& rec) {
  const OutputFile file = read_output_file(output_file.parent_path(), output_file.filename().string(), kMaxOutputBytes);
  if (file.status != OutputFile::Status::ok) {
    rec["status"] = "error";
    rec["reason"] = file.reason;
    return;
  }
  const std::string* text = &file.text;
  if (text->size() <= kKeptOutputBytes) write_file_atomic(req.cell_dir / (req.name + ".output.json"), *text);
  std::string error;
  const auto out = parse_output(*text, req.benchmark->outputs(req.size), error);
  if (!out) {
    rec["status"] = "error";
    rec["reason"] = error;
    return;
  }
  if (out->unsupported) {
    rec["status"] = "unsupported";
    rec["reason"] = first_line(*out->unsupported);
    return;
  }
  for (const auto& ph : out->phases) rec["phases"][ph.name] = ph.seconds;
  rec["fhe"] = out->fhe;
  rec["sizes"] = out->sizes;
  Verdict v;
  try {
    v = req.benchmark->verify(req.size, req.expected, out->outputs);
  } catch (const std::exception& e) {  // e.g. a float where an integer was due
    v.detail = std::string("cannot compare outputs: ") + e.what();
  }
  rec["status"] = v.correct ? "ok" : "incorrect";
  rec["correct"] = v.correct;
  rec["reason"] = v.detail;
  rec["verify"] = {{"mismatches", v.mismatches}, {"max_abs_error", v.max_abs_error}};
  if (v.precision_bits) rec["verify"]["precision_bits"] = *v.precision_bits;
}

}  // namespace

Json run_repetition(const RepetitionRequest& req, Executor& executor) {
  const fs::path work = req.cell_dir / ("work_" + req.name);
  try {
    clear_work_dir(work);
    fs::create_directories(work);
    write_file_atomic(work / "input.json", req.input_text);
  } catch (const std::exception&) {
    rethrow_storage_error("preparing " + req.name + " in " + req.cell_dir.string());
  }

  ProcessSpec spec;
  spec.argv = req.argv;
  spec.cwd = work;
  spec.env = {{"FHEBENCH_INPUT", (work / "input.json").string()},
              {"FHEBENCH_OUTPUT", (work / "output.json").string()},
              {"FHEBENCH_THREADS", std::to_string(req.threads)},
              {"OMP_NUM_THREADS", std::to_string(req.threads)}};
  spec.timeout_s = req.timeout_s;
  spec.cpus = req.cpus;
  spec.memory_limit_bytes = req.memory_limit_bytes;
  spec.stdout_file = work / "stdout.log";
  spec.stderr_file = work / "stderr.log";

  Json rec = {{"repetition", 0}, {"warmup", req.name.rfind("warmup", 0) == 0}, {"status", "error"},
              {"reason", ""}, {"correct", false}, {"phases", Json::object()}, {"started", utc_timestamp()}};
  rec["repetition"] = std::stoi(req.name.substr(req.name.find('_') + 1));
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  rec["host"] = host;

  const ProcessResult p = executor.run(spec);
  rec["measure"] = {{"wall_s", p.wall_s},       {"user_s", p.user_s},
                    {"sys_s", p.sys_s},         {"peak_rss_bytes", p.peak_memory_bytes},
                    {"memory_method", p.memory_method}, {"max_rss_bytes", p.max_rss_bytes},
                    {"exit_code", p.exit_code},
                    {"signal", p.signal},       {"where", executor.name()}};
  const std::string failure = process_failure(p, req);
  if (!failure.empty()) {
    rec["status"] = p.timed_out ? "timeout" : "error";
    rec["reason"] = failure;
  } else {
    judge_output(req, work / "output.json", rec);
  }
  rec["stderr_tail"] = file_tail(spec.stderr_file, kTailBytes);
  if (rec["status"] != "ok") rec["stdout_tail"] = file_tail(spec.stdout_file, kTailBytes);
  if (const std::string left = clear_work_dir(work); !left.empty()) rec["cleanup"] = left;
  return rec;
}

}  // namespace fhebench
