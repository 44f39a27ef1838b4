// The implementation helper include/fhebench/program.hpp, parts usable without a protocol run.
#include <fhebench/program.hpp>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

namespace {

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
