#include "protocol.h"
#include "benchmark.h"

#include <gtest/gtest.h>

namespace fhebench {
namespace {

const std::vector<OutputSpec> kSpec = {{"risk", 2, true}};
const std::string kPhases =
    R"("phases": [{"name": "keygen", "seconds": 0.1}, {"name": "encrypt", "seconds": 0.2},
                  {"name": "compute", "seconds": 1.5}, {"name": "decrypt", "seconds": 0.01}])";

const std::string kOk = R"(, "outputs": {"risk": [1, 2]})";

std::string doc(const std::string& body) { return "{\"protocol\": 1, " + body + "}"; }

}  // namespace

TEST(Protocol, InputDocumentHasEveryField) {
  const Json in = make_input("cardio", "batched", {{"patients", 1}}, 7, {{"age", {55}}});
  EXPECT_EQ(in["protocol"], 1);
  EXPECT_EQ(in["benchmark"], "cardio");
  EXPECT_EQ(in["variant"], "batched");
  EXPECT_EQ(in["size"]["patients"], 1);
  EXPECT_EQ(in["seed"], 7);
  EXPECT_EQ(in["inputs"]["age"][0], 55);
}

TEST(Protocol, InputDocumentDeclaresCardioFieldWidthsThatCoverTheInputs) {
  const Benchmark& cardio = *find_benchmark("cardio");
  const Size size = cardio.make_size({{"patients", 4000}});
  for (const Json& inputs : {cardio.generate(size, 3), cardio.sok_case(size)}) {
    const Json in = make_input("cardio", "batched", size, 3, inputs, cardio.fields());
    ASSERT_EQ(in["fields"].size(), inputs.size());
    for (const auto& [name, values] : inputs.items()) {
      const int bits = in["fields"].at(name).at("bits");
      const int64_t max = in["fields"][name].at("max");
      EXPECT_LT(max, int64_t{1} << bits) << name;
      for (const Json& v : values) ASSERT_LE(v.get<int64_t>(), max) << name;
    }
  }
  EXPECT_EQ(make_input("cardio", "batched", size, 3, {}, cardio.fields())["fields"]["sex"]["bits"], 1);
  EXPECT_EQ(make_input("cardio", "batched", size, 3, {}, cardio.fields())["fields"]["age"]["bits"], 8);
}

TEST(Protocol, InputDocumentWithoutDeclaredFieldsHasNoFieldsKey) {
  const Benchmark& laplacian = *find_benchmark("laplacian");
  EXPECT_TRUE(laplacian.fields().empty());
  EXPECT_FALSE(make_input("laplacian", "batched", laplacian.make_size(), 1, {}, laplacian.fields()).contains("fields"));
}

TEST(Protocol, ValidOutputIsRead) {
  std::string err;
  const auto out = parse_output(doc(kPhases + R"(, "outputs": {"risk": [6, 3]}, "fhe": {"scheme": "BFV"},
                                    "sizes": {"ciphertext_bytes": 10}, "extra": true)"),
                                kSpec, err);
  ASSERT_TRUE(out) << err;
  EXPECT_EQ(out->phases.size(), 4u);
  EXPECT_DOUBLE_EQ(out->phases[2].seconds, 1.5);
  EXPECT_EQ(out->outputs["risk"][1], 3);
  EXPECT_EQ(out->fhe["scheme"], "BFV");
  EXPECT_EQ(out->sizes["ciphertext_bytes"], 10);
}

TEST(Protocol, SubPhasesAreKept) {
  std::string err;
  const std::string phases = R"("phases": [{"name": "keygen", "seconds": 0.1}, {"name": "keygen.galois", "seconds": 0.05},
    {"name": "encrypt", "seconds": 0.2}, {"name": "compute", "seconds": 1}, {"name": "decrypt", "seconds": 0}])";
  const auto out = parse_output(doc(phases + R"(, "outputs": {"risk": [1, 2]})"), kSpec, err);
  ASSERT_TRUE(out) << err;
  EXPECT_EQ(out->phases[1].name, "keygen.galois");
}

TEST(Protocol, UnsupportedIsNotAnError) {
  std::string err;
  const auto out = parse_output(R"({"protocol": 1, "unsupported": "at most 4096 patients"})", kSpec, err);
  ASSERT_TRUE(out) << err;
  EXPECT_EQ(*out->unsupported, "at most 4096 patients");
}

TEST(Protocol, ReportedStringsArePrintable) {
  std::string err;
  const auto out = parse_output(doc(kPhases + kOk + R"(, "fhe": {"scheme": "B\u001b[31mFV\u009b", "n": [1, {"k": "\u0007"}]})"),
                                kSpec, err);
  ASSERT_TRUE(out) << err;
  EXPECT_EQ(out->fhe["scheme"], "B?[31mFV?");
  EXPECT_EQ(out->fhe["n"][1]["k"], "?");
  const auto un = parse_output(R"({"protocol": 1, "unsupported": "too big\u001b]0;pwned\u0007"})", kSpec, err);
  ASSERT_TRUE(un) << err;
  EXPECT_EQ(*un->unsupported, "too big?]0;pwned?");
}

TEST(Protocol, NestingWithinTheLimitIsKept) {
  std::string err;
  const auto out = parse_output(doc(kPhases + kOk + ", \"fhe\": {\"x\": " + std::string(29, '[') + std::string(29, ']') + "}"),
                                kSpec, err);
  ASSERT_TRUE(out) << err;
}

struct Malformed {
  std::string name, text, reason;
  friend void PrintTo(const Malformed& p, std::ostream* os) { *os << p.name; }
};

class ProtocolMalformed : public ::testing::TestWithParam<Malformed> {};

TEST_P(ProtocolMalformed, IsRejectedWithAReason) {
  std::string err;
  EXPECT_FALSE(parse_output(GetParam().text, kSpec, err));
  EXPECT_NE(err.find(GetParam().reason), std::string::npos) << "reason was: " << err;
  EXPECT_EQ(err.find('\n'), std::string::npos) << "reasons are one line";
}


INSTANTIATE_TEST_SUITE_P(
    Corpus, ProtocolMalformed,
    ::testing::Values(
        Malformed{"empty", "", "empty"}, Malformed{"garbage", "\x01\x02garbage{{", "not valid JSON"},
        Malformed{"truncated", R"({"protocol": 1, "phases": [{"name": "keygen", "sec)", "not valid JSON"},
        Malformed{"array", "[1, 2]", "not a JSON object"}, Malformed{"no_protocol", R"({"phases": []})", "protocol"},
        Malformed{"wrong_protocol", R"({"protocol": 2})", "protocol 2"},
        Malformed{"no_phases", doc(R"("outputs": {"risk": [1, 2]})"), "\"phases\" is missing"},
        Malformed{"missing_phase", doc(R"("phases": [{"name": "keygen", "seconds": 1}])" + kOk), "'encrypt' is missing"},
        Malformed{"negative_time", doc(R"("phases": [{"name": "keygen", "seconds": -1}])" + kOk), "invalid time"},
        Malformed{"string_time", doc(R"("phases": [{"name": "keygen", "seconds": "1"}])" + kOk), "not {\"name\""},
        Malformed{"duplicate_phase",
                  doc(R"("phases": [{"name": "keygen", "seconds": 1}, {"name": "keygen", "seconds": 1}])" + kOk), "twice"},
        Malformed{"huge_time", doc(R"("phases": [{"name": "keygen", "seconds": 1e999}])" + kOk), "not valid JSON"},
        Malformed{"no_outputs", doc(kPhases), "\"outputs\" is missing"},
        Malformed{"missing_output", doc(kPhases + R"(, "outputs": {"other": [1, 2]})"), "'risk' is missing"},
        Malformed{"short_output", doc(kPhases + R"(, "outputs": {"risk": [1]})"), "has 1 values, expected 2"},
        Malformed{"long_output", doc(kPhases + R"(, "outputs": {"risk": [1, 2, 3]})"), "has 3 values"},
        Malformed{"not_array", doc(kPhases + R"(, "outputs": {"risk": 6})"), "not an array"},
        Malformed{"string_value", doc(kPhases + R"(, "outputs": {"risk": [1, "2"]})"), "non-number"},
        Malformed{"extra_output", doc(kPhases + R"(, "outputs": {"risk": [1, 2], "x": [1]})"), "unexpected output 'x'"},
        Malformed{"fhe_not_object", doc(kPhases + kOk + R"(, "fhe": "SEAL")"), "\"fhe\" is not an object"},
        // Hostile output (issue 16): refused before a document is built, with the reason.
        Malformed{"deep_fhe", doc(kPhases + kOk + ", \"fhe\": {\"x\": " + std::string(100000, '[') + std::string(100000, ']') + "}"),
                  "nests deeper than 32 levels"},
        Malformed{"deep_unterminated", std::string(30000, '['), "nests deeper"},
        Malformed{"huge_string", doc(kPhases + kOk + ", \"fhe\": {\"x\": \"" + std::string(1u << 20, 'a') + "\"}"),
                  "string longer than 64 KiB"},
        Malformed{"huge_number", doc(kPhases + R"(, "outputs": {"risk": [1, )" + std::string(5000, '1') + "]}"),
                  "number or word longer"},
        Malformed{"many_values", doc(kPhases + kOk + ", \"fhe\": {\"x\": [" + [] {
                    std::string s = "0";
                    for (int i = 0; i < 1100000; ++i) s += ",0";
                    return s;
                  }() + "]}"), "more than"},
        Malformed{"large_fhe", doc(kPhases + kOk + ", \"fhe\": {\"x\": [" + [] {
                    std::string s = "\"" + std::string(1000, 'a') + "\"";
                    for (int i = 0; i < 100; ++i) s += ",\"" + std::string(1000, 'a') + "\"";
                    return s;
                  }() + "]}"), "\"fhe\" is larger than 64 KiB"},
        Malformed{"invalid_utf8", doc(kPhases + kOk + ", \"fhe\": {\"x\": \"Param\xe8tres\"}"), "not valid JSON"},
        Malformed{"escape_in_name", doc(R"("phases": [{"name": "a\u001b[2J\nb", "seconds": -1}])" + kOk), "phase 'a?[2J b'"},
        Malformed{"long_name", doc(R"("phases": [{"name": ")" + std::string(10000, 'n') + R"(", "seconds": -1}])" + kOk),
                  std::string(77, 'n') + "\xE2\x80\xA6'"}),
    [](const auto& info) { return info.param.name; });

}  // namespace fhebench
