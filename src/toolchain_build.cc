#include "toolchain_build.h"

#include <cstdlib>

#include <fmt/format.h>

#include "atomic_file.h"
#include "content_hash.h"
#include "process.h"
#include "project.h"

namespace fhebench {
namespace {

struct SystemInfo {
  const char* env;        // override variable
  const char* program;    // on PATH
  const char* fallback;   // the official installer's place
  const char* version_arg;
  const char* helper;     // the library-neutral helper, relative to the project folder
  const char* install;    // what fixes a missing toolchain
};

const SystemInfo& info(const std::string& system) {
  static const SystemInfo cargo{"FHEBENCH_CARGO", "cargo", "~/.cargo/bin/cargo", "--version", "rust",
                                "install Rust >= 1.84 with rustup (Debian 12's cargo is too old) or set FHEBENCH_CARGO"};
  static const SystemInfo go{"FHEBENCH_GO", "go", "/usr/local/go/bin/go", "version", "go",
                             "install Go >= 1.23 from its official archive into /usr/local/go (Debian 12's is too old) "
                             "or set FHEBENCH_GO"};
  return system == "cargo" ? cargo : go;
}

std::string expand_home(const std::string& p) {
  const char* home = std::getenv("HOME");
  return p.starts_with("~/") && home ? std::string(home) + p.substr(1) : p;
}

// Everything that goes into the programs: their source, the manifest, the helper, the toolchain.
std::string entry_hash(const Tool& tool, const Toolchain& tc) {
  ContentHash h;
  h.add_tree(tool.dir / tool.build->source).add(read_file(tool.manifest).value_or(""));
  h.add_tree(project_dir() / info(tool.build->system).helper).add(tc.version).add(version());
  return h.hex();
}

}  // namespace

Toolchain find_toolchain(const std::string& system) {
  const SystemInfo& si = info(system);
  std::vector<std::string> candidates;
  if (const char* env = std::getenv(si.env); env && *env) candidates.push_back(env);
  candidates.push_back(si.program);
  candidates.push_back(expand_home(si.fallback));
  Toolchain tc;
  for (const auto& bin : candidates) {
    const auto v = capture_output({bin, si.version_arg}, 30);
    if (!v || v->empty()) continue;
    tc.ok = true;
    tc.binary = bin;
    tc.version = *v;
    return tc;
  }
  tc.reason = fmt::format("needs {} (not found: {})", si.program, fmt::join(candidates, ", "));
  tc.fix = si.install;
  return tc;
}

std::vector<BuildStep> toolchain_steps(const std::string& system, const Toolchain& tc, const fs::path& source,
                                       const fs::path& entry, const fs::path& shared, int jobs) {
  const std::string j = std::to_string(jobs);
  if (system == "cargo") {
    // `install` builds the release profile and puts exactly the package's binaries in <root>/bin.
    return {{{tc.binary, "install", "--locked", "--no-track", "--path", source.string(), "--root", entry.string(),
              "--target-dir", (shared / "target").string(), "-j", j},
             {{"CARGO_TERM_COLOR", "never"}}}};
  }
  // -mod=readonly: go.sum must already pin every module (Go's --locked).
  return {{{tc.binary, "build", "-trimpath", "-p", j, "-o", (entry / "bin").string() + "/", "./..."},
           {{"GOCACHE", (shared / "go-build").string()},
            {"GOMODCACHE", (cache_dir() / "go-mod").string()},
            {"GOFLAGS", "-mod=readonly -modcacherw -buildvcs=false"},
            {"GOTOOLCHAIN", "local"}}}};
}

void setup_toolchain_build(const Tool& tool, const SetupOptions& opt, ToolSetup& s) {
  const std::string& system = tool.build->system;
  const Toolchain tc = find_toolchain(system);
  if (!tc.ok) {
    s.reason = tc.reason;
    s.fix = tc.fix;
    return;
  }
  s.info["toolchain"] = tc.version;
  const fs::path entry = cache_dir() / "build" / (tool.name + "-" + entry_hash(tool, tc));
  const fs::path source = fs::absolute(tool.dir / tool.build->source);
  setup_build_entry(tool, opt, entry, entry / "bin", [&] {
    return build_entry(entry, source, source, toolchain_steps(system, tc, source, entry, cache_dir() / system / tool.name, opt.jobs),
                       opt.log);
  }, s);
}

}  // namespace fhebench
