// laplacian: Laplacian sharpening of a square 8-bit image (the SoK "kernel" program).
#include "benchmark.h"

#include "rng.h"

namespace fhebench {
namespace {

class LaplacianBenchmark : public Benchmark {
 public:
  std::string name() const override { return "laplacian"; }
  std::string description() const override {
    return "Laplacian sharpening of a width x width image: interior 10p - sum of 8 neighbours";
  }
  std::vector<SizeParam> size_params() const override { return {{"width", 8, 3, 4096}}; }
  std::vector<OutputSpec> outputs(const Size& size) const override {
    const auto w = static_cast<size_t>(size.at("width"));
    return {{"image", w * w, true}};
  }
  Json generate(const Size& size, uint64_t seed) const override {
    Rng rng(seed, "laplacian.image");
    const int64_t w = size.at("width");
    Json image = Json::array();
    for (int64_t i = 0; i < w * w; ++i) image.push_back(rng.uniform_int(0, 255));
    return {{"image", image}};
  }
  Json sok_case(const Size& size) const override {
    const int64_t w = size.at("width");
    Json image = Json::array();
    for (int64_t r = 0; r < w; ++r)
      for (int64_t c = 0; c < w; ++c) image.push_back(c);
    return {{"image", image}};
  }
  Json reference(const Size& size, const Json& inputs) const override {
    const int64_t w = size.at("width");
    const auto& in = inputs.at("image");
    auto p = [&](int64_t r, int64_t c) { return in.at(r * w + c).get<int64_t>(); };
    Json out = Json::array();
    for (int64_t r = 0; r < w; ++r) {
      for (int64_t c = 0; c < w; ++c) {
        if (r == 0 || c == 0 || r == w - 1 || c == w - 1) {
          out.push_back(p(r, c));
          continue;
        }
        int64_t neighbours = 0;
        for (int dr = -1; dr <= 1; ++dr)
          for (int dc = -1; dc <= 1; ++dc)
            if (dr || dc) neighbours += p(r + dr, c + dc);
        out.push_back(10 * p(r, c) - neighbours);
      }
    }
    return {{"image", out}};
  }
};

}  // namespace

const BenchmarkRegistration kRegistration{std::make_unique<LaplacianBenchmark>()};

}  // namespace fhebench
