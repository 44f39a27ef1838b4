#include "test_util.h"

#include <unistd.h>

#include <fstream>
#include <stdexcept>

#include "atomic_file.h"
#include "process.h"

namespace fhebench::test {

TempDir::TempDir() {
  std::string templ = (fs::temp_directory_path() / "fhebench-test-XXXXXX").string();
  if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
  path_ = templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

CommandResult run_fhebench(const std::vector<std::string>& args, double timeout_s,
                           const std::vector<std::pair<std::string, std::string>>& env, const fs::path& cwd) {
  TempDir tmp;
  ProcessSpec spec;
  spec.argv = {FHEBENCH_BINARY};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.cwd = cwd.empty() ? tmp.path() : cwd;
  spec.timeout_s = timeout_s;
  spec.stdout_file = tmp / "out";
  spec.stderr_file = tmp / "err";
  if (!std::getenv("FHEBENCH_CACHE")) spec.env["FHEBENCH_CACHE"] = (fs::temp_directory_path() / "fhebench-test-cache").string();
  for (const auto& [k, v] : env) spec.env[k] = v;
  const ProcessResult r = run_process(spec);
  return {r.timed_out ? -2 : r.signal ? -r.signal : r.exit_code, read_file(tmp / "out").value_or(""),
          read_file(tmp / "err").value_or("")};
}

fs::path only_run(const fs::path& results) {
  std::vector<fs::path> runs;
  for (const auto& e : fs::directory_iterator(results))
    if (e.is_directory()) runs.push_back(e.path());
  if (runs.size() != 1) throw std::runtime_error("expected exactly one run in " + results.string());
  return runs[0];
}

Json read_json(const fs::path& file) {
  const auto text = read_file(file);
  if (!text) throw std::runtime_error("cannot read " + file.string());
  return Json::parse(*text);
}

}  // namespace fhebench::test
