// cardio: cardiovascular risk score, 11 Boolean conditions on 8-bit patient data.
#include "benchmark.h"

#include "rng.h"

namespace fhebench {
namespace {

struct Field {
  const char* name;
  int bits;  // declared width (SoK: {0,1} flags and 8-bit numbers); height < weight + 90 fits 8
  int max;   // inclusive; every field starts at 0
  int sok;   // the SoK test vector
};

constexpr Field kFields[] = {
    {"sex", 1, 1, 0},         {"antecedent", 1, 1, 1}, {"smoker", 1, 1, 1},  {"diabetic", 1, 1, 1},
    {"pressure", 1, 1, 1},    {"age", 8, 120, 55},     {"hdl", 8, 150, 50},  {"height", 8, 250, 80},
    {"weight", 8, 165, 80},   {"physical_act", 8, 120, 45}, {"drinking", 8, 15, 4},
};

int risk(const Json& in, size_t i) {
  auto f = [&](const char* name) { return in.at(name).at(i).get<int>(); };
  const bool male = f("sex") == 1;
  return (male && f("age") > 50) + (!male && f("age") > 60) + (f("antecedent") == 1) +
         (f("smoker") == 1) + (f("diabetic") == 1) + (f("pressure") == 1) + (f("hdl") < 40) +
         (f("height") < f("weight") + 90) + (f("physical_act") < 30) +
         (male && f("drinking") > 3) + (!male && f("drinking") > 2);
}

class CardioBenchmark : public Benchmark {
 public:
  std::string name() const override { return "cardio"; }
  std::string description() const override {
    return "cardiovascular risk: 11 conditions on 8-bit patient data, per patient";
  }
  std::vector<SizeParam> size_params() const override { return {{"patients", 1, 1, 1 << 20}}; }
  std::vector<OutputSpec> outputs(const Size& size) const override {
    return {{"risk", static_cast<size_t>(size.at("patients")), true}};
  }
  Json generate(const Size& size, uint64_t seed) const override {
    Json in = Json::object();
    for (const auto& field : kFields) {
      Rng rng(seed, std::string("cardio.") + field.name);
      Json values = Json::array();
      for (int64_t i = 0; i < size.at("patients"); ++i) values.push_back(rng.uniform_int(0, field.max));
      in[field.name] = std::move(values);
    }
    return in;
  }
  Json sok_case(const Size& size) const override {
    Json in = Json::object();
    for (const auto& field : kFields) in[field.name] = Json(std::vector<int>(size.at("patients"), field.sok));
    return in;
  }
  std::vector<InputField> fields() const override {
    std::vector<InputField> out;
    for (const auto& f : kFields) out.push_back({f.name, f.bits, f.max});
    return out;
  }
  Json reference(const Size& size, const Json& inputs) const override {
    Json out = Json::array();
    for (int64_t i = 0; i < size.at("patients"); ++i) out.push_back(risk(inputs, i));
    return {{"risk", out}};
  }
};

}  // namespace

const BenchmarkRegistration kRegistration{std::make_unique<CardioBenchmark>()};

}  // namespace fhebench
