#include "storage_error.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <stdexcept>

#include "atomic_file.h"
#include "executor.h"
#include "repetition.h"
#include "run_store.h"
#include "test_util.h"

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

// The helper is used where a repetition is prepared and stored: a results folder that
// cannot be written stops the run with what was being done, never a bare filesystem error.
TEST(StorageError, PreparingAndStoringARepetitionSayWhatFailed) {
  test::TempDir results;
  const RunStore store = RunStore::create(results.path());
  Cell cell;
  cell.dir = "cells/T/t_cardio_default/patients=1";
  std::filesystem::create_directories(store.cell_dir(cell).parent_path());
  write_file_atomic(store.cell_dir(cell), "");  // a file where the cell's folder should be
  const auto fails_with = [](const std::function<void()>& f) {
    try {
      f();
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("no exception");
  };
  RepetitionRequest req;
  req.id = {1, false};
  req.work = store.work_dir(cell, req.id);
  LocalExecutor local;
  const std::string prepare = fails_with([&] { run_repetition(req, local); });
  EXPECT_EQ(prepare.rfind("preparing rep_001 in " + store.cell_dir(cell).string() + ": ", 0), 0u) << prepare;
  EXPECT_EQ(prepare.find("filesystem error"), std::string::npos) << prepare;
  Record record;
  record.id = {1, false};
  const std::string stored = fails_with([&] { store.write_record(cell, record); });
  EXPECT_EQ(stored.rfind("storing rep_001 in " + store.cell_dir(cell).string() + ": cannot write ", 0), 0u) << stored;
}

}  // namespace fhebench
