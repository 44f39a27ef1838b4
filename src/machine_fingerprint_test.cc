#include "machine_fingerprint.h"

#include <gtest/gtest.h>

namespace fhebench {
namespace {

Json box() {
  return {{"hostname", "a"}, {"cpu_model", "Xeon"}, {"cores", 2u}, {"memory_bytes", 8ull << 30},
          {"kernel", "Linux 6.1.0"}, {"os", "Debian 12"}, {"compiler", "GNU 12"}};
}

TEST(MachineFingerprint, IgnoresHostnameCompilerAndMemoryJitter) {
  Json other = box();
  other["hostname"] = "b";
  other["compiler"] = "Clang 16";
  other["memory_bytes"] = (8ull << 30) - (20ull << 20);  // 20 MiB less after a reboot
  EXPECT_EQ(machine_fingerprint(box()), machine_fingerprint(other));
  EXPECT_EQ(machine_fingerprint(box()).size(), 12u);
}

TEST(MachineFingerprint, ChangesWithWhatDecidesSpeed) {
  const std::string base = machine_fingerprint(box());
  for (const auto& [key, value] : std::vector<std::pair<std::string, Json>>{
           {"cpu_model", "EPYC"}, {"cores", 4u}, {"memory_bytes", 16ull << 30}, {"kernel", "Linux 6.5"}, {"os", "Debian 13"}}) {
    Json m = box();
    m[key] = value;
    EXPECT_NE(machine_fingerprint(m), base) << key;
  }
}

TEST(MachineFingerprint, LabelNamesTheParts) {
  EXPECT_EQ(machine_label(machine_identity(box())), "Xeon, 2 cores, 8 GiB, Debian 12, Linux 6.1.0");
  EXPECT_EQ(machine_label(machine_identity(Json())), "unknown CPU, 0 cores, 0 GiB, unknown OS, unknown kernel");
}

}  // namespace
}  // namespace fhebench
