// chi_squared: the genetic association test's alpha and beta terms from counts n0, n1, n2.
#pragma once

#include "benchmark.h"

namespace fhebench {

class ChiSquaredBenchmark : public Benchmark {
 public:
  std::string name() const override { return "chi_squared"; }
  std::string description() const override;
  std::vector<SizeParam> size_params() const override;
  std::vector<OutputSpec> outputs(const Size& size) const override;
  Json generate(const Size& size, uint64_t seed) const override;
  Json sok_case(const Size& size) const override;
  Json reference(const Size& size, const Json& inputs) const override;
};

}  // namespace fhebench
