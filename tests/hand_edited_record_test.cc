// A run folder whose record was edited by hand into a field of the wrong type (issue 16.4):
// `report`, `compare` and `serve` of the real binary go on, the cell is still reported, and no
// json.exception text reaches the user.
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include "atomic_file.h"
#include "test_util.h"

namespace fhebench::test {
namespace {

// `fhebench serve --port 0` on `results`, stopped (SIGTERM) at the end of the scope.
class ServeProcess {
 public:
  explicit ServeProcess(const fs::path& results) {
    int out[2];
    if (::pipe(out) != 0) return;
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], 1);
      ::close(out[0]);
      ::execl(FHEBENCH_BINARY, FHEBENCH_BINARY, "serve", "--results", results.c_str(), "--port", "0", nullptr);
      ::_exit(127);
    }
    ::close(out[1]);
    pollfd p{out[0], POLLIN, 0};
    char ch;
    while (line_.find('\n') == std::string::npos && ::poll(&p, 1, 10000) > 0 && ::read(out[0], &ch, 1) == 1) line_ += ch;
    ::close(out[0]);
    if (const auto at = line_.find("http://127.0.0.1:"); at != std::string::npos) port_ = std::stoi(line_.substr(at + 17));
  }
  ~ServeProcess() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  int port() const { return port_; }
  const std::string& first_line() const { return line_; }
  // True while the server process has not ended (no crash).
  bool running() const { return pid_ > 0 && ::waitpid(pid_, nullptr, WNOHANG) == 0; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string line_;
};

fs::path first_record(const fs::path& run) {
  for (const auto& e : fs::recursive_directory_iterator(run / "cells"))
    if (e.path().filename() == "rep_001.json") return e.path();
  throw std::runtime_error("no rep_001.json below " + run.string());
}

}  // namespace

TEST(HandEditedRecord, ReportCompareAndServeGoOn) {
  TempDir results;
  ASSERT_EQ(run_fhebench({"run", "--tools", "Plaintext", "--benchmarks", "cardio", "--repetitions", "2", "--warmup", "0",
                          "--results", results.path().string()}).exit_code, 0);
  const fs::path run = only_run(results.path());
  const fs::path record = first_record(run);
  Json edited = read_json(record);
  ASSERT_TRUE(edited["phases"].contains("compute"));
  edited["phases"]["compute"] = "fast";  // a number in every record fhebench writes
  write_file_atomic(record, edited.dump(1));

  const auto report = run_fhebench({"report", run.string()});
  EXPECT_EQ(report.exit_code, 0) << report.err;
  EXPECT_EQ(report.err.find("json.exception"), std::string::npos) << report.err;
  EXPECT_NE(read_file(run / "stats.csv").value_or("").find("cardio"), std::string::npos) << "the cell is still reported";
  EXPECT_NE(read_file(run / "site" / "index.html"), std::nullopt);

  const auto compare = run_fhebench({"compare", run.string(), run.string()});
  EXPECT_GE(compare.exit_code, 0) << "no crash: " << compare.err;
  EXPECT_LE(compare.exit_code, 1) << compare.err;
  EXPECT_EQ((compare.out + compare.err).find("json.exception"), std::string::npos) << compare.out << compare.err;
  EXPECT_NE(compare.out.find("cardio"), std::string::npos) << compare.out;

  ServeProcess serve(results.path());
  ASSERT_GT(serve.port(), 0) << serve.first_line();
  httplib::Client client("127.0.0.1", serve.port());
  client.set_read_timeout(20, 0);
  const auto doc = client.Get("/api/runs/" + run.filename().string());
  ASSERT_TRUE(doc) << "no answer";
  EXPECT_EQ(doc->status, 200) << doc->body;
  EXPECT_EQ(doc->body.find("json.exception"), std::string::npos) << doc->body.substr(0, 500);
  const auto list = client.Get("/api/runs");
  ASSERT_TRUE(list);
  EXPECT_EQ(list->status, 200);
  EXPECT_TRUE(serve.running()) << "serve ended";
  EXPECT_EQ(read_json(record)["phases"]["compute"], "fast") << "the hand-edited record is kept as it is";
}

}  // namespace fhebench::test
