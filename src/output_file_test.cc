#include "output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

#include "test_util.h"

namespace fhebench {
namespace {

using test::TempDir;
namespace fs = std::filesystem;
using Status = OutputFile::Status;

}  // namespace

TEST(OutputFile, ReadsARegularFile) {
  TempDir dir;
  std::ofstream(dir / "output.json") << "{\"protocol\": 1}";
  const auto f = read_output_file(dir.path(), "output.json", 1 << 20);
  EXPECT_EQ(f.status, Status::ok) << f.reason;
  EXPECT_EQ(f.text, "{\"protocol\": 1}");
}

TEST(OutputFile, MissingIsSaidSo) {
  TempDir dir;
  const auto f = read_output_file(dir.path(), "output.json", 1 << 20);
  EXPECT_EQ(f.status, Status::missing);
  EXPECT_EQ(f.reason, "exited 0 but wrote no output.json");
}

TEST(OutputFile, AFifoIsRefusedAtOnce) {
  TempDir dir;
  ASSERT_EQ(::mkfifo((dir / "output.json").c_str(), 0644), 0);
  const auto start = std::chrono::steady_clock::now();
  const auto f = read_output_file(dir.path(), "output.json", 1 << 20);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_EQ(f.status, Status::refused);
  EXPECT_NE(f.reason.find("is a FIFO"), std::string::npos) << f.reason;
}

TEST(OutputFile, ASymlinkIsNeverFollowed) {
  TempDir dir;
  std::ofstream(dir / "secret") << "{\"protocol\": 1}";
  fs::create_symlink(dir / "secret", dir / "output.json");
  const auto f = read_output_file(dir.path(), "output.json", 1 << 20);
  EXPECT_EQ(f.status, Status::refused);
  EXPECT_TRUE(f.text.empty());
  EXPECT_NE(f.reason.find("symbolic link"), std::string::npos) << f.reason;
  fs::create_directories(dir / "real");
  std::ofstream(dir / "real" / "output.json") << "{}";
  fs::create_directory_symlink(dir / "real", dir / "work");  // the folder itself replaced by a link
  EXPECT_NE(read_output_file(dir / "work", "output.json", 1 << 20).status, Status::ok);
}

TEST(OutputFile, HardLinksDirectoriesAndLargeFilesAreRefused) {
  TempDir dir;
  std::ofstream(dir / "other") << "{}";
  fs::create_hard_link(dir / "other", dir / "output.json");
  EXPECT_EQ(read_output_file(dir.path(), "output.json", 1 << 20).status, Status::refused);
  fs::remove(dir / "output.json");
  fs::create_directory(dir / "output.json");
  EXPECT_NE(read_output_file(dir.path(), "output.json", 1 << 20).reason.find("a directory"), std::string::npos);
  fs::remove(dir / "output.json");
  std::ofstream(dir / "output.json") << std::string(2000, ' ');
  const auto f = read_output_file(dir.path(), "output.json", 1000);
  EXPECT_EQ(f.status, Status::too_large);
}

TEST(WorkDir, AnUnremovableDirectoryIsReportedNotThrown) {
  TempDir dir;
  fs::create_directories(dir / "work" / "sub");
  std::ofstream(dir / "work" / "sub" / "f") << "x";
  ::chmod((dir / "work" / "sub").c_str(), 0);  // the program took its own folder's permissions away
  EXPECT_EQ(clear_work_dir(dir / "work"), "");
  EXPECT_FALSE(fs::exists(dir / "work"));
  EXPECT_EQ(clear_work_dir(dir / "absent"), "");
  // A directory that cannot be removed (a mount point inside it) is set aside.
  if (::geteuid() == 0 && std::system("command -v mount >/dev/null && command -v umount >/dev/null") == 0) {
    fs::create_directories(dir / "work2" / "mnt");
    if (std::system(("mount -t tmpfs none " + (dir / "work2" / "mnt").string() + " 2>/dev/null").c_str()) == 0) {
      const std::string note = clear_work_dir(dir / "work2");
      EXPECT_NE(note.find("cannot remove the work directory"), std::string::npos) << note;
      EXPECT_FALSE(fs::exists(dir / "work2"));  // renamed aside: the next repetition starts clean
      (void)std::system(("umount -l " + (dir / "work2" / "mnt").string() + " 2>/dev/null; umount -l " + dir.path().string() +
                         "/.work2.left-*/mnt 2>/dev/null").c_str());
    }
  }
}

}  // namespace fhebench
