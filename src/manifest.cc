#include "manifest.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <set>
#include <toml++/toml.h>

#include "benchmark.h"

namespace fhebench {
namespace {

class Reader {
 public:
  explicit Reader(fs::path file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const toml::node* at, const std::string& msg) const {
    if (at && at->source().begin)
      throw ManifestError(fmt::format("{}:{}:{}: {}", file_.string(), at->source().begin.line,
                                      at->source().begin.column, msg));
    throw ManifestError(fmt::format("{}: {}", file_.string(), msg));
  }

  void only_keys(const toml::table& t, std::initializer_list<const char*> allowed, const std::string& where) const {
    for (const auto& [key, node] : t) {
      if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key.str() == a; })) {
        std::string list;
        for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        fail(&node, fmt::format("unknown key '{}' in {} (allowed: {})", key.str(), where, list));
      }
    }
  }

  std::string string(const toml::table& t, const char* key, bool required, const std::string& where,
                     const std::string& fallback = "") const {
    const toml::node* n = t.get(key);
    if (!n) {
      if (required) fail(&t, fmt::format("{} needs '{} = \"...\"'", where, key));
      return fallback;
    }
    if (!n->is_string()) fail(n, fmt::format("'{}' in {} must be a string", key, where));
    return std::string(*n->value<std::string>());
  }

  std::vector<std::string> strings(const toml::table& t, const char* key, const std::string& where) const {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    const auto* arr = n->as_array();
    if (!arr) fail(n, fmt::format("'{}' in {} must be an array of strings", key, where));
    for (const auto& e : *arr) {
      if (!e.is_string()) fail(&e, fmt::format("'{}' in {} must hold only strings", key, where));
      out.push_back(std::string(*e.value<std::string>()));
    }
    return out;
  }

  const toml::table* table(const toml::table& t, const char* key) const {
    const toml::node* n = t.get(key);
    if (n && !n->is_table()) fail(n, fmt::format("'{}' must be a table: write [{}]", key, key));
    return n ? n->as_table() : nullptr;
  }

 private:
  fs::path file_;
};

LibrarySpec read_library(const Reader& r, const toml::table& t) {
  r.only_keys(t, {"name", "version", "git", "ref", "cmake_args", "source_subdir", "detect"}, "[library]");
  LibrarySpec lib;
  lib.name = r.string(t, "name", true, "[library]");
  lib.version = r.string(t, "version", true, "[library]");
  lib.git = r.string(t, "git", false, "[library]");
  lib.ref = r.string(t, "ref", false, "[library]");
  lib.source_subdir = r.string(t, "source_subdir", false, "[library]");
  lib.detect = r.string(t, "detect", false, "[library]");
  lib.cmake_args = r.strings(t, "cmake_args", "[library]");
  return lib;
}

BuildSpec read_build(const Reader& r, const toml::table& t) {
  r.only_keys(t, {"system", "source", "cmake_args"}, "[build]");
  BuildSpec b;
  b.system = r.string(t, "system", false, "[build]", "cmake");
  if (b.system != "cmake") r.fail(t.get("system"), "[build] system must be \"cmake\" (the only one supported)");
  b.source = r.string(t, "source", false, "[build]", "source");
  b.cmake_args = r.strings(t, "cmake_args", "[build]");
  return b;
}

RuntimeSpec read_runtime(const Reader& r, const toml::table& t) {
  r.only_keys(t, {"node", "python", "packages"}, "[runtime]");
  RuntimeSpec rt;
  const std::string node = r.string(t, "node", false, "[runtime]");
  if (!node.empty()) {
    if (!std::regex_match(node, std::regex("[0-9]+")))
      r.fail(t.get("node"), "[runtime] node must be a major version such as \"22\"");
    rt.node_major = std::stoi(node);
  }
  rt.python_requirements = r.string(t, "python", false, "[runtime]");
  if (rt.python_requirements.find("..") != std::string::npos || rt.python_requirements.starts_with("/"))
    r.fail(t.get("python"), "[runtime] python must be a requirements file inside the tool folder");
  rt.packages = r.strings(t, "packages", "[runtime]");
  return rt;
}

Implementation read_impl(const Reader& r, const toml::table& t) {
  const std::string where = "[[implementation]]";
  r.only_keys(t, {"benchmark", "variant", "scheme", "command", "description"}, where);
  Implementation impl;
  impl.benchmark = r.string(t, "benchmark", true, where);
  if (!find_benchmark(impl.benchmark))
    r.fail(t.get("benchmark"), fmt::format("unknown benchmark '{}' (benchmarks: {})", impl.benchmark,
                                           fmt::join(benchmark_names(), ", ")));
  impl.variant = r.string(t, "variant", false, where, "default");
  if (!std::regex_match(impl.variant, std::regex("[a-z0-9][a-z0-9-]*")))
    r.fail(t.get("variant"), fmt::format("variant '{}' must be lower-case letters, digits and '-'", impl.variant));
  impl.scheme = r.string(t, "scheme", false, where, "none");
  impl.description = r.string(t, "description", false, where);
  impl.command = r.strings(t, "command", where);
  if (impl.command.empty()) r.fail(&t, "[[implementation]] needs a non-empty 'command = [\"...\"]'");
  return impl;
}

}  // namespace

Tool load_manifest(const fs::path& tool_dir) {
  Tool tool;
  tool.dir = fs::absolute(tool_dir).lexically_normal();
  tool.manifest = tool.dir / "tool.toml";
  Reader r(tool.manifest);
  if (!fs::exists(tool.manifest)) r.fail(nullptr, "no tool.toml in the tool folder (see docs/tools.md)");
  toml::table doc;
  try {
    doc = toml::parse_file(tool.manifest.string());
  } catch (const toml::parse_error& e) {
    throw ManifestError(fmt::format("{}:{}:{}: {}", tool.manifest.string(), e.source().begin.line,
                                    e.source().begin.column, e.description()));
  }
  r.only_keys(doc, {"name", "language", "library", "build", "runtime", "implementation"}, "tool.toml");
  tool.name = r.string(doc, "name", true, "tool.toml");
  const std::string folder = tool.dir.filename().string();
  if (tool.name != folder)
    r.fail(doc.get("name"), fmt::format("name \"{}\" must equal the folder's name \"{}\"", tool.name, folder));
  tool.language = r.string(doc, "language", true, "tool.toml");
  if (const auto* t = r.table(doc, "library")) tool.library = read_library(r, *t);
  if (const auto* t = r.table(doc, "build")) tool.build = read_build(r, *t);
  if (const auto* t = r.table(doc, "runtime")) tool.runtime = read_runtime(r, *t);

  const toml::node* impls = doc.get("implementation");
  const auto* arr = impls ? impls->as_array() : nullptr;
  if (!arr || arr->empty()) r.fail(impls, "no [[implementation]] entries: add one per benchmark and variant");
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& node : *arr) {
    if (!node.is_table()) r.fail(&node, "implementation must be written as [[implementation]] tables");
    Implementation impl = read_impl(r, *node.as_table());
    if (!seen.insert({impl.benchmark, impl.variant}).second)
      r.fail(&node, fmt::format("duplicate implementation {} variant {}: give each a distinct variant",
                                impl.benchmark, impl.variant));
    tool.implementations.push_back(std::move(impl));
  }
  return tool;
}

std::string impl_id(const Tool& tool, const Implementation& impl) {
  std::string t = tool.name;
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
  return fmt::format("{}_{}_{}", t, impl.benchmark, impl.variant);
}

}  // namespace fhebench
