#include "security.h"

#include <gtest/gtest.h>

namespace fhebench {
namespace {

Json ring(long n, std::vector<int> bits) { return {{"poly_modulus_degree", n}, {"coeff_modulus_bits", bits}}; }

}  // namespace

TEST(Security, TableBoundsFromTheStandard) {
  EXPECT_EQ(*max_log_q(8192, 128), 218);
  EXPECT_EQ(*max_log_q(16384, 128), 438);
  EXPECT_EQ(*max_log_q(32768, 128), 881);
  EXPECT_EQ(*max_log_q(4096, 192), 75);
  EXPECT_FALSE(max_log_q(65536, 128));
}

TEST(Security, SealDefaultsAre128Bits) {
  const auto s = security_level(ring(8192, {43, 43, 44, 44, 44}));  // SEAL BFVDefault(8192): 218 bits
  EXPECT_EQ(s.bits, 128);
  EXPECT_EQ(s.source, "table");
  EXPECT_FALSE(s.below_128);
}

TEST(Security, OneBitTooManyIsBelow128) {
  const auto s = security_level(ring(8192, {60, 60, 60, 39}));  // 219
  EXPECT_FALSE(s.bits);
  EXPECT_TRUE(s.below_128);
  EXPECT_NE(s.note.find("log q=219"), std::string::npos) << s.note;
}

TEST(Security, SmallModuliReachHigherLevels) {
  EXPECT_EQ(security_level(ring(16384, {60, 60, 60, 40, 40})).bits, 192);  // 260: > 237, <= 305
  EXPECT_EQ(security_level(ring(16384, {60, 60, 60, 40})).bits, 256);      // 220 <= 237
}

TEST(Security, DeclaredLevelWhereNoTableApplies) {
  const auto s = security_level({{"scheme", "TFHE"}, {"declared_security_bits", 110}});
  EXPECT_EQ(s.source, "declared");
  EXPECT_EQ(s.bits, 110);
  EXPECT_TRUE(s.below_128);
  EXPECT_EQ(security_level(Json::object()).source, "none");
}

}  // namespace fhebench
