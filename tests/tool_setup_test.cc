// Library resolution and the build cache, for real: a tiny library in a local git
// repository is cloned at its pinned tag (file:// works offline), built from a checkout,
// or pointed to; the tool built against it runs; unchanged tools are not rebuilt.
#include <gtest/gtest.h>

#include <fstream>

#include "atomic_file.h"
#include "process.h"
#include "test_util.h"

namespace fhebench::test {
namespace {

void write(const fs::path& f, const std::string& text) {
  fs::create_directories(f.parent_path());
  std::ofstream(f) << text;
}

void git(const fs::path& repo, std::vector<std::string> args) {
  args.insert(args.begin(), {"git", "-C", repo.string(), "-c", "user.name=t", "-c", "user.email=t@t"});
  ASSERT_TRUE(capture_output(args)) << args[7];
}

// A header-only "library" with a CMake project that installs it, tagged v1 in a git repo.
fs::path make_library(const fs::path& root) {
  const fs::path repo = root / "tinylib";
  write(repo / "CMakeLists.txt",
        "cmake_minimum_required(VERSION 3.20)\nproject(tiny NONE)\ninstall(FILES tiny.h DESTINATION include)\n");
  write(repo / "tiny.h", "#pragma once\ninline int tiny_count(bool a, bool b) { return int(a) + int(b); }\n");
  git(repo, {"init", "-q"});
  git(repo, {"add", "."});
  git(repo, {"commit", "-q", "-m", "v1"});
  git(repo, {"tag", "v1"});
  return repo;
}

const char* kProgram = R"(#include <fhebench/program.hpp>
#include <tiny.h>
#include <vector>
int main() {
  fhebench::Program p;
  for (const char* ph : {"keygen", "encrypt", "compute", "decrypt"}) p.record(ph, 0);
  using V = std::vector<int>;
  auto f = [&](const char* n) { return p.input<V>(n); };
  V s = f("sex"), age = f("age"), hdl = f("hdl"), h = f("height"), w = f("weight"), act = f("physical_act"),
    d = f("drinking"), a = f("antecedent"), sm = f("smoker"), di = f("diabetic"), pr = f("pressure"), r(s.size());
  for (size_t i = 0; i < s.size(); ++i)
    r[i] = tiny_count(s[i] && age[i] > 50, !s[i] && age[i] > 60) + a[i] + sm[i] + di[i] + pr[i] + (hdl[i] < 40) +
           (h[i] < w[i] + 90) + (act[i] < 30) + tiny_count(s[i] && d[i] > 3, !s[i] && d[i] > 2);
  p.output("risk", r);
  return p.finish();
}
)";

// tools/Tiny, whose manifest pins the library repository at v1.
fs::path make_tool(const fs::path& root, const fs::path& repo) {
  const fs::path tools = root / "tools";
  write(tools / "Tiny/tool.toml", "name = \"Tiny\"\nlanguage = \"cpp\"\n[library]\nname = \"Tiny\"\nversion = \"1\"\n"
                                  "git = \"file://" + repo.string() + "\"\nref = \"v1\"\ndetect = \"include/tiny.h\"\n"
                                  "[build]\n[[implementation]]\nbenchmark = \"cardio\"\ncommand = [\"{build_dir}/cardio\"]\n");
  write(tools / "Tiny/source/CMakeLists.txt",
        "cmake_minimum_required(VERSION 3.20)\nproject(t CXX)\nset(CMAKE_CXX_STANDARD 20)\n"
        "find_package(nlohmann_json 3.10 REQUIRED)\nfind_path(TINY_INCLUDE tiny.h REQUIRED)\n"
        "add_executable(cardio cardio.cc)\ntarget_include_directories(cardio PRIVATE ${FHEBENCH_INCLUDE_DIR} ${TINY_INCLUDE})\n"
        "target_link_libraries(cardio PRIVATE nlohmann_json::nlohmann_json)\n");
  write(tools / "Tiny/source/cardio.cc", kProgram);
  return tools;
}

class ToolSetup : public ::testing::Test {
 protected:
  void SetUp() override {
    repo_ = make_library(root_.path());
    tools_ = make_tool(root_.path(), repo_);
  }
  CommandResult fhebench(std::vector<std::string> args, std::vector<std::pair<std::string, std::string>> env = {}) {
    args.insert(args.end(), {"--tools-dir", tools_.string()});
    env.push_back({"FHEBENCH_CACHE", (root_ / "cache").string()});
    return run_fhebench(args, 600, env);
  }
  Json run_and_read(std::vector<std::pair<std::string, std::string>> env) {
    TempDir results;
    const auto r = fhebench({"run", "--tools", "Tiny", "--repetitions", "1", "--warmup", "0", "--benchmarks", "cardio",
                             "--case", "sok", "--results", results.path().string()}, env);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    const fs::path run = only_run(results.path());
    EXPECT_EQ(read_json(run / "summary.json")["cells"][0]["status"], "ok");
    return read_json(run / "run.json");
  }
  TempDir root_;
  fs::path repo_, tools_;
};

// A shared library installed into `prefix` the way OpenFHE 1.5.1 installs itself: no RUNPATH,
// linked by name from a link directory, so nothing tells the loader where it is; and it needs a
// library of its own from the same folder (as libOPENFHEpke needs libOPENFHEbinfhe), which a
// program's RUNPATH does not reach (DT_RUNPATH is not transitive, DT_RPATH is).
void install_shared_library(const fs::path& prefix) {
  write(prefix / "include/tinyso.h", "#pragma once\nint tiny_count(bool a, bool b);\n");
  write(prefix / "src/tinydep.cc", "int tiny_add(int a, int b) { return a + b; }\n");
  write(prefix / "src/tinyso.cc", "int tiny_add(int, int);\nint tiny_count(bool a, bool b) { return tiny_add(a, b); }\n");
  fs::create_directories(prefix / "lib");
  ASSERT_TRUE(capture_output({"c++", "-shared", "-fPIC", "-o", (prefix / "lib/libtinydep.so").string(),
                              (prefix / "src/tinydep.cc").string()}));
  ASSERT_TRUE(capture_output({"c++", "-shared", "-fPIC", "-o", (prefix / "lib/libtinyso.so").string(),
                              (prefix / "src/tinyso.cc").string(), "-L" + (prefix / "lib").string(), "-ltinydep"}));
}

// tools/Tinyso: built with find_package(fhebench) and fhebench::guarded_main against it.
void make_shared_tool(const fs::path& tools) {
  write(tools / "Tinyso/tool.toml", "name = \"Tinyso\"\nlanguage = \"cpp\"\n[library]\nname = \"Tinyso\"\nversion = \"1\"\n"
                                    "detect = \"include/tinyso.h\"\n[build]\n[[implementation]]\nbenchmark = \"cardio\"\n"
                                    "command = [\"{build_dir}/cardio\"]\n");
  write(tools / "Tinyso/source/CMakeLists.txt",
        "cmake_minimum_required(VERSION 3.20)\nproject(t CXX)\nfind_package(fhebench REQUIRED)\n"
        "find_path(TINY_INCLUDE tinyso.h REQUIRED)\nadd_executable(cardio cardio.cc)\n"
        "target_include_directories(cardio PRIVATE ${TINY_INCLUDE})\n"
        "target_link_directories(cardio PRIVATE ${TINY_INCLUDE}/../lib)\n"
        "target_link_libraries(cardio PRIVATE fhebench::program tinyso)\n");
  std::string program = kProgram;
  program.replace(program.find("#include <tiny.h>"), 17, "#include <tinyso.h>\n#include <fhebench/main.hpp>");
  program.replace(program.find("int main() {"), 12, "static int run() {");
  write(tools / "Tinyso/source/cardio.cc",
        program + "int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run); }\n");
}

// tools/Tinyrun: no build of its own; its program (stdlib Python) is handed the resolved
// library's prefix, a cache folder of its own and fhebench's folder, as a compiler tool (HEIR)
// that builds against the library at run time is; it computes cardio only if all three hold.
void make_runtime_tool(const fs::path& tools, const fs::path& repo) {
  write(tools / "Tinyrun/tool.toml", "name = \"Tinyrun\"\nlanguage = \"python\"\n[library]\nname = \"Tiny\"\n"
                                     "version = \"1\"\ngit = \"file://" + repo.string() + "\"\nref = \"v1\"\n"
                                     "detect = \"include/tiny.h\"\n[[implementation]]\nbenchmark = \"cardio\"\n"
                                     "command = [\"python3\", \"{tool_dir}/cardio.py\", \"{library_prefix}\", "
                                     "\"{program_cache}\", \"{fhebench_dir}\"]\n");
  write(tools / "Tinyrun/cardio.py", R"(import json, os, sys
prefix, cache, home = sys.argv[1:4]
assert os.path.isfile(os.path.join(prefix, "include/tiny.h")), prefix
assert os.path.isfile(os.path.join(home, "include/fhebench/program.hpp")), home
os.makedirs(cache, exist_ok=True)
open(os.path.join(cache, "compiled"), "w").write(prefix)
x = json.load(open(os.environ["FHEBENCH_INPUT"]))["inputs"]
def risk(i):
    g = lambda k: x[k][i]
    m = g("sex") == 1
    return ((m and g("age") > 50) + (not m and g("age") > 60) + g("antecedent") + g("smoker") + g("diabetic")
            + g("pressure") + (g("hdl") < 40) + (g("height") < g("weight") + 90) + (g("physical_act") < 30)
            + (m and g("drinking") > 3) + (not m and g("drinking") > 2))
out = {"protocol": 1, "phases": [{"name": p, "seconds": 0} for p in ("keygen", "encrypt", "compute", "decrypt")],
       "outputs": {"risk": [int(risk(i)) for i in range(len(x["sex"]))]}}
json.dump(out, open(os.environ["FHEBENCH_OUTPUT"], "w"))
)");
}

}  // namespace

// Issue 16.1: the programs carry the prefix's lib/ as RUNPATH, so they start without
// LD_LIBRARY_PATH; and `doctor` runs one program, so "available" means "can start".
TEST_F(ToolSetup, ProgramsStartAgainstAPrefixWithoutRunpath) {
  const fs::path prefix = root_ / "prefix";
  install_shared_library(prefix);
  make_shared_tool(tools_);
  const std::vector<std::pair<std::string, std::string>> env = {{"FHEBENCH_TINYSO_PREFIX", prefix.string()}};
  TempDir results;
  const auto r = fhebench({"run", "--tools", "Tinyso", "--repetitions", "1", "--warmup", "0", "--benchmarks", "cardio",
                           "--case", "sok", "--results", results.path().string()}, env);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  const Json cell = read_json(only_run(results.path()) / "summary.json")["cells"][0];
  EXPECT_EQ(cell["status"], "ok") << cell["reason"];
  const auto doctor = fhebench({"doctor", "--tools", "Tinyso"}, env);
  EXPECT_EQ(doctor.exit_code, 0) << doctor.out;
  EXPECT_NE(doctor.out.find("Tinyso       available: Tinyso, 1, installed at " + prefix.string() + ", built"),
            std::string::npos) << doctor.out;
  // The library gone: the built program cannot start, and doctor says so instead of "available".
  fs::rename(prefix / "lib/libtinyso.so", prefix / "libtinyso.so.moved");
  const auto broken = fhebench({"doctor", "--tools", "Tinyso"}, env);
  EXPECT_EQ(broken.exit_code, 1) << broken.out;
  EXPECT_NE(broken.out.find("cannot start (exited with status 127)"), std::string::npos) << broken.out;
  EXPECT_NE(broken.out.find("libtinyso.so"), std::string::npos) << broken.out;
}

// Doctor says what it knows about a library it would clone: fetchable, or not, with git's error.
TEST_F(ToolSetup, DoctorSaysWhetherTheUpstreamIsFetchable) {
  const auto fetchable = fhebench({"doctor", "--tools", "Tiny"});
  EXPECT_EQ(fetchable.exit_code, 0) << fetchable.out;
  EXPECT_NE(fetchable.out.find("fetchable from file://" + repo_.string() + " at v1"), std::string::npos) << fetchable.out;
  fs::remove_all(repo_);
  const auto gone = fhebench({"doctor", "--tools", "Tiny"});
  EXPECT_EQ(gone.exit_code, 1) << gone.out;
  EXPECT_NE(gone.out.find("Tiny         unavailable: Tiny is not installed, and file://" + repo_.string() +
                          " at v1 is not fetchable: "), std::string::npos) << gone.out;
  EXPECT_NE(gone.out.find("fatal:"), std::string::npos) << "git's own error is shown: " << gone.out;
}

TEST_F(ToolSetup, ClonesThePinnedRefBuildsAndRuns) {
  const Json run = run_and_read({});
  EXPECT_NE(run["tools"]["Tiny"]["source"].get<std::string>().find("cloned from file://"), std::string::npos)
      << run["tools"].dump();
}

TEST_F(ToolSetup, BuildsFromALocalCheckout) {
  const Json run = run_and_read({{"FHEBENCH_TINY_SOURCE", repo_.string()}});
  EXPECT_EQ(run["tools"]["Tiny"]["source"], "built from " + repo_.string());
}

TEST_F(ToolSetup, UsesAnInstalledPrefix) {
  write(root_ / "prefix/include/tiny.h", read_file(repo_ / "tiny.h").value());
  const Json run = run_and_read({{"FHEBENCH_TINY_PREFIX", (root_ / "prefix").string()}});
  EXPECT_EQ(run["tools"]["Tiny"]["source"], "installed at " + (root_ / "prefix").string());
}

// A library without an install step (as Cingulata) is used from its source tree, where the
// manifest's detect file is: without that, the tool's build finds no tiny.h and fails.
TEST_F(ToolSetup, UsesTheSourceTreeOfALibraryWithoutAnInstallStep) {
  const fs::path tree = root_ / "noinstall";
  write(tree / "CMakeLists.txt", "cmake_minimum_required(VERSION 3.20)\nproject(tiny NONE)\n");
  write(tree / "include/tiny.h", read_file(repo_ / "tiny.h").value());
  const Json run = run_and_read({{"FHEBENCH_TINY_SOURCE", tree.string()}});
  EXPECT_EQ(run["tools"]["Tiny"]["source"], "built from " + tree.string());
}

TEST_F(ToolSetup, UnavailableLibrarySaysWhyAndWhatFixesIt) {
  const std::vector<std::pair<std::string, std::string>> env = {{"FHEBENCH_TINY_PREFIX", (root_ / "nowhere").string()}};
  const auto doctor = fhebench({"doctor", "--tools", "Tiny"}, env);
  EXPECT_EQ(doctor.exit_code, 1);
  EXPECT_NE(doctor.out.find("Tiny         unavailable: FHEBENCH_TINY_PREFIX="), std::string::npos) << doctor.out;
  EXPECT_NE(doctor.out.find("fix: point FHEBENCH_TINY_PREFIX at the install prefix of Tiny 1"), std::string::npos) << doctor.out;
  // The other tools still run; the run says the tool asked for did not.
  TempDir results;
  const auto r = fhebench({"run", "--tools", "Tiny,Plaintext", "--benchmarks", "cardio", "--repetitions", "1",
                           "--results", results.path().string()}, env);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("Tiny: unavailable"), std::string::npos) << r.err;
  EXPECT_EQ(read_json(only_run(results.path()) / "summary.json")["cells"][0]["tool"], "Plaintext");
}

TEST_F(ToolSetup, UnchangedToolIsNotRebuiltChangedToolIs) {
  EXPECT_NE(fhebench({"build", "--tools", "Tiny"}).err.find("Tiny: building"), std::string::npos);
  const auto again = fhebench({"build", "--tools", "Tiny"});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.err.find("building"), std::string::npos) << again.err;
  write(tools_ / "Tiny/source/cardio.cc", std::string(kProgram) + "// changed\n");
  EXPECT_NE(fhebench({"build", "--tools", "Tiny"}).err.find("Tiny: building " + (tools_ / "Tiny/source").string()),
            std::string::npos);
}

TEST_F(ToolSetup, FailedBuildLeavesNoCacheEntry) {
  write(tools_ / "Tiny/source/cardio.cc", "this is not C++\n");
  const auto r = fhebench({"build", "--tools", "Tiny"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("building its programs failed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("full log:"), std::string::npos) << r.out;
  for (const auto& e : fs::directory_iterator(root_ / "cache/build"))
    if (e.is_directory()) {
      EXPECT_FALSE(e.path().filename().string().rfind("Tiny-", 0) == 0) << e.path();
    }
}

}  // namespace fhebench::test

namespace fhebench::test {

// A tool without a build of its own still gets its [library] resolved (here cloned at the
// pinned tag) when the manifest names an upstream, and its command the three placeholders.
TEST_F(ToolSetup, RuntimeToolGetsTheLibraryPrefixAndACacheFolder) {
  make_runtime_tool(tools_, repo_);
  TempDir results;
  const auto r = fhebench({"run", "--tools", "Tinyrun", "--repetitions", "1", "--warmup", "0", "--benchmarks", "cardio",
                           "--case", "sok", "--results", results.path().string()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  const fs::path run = only_run(results.path());
  EXPECT_EQ(read_json(run / "summary.json")["cells"][0]["status"], "ok") << read_file(run / "summary.json").value_or("");
  const auto compiled = read_file(root_ / "cache/programs/Tinyrun/compiled");
  ASSERT_TRUE(compiled) << "the program did not write into {program_cache}";
  EXPECT_TRUE(fs::is_regular_file(fs::path(*compiled) / "include/tiny.h")) << *compiled;
  EXPECT_NE(read_json(run / "run.json")["tools"]["Tinyrun"].value("source", "").find("v1"), std::string::npos);
}

}  // namespace fhebench::test
