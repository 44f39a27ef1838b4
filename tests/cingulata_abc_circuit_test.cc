// tools/Cingulata's BLIF reader and ABC step (variant abc), on small circuits: the reader's
// truth tables, and ABC's optimised circuit against the original on every input.
#include "../tools/Cingulata/source/abc_circuit.cpp"  // the tool's code, built here without Cingulata

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

namespace cingubench {
namespace {

// A 2-bit adder in Cingulata's export style (AND/XOR, off-set covers, constants, buffers),
// with one XOR computed twice, which ABC must merge.
constexpr const char* kAdder = R"(# Circuit created by Cingulata
.model CIRCUIT
.inputs i:0 i:1 i:2 \
 i:3
.outputs o:0 o:1 o:2 o:3
.names i:0 i:2 s0
01 1
10 1
.names i:0 i:2 c0
11 1
.names i:1 i:3 x1
01 1
10 1
.names x1 c0 s1
01 1
10 1
.names i:1 i:3 g1
11 1
.names i:1 i:3 x1b
10 1
01 1
.names x1b c0 p1
11 1
.names g1 p1 c1
00 0
.names one
1
.names s0 o:0
1 1
.names s1 o:1
1 1
.names c1 o:2
1 1
.names one i:0 o:3
11 0
.end
)";

std::vector<bool> bits(unsigned v, int n) {
  std::vector<bool> b;
  for (int i = 0; i < n; ++i) b.push_back((v >> i) & 1);
  return b;
}

unsigned value(const std::vector<bool>& b) {
  unsigned v = 0;
  for (size_t i = 0; i < b.size(); ++i) v |= unsigned{b[i]} << i;
  return v;
}

TEST(CingulataAbcCircuit, ReadsCoversAsTruthTables) {
  std::istringstream in(kAdder);
  const BlifCircuit c = read_blif(in);
  ASSERT_EQ(c.inputs, 4);
  for (unsigned x = 0; x < 16; ++x) {
    const std::vector<bool> out = evaluate(c, bits(x, 4), plain_gate);
    EXPECT_EQ(value(out) & 7, (x & 3) + (x >> 2)) << x;
    EXPECT_EQ(out[3], !(x & 1)) << x;  // NAND with the constant 1 reduced to NOT: no bootstrap
  }
  EXPECT_EQ(c.binary_gates(), 8u);  // the NAND with the constant 1 is a NOT
  EXPECT_EQ(c.depth(), 3u);         // c0 → p1 → c1
}

TEST(CingulataAbcCircuit, RejectsConstructsOutsideTheSubset) {
  std::istringstream latch(".model m\n.inputs a\n.outputs b\n.latch a b 0\n.end\n");
  EXPECT_THROW(read_blif(latch), std::runtime_error);
  std::istringstream three(".model m\n.inputs a b c\n.outputs d\n.names a b c d\n111 1\n.end\n");
  EXPECT_THROW(read_blif(three), std::runtime_error);
  std::istringstream undefined(".model m\n.inputs a\n.outputs d\n.names a e d\n11 1\n.end\n");
  EXPECT_THROW(read_blif(undefined), std::runtime_error);
}

TEST(CingulataAbcCircuit, AbcKeepsTheFunctionAndDropsGates) {
  if (find_abc().empty()) GTEST_SKIP() << "berkeley-abc not installed";
  const auto dir = std::filesystem::temp_directory_path() / "fhebench-abc-test";
  std::filesystem::create_directories(dir);
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir);
  std::ofstream("adder.blif") << kAdder;
  std::string script;
  const BlifCircuit after = run_abc(find_abc(), "adder.blif", script);
  std::filesystem::current_path(cwd);
  std::filesystem::remove_all(dir);
  std::istringstream in(kAdder);
  const BlifCircuit before = read_blif(in);
  for (unsigned x = 0; x < 16; ++x)
    EXPECT_EQ(evaluate(after, bits(x, 4), plain_gate), evaluate(before, bits(x, 4), plain_gate)) << x;
  EXPECT_LT(after.binary_gates(), before.binary_gates());  // the duplicate XOR is gone
  EXPECT_FALSE(script.empty());
}

}  // namespace
}  // namespace cingubench
