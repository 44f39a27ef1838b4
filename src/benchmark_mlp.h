// mlp: one hidden layer with square activation, y = w2·(w1·x + b1)² + b2 (approximate).
#pragma once

#include "benchmark.h"

namespace fhebench {

class MlpBenchmark : public Benchmark {
 public:
  std::string name() const override { return "mlp"; }
  std::string description() const override;
  std::vector<SizeParam> size_params() const override;
  std::vector<OutputSpec> outputs(const Size& size) const override;
  Json generate(const Size& size, uint64_t seed) const override;
  Json sok_case(const Size& size) const override;
  Json reference(const Size& size, const Json& inputs) const override;
  // Correct when max |y - y_ref| <= 1e-3 · max(1, max |y_ref|); records the precision in
  // bits, log2(max(1, max |y_ref|) / max error), capped at 52 (double precision).
  Verdict verify(const Size& size, const Json& expected, const Json& actual) const override;
};

}  // namespace fhebench
