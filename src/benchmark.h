// A benchmark: a precisely specified program (docs/benchmarks.md). The harness, never the
// tool, generates its inputs, computes the expected outputs and judges what a tool returned.
// Each benchmark_<name>.cc registers itself; adding one edits neither this file nor benchmark.cc.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "json.h"

namespace fhebench {

struct SizeParam {
  std::string name;
  int64_t default_value;
  int64_t min, max;
};

struct OutputSpec {
  std::string name;
  size_t length;
  bool integer;  // exact verification; otherwise approximate
};

// An integer input's declared encoding (input.json "fields"): the unsigned width a tool
// encrypts it with, and the largest value the harness generates (every field starts at 0).
struct InputField {
  std::string name;
  int bits;
  int64_t max;
};

struct Verdict {
  bool correct = false;
  size_t mismatches = 0;
  double max_abs_error = 0;
  std::optional<double> precision_bits;  // approximate benchmarks only
  std::string detail;                    // one line, empty when correct
};

class Benchmark {
 public:
  virtual ~Benchmark() = default;
  virtual std::string name() const = 0;
  virtual std::string description() const = 0;
  virtual std::vector<SizeParam> size_params() const = 0;
  virtual std::vector<OutputSpec> outputs(const Size& size) const = 0;
  // Inputs drawn uniformly from the specified ranges, deterministic in (size, seed).
  virtual Json generate(const Size& size, uint64_t seed) const = 0;
  // The fixed SoK test vector, scaled to the size (replicated per patient, ...).
  virtual Json sok_case(const Size& size) const = 0;
  virtual Json reference(const Size& size, const Json& inputs) const = 0;
  // The integer inputs whose width the benchmark fixes (cardio: 1-bit flags, 8-bit numbers);
  // written into input.json so that tools do not retype them. Empty by default.
  virtual std::vector<InputField> fields() const { return {}; }
  // Exact comparison for integer outputs; benchmarks with real outputs override it.
  virtual Verdict verify(const Size& size, const Json& expected, const Json& actual) const;

  // The default size with `overrides` applied; throws std::invalid_argument on an unknown
  // key or a value out of range.
  Size make_size(const Size& overrides = {}) const;
};

// Size as "key=value,key=value", sorted by key: folder names and CSV column.
std::string size_key(const Size& size);

// Every registered benchmark, ordered by name.
const std::vector<std::unique_ptr<Benchmark>>& all_benchmarks();

// A benchmark file registers its benchmark at static initialisation with one line:
//   const BenchmarkRegistration kRegistration{std::make_unique<CardioBenchmark>()};
// (The build links benchmark_*.cc as objects, not from an archive, so none is dropped.)
struct BenchmarkRegistration {
  explicit BenchmarkRegistration(std::unique_ptr<Benchmark> benchmark);
};
const Benchmark* find_benchmark(const std::string& name);  // nullptr when unknown
std::vector<std::string> benchmark_names();

}  // namespace fhebench
