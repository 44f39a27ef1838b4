// Builds a tool whose programs are a Cargo package or a Go module ([build] system = "cargo"
// or "go"): the library comes from the language's registry, pinned by the committed lock file
// (Cargo.lock, go.sum), so nothing is resolved beforehand. Programs are built in release
// mode into a content-hashed cache entry; Cargo's target directory and Go's build and module
// caches live in the fhebench cache too, shared across entries of one tool, so a changed
// program recompiles only itself.
#pragma once

#include <string>

#include "cmake_build.h"
#include "tool_setup.h"

namespace fhebench {

struct Toolchain {
  bool ok = false;
  std::string binary, version;  // "/root/.cargo/bin/cargo", "cargo 1.95.0 (...)"
  std::string reason, fix;      // when not found
};

// $FHEBENCH_CARGO / $FHEBENCH_GO, then PATH, then the installers' default places
// (~/.cargo/bin/cargo, /usr/local/go/bin/go).
Toolchain find_toolchain(const std::string& system);

// The argv and environment of the build, for an entry whose programs go to <entry>/bin.
std::vector<BuildStep> toolchain_steps(const std::string& system, const Toolchain& tc, const fs::path& source,
                                       const fs::path& entry, const fs::path& shared, int jobs);

// setup_tool's part for cargo and go tools: fills build_dir ({build_dir} = <entry>/bin),
// info (toolchain, built) and, on failure, reason and fix.
void setup_toolchain_build(const Tool& tool, const SetupOptions& opt, ToolSetup& s);

}  // namespace fhebench
