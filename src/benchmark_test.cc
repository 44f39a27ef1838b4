#include "benchmark.h"

#include <gtest/gtest.h>

namespace fhebench {
namespace {

const Benchmark& bench(const std::string& name) {
  const Benchmark* b = find_benchmark(name);
  EXPECT_NE(b, nullptr) << name;
  return *b;
}

}  // namespace

TEST(Benchmarks, AllFourAreRegistered) {
  EXPECT_EQ(benchmark_names(), (std::vector<std::string>{"cardio", "chi_squared", "laplacian", "mlp"}));
  EXPECT_EQ(find_benchmark("nope"), nullptr);
}

TEST(Cardio, SokVectorGivesRisk6) {
  const auto& b = bench("cardio");
  const Size s = b.make_size();
  EXPECT_EQ(b.reference(s, b.sok_case(s))["risk"], Json::array({6}));
  const Size many = b.make_size({{"patients", 5}});
  EXPECT_EQ(b.reference(many, b.sok_case(many))["risk"], Json::array({6, 6, 6, 6, 6}));
}

TEST(Cardio, EachConditionCounts) {
  const auto& b = bench("cardio");
  const Size s = b.make_size();
  Json in = b.sok_case(s);
  // As a man of 55 who drinks 4: age > 50 and drinking > 3 count, with the 4 history flags
  // and height < weight + 90: 7.
  in["sex"] = {1};
  EXPECT_EQ(b.reference(s, in)["risk"][0], 7);
  in["hdl"] = {39};
  EXPECT_EQ(b.reference(s, in)["risk"][0], 8);
  in["physical_act"] = {29};
  EXPECT_EQ(b.reference(s, in)["risk"][0], 9);
  in["height"] = {250};  // not < weight + 90
  EXPECT_EQ(b.reference(s, in)["risk"][0], 8);
}

TEST(Cardio, GeneratorHonoursRangesAndSeed) {
  const auto& b = bench("cardio");
  const Size s = b.make_size({{"patients", 2000}});
  const Json a = b.generate(s, 5), again = b.generate(s, 5), other = b.generate(s, 6);
  EXPECT_EQ(a, again);
  EXPECT_NE(a, other);
  const std::map<std::string, int> max = {{"sex", 1}, {"age", 120}, {"hdl", 150}, {"height", 250}, {"weight", 165},
                                          {"physical_act", 120}, {"drinking", 15}, {"smoker", 1}};
  for (const auto& [name, hi] : max) {
    int seen_max = 0;
    for (const auto& v : a.at(name)) {
      ASSERT_GE(v.get<int>(), 0);
      ASSERT_LE(v.get<int>(), hi);
      seen_max = std::max(seen_max, v.get<int>());
    }
    EXPECT_EQ(seen_max, hi) << name << " never reaches its maximum in 2000 draws";
  }
}

TEST(ChiSquared, SokVector) {
  const auto& b = bench("chi_squared");
  const Size s = b.make_size();
  const Json out = b.reference(s, b.sok_case(s));
  EXPECT_EQ(out["alpha"][0], 529);
  EXPECT_EQ(out["beta1"][0], 242);
  EXPECT_EQ(out["beta2"][0], 275);
  EXPECT_EQ(out["beta3"][0], 1250);
}

TEST(ChiSquared, GeneratorRange) {
  const auto& b = bench("chi_squared");
  const Size s = b.make_size({{"instances", 500}});
  for (const char* n : {"n0", "n1", "n2"})
    for (const auto& v : b.generate(s, 1)[n]) {
      ASSERT_GE(v.get<int>(), 0);
      ASSERT_LE(v.get<int>(), 31);
    }
}

TEST(Laplacian, SokVectorInteriorIsTwiceTheColumn) {
  const auto& b = bench("laplacian");
  const Size s = b.make_size();
  ASSERT_EQ(s.at("width"), 8);
  const Json out = b.reference(s, b.sok_case(s))["image"];
  for (int r = 0; r < 8; ++r)
    for (int c = 0; c < 8; ++c) {
      const bool border = r == 0 || c == 0 || r == 7 || c == 7;
      EXPECT_EQ(out[r * 8 + c], border ? c : 2 * c) << r << "," << c;
    }
}

TEST(Laplacian, ExtremesReachTheDocumentedRange) {
  const auto& b = bench("laplacian");
  const Size s = b.make_size({{"width", 3}});
  Json in = {{"image", {255, 255, 255, 255, 0, 255, 255, 255, 255}}};
  EXPECT_EQ(b.reference(s, in)["image"][4], -2040);
  in = {{"image", {0, 0, 0, 0, 255, 0, 0, 0, 0}}};
  EXPECT_EQ(b.reference(s, in)["image"][4], 2550);
}

TEST(Sizes, UnknownKeyAndOutOfRangeAreRejected) {
  const auto& b = bench("cardio");
  EXPECT_THROW(b.make_size({{"width", 8}}), std::invalid_argument);
  EXPECT_THROW(b.make_size({{"patients", 0}}), std::invalid_argument);
  EXPECT_EQ(size_key(bench("mlp").make_size()), "classes=10,features=784,hidden=32");
}

TEST(Verify, ExactIntegersReportTheFirstMismatch) {
  const auto& b = bench("chi_squared");
  const Size s = b.make_size({{"instances", 2}});
  const Json in = b.generate(s, 3);
  const Json want = b.reference(s, in);
  EXPECT_TRUE(b.verify(s, want, want).correct);
  Json got = want;
  got["beta2"][1] = got["beta2"][1].get<int>() + 1;
  const Verdict v = b.verify(s, want, got);
  EXPECT_FALSE(v.correct);
  EXPECT_EQ(v.mismatches, 1u);
  EXPECT_NE(v.detail.find("beta2[1]"), std::string::npos) << v.detail;
}

TEST(Mlp, ReferenceMatchesAHandComputation) {
  const auto& b = bench("mlp");
  const Size s = b.make_size({{"features", 2}, {"hidden", 2}, {"classes", 1}});
  const Json in = {{"x", {1.0, 2.0}}, {"w1", {1.0, 0.0, 0.5, 0.5}}, {"b1", {0.0, 1.0}}, {"w2", {1.0, 2.0}}, {"b2", {0.25}}};
  // h = (1)², (0.5 + 1 + 1)² = 1, 6.25; y = 1 + 12.5 + 0.25
  EXPECT_DOUBLE_EQ(b.reference(s, in)["y"][0].get<double>(), 13.75);
}

TEST(Mlp, ToleranceAndPrecisionBits) {
  const auto& b = bench("mlp");
  const Size s = b.make_size();
  const Json in = b.generate(s, 1);
  const Json want = b.reference(s, in);
  Verdict exact = b.verify(s, want, want);
  EXPECT_TRUE(exact.correct);
  EXPECT_DOUBLE_EQ(*exact.precision_bits, 52.0);
  Json close = want;
  close["y"][0] = want["y"][0].get<double>() + 1.0 / 1024;  // 2^-10 = 9.8e-4 off: within 1e-3, 10 bits
  Verdict v = b.verify(s, want, close);
  EXPECT_TRUE(v.correct);
  EXPECT_NEAR(*v.precision_bits, 10.0, 0.01);
  Json far = want;
  far["y"][3] = want["y"][3].get<double>() + 0.01;
  v = b.verify(s, want, far);
  EXPECT_FALSE(v.correct);
  EXPECT_NE(v.detail.find("y[3]"), std::string::npos) << v.detail;
}

TEST(Mlp, GeneratorRanges) {
  const auto& b = bench("mlp");
  const Json in = b.generate(b.make_size(), 2);
  EXPECT_EQ(in["w1"].size(), 784u * 32);
  for (const auto& v : in["x"]) ASSERT_TRUE(v.get<double>() >= -0.5 && v.get<double>() < 0.5);
  for (const auto& v : in["w2"]) ASSERT_TRUE(v.get<double>() >= -0.1 && v.get<double>() < 0.1);
}

}  // namespace fhebench
