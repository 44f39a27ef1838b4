// Where fhebench's own files are: the project folder (tools/, include/), the build cache.
#pragma once

#include <filesystem>
#include <string>

namespace fhebench {

namespace fs = std::filesystem;

fs::path project_dir();  // $FHEBENCH_HOME, else the source folder this binary was built from
fs::path include_dir();  // holds fhebench/program.hpp
fs::path default_tools_dir();
fs::path cache_dir();    // $FHEBENCH_CACHE, else $XDG_CACHE_HOME/fhebench, else ~/.cache/fhebench
std::string version();   // "0.1.0"
std::string git_commit();  // of the project folder, "" when unknown

// The variable-name form of a tool's name: SEAL-wasm -> SEAL_WASM.
std::string env_name(const std::string& tool);

}  // namespace fhebench
