#include "stats.h"

#include <gtest/gtest.h>

namespace fhebench {

TEST(Stats, OddCount) {
  const Stats s = compute_stats({3, 1, 2});
  EXPECT_EQ(s.n, 3u);
  EXPECT_DOUBLE_EQ(s.median, 2);
  EXPECT_DOUBLE_EQ(s.mean, 2);
  EXPECT_DOUBLE_EQ(s.sd, 1);  // sample standard deviation
  EXPECT_DOUBLE_EQ(s.min, 1);
  EXPECT_DOUBLE_EQ(s.max, 3);
}

TEST(Stats, EvenCountMedianIsTheMiddleMean) {
  EXPECT_DOUBLE_EQ(compute_stats({4, 1, 3, 2}).median, 2.5);
}

TEST(Stats, SingleAndEmpty) {
  const Stats one = compute_stats({5});
  EXPECT_DOUBLE_EQ(one.median, 5);
  EXPECT_DOUBLE_EQ(one.sd, 0);
  EXPECT_EQ(compute_stats({}).n, 0u);
}

}  // namespace fhebench
