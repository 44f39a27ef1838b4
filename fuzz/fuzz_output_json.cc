// libFuzzer target: parse_output on arbitrary bytes, as a program's output.json. It must
// never crash, and what it accepts must be storable (dump() of what the record keeps).
#include <cstdint>
#include <string_view>

#include "protocol.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<fhebench::OutputSpec> spec = {{"risk", 2, true}, {"y", 1, false}};
  std::string error;
  const auto out = fhebench::parse_output(std::string_view(reinterpret_cast<const char*>(data), size), spec, error);
  if (out) {
    (void)out->fhe.dump();
    (void)out->sizes.dump();
    (void)out->outputs.dump();
    if (out->unsupported) (void)nlohmann::json(*out->unsupported).dump();
  } else if (error.empty() || error.find('\n') != std::string::npos) {
    __builtin_trap();  // a rejection always has a one-line reason
  }
  return 0;
}
