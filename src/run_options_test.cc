#include "run_options.h"

#include <gtest/gtest.h>

namespace fhebench {

TEST(Duration, UnitsAndCombinations) {
  EXPECT_DOUBLE_EQ(parse_duration("90s"), 90);
  EXPECT_DOUBLE_EQ(parse_duration("20m"), 1200);
  EXPECT_DOUBLE_EQ(parse_duration("1h"), 3600);
  EXPECT_DOUBLE_EQ(parse_duration("1h30m"), 5400);
  EXPECT_DOUBLE_EQ(parse_duration("45"), 45);
  EXPECT_DOUBLE_EQ(parse_duration("1.5m"), 90);
}

TEST(Duration, BadValuesAreOneClearLine) {
  for (const char* bad : {"", "0s", "-5m", "10x", "m", "1h-3m", "inf", "nan", "5 m", "1.2.3s"}) {
    try {
      parse_duration(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("such as 90s, 20m, 1h"), std::string::npos) << e.what();
      EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
    }
  }
}

TEST(RunOptions, AdaptiveOptionsSurviveRunJson) {
  RunOptions o;
  o.min_repetitions = 3;
  o.max_repetitions = 12;
  o.target_ci_pct = 2.5;
  o.time_budget_s = 600;
  const RunOptions back = options_from_json(to_json(o));
  EXPECT_EQ(back.min_repetitions, 3);
  EXPECT_EQ(back.max_repetitions, 12);
  EXPECT_DOUBLE_EQ(back.target_ci_pct, 2.5);
  EXPECT_DOUBLE_EQ(back.time_budget_s, 600);
  EXPECT_TRUE(back.adaptive());
  EXPECT_FALSE(options_from_json(to_json(RunOptions{})).adaptive());
}

}  // namespace fhebench
