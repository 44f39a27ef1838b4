#include "storage_error.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

namespace fhebench {

TEST(StorageError, SaysWhatFhebenchWasDoing) {
  namespace fs = std::filesystem;
  try {
    try {
      fs::create_directories("/proc/self/no/such/dir");  // fails on any machine
    } catch (const std::exception&) {
      rethrow_storage_error("preparing rep_001 in /r/cells/x");
    }
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.rfind("preparing rep_001 in /r/cells/x: cannot create directories /proc/self/no/such/dir: ", 0), 0u) << what;
    EXPECT_EQ(what.find("filesystem error"), std::string::npos) << what;
    EXPECT_EQ(what.find('\n'), std::string::npos);
  }
  EXPECT_EQ(storage_error_text("cannot write /r/x.tmp: No space left on device"), "cannot write /r/x.tmp: No space left on device");
  EXPECT_EQ(storage_error_text("filesystem error: cannot remove: Directory not empty [/r/w]"), "cannot remove /r/w: Directory not empty");
}

}  // namespace fhebench
