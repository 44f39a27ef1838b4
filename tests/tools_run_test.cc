// Every FHE tool in tools/ runs its implementations through the real harness and gets every
// result verified: at default sizes, with the SoK vectors, and at a larger size. A tool whose
// library or runtime is not available here is skipped with a message that names it.
#include <gtest/gtest.h>

#include "manifest.h"
#include "test_util.h"

namespace fhebench::test {
namespace {

std::vector<std::string> fhe_tools() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(fs::path(FHEBENCH_TEST_DIR) / "../tools"))
    if (e.is_directory() && e.path().filename() != "Plaintext") names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// "" when available, else doctor's reason and fix.
std::string unavailable(const std::string& tool) {
  const auto r = run_fhebench({"doctor", "--tools", tool});
  return r.exit_code == 0 ? "" : r.out.substr(r.out.find(tool));
}

void expect_all_verified(const std::string& tool, std::vector<std::string> args) {
  TempDir results;
  args.insert(args.begin(), {"run", "--tools", tool, "--repetitions", "1", "--warmup", "0"});
  args.insert(args.end(), {"--results", results.path().string()});
  const auto r = run_fhebench(args, 1800);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  const Json summary = read_json(only_run(results.path()) / "summary.json");
  ASSERT_FALSE(summary["cells"].empty());
  for (const auto& c : summary["cells"]) {
    EXPECT_TRUE(c["status"] == "ok" || c["status"] == "unsupported")
        << tool << " " << c["benchmark"] << "/" << c["variant"] << " " << c["size_key"] << ": " << c["status"] << " " << c["reason"];
    if (c["status"] != "ok") continue;
    EXPECT_FALSE(c["security"].value("below_128", true) && c["security"]["source"] == "table")
        << c["impl"] << " is below 128-bit security: " << c["security"]["note"];
    EXPECT_FALSE(c["fhe"].empty()) << c["impl"] << " reports its FHE parameters";
  }
}

// A tool whose library comes from a package registry (no `[library] git` to clone) can
// always be had where the registries answer, as in CI: there it must not skip.
bool from_registry(const std::string& tool) {
  const Tool t = load_manifest(fs::path(FHEBENCH_TEST_DIR) / "../tools" / tool);
  return !t.library || t.library->git.empty();
}

bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

class ToolRun : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const std::string why = unavailable(GetParam());
    if (why.empty()) return;
    if (in_ci() && from_registry(GetParam()))
      FAIL() << GetParam() << " comes from a package registry, so CI must run it, but it is not available: " << why;
    GTEST_SKIP() << GetParam() << " is not available here: " << why;
  }
};

// Each above its default (1, 1, 8). patients and instances are small because tfhe-rs runs each
// separately; width 9 is odd, which HElib's laplacian needs a larger ring for (it aborted there
// before), and keeps tfhe-rs's 81 pixels short. Concrete's chi_squared is left out: it is a digit
// circuit of 231 bootstraps per instance (a minute or more per run on a loaded 2-core machine,
// tools/Concrete/README.md), the same for every instance, checked by the two tests above.
std::vector<std::string> larger_sizes(const std::string& tool) {
  if (tool == "Concrete") return {"--benchmarks", "cardio,laplacian", "--size", "patients=4", "--size", "width=9"};
  return {"--benchmarks", "cardio,chi_squared,laplacian", "--size", "patients=4", "--size", "instances=2",
          "--size", "width=9"};
}

}  // namespace

TEST_P(ToolRun, DefaultSizes) { expect_all_verified(GetParam(), {}); }

TEST_P(ToolRun, SokVectors) { expect_all_verified(GetParam(), {"--case", "sok"}); }

TEST_P(ToolRun, LargerSizes) { expect_all_verified(GetParam(), larger_sizes(GetParam())); }

INSTANTIATE_TEST_SUITE_P(Tools, ToolRun, ::testing::ValuesIn(fhe_tools()),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return n;
                         });

}  // namespace fhebench::test
