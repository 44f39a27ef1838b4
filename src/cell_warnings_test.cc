#include "cell_warnings.h"

#include <gtest/gtest.h>

namespace fhebench {
namespace {

Record rec(double total, double wall, double cpu, bool warmup = false) {
  Record r;
  r.id = {1, warmup};
  r.status = Status::ok;
  r.phases = {{"keygen", 0.0}, {"encrypt", 0.0}, {"compute", total}, {"decrypt", 0.0}};
  r.measure = Measure{wall, cpu, 0, 0, 0, "", 0, 0};
  return r;
}

std::vector<std::string> warnings_of(const std::vector<Record>& used, const std::vector<Record>& warmups) {
  std::vector<const Record*> p;
  std::vector<double> totals;
  for (const auto& r : used) p.push_back(&r), totals.push_back(r.phases["compute"].get<double>());
  return cell_warnings(p, warmups, compute_stats(totals));
}

TEST(CellWarnings, QuietCellHasNone) {
  std::vector<Record> used;
  for (double t : {1.0, 1.01, 0.99, 1.0, 1.02, 0.98}) used.push_back(rec(t, t, t));
  EXPECT_TRUE(warnings_of(used, {rec(1.2, 1.2, 1.2, true)}).empty());
}

TEST(CellWarnings, SpreadWarmupAndContentionEachGetALine) {
  std::vector<Record> used;
  for (double t : {1.0, 1.4, 0.7, 1.3, 0.8, 1.2}) used.push_back(rec(t, t, t * 0.3));
  const auto w = warnings_of(used, {rec(5.0, 5.0, 5.0, true)});
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0].rfind("high spread", 0), 0u) << w[0];
  EXPECT_EQ(w[1].rfind("slow warm-up", 0), 0u) << w[1];
  EXPECT_EQ(w[2].rfind("low CPU", 0), 0u) << w[2];
  for (const auto& line : w) EXPECT_EQ(line.find('\n'), std::string::npos);
}

TEST(CellWarnings, RobustSpread) {
  EXPECT_EQ(robust_relative_spread({1, 2}), 0);
  EXPECT_NEAR(robust_relative_spread({1, 1, 1, 1, 100}), 0, 1e-12) << "one outlier does not make a spread";
  EXPECT_NEAR(robust_relative_spread({0.9, 1.0, 1.1}), 1.4826 * 0.1, 1e-9);
}

}  // namespace
}  // namespace fhebench
