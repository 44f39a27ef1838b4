#include "manifest.h"

#include <gtest/gtest.h>

#include <fstream>

#include "test_util.h"

namespace fhebench {
namespace {

using test::TempDir;

// Writes tools/<name>/tool.toml and loads it; returns the error text or "".
std::string load_error(const std::string& toml, const std::string& name = "T") {
  TempDir dir;
  fs::create_directories(dir / name);
  std::ofstream(dir / name / "tool.toml") << toml;
  try {
    load_manifest(dir / name);
    return "";
  } catch (const ManifestError& e) {
    return e.what();
  }
}

const std::string kHead = "name = \"T\"\nlanguage = \"cpp\"\n\n";
const std::string kImpl = "\n[[implementation]]\nbenchmark = \"cardio\"\ncommand = [\"{build_dir}/x\"]\n";

}  // namespace

TEST(Manifest, FullManifestIsRead) {
  TempDir dir;
  fs::create_directories(dir / "SEAL");
  std::ofstream(dir / "SEAL" / "tool.toml") << R"(
name = "SEAL"
language = "cpp"
[library]
name = "Microsoft SEAL"
version = "4.4.3"
git = "https://github.com/microsoft/SEAL.git"
ref = "v4.4.3"
cmake_args = ["-DSEAL_BUILD_DEPS=OFF"]
detect = "lib/cmake/SEAL-4.4/SEALConfig.cmake"
[build]
system = "cmake"
[[implementation]]
benchmark = "cardio"
variant = "batched"
scheme = "BFV"
command = ["{build_dir}/cardio_batched", "--fast"]
[[implementation]]
benchmark = "mlp"
scheme = "CKKS"
command = ["{build_dir}/mlp"]
)";
  const Tool t = load_manifest(dir / "SEAL");
  EXPECT_EQ(t.name, "SEAL");
  ASSERT_TRUE(t.library);
  EXPECT_EQ(t.library->ref, "v4.4.3");
  EXPECT_EQ(t.library->cmake_args.size(), 1u);
  ASSERT_TRUE(t.build);
  EXPECT_EQ(t.build->source, "source");
  ASSERT_EQ(t.implementations.size(), 2u);
  EXPECT_EQ(t.implementations[0].command[1], "--fast");
  EXPECT_EQ(t.implementations[1].variant, "default");
  EXPECT_EQ(impl_id(t, t.implementations[0]), "seal_cardio_batched");
}

TEST(Manifest, ErrorsNameFileLineAndFix) {
  const std::string err = load_error("name = \"T\"\nlanguage = \"cpp\"\n\n[[implementation]]\nbenchmark = \"cardiology\"\ncommand = [\"x\"]\n");
  EXPECT_NE(err.find("tool.toml:5:"), std::string::npos) << err;
  EXPECT_NE(err.find("unknown benchmark 'cardiology'"), std::string::npos) << err;
  EXPECT_NE(err.find("cardio, chi_squared"), std::string::npos) << err;
}

struct BadManifest {
  std::string name, toml, message;
  friend void PrintTo(const BadManifest& p, std::ostream* os) { *os << p.name; }
};

class ManifestInvalid : public ::testing::TestWithParam<BadManifest> {};

TEST_P(ManifestInvalid, IsAnErrorNotACrash) {
  const std::string err = load_error(GetParam().toml);
  EXPECT_NE(err.find(GetParam().message), std::string::npos) << "error was: " << err;
  EXPECT_EQ(err.find('\n'), std::string::npos) << "errors are one line: " << err;
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, ManifestInvalid,
    ::testing::Values(
        BadManifest{"syntax", "name = \"T\nlanguage", "tool.toml:1:"},
        BadManifest{"no_name", "language = \"cpp\"" + kImpl, "needs 'name"},
        BadManifest{"name_mismatch", "name = \"U\"\nlanguage = \"cpp\"" + kImpl, "must equal the folder's name \"T\""},
        BadManifest{"name_not_string", "name = 3\nlanguage = \"cpp\"" + kImpl, "must be a string"},
        BadManifest{"no_impl", "name = \"T\"\nlanguage = \"cpp\"\n", "no [[implementation]]"},
        BadManifest{"no_command", "name = \"T\"\nlanguage = \"cpp\"\n[[implementation]]\nbenchmark = \"cardio\"\n", "command"},
        BadManifest{"empty_command", "name = \"T\"\nlanguage = \"cpp\"\n[[implementation]]\nbenchmark = \"cardio\"\ncommand = []\n", "non-empty"},
        BadManifest{"command_not_strings", "name = \"T\"\nlanguage = \"cpp\"\n[[implementation]]\nbenchmark = \"cardio\"\ncommand = [1]\n", "only strings"},
        BadManifest{"duplicate", "name = \"T\"\nlanguage = \"cpp\"" + kImpl + kImpl, "duplicate implementation cardio variant default"},
        BadManifest{"unknown_key", "name = \"T\"\nlanguage = \"cpp\"\ncolour = \"red\"" + kImpl, "unknown key 'colour'"},
        BadManifest{"bad_variant", "name = \"T\"\nlanguage = \"cpp\"\n[[implementation]]\nbenchmark = \"cardio\"\nvariant = \"Fast One\"\ncommand = [\"x\"]\n", "lower-case"},
        BadManifest{"library_not_table", "name = \"T\"\nlanguage = \"cpp\"\nlibrary = \"SEAL\"" + kImpl, "must be a table"},
        BadManifest{"bad_build_system", "name = \"T\"\nlanguage = \"cpp\"\n[build]\nsystem = \"make\"" + kImpl, "must be \"cmake\""},
        BadManifest{"bad_node", "name = \"T\"\nlanguage = \"js\"\n[runtime]\nnode = \"latest\"" + kImpl, "major version"},
        BadManifest{"impl_not_table", "name = \"T\"\nlanguage = \"cpp\"\nimplementation = [1]\n", "[[implementation]] tables"},
        // Hostile values (issue 16): each a one-line error with file and line, never a crash.
        BadManifest{"huge_variant", kHead + "[[implementation]]\nbenchmark = \"cardio\"\nvariant = \"" + std::string(30000, 'a') + "\"\ncommand = [\"x\"]\n",
                    "tool.toml:6:11: 'variant' in [[implementation]] is longer than 4096"},
        BadManifest{"long_variant", kHead + "[[implementation]]\nbenchmark = \"cardio\"\nvariant = \"" + std::string(65, 'a') + "\"\ncommand = [\"x\"]\n",
                    "tool.toml:6:11: variant '"},
        BadManifest{"huge_node", kHead + "[runtime]\nnode = \"" + std::string(30000, '9') + "\"" + kImpl, "tool.toml:5:8: 'node' in [runtime] is longer"},
        BadManifest{"overflowing_node", kHead + "[runtime]\nnode = \"99999999999\"" + kImpl, "tool.toml:5:8: [runtime] node must be a major version"},
        BadManifest{"huge_command", kHead + "[[implementation]]\nbenchmark = \"cardio\"\ncommand = [\"" + std::string(5000, 'x') + "\"]\n",
                    "tool.toml:6:12: an element of 'command'"},
        BadManifest{"source_up", kHead + "[build]\nsource = \"../../../../etc\"" + kImpl, "tool.toml:5:10: 'source' in [build]"},
        BadManifest{"source_absolute", kHead + "[build]\nsource = \"/etc\"" + kImpl, "'source' in [build]: \"/etc\" must be a folder inside"},
        BadManifest{"source_sneaks_up", kHead + "[build]\nsource = \"src/../../x\"" + kImpl, "'source' in [build]"},
        BadManifest{"command_absolute", kHead + "[[implementation]]\nbenchmark = \"cardio\"\ncommand = [\"/etc/x\"]\n",
                    "tool.toml:6:12: 'command' in [[implementation]]: path \"/etc/x\""},
        BadManifest{"command_up", kHead + "[[implementation]]\nbenchmark = \"cardio\"\ncommand = [\"{node}\", \"{tool_dir}/../../etc/x.mjs\"]\n",
                    "path \"{tool_dir}/../../etc/x.mjs\" must stay inside"},
        BadManifest{"command_build_up", kHead + "[[implementation]]\nbenchmark = \"cardio\"\ncommand = [\"{build_dir}/../x\"]\n", "must stay inside"},
        BadManifest{"command_relative_up", kHead + "[[implementation]]\nbenchmark = \"cardio\"\ncommand = [\"../x\"]\n", "must stay inside"},
        BadManifest{"deep_array", kHead + "x = " + std::string(100000, '[') + kImpl, "tool.toml:"},
        BadManifest{"syntax_error_quoting_a_newline", "n = [[[[n\n\"BFhe", "tool.toml:1:10: Error while parsing floating-point: expected 'nan', saw 'n "},  // found by fuzz/
        BadManifest{"huge_file", kHead + "# " + std::string(2u << 20, 'x') + "\n" + kImpl, "at most 1024 KiB"}),
    [](const auto& info) { return info.param.name; });

TEST(Manifest, PathsInsideTheToolFolderAreAccepted) {
  EXPECT_EQ(load_error(kHead + "[build]\nsource = \"programs/cpp\"\n[[implementation]]\nbenchmark = \"cardio\"\n"
                               "command = [\"{node}\", \"{tool_dir}/source/a/../cardio.mjs\", \"--flag\", \"\"]\n"),
            "");
  EXPECT_EQ(load_error(kHead + "[[implementation]]\nbenchmark = \"cardio\"\ncommand = [\"python3\", \"bin/x.py\"]\n"), "");
}

TEST(Manifest, ErrorsAreOneLine) {
  const std::string err = load_error(kHead + "[[implementation]]\nbenchmark = \"cardio\"\nvariant = \"a\\nb\\u001b[31m\"\ncommand = [\"x\"]\n");
  EXPECT_NE(err.find("variant"), std::string::npos) << err;
  EXPECT_EQ(err.find('\n'), std::string::npos) << err;
  EXPECT_EQ(err.find('\x1b'), std::string::npos) << err;
}

TEST(Manifest, MissingFileIsAnError) {
  TempDir dir;
  fs::create_directories(dir / "Empty");
  EXPECT_THROW(load_manifest(dir / "Empty"), ManifestError);
}

}  // namespace fhebench
