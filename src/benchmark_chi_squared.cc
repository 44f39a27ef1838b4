// chi_squared: the genetic association test's alpha and beta terms from counts n0, n1, n2.
#include "benchmark.h"

#include "rng.h"

namespace fhebench {
namespace {

class ChiSquaredBenchmark : public Benchmark {
 public:
  std::string name() const override { return "chi_squared"; }
  std::string description() const override {
    return "chi-squared genetic association: alpha, beta1..3 from counts n0, n1, n2 in 0..31";
  }
  std::vector<SizeParam> size_params() const override {
    return {{"instances", 1, 1, 1 << 20}};
  }
  std::vector<OutputSpec> outputs(const Size& size) const override {
    const auto n = static_cast<size_t>(size.at("instances"));
    return {{"alpha", n, true}, {"beta1", n, true}, {"beta2", n, true}, {"beta3", n, true}};
  }
  Json generate(const Size& size, uint64_t seed) const override {
    Json in = Json::object();
    for (const char* name : {"n0", "n1", "n2"}) {
      Rng rng(seed, std::string("chi_squared.") + name);
      Json values = Json::array();
      for (int64_t i = 0; i < size.at("instances"); ++i) values.push_back(rng.uniform_int(0, 31));
      in[name] = std::move(values);
    }
    return in;
  }
  Json sok_case(const Size& size) const override {
    const auto n = static_cast<size_t>(size.at("instances"));
    return {{"n0", std::vector<int>(n, 2)}, {"n1", std::vector<int>(n, 7)}, {"n2", std::vector<int>(n, 9)}};
  }
  Json reference(const Size& size, const Json& in) const override {
    Json alpha = Json::array(), beta1 = Json::array(), beta2 = Json::array(), beta3 = Json::array();
    for (int64_t i = 0; i < size.at("instances"); ++i) {
      const int64_t n0 = in.at("n0").at(i), n1 = in.at("n1").at(i), n2 = in.at("n2").at(i);
      const int64_t a = 4 * n0 * n2 - n1 * n1, b = 2 * n0 + n1, c = 2 * n2 + n1;
      alpha.push_back(a * a);
      beta1.push_back(2 * b * b);
      beta2.push_back(b * c);
      beta3.push_back(2 * c * c);
    }
    return {{"alpha", alpha}, {"beta1", beta1}, {"beta2", beta2}, {"beta3", beta3}};
  }
};

}  // namespace

const BenchmarkRegistration kRegistration{std::make_unique<ChiSquaredBenchmark>()};

}  // namespace fhebench
