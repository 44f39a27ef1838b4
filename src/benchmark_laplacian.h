// laplacian: Laplacian sharpening of a square 8-bit image (the SoK "kernel" program).
#pragma once

#include "benchmark.h"

namespace fhebench {

class LaplacianBenchmark : public Benchmark {
 public:
  std::string name() const override { return "laplacian"; }
  std::string description() const override;
  std::vector<SizeParam> size_params() const override;
  std::vector<OutputSpec> outputs(const Size& size) const override;
  Json generate(const Size& size, uint64_t seed) const override;
  Json sok_case(const Size& size) const override;
  Json reference(const Size& size, const Json& inputs) const override;
};

}  // namespace fhebench
