// The implementation helper include/fhebench/program.hpp, parts usable without a protocol run.
#include <fhebench/packing.hpp>
#include <fhebench/program.hpp>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

// A Program reading `input` as input.json, the way the harness starts a program.
fhebench::Program program_reading(const std::string& input) {
  const auto dir = std::filesystem::temp_directory_path() / ("fhebench-program-test-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "input.json") << input;
  setenv("FHEBENCH_INPUT", (dir / "input.json").c_str(), 1);
  setenv("FHEBENCH_OUTPUT", (dir / "output.json").c_str(), 1);
  return fhebench::Program();
}

TEST(ProgramHelper, FieldBitsAreTheHarnessDeclaredWidths) {
  const auto p = program_reading(R"({"protocol": 1, "inputs": {"sex": [1], "age": [55]},
      "fields": {"sex": {"bits": 1, "max": 1}, "age": {"bits": 8, "max": 120}}})");
  EXPECT_EQ(p.field_bits("sex"), 1);
  EXPECT_EQ(p.field_bits("age"), 8);
  EXPECT_THROW(p.field_bits("hdl"), std::runtime_error);
  EXPECT_THROW(program_reading(R"({"protocol": 1, "inputs": {}})").field_bits("age"), std::runtime_error);
}

const char* const kTwoPatients = R"({"protocol": 1, "inputs": {"sex": [1, 0], "age": [55, 70]},
    "fields": {"sex": {"bits": 1, "max": 1}, "age": {"bits": 8, "max": 120}}})";

TEST(ProgramHelper, BitInputsArePatientAfterPatientAtTheDeclaredWidths) {
  const auto in = program_reading(kTwoPatients).bit_inputs(std::vector<std::string>{"sex", "age"}, 2);
  ASSERT_EQ(in.size(), 4u);
  EXPECT_EQ(in[0].value, 1u);
  EXPECT_EQ(in[0].bits, 1);
  EXPECT_EQ(in[1].value, 55u);
  EXPECT_EQ(in[1].bits, 8);
  EXPECT_EQ(in[2].value, 0u);
  EXPECT_EQ(in[3].value, 70u);
}

TEST(ProgramHelper, IntFieldsAndBitPlanesSliceTheValues) {
  const auto fields = program_reading(kTwoPatients).int_fields<int64_t>(std::vector<std::string>{"sex", "age"});
  EXPECT_EQ(fields.at("age").bits, 8);
  EXPECT_EQ(fields.at("age").values, (std::vector<int64_t>{55, 70}));
  // 55 = 0b110111, 70 = 0b1000110
  EXPECT_EQ(fhebench::packing::bit_plane(fields.at("age").values, 0, 0, 2), (std::vector<int64_t>{1, 0}));
  EXPECT_EQ(fhebench::packing::bit_plane(fields.at("age").values, 6, 0, 2, 4), (std::vector<int64_t>{0, 1, 0, 0}));
  EXPECT_EQ(fhebench::packing::bit_plane(fields.at("age").values, 1, 1, 1), (std::vector<int64_t>{1}));
}

TEST(ProgramHelper, AnEstimateOverTheLimitIsUnsupported) {
  auto p = program_reading(kTwoPatients);
  fhebench::refuse_if_estimated_over(p, 1000, 0.021, 10, "gates");  // 21 s: runs
  EXPECT_EXIT(fhebench::refuse_if_estimated_over(p, 100000, 0.021, 10, "gates"), testing::ExitedWithCode(0), "");
  std::ifstream out(std::getenv("FHEBENCH_OUTPUT"));
  const auto doc = nlohmann::json::parse(out);
  EXPECT_EQ(doc["unsupported"], "estimated 35 minutes: 100000 gates × 21 ms");
}

// A serializer that mixes single characters, formatted numbers and blocks.
void write_sample(std::ostream& o) {
  o.put('x');
  o << 12345 << ' ' << 3.5;
  o << std::string(100000, 'a');
  const char block[] = {1, 2, 3, 4, 5};
  o.write(block, sizeof block);
}

TEST(ProgramHelper, SerializedBytesCountsWhatTheWriterProduces) {
  std::ostringstream kept;
  write_sample(kept);
  EXPECT_EQ(fhebench::serialized_bytes(write_sample), kept.str().size());
  EXPECT_EQ(fhebench::serialized_bytes([](std::ostream&) {}), 0u);
}

}  // namespace
