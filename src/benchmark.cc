#include "benchmark.h"

#include <fmt/format.h>

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

const std::vector<std::unique_ptr<Benchmark>>& all_benchmarks() {
  static const auto* list = [] {
    auto* v = new std::vector<std::unique_ptr<Benchmark>>;
    v->push_back(make_cardio_benchmark());
    v->push_back(make_chi_squared_benchmark());
    v->push_back(make_laplacian_benchmark());
    v->push_back(make_mlp_benchmark());
    return v;
  }();
  return *list;
}

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
