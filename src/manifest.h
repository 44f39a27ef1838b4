// A tool's manifest, tools/<Tool>/tool.toml (docs/tools.md), read and validated.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fhebench {

namespace fs = std::filesystem;

struct Implementation {
  std::string benchmark;
  std::string variant = "default";
  std::string scheme;
  std::string description;
  std::vector<std::string> command;  // with {tool_dir}, {build_dir}, {node}, {python} placeholders
};

struct LibrarySpec {
  std::string name, version, git, ref, source_subdir, detect;
  std::vector<std::string> cmake_args;
};

struct BuildSpec {
  std::string system = "cmake";
  std::string source = "source";
  std::vector<std::string> cmake_args;
};

struct RuntimeSpec {
  int node_major = 0;  // 0: no Node.js needed
  std::string python_requirements;  // "": no Python; else a pinned, hashed requirements file
  std::vector<std::string> packages;
};

struct Tool {
  std::string name, language;
  fs::path dir, manifest;
  std::optional<LibrarySpec> library;
  std::optional<BuildSpec> build;
  std::optional<RuntimeSpec> runtime;
  std::vector<Implementation> implementations;
};

// "file:line:column: what is wrong (what to do)".
class ManifestError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

Tool load_manifest(const fs::path& tool_dir);  // throws ManifestError
// The manifest's text as if read from <tool_dir>/tool.toml (no file access; for the fuzzer).
Tool parse_manifest(std::string_view text, const fs::path& tool_dir);

// Implementation id used in file names: "<tool lower-case>_<benchmark>_<variant>".
std::string impl_id(const Tool& tool, const Implementation& impl);

}  // namespace fhebench
