#include "gbench_import.h"

#include <gtest/gtest.h>

namespace fhebench {
namespace {

constexpr const char* kFile = R"({
 "context": {"date": "2026-12-02T16:00:00+00:00", "host_name": "box", "num_cpus": 2},
 "benchmarks": [
  {"name": "BM_Enc/8/n:16/real_time", "run_name": "BM_Enc/8/n:16/real_time", "run_type": "iteration",
   "repetitions": 2, "repetition_index": 0, "iterations": 100, "real_time": 1500, "cpu_time": 1400, "time_unit": "us"},
  {"name": "BM_Enc/8/n:16/real_time", "run_name": "BM_Enc/8/n:16/real_time", "run_type": "iteration",
   "repetitions": 2, "repetition_index": 1, "iterations": 100, "real_time": 1700, "cpu_time": 1600, "time_unit": "us"},
  {"name": "BM_Enc/8/n:16/real_time_mean", "run_name": "BM_Enc/8/n:16/real_time", "run_type": "aggregate",
   "aggregate_name": "mean", "real_time": 1600, "cpu_time": 1500, "time_unit": "us"},
  {"name": "BM_Dec/threads:2", "iterations": 10, "real_time": 2.5, "cpu_time": 2.5, "time_unit": "ms",
   "error_occurred": true, "error_message": "decrypt failed"}
 ]})";

TEST(GbenchImport, ParsesIterationsAndSkipsAggregates) {
  const GbenchFile f = parse_gbench(kFile, "f.json");
  EXPECT_EQ(f.context["host_name"], "box");
  ASSERT_EQ(f.benchmarks.size(), 2u);
  const auto& enc = f.benchmarks[0];
  EXPECT_EQ(enc.variant, "BM_Enc/real_time");
  EXPECT_EQ(enc.size, (Size{{"arg1", 8}, {"n", 16}}));
  ASSERT_EQ(enc.samples.size(), 2u) << "the mean aggregate is not a sample";
  EXPECT_DOUBLE_EQ(enc.samples[0].real_s, 1.5e-3);
  EXPECT_DOUBLE_EQ(enc.samples[1].cpu_s, 1.6e-3);
  EXPECT_EQ(enc.samples[0].iterations, 100);
  const auto& dec = f.benchmarks[1];
  EXPECT_EQ(dec.variant, "BM_Dec/threads:2") << "threads are part of the name, not a size";
  EXPECT_TRUE(dec.size.empty());
  EXPECT_DOUBLE_EQ(dec.samples[0].real_s, 2.5e-3);
  EXPECT_EQ(dec.samples[0].error, "decrypt failed");
}

TEST(GbenchImport, RejectsWhatIsNotGoogleBenchmarkJson) {
  auto message = [](const std::string& text) {
    try {
      parse_gbench(text, "f.json");
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message("{"), "f.json is not JSON (write it with --benchmark_format=json or --benchmark_out=FILE)");
  EXPECT_EQ(message(R"({"benchmarks": {}})"), "f.json is not Google Benchmark JSON: it has no \"benchmarks\" array");
  EXPECT_EQ(message(R"({"benchmarks": [{"name": "a", "real_time": 1, "time_unit": "fortnight"}]})"),
            "f.json: benchmarks[0] has no real_time in a known time_unit (ns, us, ms, s)");
  EXPECT_EQ(message(R"({"benchmarks": [{"name": "a_mean", "run_type": "aggregate", "real_time": 1}]})"),
            "f.json has no benchmark results (its \"benchmarks\" array lists no iteration runs)");
}

}  // namespace
}  // namespace fhebench
