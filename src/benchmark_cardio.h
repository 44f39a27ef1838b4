// cardio: cardiovascular risk score, 11 Boolean conditions on 8-bit patient data.
#pragma once

#include "benchmark.h"

namespace fhebench {

class CardioBenchmark : public Benchmark {
 public:
  std::string name() const override { return "cardio"; }
  std::string description() const override;
  std::vector<SizeParam> size_params() const override;
  std::vector<OutputSpec> outputs(const Size& size) const override;
  Json generate(const Size& size, uint64_t seed) const override;
  Json sok_case(const Size& size) const override;
  Json reference(const Size& size, const Json& inputs) const override;
};

}  // namespace fhebench
