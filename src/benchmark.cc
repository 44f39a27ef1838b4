#include "benchmark.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>


namespace fhebench {

Verdict Benchmark::verify(const Size& size, const Json& expected, const Json& actual) const {
  Verdict v;
  for (const auto& spec : outputs(size)) {
    const auto& want = expected.at(spec.name);
    const auto& got = actual.at(spec.name);
    for (size_t i = 0; i < spec.length; ++i) {
      const double w = want[i].get<double>(), g = got[i].get<double>();
      const double err = std::fabs(w - g);
      if (err > v.max_abs_error) v.max_abs_error = err;
      if (g != w) {
        if (v.mismatches++ == 0)
          v.detail = fmt::format("{}[{}] = {}, expected {}", spec.name, i, got[i].dump(), want[i].dump());
      }
    }
  }
  if (v.mismatches > 1) v.detail += fmt::format(" (and {} more mismatches)", v.mismatches - 1);
  v.correct = v.mismatches == 0;
  return v;
}

Size Benchmark::make_size(const Size& overrides) const {
  Size size;
  for (const auto& p : size_params()) size[p.name] = p.default_value;
  for (const auto& [key, value] : overrides) {
    bool known = false;
    for (const auto& p : size_params()) {
      if (p.name != key) continue;
      known = true;
      if (value < p.min || value > p.max)
        throw std::invalid_argument(
            fmt::format("{} {}={} is out of range {}..{}", name(), key, value, p.min, p.max));
    }
    if (!known) {
      std::string keys;
      for (const auto& p : size_params()) keys += (keys.empty() ? "" : ", ") + p.name;
      throw std::invalid_argument(fmt::format("{} has no size '{}' (sizes: {})", name(), key, keys));
    }
    size[key] = value;
  }
  return size;
}

std::string size_key(const Size& size) {
  std::string key;
  for (const auto& [k, v] : size) key += fmt::format("{}{}={}", key.empty() ? "" : ",", k, v);
  return key;
}

namespace {

// Function-local, so it exists before the first registration whatever the file order;
// never destroyed, so no benchmark dies before a late static user.
std::vector<std::unique_ptr<Benchmark>>& registry() {
  static auto* list = new std::vector<std::unique_ptr<Benchmark>>;
  return *list;
}

}  // namespace

BenchmarkRegistration::BenchmarkRegistration(std::unique_ptr<Benchmark> benchmark) {
  auto& list = registry();
  const auto at = std::find_if(list.begin(), list.end(), [&](const auto& b) { return b->name() > benchmark->name(); });
  list.insert(at, std::move(benchmark));
}

const std::vector<std::unique_ptr<Benchmark>>& all_benchmarks() { return registry(); }

const Benchmark* find_benchmark(const std::string& name) {
  for (const auto& b : all_benchmarks())
    if (b->name() == name) return b.get();
  return nullptr;
}

std::vector<std::string> benchmark_names() {
  std::vector<std::string> names;
  for (const auto& b : all_benchmarks()) names.push_back(b->name());
  return names;
}

}  // namespace fhebench
