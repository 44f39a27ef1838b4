// End to end: `fhebench compare` on real runs of the Paced test tool. A 30% slowdown is
// flagged (exit 1) with a ratio interval around 1.3; 1% noise is not; --threshold and
// --format md|json do what they say.
#include <gtest/gtest.h>

#include <set>

#include "test_util.h"

namespace fhebench::test {
namespace {

// A run of Paced's cardio at `pace_ms` with 1% noise; returns its id.
std::set<std::string> run_ids(const fs::path& results) {
  std::set<std::string> ids;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(results, ec))
    if (e.is_directory()) ids.insert(e.path().filename().string());
  return ids;
}

std::string paced_run(const fs::path& results, const std::string& pace_ms) {
  const std::set<std::string> before = run_ids(results);
  const auto r = run_fhebench({"run", "--tools-dir", std::string(FHEBENCH_TEST_DIR) + "/tools", "--tools", "Paced",
                               "--repetitions", "10", "--warmup", "1", "--results", results.string()},
                              600, {{"FHEBENCH_TEST_PACE_MS", pace_ms}, {"FHEBENCH_TEST_NOISE_PCT", "1"}});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  for (const auto& id : run_ids(results))
    if (!before.count(id)) return id;
  return "";
}

CommandResult compare(const fs::path& results, const std::string& a, const std::string& b, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"compare", a, b, "--results", results.string()};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_fhebench(args, 60);
}

TEST(CompareCli, SlowdownIsFlaggedNoiseIsNot) {
  TempDir results;
  const std::string base = paced_run(results.path(), "100");
  const std::string same = paced_run(results.path(), "100");
  const std::string slow = paced_run(results.path(), "130");
  ASSERT_NE(base, same);
  ASSERT_NE(same, slow);

  const auto flagged = compare(results.path(), base, slow, {"--format", "json"});
  ASSERT_EQ(flagged.exit_code, 1) << flagged.out << flagged.err;
  const Json j = Json::parse(flagged.out);
  const Json& c = j["cells"].at(0);
  EXPECT_EQ(c["verdict"], "slower");
  EXPECT_NEAR(c["ratio"].get<double>(), 1.3, 0.08) << "preemption past the pace shifts medians a little";
  EXPECT_LT(c["ratio_low"].get<double>(), c["ratio"].get<double>() + 1e-9);
  EXPECT_GT(c["ratio_high"].get<double>(), c["ratio"].get<double>() - 1e-9);
  // Loose bounds: a busy machine preempts some repetitions past their pace.
  EXPECT_GT(c["ratio_low"].get<double>(), 1.05) << c;
  EXPECT_LT(c["ratio_high"].get<double>(), 1.6) << c;

  const auto noise = compare(results.path(), base, same);
  EXPECT_EQ(noise.exit_code, 0) << noise.out;
  EXPECT_NE(noise.out.find("95% CI"), std::string::npos) << noise.out;

  const auto lenient = compare(results.path(), base, slow, {"--threshold", "50"});
  EXPECT_EQ(lenient.exit_code, 0) << "30% is below a 50% threshold\n" << lenient.out;
  EXPECT_EQ(compare(results.path(), base, slow, {"--threshold", "1.5"}).exit_code, 0)
      << "1.5 is the ratio --threshold took before (50%)";
  EXPECT_EQ(compare(results.path(), base, slow, {"--threshold", "1.5%"}).exit_code, 1) << "1.5% is a percentage";
  const auto md = compare(results.path(), base, slow, {"--format", "md"});
  EXPECT_EQ(md.exit_code, 1);
  EXPECT_NE(md.out.find("| cell | size | baseline | contender | ratio | 95% CI | p | verdict |"), std::string::npos) << md.out;
  EXPECT_NE(md.out.find("**slower**"), std::string::npos) << md.out;
  const auto bad = compare(results.path(), base, slow, {"--threshold", "five"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--threshold takes a percentage"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace fhebench::test
