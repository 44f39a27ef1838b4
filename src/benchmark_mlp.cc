// mlp: one hidden layer with square activation, y = w2·(w1·x + b1)² + b2 (approximate).
#include "benchmark.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "rng.h"

namespace fhebench {
namespace {

struct Shape {
  int64_t features, hidden, classes;
  explicit Shape(const Size& s) : features(s.at("features")), hidden(s.at("hidden")), classes(s.at("classes")) {}
};

Json fill(int64_t n, const std::function<double(int64_t)>& value) {
  Json a = Json::array();
  for (int64_t i = 0; i < n; ++i) a.push_back(value(i));
  return a;
}

Json uniform(uint64_t seed, const char* name, int64_t n, double lo, double hi) {
  Rng rng(seed, std::string("mlp.") + name);
  return fill(n, [&](int64_t) { return rng.uniform_real(lo, hi); });
}

class MlpBenchmark : public Benchmark {
 public:
  std::string name() const override { return "mlp"; }
  std::string description() const override {
    return "neural-network inference: y = w2·(w1·x + b1)² + b2, approximate arithmetic";
  }
  std::vector<SizeParam> size_params() const override {
    return {{"features", 784, 1, 65536}, {"hidden", 32, 1, 4096}, {"classes", 10, 1, 4096}};
  }
  std::vector<OutputSpec> outputs(const Size& size) const override {
    return {{"y", static_cast<size_t>(size.at("classes")), false}};
  }
  Json generate(const Size& size, uint64_t seed) const override {
    const Shape s(size);
    return {{"x", uniform(seed, "x", s.features, -0.5, 0.5)},
            {"w1", uniform(seed, "w1", s.hidden * s.features, -0.1, 0.1)},
            {"b1", uniform(seed, "b1", s.hidden, -0.1, 0.1)},
            {"w2", uniform(seed, "w2", s.classes * s.hidden, -0.1, 0.1)},
            {"b2", uniform(seed, "b2", s.classes, -0.1, 0.1)}};
  }
  // The SoK gives no test vector for mlp; this fixed, patterned vector plays that role.
  Json sok_case(const Size& size) const override {
    const Shape s(size);
    auto pattern = [](int64_t v, int64_t mod, double scale) { return static_cast<double>(v % mod - mod / 2) * scale; };
    return {{"x", fill(s.features, [&](int64_t i) { return pattern(i, 11, 1.0 / 11); })},
            {"w1", fill(s.hidden * s.features, [&](int64_t i) { return pattern(i * 7 + i / s.features * 3, 21, 0.01); })},
            {"b1", fill(s.hidden, [&](int64_t j) { return pattern(j, 5, 0.01); })},
            {"w2", fill(s.classes * s.hidden, [&](int64_t i) { return pattern(i * 5 + i / s.hidden * 11, 21, 0.01); })},
            {"b2", fill(s.classes, [&](int64_t k) { return pattern(k, 3, 0.01); })}};
  }
  Json reference(const Size& size, const Json& in) const override {
    const Shape s(size);
    const auto x = in.at("x").get<std::vector<double>>(), w1 = in.at("w1").get<std::vector<double>>(),
               b1 = in.at("b1").get<std::vector<double>>(), w2 = in.at("w2").get<std::vector<double>>(),
               b2 = in.at("b2").get<std::vector<double>>();
    std::vector<double> h(s.hidden);
    for (int64_t j = 0; j < s.hidden; ++j) {
      double acc = b1[j];
      for (int64_t i = 0; i < s.features; ++i) acc += w1[j * s.features + i] * x[i];
      h[j] = acc * acc;
    }
    Json y = Json::array();
    for (int64_t k = 0; k < s.classes; ++k) {
      double acc = b2[k];
      for (int64_t j = 0; j < s.hidden; ++j) acc += w2[k * s.hidden + j] * h[j];
      y.push_back(acc);
    }
    return {{"y", y}};
  }
  // Correct when max |y - y_ref| <= 1e-3 · max(1, max |y_ref|); records the precision in
  // bits, log2(max(1, max |y_ref|) / max error), capped at 52 (double precision).
  Verdict verify(const Size& size, const Json& expected, const Json& actual) const override {
    Verdict v;
    const auto want = expected.at("y").get<std::vector<double>>();
    const auto got = actual.at("y").get<std::vector<double>>();
    double scale = 1;
    for (double w : want) scale = std::max(scale, std::fabs(w));
    size_t worst = 0;
    for (size_t i = 0; i < want.size(); ++i) {
      const double err = std::fabs(want[i] - got[i]);
      if (!(err <= v.max_abs_error)) worst = i;  // also catches NaN
      v.max_abs_error = std::isnan(err) ? INFINITY : std::max(v.max_abs_error, err);
    }
    const double tolerance = 1e-3 * scale;
    v.precision_bits = v.max_abs_error == 0 ? 52.0 : std::min(52.0, std::log2(scale / v.max_abs_error));
    v.correct = v.max_abs_error <= tolerance;
    for (size_t i = 0; i < want.size(); ++i)
      if (std::fabs(want[i] - got[i]) > tolerance || std::isnan(got[i])) ++v.mismatches;
    if (!v.correct)
      v.detail = fmt::format("y[{}] = {:.6g}, expected {:.6g}: error {:.3g} > tolerance {:.3g}", worst,
                             got[worst], want[worst], v.max_abs_error, tolerance);
    (void)size;
    return v;
  }
};

}  // namespace

const BenchmarkRegistration kRegistration{std::make_unique<MlpBenchmark>()};

}  // namespace fhebench
