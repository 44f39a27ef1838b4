#include "matrix.h"
#include "benchmark.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace fhebench {
namespace {

bool selected(const std::vector<std::string>& filter, const std::string& value) {
  return filter.empty() || std::find(filter.begin(), filter.end(), value) != filter.end();
}

void require_known(const char* option, const std::vector<std::string>& given, const std::set<std::string>& known) {
  for (const auto& g : given)
    if (!known.count(g))
      throw UsageError(fmt::format("{} {}: no such {} (there are: {})", option, g, option + 2, fmt::join(known, ", ")));
}

// Every combination of the swept values for one benchmark, defaults elsewhere.
std::vector<Size> size_sweep(const Benchmark& b, const RunOptions& o) {
  std::vector<Size> sizes = {b.make_size()};
  for (const auto& p : b.size_params()) {
    const auto it = o.sizes.find(p.name);
    if (it == o.sizes.end()) continue;
    std::vector<Size> next;
    for (const auto& s : sizes)
      for (int64_t v : it->second) {
        Size t = s;
        t[p.name] = v;
        next.push_back(b.make_size(t));  // range check
      }
    sizes = std::move(next);
  }
  return sizes;
}

}  // namespace

void check_filters(const RunOptions& o, const std::vector<CatalogEntry>& catalog) {
  std::set<std::string> tools, variants;
  for (const auto& e : catalog) {
    tools.insert(e.name());
    if (e.tool && selected(o.tools, e.name()))
      for (const auto& i : e.tool->implementations)
        if (selected(o.benchmarks, i.benchmark)) variants.insert(i.variant);
  }
  require_known("--tools", o.tools, tools);
  const auto names = benchmark_names();
  require_known("--benchmarks", o.benchmarks, {names.begin(), names.end()});
  require_known("--variants", o.variants, variants);
  for (const auto& e : catalog)
    if (selected(o.tools, e.name()) && !e.tool && !o.tools.empty())
      throw UsageError(fmt::format("tool {} has a broken manifest: {}", e.name(), e.error));
  std::set<std::string> size_keys;
  for (const auto& b : all_benchmarks())
    if (selected(o.benchmarks, b->name()))
      for (const auto& p : b->size_params()) size_keys.insert(p.name);
  for (const auto& [key, values] : o.sizes) {
    if (!size_keys.count(key))
      throw UsageError(fmt::format("--size {}: no selected benchmark has that size (sizes: {})", key,
                                   fmt::join(size_keys, ", ")));
  }
  // A sweep sets only the sizes a benchmark has, so what make_size rejects is a range.
  for (const auto& b : all_benchmarks()) {
    if (!selected(o.benchmarks, b->name())) continue;
    try {
      size_sweep(*b, o);
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
  }
}

std::vector<const Tool*> selected_tools(const RunOptions& o, const std::vector<CatalogEntry>& catalog) {
  std::vector<const Tool*> out;
  for (const auto& e : catalog)
    if (e.tool && selected(o.tools, e.name())) out.push_back(&*e.tool);
  return out;
}

std::vector<Cell> plan_matrix(const RunOptions& o, const std::vector<const Tool*>& tools) {
  std::vector<Cell> cells;
  for (const auto& b : all_benchmarks()) {
    if (!selected(o.benchmarks, b->name())) continue;
    for (const Size& size : size_sweep(*b, o)) {
      std::vector<Cell> group;
      for (const Tool* t : tools)
        for (const auto& impl : t->implementations) {
          if (impl.benchmark != b->name() || !selected(o.variants, impl.variant)) continue;
          Cell c{t->name, impl.benchmark, impl.variant, impl.scheme, impl_id(*t, impl), size, size_key(size), {}};
          c.dir = RunStore::cell_folder(c);
          group.push_back(std::move(c));
        }
      std::stable_sort(group.begin(), group.end(), [](const Cell& a, const Cell& b) {
        return (a.tool == "Plaintext") > (b.tool == "Plaintext");
      });
      cells.insert(cells.end(), group.begin(), group.end());
    }
  }
  return cells;
}

}  // namespace fhebench
