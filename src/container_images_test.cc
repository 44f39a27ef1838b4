// The container images generated from tool.toml: the library's pin, its CMake flags and the
// programs' build come from the manifest, so they are written once; a tool's own Dockerfiles win.
#include "container_images.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

#include "atomic_file.h"
#include "project.h"

namespace fhebench {
namespace {

Tool repo_tool(const std::string& name) { return load_manifest(default_tools_dir() / name); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(GeneratedImages, BaseClonesThePinAndBuildsWithTheManifestFlags) {
  const Tool seal = repo_tool("SEAL");
  const std::string base = base_dockerfile(seal);
  EXPECT_TRUE(has(base, "FROM ${BASE_IMAGE}")) << base;
  EXPECT_TRUE(has(base, "git -C /tmp/library fetch -q --depth 1 " + seal.library->git + " " + seal.library->ref)) << base;
  EXPECT_TRUE(has(base, "submodule update -q --init --recursive")) << base;
  for (const auto& flag : seal.library->cmake_args) EXPECT_TRUE(has(base, " " + flag)) << flag << "\n" << base;
  EXPECT_TRUE(has(base, "cmake -S /tmp/library -B /tmp/library/build")) << base;
  EXPECT_TRUE(has(base, "cmake --install /tmp/library/build")) << base;
  EXPECT_TRUE(has(base, "nlohmann-json3-dev git ca-certificates")) << base;
  // tfhe's CMake project is in src/, and its pin is a commit id (fetched, not cloned by tag).
  const Tool tfhe = repo_tool("TFHE");
  EXPECT_TRUE(has(base_dockerfile(tfhe), "cmake -S /tmp/library/src -B")) << base_dockerfile(tfhe);
  EXPECT_TRUE(has(base_dockerfile(tfhe), " " + tfhe.library->ref + " ")) << base_dockerfile(tfhe);
}

TEST(GeneratedImages, ProgramImageBuildsTheManifestsSourceWithFhebenchsPackage) {
  const Tool openfhe = repo_tool("OpenFHE");
  const std::string program = program_dockerfile(openfhe);
  EXPECT_TRUE(has(program, "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}")) << program;
  EXPECT_TRUE(has(program, "COPY include /fhebench/include\nCOPY cmake /fhebench/cmake\nCOPY tools/OpenFHE /fhebench/tools/OpenFHE\n"))
      << program;
  EXPECT_TRUE(has(program, "cmake -S /fhebench/tools/OpenFHE/source -B /fhebench/build")) << program;
  EXPECT_TRUE(has(program, "-Dfhebench_DIR=/fhebench/cmake")) << program;
  EXPECT_TRUE(has(program, "cmake --build /fhebench/build")) << program;
}

TEST(GeneratedImages, ToolWithoutLibraryGetsOnlyTheBuildTools) {
  const std::string base = base_dockerfile(repo_tool("Plaintext"));
  EXPECT_TRUE(has(base, "apt-get install -y --no-install-recommends g++ make cmake nlohmann-json3-dev \\")) << base;
  EXPECT_FALSE(has(base, "git")) << base;
}

TEST(GeneratedImages, OwnDockerfilesOverrideAndArgumentsAreQuoted) {
  Tool tool = repo_tool("Plaintext");
  tool.build->cmake_args = {"-DX=a b", "-DY='q'"};
  EXPECT_TRUE(has(program_dockerfile(tool), " '-DX=a b' '-DY='\\''q'\\''' \\")) << program_dockerfile(tool);
  const fs::path dir = fs::temp_directory_path() / ("fhebench-images-test-" + std::to_string(::getpid()));
  fs::create_directories(dir / "image_base");
  tool.dir = dir;
  write_file_atomic(dir / "image_base/Dockerfile", "FROM own-base\n");
  write_file_atomic(dir / "Dockerfile", "FROM own-programs\n");
  EXPECT_EQ(base_dockerfile(tool), "FROM own-base\n");
  EXPECT_EQ(program_dockerfile(tool), "FROM own-programs\n");
  fs::remove_all(dir);
  // Nothing to generate from: no CMake build.
  tool.build.reset();
  EXPECT_EQ(program_dockerfile(tool), "");
}

TEST(GeneratedImages, TheGeneratedTextIsPartOfTheTag) {
  Tool tool = repo_tool("SEAL");
  const std::string base = base_image_hash(tool, "debian:bookworm", "id");
  const std::string program = program_image_hash(tool, "b", "id");
  tool.library->ref = "v9.9.9";
  tool.build->cmake_args = {"-DMORE=ON"};
  EXPECT_NE(base, base_image_hash(tool, "debian:bookworm", "id")) << "a new pin makes a new base image";
  EXPECT_NE(program, program_image_hash(tool, "b", "id")) << "new build flags make a new program image";
}

}  // namespace
}  // namespace fhebench
