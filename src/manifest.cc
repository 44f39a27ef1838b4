#include "manifest.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <toml++/toml.h>

#include "benchmark.h"
#include "utf8.h"

namespace fhebench {
namespace {

// Manifests are short; anything far larger is a mistake or hostile, refused before parsing.
constexpr uintmax_t kMaxManifestBytes = 1u << 20;
constexpr size_t kMaxString = 4096;
constexpr size_t kMaxVariant = 64;

bool variant_ok(const std::string& v) {
  const auto allowed = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
  return !v.empty() && v.size() <= kMaxVariant && v[0] != '-' && std::all_of(v.begin(), v.end(), allowed);
}

// A path relative to a folder that stays inside it ("source", "bin/x"; not "/etc", "../x").
bool stays_inside(const std::string& rel) {
  if (rel.empty() || rel[0] == '/') return false;
  const fs::path norm = fs::path(rel).lexically_normal();
  return norm.empty() || *norm.begin() != "..";
}

// A command element that names a path must stay in the tool or build folder; bare program
// names ("{node}", "python3") are looked up on PATH.
bool command_path_ok(const std::string& arg) {
  if (arg.empty()) return true;
  if (arg[0] == '/') return false;
  for (const char* root : {"{tool_dir}", "{build_dir}"}) {
    const std::string_view r(root);
    if (arg.rfind(r, 0) == 0) return arg.size() == r.size() || (arg[r.size()] == '/' && stays_inside(arg.substr(r.size() + 1)));
  }
  return arg.find('/') == std::string::npos || stays_inside(arg);
}

class Reader {
 public:
  explicit Reader(fs::path file) : file_(std::move(file)) {}

  // Messages quote the manifest's own text: one printable line whatever it holds.
  [[noreturn]] void fail(const toml::node* at, const std::string& msg) const {
    if (at && at->source().begin)
      throw ManifestError(fmt::format("{}:{}:{}: {}", file_.string(), at->source().begin.line,
                                      at->source().begin.column, printable(msg, false)));
    throw ManifestError(fmt::format("{}: {}", file_.string(), printable(msg, false)));
  }

  void only_keys(const toml::table& t, std::initializer_list<const char*> allowed, const std::string& where) const {
    for (const auto& [key, node] : t) {
      const std::string_view name = key.str();  // (clang cannot capture a structured binding)
      if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return name == a; })) {
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
    std::string v(*n->value<std::string>());
    if (v.size() > kMaxString) fail(n, fmt::format("'{}' in {} is longer than {} characters", key, where, kMaxString));
    return v;
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
      if (out.back().size() > kMaxString)
        fail(&e, fmt::format("an element of '{}' in {} is longer than {} characters", key, where, kMaxString));
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
  if (b.system != "cmake" && b.system != "cargo" && b.system != "go")
    r.fail(t.get("system"), "[build] system must be \"cmake\", \"cargo\" or \"go\"");
  b.source = r.string(t, "source", false, "[build]", "source");
  if (!stays_inside(b.source))
    r.fail(t.get("source"), fmt::format("'source' in [build]: \"{}\" must be a folder inside the tool folder", printable(b.source, false)));
  b.cmake_args = r.strings(t, "cmake_args", "[build]");
  return b;
}

RuntimeSpec read_runtime(const Reader& r, const toml::table& t) {
  r.only_keys(t, {"node", "python", "packages"}, "[runtime]");
  RuntimeSpec rt;
  const std::string node = r.string(t, "node", false, "[runtime]");
  if (!node.empty()) {
    if (node.size() > 3 || !std::all_of(node.begin(), node.end(), [](char c) { return c >= '0' && c <= '9'; }))
      r.fail(t.get("node"), "[runtime] node must be a major version such as \"22\"");
    rt.node_major = std::stoi(node);  // at most three digits
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
  if (!variant_ok(impl.variant))
    r.fail(t.get("variant"), fmt::format("variant '{}' must be lower-case letters, digits and '-' (at most {})",
                                         printable(utf8_truncate(impl.variant, kMaxVariant), false), kMaxVariant));
  impl.scheme = r.string(t, "scheme", false, where, "none");
  impl.description = r.string(t, "description", false, where);
  impl.command = r.strings(t, "command", where);
  if (impl.command.empty()) r.fail(&t, "[[implementation]] needs a non-empty 'command = [\"...\"]'");
  for (size_t i = 0; i < impl.command.size(); ++i)
    if (!command_path_ok(impl.command[i]))
      r.fail(t.get("command")->as_array()->get(i),
             fmt::format("'command' in {}: path \"{}\" must stay inside {{tool_dir}} or {{build_dir}}", where, printable(impl.command[i], false)));
  return impl;
}

}  // namespace

Tool load_manifest(const fs::path& tool_dir) {
  const fs::path dir = fs::absolute(tool_dir).lexically_normal();
  const Reader r(dir / "tool.toml");
  if (!fs::exists(dir / "tool.toml")) r.fail(nullptr, "no tool.toml in the tool folder (see docs/tools.md)");
  std::error_code ec;
  if (!fs::is_regular_file(dir / "tool.toml", ec) || fs::file_size(dir / "tool.toml", ec) > kMaxManifestBytes)
    r.fail(nullptr, fmt::format("tool.toml is not a regular file of at most {} KiB", kMaxManifestBytes >> 10));
  std::ifstream in(dir / "tool.toml", std::ios::binary);
  return parse_manifest(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()), dir);
}

Tool parse_manifest(std::string_view text, const fs::path& tool_dir) {
  Tool tool;
  tool.dir = fs::absolute(tool_dir).lexically_normal();
  tool.manifest = tool.dir / "tool.toml";
  Reader r(tool.manifest);
  if (text.size() > kMaxManifestBytes)
    r.fail(nullptr, fmt::format("tool.toml is not a regular file of at most {} KiB", kMaxManifestBytes >> 10));
  toml::table doc;
  try {
    doc = toml::parse(text, tool.manifest.string());
  } catch (const toml::parse_error& e) {
    throw ManifestError(fmt::format("{}:{}:{}: {}", tool.manifest.string(), e.source().begin.line,
                                    e.source().begin.column, printable(e.description(), false)));
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
