// End to end: the real fhebench binary runs the Plaintext tool and stores what docs/results.md
// describes.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <regex>
#include <set>

#include "atomic_file.h"
#include "test_util.h"

namespace fhebench::test {
namespace {

std::vector<std::string> lines(const fs::path& f) {
  std::vector<std::string> out;
  std::ifstream in(f);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

int sqlite_count(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr);
  const int n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
  sqlite3_finalize(s);
  sqlite3_close(h);
  return n;
}

}  // namespace

TEST(RunPlaintext, AllBenchmarksEndToEnd) {
  TempDir results;
  const auto r = run_fhebench({"run", "--tools", "Plaintext", "--repetitions", "3", "--warmup", "1", "--results",
                               results.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const fs::path run = only_run(results.path());
  EXPECT_TRUE(std::regex_match(run.filename().string(), std::regex(R"(\d{8}_\d{6})")));

  const Json run_json = read_json(run / "run.json");
  EXPECT_EQ(run_json["status"], "complete");
  EXPECT_EQ(run_json["matrix"].size(), 4u);
  EXPECT_FALSE(run_json["machine"]["cpu_model"].get<std::string>().empty());
  EXPECT_GT(run_json["machine"]["memory_bytes"].get<double>(), 0);
  EXPECT_EQ(run_json["options"]["repetitions"], 3);
  EXPECT_EQ(run_json["fhebench"]["version"], "0.1.0");

  for (const char* b : {"cardio", "chi_squared", "laplacian", "mlp"}) {
    const auto csv = lines(run / "Plaintext" / (std::string("plaintext_") + b + "_default.csv"));
    ASSERT_EQ(csv.size(), 4u) << b;  // header + 3 repetitions, warm-up not stored
    EXPECT_EQ(csv[0].rfind("t_keygen,t_input_encryption,t_computation,t_decryption,", 0), 0u) << csv[0];
    EXPECT_NE(csv[1].find(",ok,true,"), std::string::npos) << csv[1];
  }
  const Json summary = read_json(run / "summary.json");
  ASSERT_EQ(summary["cells"].size(), 4u);
  for (const auto& c : summary["cells"]) {
    EXPECT_EQ(c["status"], "ok") << c.dump();
    EXPECT_EQ(c["counts"]["ok"], 3);
    EXPECT_DOUBLE_EQ(c["vs_plaintext"].get<double>(), 1.0);
    EXPECT_GT(c["peak_rss_bytes"]["median"].get<double>(), 0);
  }
  const fs::path cell = run / "cells/Plaintext/plaintext_cardio_default/patients=1";
  for (const char* f : {"input.json", "expected.json", "rep_001.json", "rep_001.output.json", "warmup_1.json"})
    EXPECT_TRUE(fs::exists(cell / f)) << f;
  EXPECT_FALSE(fs::exists(cell / "work_rep_001")) << "work directories are removed";
  EXPECT_TRUE(fs::exists(run / "summary.md"));
  EXPECT_NE(r.out.find("| cardio"), std::string::npos) << "the summary table is printed";
  EXPECT_EQ(sqlite_count(results / "index.sqlite", "SELECT COUNT(*) FROM cells"), 4);
  EXPECT_EQ(sqlite_count(results / "index.sqlite", "SELECT COUNT(*) FROM runs WHERE status = 'complete'"), 1);
}

// The default --results is the relative "results": programs, whose cwd is their work
// directory, must still get paths that work.
TEST(RunPlaintext, RelativeResultsFolder) {
  TempDir cwd;
  const auto r = run_fhebench({"run", "--tools", "Plaintext", "--benchmarks", "chi_squared", "--repetitions", "1",
                               "--warmup", "0", "--results", "results"}, 600, {}, cwd.path());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(read_json(only_run(cwd / "results") / "summary.json")["cells"][0]["status"], "ok");
}

TEST(RunPlaintext, SokCaseAndSizeSweep) {
  TempDir results;
  const auto r = run_fhebench({"run", "--tools", "Plaintext", "--benchmarks", "cardio,chi_squared", "--case", "sok",
                               "--size", "patients=1,3", "--repetitions", "1", "--warmup", "0", "--results",
                               results.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const fs::path run = only_run(results.path());
  EXPECT_EQ(read_json(run / "run.json")["matrix"].size(), 3u);  // cardio x 2 sizes + chi_squared
  const Json out = read_json(run / "cells/Plaintext/plaintext_cardio_default/patients=3/rep_001.output.json");
  EXPECT_EQ(out["outputs"]["risk"], Json::array({6, 6, 6}));
  const Json chi = read_json(run / "cells/Plaintext/plaintext_chi_squared_default/instances=1/rep_001.output.json");
  EXPECT_EQ(chi["outputs"]["alpha"][0], 529);
  EXPECT_EQ(lines(run / "Plaintext/plaintext_cardio_default.csv").size(), 3u);
}

TEST(RunPlaintext, SameSeedSameInputsOtherSeedOtherInputs) {
  TempDir a, b, c;  // one run each
  const std::vector<std::string> base = {"run", "--tools", "Plaintext", "--benchmarks", "laplacian", "--repetitions", "1", "--warmup", "0"};
  auto with = [&](const TempDir& d, const char* seed) {
    auto args = base;
    args.insert(args.end(), {"--seed", seed, "--results", d.path().string()});
    EXPECT_EQ(run_fhebench(args).exit_code, 0);
    return read_file(only_run(d.path()) / "cells/Plaintext/plaintext_laplacian_default/width=8/input.json").value();
  };
  const std::string first = with(a, "5");
  EXPECT_EQ(first, with(b, "5"));
  EXPECT_NE(first, with(c, "6"));
}

struct Usage {
  std::string name;
  std::vector<std::string> args;
  std::string message;
  friend void PrintTo(const Usage& p, std::ostream* os) { *os << p.name; }
};

class RunUsage : public ::testing::TestWithParam<Usage> {};

TEST_P(RunUsage, ExitsTwoWithAOneLineMessage) {
  TempDir results;
  auto args = GetParam().args;
  args.insert(args.end(), {"--results", results.path().string()});
  const auto r = run_fhebench(args);
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(results / "index.sqlite")) << "a usage error starts no run";
}

INSTANTIATE_TEST_SUITE_P(
    Errors, RunUsage,
    ::testing::Values(Usage{"unknown_tool", {"run", "--tools", "Nope"}, "--tools Nope: no such tools (there are:"},
                      Usage{"unknown_benchmark", {"run", "--benchmarks", "cardiac"}, "no such benchmarks (there are: cardio,"},
                      Usage{"unknown_variant", {"run", "--tools", "Plaintext", "--variants", "fast"}, "no such variants"},
                      Usage{"size_of_other_benchmark", {"run", "--benchmarks", "cardio", "--size", "width=8"}, "no selected benchmark has that size"},
                      Usage{"size_out_of_range", {"run", "--benchmarks", "laplacian", "--size", "width=1"}, "out of range"},
                      Usage{"bad_size_syntax", {"run", "--size", "patients"}, "--size takes key=v1,v2"},
                      Usage{"bad_cpus", {"run", "--cpus", "x"}, "--cpus"},
                      Usage{"unknown_resume", {"run", "--resume", "20200101_000000"}, "no run 20200101_000000"},
                      Usage{"unknown_executor", {"run", "--tools", "Plaintext", "--executor", "moon"}, "--executor moon"},
                      Usage{"bad_repetitions", {"run", "--repetitions", "0"}, "repetitions"},
                      Usage{"unknown_option", {"run", "--colour"}, "colour"}),
    [](const auto& info) { return info.param.name; });

TEST(Cli, HelpListAndDoctor) {
  for (const char* cmd : {"run", "list", "doctor", "build"}) {
    const auto r = run_fhebench({cmd, "--help"});
    EXPECT_EQ(r.exit_code, 0) << cmd;
    EXPECT_NE(r.out.find("--tools"), std::string::npos) << cmd << ": " << r.out;
  }
  const auto list = run_fhebench({"list"});
  EXPECT_NE(list.out.find("chi_squared"), std::string::npos);
  EXPECT_NE(list.out.find("Plaintext"), std::string::npos);
  const auto doctor = run_fhebench({"doctor", "--tools", "Plaintext"});
  EXPECT_EQ(doctor.exit_code, 0) << doctor.out << doctor.err;
  EXPECT_NE(doctor.out.find("Plaintext    available"), std::string::npos) << doctor.out;
  EXPECT_NE(doctor.out.find("memory measurement:"), std::string::npos);
  EXPECT_EQ(run_fhebench({}).exit_code, 2) << "a subcommand is required";
}

}  // namespace fhebench::test
