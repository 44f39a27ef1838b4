// A compiler tool's compile phase is cached by content hash (tools/HEIR: HEIR's pipeline and
// the C++ build of its output): with an empty cache the first run compiles, the second finds
// the program and its compile phase is only the lookup. Skipped, naming why, where HEIR's
// OpenFHE is not available.
#include <gtest/gtest.h>

#include "test_util.h"

namespace fhebench::test {
namespace {

struct Compile {
  bool cached = false;
  double seconds = -1, cxx = -1;
};

Compile run_chi_squared(const fs::path& cache) {
  TempDir results;
  const auto r = run_fhebench({"run", "--tools", "HEIR", "--benchmarks", "chi_squared", "--repetitions", "1", "--warmup",
                               "0", "--results", results.path().string()},
                              1800, {{"FHEBENCH_CACHE", cache.string()}});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  const fs::path run = only_run(results.path());
  Compile c;
  for (const auto& f : fs::recursive_directory_iterator(run / "cells" / "HEIR")) {
    if (f.path().filename() != "rep_001.json") continue;
    const Json rec = read_json(f.path());
    EXPECT_EQ(rec["status"], "ok") << rec.dump();
    c.cached = rec["fhe"].value("compile_cached", false);
    c.seconds = rec["phases"].value("compile", -1.0);
    c.cxx = rec["phases"].value("compile.cxx", -1.0);
  }
  return c;
}

}  // namespace

TEST(CompilerCache, HeirWarmRunFindsTheCompiledProgram) {
  const auto doctor = run_fhebench({"doctor", "--tools", "HEIR"});
  if (doctor.exit_code != 0) GTEST_SKIP() << "HEIR is not available here: " << doctor.out.substr(doctor.out.find("HEIR"));
  TempDir cache;
  const Compile cold = run_chi_squared(cache.path());
  EXPECT_FALSE(cold.cached);
  EXPECT_GT(cold.cxx, 0) << "the cold run built HEIR's C++ (compile.cxx)";
  const Compile warm = run_chi_squared(cache.path());
  EXPECT_TRUE(warm.cached);
  EXPECT_LT(warm.cxx, 0) << "the warm run did not build again";
  EXPECT_LT(warm.seconds, cold.seconds / 5) << "warm compile " << warm.seconds << " s, cold " << cold.seconds << " s";
}

}  // namespace fhebench::test
