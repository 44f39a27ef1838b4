#include "utf8.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace fhebench {

TEST(Utf8, InvalidBytesAreReplaced) {
  const std::string latin1 = "Param\xE8tres: 128 bits de s\xE9" "curit\xE9";
  const std::string fixed = valid_utf8(latin1);
  EXPECT_EQ(fixed, "Param\xEF\xBF\xBDtres: 128 bits de s\xEF\xBF\xBD" "curit\xEF\xBF\xBD");
  EXPECT_NO_THROW((void)nlohmann::json(fixed).dump());
  // Overlong forms, surrogates and code points above U+10FFFF are invalid too.
  for (const std::string bad : {"\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82"})
    EXPECT_EQ(valid_utf8(bad).find_first_not_of("\xEF\xBF\xBD"), std::string::npos) << bad;
  EXPECT_EQ(valid_utf8("d\xC3\xA9j\xC3\xA0 \xF0\x9F\x94\x90"), "d\xC3\xA9j\xC3\xA0 \xF0\x9F\x94\x90");
}

TEST(Utf8, TailStartsOnACharacterBoundary) {
  std::string text = "x";
  for (int i = 0; i < 1500; ++i) text += "\xC3\xA9";  // "x" + "é" * 1500 (+ "\n", as a program prints it)
  text += "\n";                                       // 3002 bytes: a 2000-byte cut lands inside an "é"
  const std::string tail = utf8_tail(text, 2000);
  EXPECT_LE(tail.size(), 2000u);
  EXPECT_EQ(tail, valid_utf8(tail));
  EXPECT_EQ(tail.substr(0, 2), "\xC3\xA9");
  EXPECT_NO_THROW((void)nlohmann::json(tail).dump());
  EXPECT_LE(utf8_tail(std::string(3000, '\xFF'), 2000).size(), 2000u);
}

TEST(Utf8, TruncateKeepsCharactersWhole) {
  EXPECT_EQ(utf8_truncate("short", 10), "short");
  const std::string cut = utf8_truncate("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 6);
  EXPECT_EQ(cut, "\xC3\xA9\xE2\x80\xA6");
}

TEST(Utf8, PrintableHasNoEscapeSequences) {
  EXPECT_EQ(printable("red \x1b[31mtext\x1b]0;title\x07 \xC2\x9B" "2J\ttab\nline\x7f"), "red ?[31mtext?]0;title? ?2J\ttab\nline?");
  EXPECT_EQ(printable("a\nb\tc", false), "a b c");
  EXPECT_EQ(printable("caf\xC3\xA9 \xC2\xA0"), "caf\xC3\xA9 \xC2\xA0");  // U+00A0 is not a control
}

}  // namespace fhebench
