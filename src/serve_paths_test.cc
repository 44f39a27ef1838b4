// The server's one gate to the file system: nothing outside the root gets through.
#include "serve_paths.h"

#include <gtest/gtest.h>

#include "atomic_file.h"
#include "test_util.h"

namespace fhebench {

namespace fs = std::filesystem;

TEST(ServePaths, ResolvesFilesBelowTheRoot) {
  test::TempDir dir;
  fs::create_directories(dir / "root/site");
  write_file_atomic(dir / "root/site/index.html", "<html>");
  const ResolvedPath p = resolve_below(dir / "root", "site/index.html");
  ASSERT_EQ(p.check, PathCheck::ok);
  EXPECT_EQ(p.file, fs::canonical(dir / "root/site/index.html"));
  EXPECT_EQ(resolve_below(dir / "root", "site").check, PathCheck::missing);  // a folder is not served
  EXPECT_EQ(resolve_below(dir / "root", "site/none.html").check, PathCheck::missing);
}

TEST(ServePaths, RejectsTraversalAndOddSegments) {
  test::TempDir dir;
  fs::create_directories(dir / "root/a");
  write_file_atomic(dir / "secret.txt", "secret");
  write_file_atomic(dir / "root/a/b.txt", "b");
  for (const std::string& bad : std::vector<std::string>{"../secret.txt", "a/../../secret.txt", "a/../a/b.txt", "./a/b.txt", "/etc/passwd",
                                "a//b.txt", "a/b.txt/", "", "a\\..\\..\\secret.txt", std::string("a/b.txt\0x", 9),
                                "a/\x01", "C:/x", std::string(2000, 'a')})
    EXPECT_EQ(resolve_below(dir / "root", bad).check, PathCheck::malformed) << bad;
}

TEST(ServePaths, SymlinksMustStayInside) {
  test::TempDir dir;
  fs::create_directories(dir / "root/a");
  write_file_atomic(dir / "secret.txt", "secret");
  write_file_atomic(dir / "root/a/b.txt", "b");
  fs::create_symlink(dir / "secret.txt", dir / "root/leak.txt");
  fs::create_directory_symlink(dir.path(), dir / "root/up");
  fs::create_symlink("a/b.txt", dir / "root/alias.txt");
  EXPECT_EQ(resolve_below(dir / "root", "leak.txt").check, PathCheck::outside);
  EXPECT_EQ(resolve_below(dir / "root", "up/secret.txt").check, PathCheck::outside);
  EXPECT_EQ(resolve_below(dir / "root", "alias.txt").check, PathCheck::ok);
  fs::create_symlink(dir / "nowhere", dir / "root/dangling");
  EXPECT_EQ(resolve_below(dir / "root", "dangling").check, PathCheck::missing);
}

TEST(ServePaths, HardLinksAreRefused) {
  test::TempDir dir;
  fs::create_directories(dir / "root");
  write_file_atomic(dir / "secret.txt", "secret");
  fs::create_hard_link(dir / "secret.txt", dir / "root/linked.txt");  // same inode as a file outside
  EXPECT_EQ(resolve_below(dir / "root", "linked.txt").check, PathCheck::outside);
}

TEST(ServePaths, WithinComparesWholeComponents) {
  EXPECT_TRUE(is_within("/a/b", "/a/b"));
  EXPECT_TRUE(is_within("/a/b", "/a/b/c"));
  EXPECT_TRUE(is_within("/a/b/", "/a/b/c"));
  EXPECT_FALSE(is_within("/a/b", "/a/bc"));
  EXPECT_FALSE(is_within("/a/b", "/a"));
  EXPECT_FALSE(is_within("/a/b", "/x/b/c"));
}

}  // namespace fhebench
