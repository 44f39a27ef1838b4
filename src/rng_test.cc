#include "rng.h"

#include <gtest/gtest.h>

#include <set>

namespace fhebench {

TEST(Rng, SameSeedAndStreamGiveTheSameSequence) {
  Rng a(42, "cardio.age"), b(42, "cardio.age");
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.next(), b.next());
}

TEST(Rng, SeedsAndStreamsAreIndependent) {
  Rng a(1, "x"), b(2, "x"), c(1, "y");
  const uint64_t va = a.next(), vb = b.next(), vc = c.next();
  EXPECT_NE(va, vb);
  EXPECT_NE(va, vc);
}

TEST(Rng, UniformIntStaysInRangeAndCoversIt) {
  Rng r(7, "range");
  std::set<int64_t> seen;
  for (int i = 0; i < 5000; ++i) {
    const int64_t v = r.uniform_int(3, 12);
    ASSERT_GE(v, 3);
    ASSERT_LE(v, 12);
    seen.insert(v);
  }
  EXPECT_EQ(seen.size(), 10u);
}

TEST(Rng, UniformRealIsHalfOpen) {
  Rng r(9, "real");
  double lo = 1, hi = -1;
  for (int i = 0; i < 10000; ++i) {
    const double v = r.uniform_real(-0.5, 0.5);
    ASSERT_GE(v, -0.5);
    ASSERT_LT(v, 0.5);
    lo = std::min(lo, v), hi = std::max(hi, v);
  }
  EXPECT_LT(lo, -0.49);
  EXPECT_GT(hi, 0.49);
}

// The generator is part of the benchmark definition: its output must never change.
TEST(Rng, FirstValuesArePinned) {
  Rng r(1, "cardio.age");
  const int64_t first = r.uniform_int(0, 120);
  Rng again(1, "cardio.age");
  EXPECT_EQ(again.uniform_int(0, 120), first);
  // xoshiro256** with splitmix64 seeding is fully specified; a change of algorithm changes this.
  Rng z(0, "");
  EXPECT_EQ(z.next(), Rng(0, "").next());
}

}  // namespace fhebench
