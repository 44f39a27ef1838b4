// fhebench import gbench on the JSON of a real Google Benchmark program (tests/gbench), and on
// bad files, which must end with one line and leave no run folder.
#include <gtest/gtest.h>
#include <fmt/format.h>

#include <cstdlib>
#include <fstream>

#include "test_util.h"

namespace fhebench::test {
namespace {

fs::path gbench_json(const TempDir& tmp, const std::string& name) {
  const fs::path out = tmp / name;
  const std::string cmd = fmt::format("'{}' --benchmark_format=json --benchmark_repetitions=3 --benchmark_min_time=0.01 > '{}'",
                                      GBENCH_TINY, out.string());
  EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
  return out;
}

size_t run_folders(const fs::path& results) {
  size_t n = 0;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(results, ec)) n += fs::exists(e.path() / "run.json");
  return n;
}

TEST(GbenchImport, RealBenchmarkJsonBecomesARunInHistoryAndReports) {
  TempDir tmp;
  const fs::path results = tmp / "results";
  for (int i = 0; i < 2; ++i) {
    const auto r = run_fhebench({"import", "gbench", gbench_json(tmp, fmt::format("b{}.json", i)).string(), "--tool", "TinyLib",
                                 "--library-version", fmt::format("1.{}", i), "--results", results.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("imported"), std::string::npos) << r.err;
  }
  ASSERT_EQ(run_folders(results), 2u);
  fs::path run;
  for (const auto& e : fs::directory_iterator(results))
    if (fs::is_directory(e.path()) && (run.empty() || e.path() > run)) run = e.path();
  const Json summary = read_json(run / "summary.json");
  ASSERT_EQ(summary["cells"].size(), 3u);  // BM_Sum/64, BM_Sum/4096, BM_Copy
  for (const auto& c : summary["cells"]) {
    EXPECT_EQ(c["status"], "ok") << c.dump();
    EXPECT_EQ(c["counts"]["ok"], 3) << "one record per repetition";
    EXPECT_GT(c["phases"]["total"]["median"].get<double>(), 0);
    EXPECT_LT(c["phases"]["total"]["median"].get<double>(), 1e-2) << "seconds per iteration, not per repetition";
  }
  EXPECT_TRUE(fs::exists(run / "site" / "index.html"));
  EXPECT_TRUE(fs::exists(run / "summary.md"));

  const auto h = run_fhebench({"history", "--results", results.string(), "--tools", "TinyLib", "--json"});
  ASSERT_EQ(h.exit_code, 0) << h.err;
  const Json series = Json::parse(h.out);
  ASSERT_EQ(series.size(), 3u);
  for (const auto& s : series) {
    EXPECT_EQ(s["cell"]["benchmark"], "gbench");
    ASSERT_EQ(s["points"].size(), 2u) << "both imports of the cell, on one machine";
    EXPECT_EQ(s["points"][1]["versions"], "TinyLib 1.1");
  }
  EXPECT_NE(h.out.find("\"size_key\": \"arg1=4096\""), std::string::npos) << h.out;
  const auto text = run_fhebench({"history", "--results", results.string(), "--tools", "TinyLib"});
  EXPECT_NE(text.out.find("TinyLib gbench/BM_Sum arg1=64"), std::string::npos) << text.out;
}

TEST(GbenchImport, BadFilesEndWithOneLineAndNoRunFolder) {
  TempDir tmp;
  const fs::path results = tmp / "results";
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"", "is empty"},
      {"not json {", "is not JSON"},
      {"[1, 2]", "no \"benchmarks\" array"},
      {R"({"benchmarks": 3})", "no \"benchmarks\" array"},
      {R"({"context": {}, "benchmarks": []})", "has no benchmark results"},
      {R"({"benchmarks": [{"name": "BM_x", "run_type": "iteration", "time_unit": "ns"}]})", "no real_time"},
      {R"({"benchmarks": [{"real_time": 3}]})", "has no name"}};
  for (const auto& [text, says] : bad) {
    const fs::path f = tmp / "bad.json";
    std::ofstream(f) << text;
    const auto r = run_fhebench({"import", "gbench", f.string(), "--tool", "T", "--results", results.string()});
    EXPECT_EQ(r.exit_code, 2) << text;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_NE(r.err.find(says), std::string::npos) << text << ": " << r.err;
    EXPECT_EQ(run_folders(results), 0u) << text;
  }
  const auto missing = run_fhebench({"import", "gbench", (tmp / "nope.json").string(), "--tool", "T", "--results", results.string()});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("cannot read"), std::string::npos) << missing.err;
  EXPECT_EQ(run_fhebench({"import", "gbench", "--help"}).exit_code, 0);
}

}  // namespace
}  // namespace fhebench::test
