// [runtime] python, for real: fhebench makes the tool's virtual environment in its cache from
// a pinned, hashed requirements file (one small package from the index), runs the program in
// it, reuses it when unchanged, and a failed install leaves no entry and an unavailable tool.
#include <gtest/gtest.h>

#include <fstream>

#include "atomic_file.h"
#include "test_util.h"

namespace fhebench::test {
namespace {

const fs::path kTool = fs::path(FHEBENCH_TEST_DIR) / "tools/PyTiny";

class PythonRuntime : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(tools_ / "PyTiny");
    fs::copy(kTool, tools_ / "PyTiny", fs::copy_options::recursive);
  }
  CommandResult fhebench(std::vector<std::string> args) {
    args.insert(args.end(), {"--tools-dir", tools_.string()});
    return run_fhebench(args, 600, {{"FHEBENCH_CACHE", (root_ / "cache").string()}});
  }
  std::vector<fs::path> entries() const {
    std::vector<fs::path> e;
    if (fs::exists(root_ / "cache/python"))
      for (const auto& f : fs::directory_iterator(root_ / "cache/python"))
        if (f.is_directory()) e.push_back(f.path());
    return e;
  }
  TempDir root_;
  fs::path tools_ = root_ / "tools";
};

}  // namespace

TEST_F(PythonRuntime, InstallsPinnedPackagesRunsInTheVenvAndReusesIt) {
  auto r = fhebench({"doctor", "--tools", "PyTiny"});
  EXPECT_NE(r.out.find("iniconfig 2.3.1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("not installed yet"), std::string::npos) << r.out;
  EXPECT_TRUE(entries().empty()) << "doctor only looks";

  TempDir results;
  r = fhebench({"run", "--tools", "PyTiny", "--repetitions", "1", "--warmup", "0", "--case", "sok", "--results",
                results.path().string()});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  ASSERT_EQ(entries().size(), 1u);
  const fs::path venv = entries()[0];
  const fs::path run = only_run(results.path());
  const Json cell = read_json(run / "summary.json")["cells"][0];
  EXPECT_EQ(cell["status"], "ok") << cell.dump();
  EXPECT_EQ(cell["fhe"]["python"], venv.string()) << "the program ran in the tool's venv, not the system Python";
  EXPECT_EQ(cell["fhe"]["iniconfig"], "2.3.1");
  EXPECT_NE(read_json(run / "run.json")["tools"]["PyTiny"]["python"].get<std::string>().find("Python 3."), std::string::npos);

  const auto stamp = fs::last_write_time(venv / ".complete");
  r = fhebench({"build", "--tools", "PyTiny"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.err.find("installing"), std::string::npos) << "an unchanged tool reuses its venv: " << r.err;
  EXPECT_EQ(fs::last_write_time(venv / ".complete"), stamp);
  r = fhebench({"doctor", "--tools", "PyTiny"});
  EXPECT_EQ(r.out.find("not installed yet"), std::string::npos) << r.out;
}

TEST_F(PythonRuntime, AFailedInstallLeavesNoEntryAndSaysWhy) {
  std::string req = read_file(tools_ / "PyTiny/requirements.txt").value();
  for (size_t at; (at = req.find("sha256:6")) != std::string::npos;) req.replace(at, 8, "sha256:0");
  for (size_t at; (at = req.find("sha256:9")) != std::string::npos;) req.replace(at, 8, "sha256:0");
  std::ofstream(tools_ / "PyTiny/requirements.txt") << req;
  const auto r = fhebench({"build", "--tools", "PyTiny"});
  EXPECT_NE(r.exit_code, 0);
  const std::string all = r.out + r.err;
  EXPECT_NE(all.find("installing its Python packages failed"), std::string::npos) << all;
  EXPECT_NE(all.find("HASHES"), std::string::npos) << "pip's own last lines: " << all;
  EXPECT_NE(all.find("fhebench build --tools PyTiny"), std::string::npos) << all;
  EXPECT_TRUE(entries().empty()) << "a failed install leaves no entry";
}

}  // namespace fhebench::test
