// A small Google Benchmark program for the import test (tests/gbench_import_test.cc): real
// timings of two benchmark families, one with arguments, written as Google Benchmark JSON.
#include <benchmark/benchmark.h>

#include <numeric>
#include <vector>

static void BM_Sum(benchmark::State& state) {
  std::vector<long> v(static_cast<size_t>(state.range(0)), 3);
  for (auto _ : state) benchmark::DoNotOptimize(std::accumulate(v.begin(), v.end(), 0L));
}
BENCHMARK(BM_Sum)->Arg(64)->Arg(4096);

static void BM_Copy(benchmark::State& state) {
  std::vector<char> a(1024, 'x'), b(1024);
  for (auto _ : state) {
    std::copy(a.begin(), a.end(), b.begin());
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_Copy);

BENCHMARK_MAIN();
