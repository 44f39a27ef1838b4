// libFuzzer target: a tool.toml of arbitrary bytes. It must load or fail with a one-line
// ManifestError, never crash or throw anything else.
#include <cstdint>
#include <string_view>

#include "manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    (void)fhebench::parse_manifest(std::string_view(reinterpret_cast<const char*>(data), size), "/fuzz/T");
  } catch (const fhebench::ManifestError& e) {
    if (std::string_view(e.what()).find('\n') != std::string_view::npos) __builtin_trap();
  }
  return 0;
}
