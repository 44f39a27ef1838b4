// The Python virtual environment of a `[runtime] python = "requirements.txt"` tool: one per
// tool in <cache>/python/<Tool>-<hash>, built from the tool's fully pinned requirements with
// `pip install --require-hashes`, never into the system Python. The hash covers the
// requirements file, the interpreter's version and the fhebench_program helper's location, so
// an unchanged tool reuses its environment; a failed install leaves no entry.
#pragma once

#include <functional>
#include <string>

#include "manifest.h"

namespace fhebench {

struct PythonRuntime {
  bool ok = false;
  bool installed = false;  // the environment exists (doctor checks without installing)
  std::string python;      // <venv>/bin/python: {python}
  std::string version;     // "Python 3.11.7"
  std::string packages;    // "concrete-python 2.11.0": the pins of [runtime] packages
  std::string reason, fix;
};

struct PythonOptions {
  bool install = true;  // false: only look (doctor)
  std::function<void(const std::string&)> log;
};

// The interpreter venvs are made from: $FHEBENCH_PYTHON, else python3.
std::string base_python();

PythonRuntime python_runtime(const Tool& tool, const PythonOptions& options);

// "name version" of the pins `name==version` in a requirements file, for `names`.
std::string pinned_versions(const std::string& requirements, const std::vector<std::string>& names);

}  // namespace fhebench
