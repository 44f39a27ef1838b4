// The library-neutral headers the tools' programs share (include/fhebench/), on plain
// integers: the comparators' results and the mlp packing's diagonals.
#include <gtest/gtest.h>

#include <fhebench/compare.hpp>
#include <fhebench/packing.hpp>

namespace fhebench {
namespace {

// The circuit interface over plain integers.
struct PlainCircuit {
  int64_t constant(int64_t c) const { return c; }
  int64_t add(int64_t a, int64_t b) { return a + b; }
  int64_t sub(int64_t a, int64_t b) { return a - b; }
  int64_t mul(int64_t a, int64_t b) { return a * b; }
  int64_t not_(int64_t a) { return 1 - a; }
  int64_t sum(const std::vector<int64_t>& t) {
    int64_t s = 0;
    for (auto v : t) s += v;
    return s;
  }
};

std::vector<int64_t> bits(int64_t v, int width) {
  std::vector<int64_t> b;
  for (int i = 0; i < width; ++i) b.push_back((v >> i) & 1);
  return b;
}

TEST(ToolHeaders, ConstantComparatorIsExact) {
  for (int64_t x = 0; x < 256; ++x) {
    PlainCircuit c;
    ConstantComparator<PlainCircuit, int64_t> cmp(c, bits(x, 8));
    for (uint64_t k : {0u, 1u, 29u, 30u, 40u, 50u, 60u, 127u, 254u, 255u, 256u, 1000u}) {
      EXPECT_EQ(cmp.greater_than(k), x > int64_t(k)) << x << " > " << k;
      EXPECT_EQ(cmp.less_than(k), x < int64_t(k)) << x << " < " << k;
    }
  }
}

TEST(ToolHeaders, DifferenceComparatorIsExact) {
  for (int64_t x = 0; x < 256; x += 7)
    for (int64_t y = 0; y < 256; y += 5) {
      PlainCircuit c;
      DifferenceComparator<PlainCircuit, int64_t> cmp(c, bits(x, 8), bits(y, 8));
      EXPECT_EQ(cmp.at_least(-89), x - y >= -89) << x << " - " << y;  // cardio: height < weight + 90
      for (int64_t k : {-256, -1, 0, 1, 100, 255, 256}) EXPECT_EQ(cmp.at_least(k), x - y >= k) << x << " - " << y << " >= " << k;
    }
}

TEST(ToolHeaders, PackedProductEqualsTheMatrixProduct) {
  // z = Σ_i d_i ⊙ rot(x, i) with rotations undone by the pre-rotation, folded to period m.
  using namespace packing;
  const Matrix w{3, 8, {1, 2, 3, 4, 5, 6, 7, 8, -1, 0, 2, 0, 1, 0, 3, 0, 0.5, 0, 0, 0, 0, 0, 0, 9}};
  const std::vector<double> x = {1, -2, 3, 0.5, 1, 1, 2, -1};
  const Shape s = shape(4, 8, baby_steps(4));
  const size_t slots = 16;
  const auto xs = replicate(x, s.p, slots);
  auto rot = [&](const std::vector<double>& v, size_t k) {
    std::vector<double> r(slots);
    for (size_t j = 0; j < slots; ++j) r[j] = v[(j + k) % slots];
    return r;
  };
  std::vector<double> total(slots, 0);
  for (size_t g = s.giant; g-- > 0;) {
    total = rot(total, s.baby);
    for (size_t b = 0; b < s.baby && g * s.baby + b < s.m; ++b) {
      const auto d = diagonal(w, s, g * s.baby + b, slots), xr = rot(xs, b);
      for (size_t j = 0; j < slots; ++j) total[j] += d[j] * xr[j];
    }
  }
  for (size_t k = s.m; k < s.p; k *= 2) {
    const auto r = rot(total, k);
    for (size_t j = 0; j < slots; ++j) total[j] += r[j];
  }
  for (size_t r = 0; r < 3; ++r) {
    double want = 0;
    for (size_t c = 0; c < 8; ++c) want += w.at(r, c) * x[c];
    EXPECT_DOUBLE_EQ(total[r], want) << "row " << r;
  }
  // All-zero diagonals are not encoded (the programs skip their products).
  const Matrix sparse{2, 4, {1, 0, 0, 0, 0, 1, 0, 0}};  // the identity's two columns: only d_0
  const auto layer = encode_layer<int>(sparse, shape(2, 4, 2), 8, [](const std::vector<double>&) { return 7; });
  ASSERT_EQ(layer.diagonals.size(), 2u);
  EXPECT_EQ(layer.diagonals[0], 7);
  EXPECT_FALSE(layer.diagonals[1]);
}

}  // namespace
}  // namespace fhebench
