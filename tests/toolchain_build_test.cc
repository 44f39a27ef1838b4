// [build] system = "cargo" and "go", for real: tests/tools/{CargoTiny,GoTiny} build with the
// real toolchain into a fresh cache, run, and are not rebuilt; a broken copy ends unavailable
// with the compiler's error and leaves no cache entry. Without the toolchain the tests skip,
// except under CI (CI=true), whose machines must have cargo and go.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "manifest.h"
#include "process.h"
#include "test_util.h"
#include "tool_setup.h"
#include "toolchain_build.h"

namespace fhebench::test {
namespace {

struct Case {
  std::string tool, system, binary, source_file, broken_code;
};
// So that ctest's listing names the case instead of dumping its bytes.
void PrintTo(const Case& c, std::ostream* os) { *os << c.tool; }

const Case kCases[] = {
    {"CargoTiny", "cargo", "cargotiny", "src/main.rs", "fn main() { let x: u8 = \"no\"; }\n"},
    {"GoTiny", "go", "gotiny", "main.go", "package main\n\nfunc main() { println(1 + \"no\") }\n"},
};

class ToolchainBuild : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    if (!find_toolchain(GetParam().system).ok) {
      if (const char* ci = std::getenv("CI"); ci && std::string(ci) == "true")
        FAIL() << GetParam().system << " is missing on a CI machine";
      GTEST_SKIP() << find_toolchain(GetParam().system).reason;
    }
    ::setenv("FHEBENCH_CACHE", cache_.path().c_str(), 1);
  }
  void TearDown() override { ::unsetenv("FHEBENCH_CACHE"); }

  // setup_tool with the build lines it logged.
  ToolSetup setup(const Tool& tool, std::vector<std::string>& logged) {
    SetupOptions o;
    o.log = [&](const std::string& line) { logged.push_back(line); };
    return setup_tool(tool, o);
  }

  TempDir cache_;
};

TEST_P(ToolchainBuild, BuildsOnceIntoTheCacheAndRuns) {
  const Tool tool = load_manifest(fs::path(FHEBENCH_TEST_DIR) / "tools" / GetParam().tool);
  std::vector<std::string> logged;
  const ToolSetup first = setup(tool, logged);
  ASSERT_TRUE(first.available) << first.reason;
  EXPECT_EQ(logged.size(), 1u);
  EXPECT_TRUE(first.info.contains("toolchain"));
  EXPECT_EQ(first.build_dir.parent_path().parent_path(), cache_.path() / "build");
  const auto out = capture_output({(first.build_dir / GetParam().binary).string()});
  ASSERT_TRUE(out);
  EXPECT_EQ(*out, GetParam().binary + " 42");

  logged.clear();
  const ToolSetup second = setup(tool, logged);  // cache hit: nothing is built or logged
  EXPECT_TRUE(second.available);
  EXPECT_EQ(second.build_dir, first.build_dir);
  EXPECT_TRUE(logged.empty());

  SetupOptions doctor;
  doctor.build = false;
  EXPECT_TRUE(setup_tool(tool, doctor).info.value("built", false));
}

TEST_P(ToolchainBuild, FailedBuildLeavesNoEntryAndNamesTheError) {
  TempDir copy;
  fs::copy(fs::path(FHEBENCH_TEST_DIR) / "tools" / GetParam().tool, copy.path() / GetParam().tool,
           fs::copy_options::recursive);
  const fs::path dir = copy.path() / GetParam().tool;
  std::ofstream(dir / "source" / GetParam().source_file) << GetParam().broken_code;
  const Tool tool = load_manifest(dir);
  std::vector<std::string> logged;
  const ToolSetup s = setup(tool, logged);
  EXPECT_FALSE(s.available);
  EXPECT_NE(s.reason.find("building its programs failed"), std::string::npos) << s.reason;
  EXPECT_NE(s.reason.find("mismatched types"), std::string::npos) << s.reason;  // rustc and go both say so
  EXPECT_NE(s.fix.find("fhebench build --tools " + GetParam().tool), std::string::npos);
  for (const auto& e : fs::directory_iterator(cache_.path() / "build"))
    EXPECT_FALSE(fs::is_directory(e.path())) << "entry left behind: " << e.path();
}

INSTANTIATE_TEST_SUITE_P(Systems, ToolchainBuild, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return info.param.system; });

TEST(Toolchain, MissingToolchainSaysWhatToInstall) {
  ::setenv("FHEBENCH_GO", "/nonexistent/go", 1);
  const std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
  const std::string home = std::getenv("HOME") ? std::getenv("HOME") : "";
  ::setenv("PATH", "/nonexistent", 1);
  ::setenv("HOME", "/nonexistent", 1);
  const Toolchain cargo = find_toolchain("cargo");
  ::setenv("PATH", path.c_str(), 1);
  ::setenv("HOME", home.c_str(), 1);
  const Toolchain go = find_toolchain("go");  // $FHEBENCH_GO is tried first, then PATH
  ::unsetenv("FHEBENCH_GO");
  EXPECT_FALSE(cargo.ok);
  EXPECT_NE(cargo.reason.find("needs cargo"), std::string::npos) << cargo.reason;
  EXPECT_NE(cargo.fix.find("rustup"), std::string::npos) << cargo.fix;
  if (go.ok) {
    EXPECT_NE(go.binary, "/nonexistent/go");
  }
}

}  // namespace
}  // namespace fhebench::test
