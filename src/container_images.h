// A tool's images for the container executor (docs/executors.md), as in the SoK layout:
// tools/<Tool>/image_base/Dockerfile (the library and its dependencies, FROM $BASE_IMAGE)
// and tools/<Tool>/Dockerfile (the evaluation programs, FROM $BASE_IMAGE = the base image
// just built), each generated from tool.toml when the tool does not write its own. Tags carry the hash of everything that goes into an image, so an unchanged
// tool is found, not rebuilt; the engine's layer cache serves the rest.
#pragma once

#include <functional>
#include <string>

#include "container_engine.h"
#include "manifest.h"

namespace fhebench {

// Where a tool lives inside its image: its folder ({tool_dir}) and its build ({build_dir}).
std::string image_tool_dir(const Tool& tool);  // /fhebench/tools/<Tool>
inline constexpr const char* kImageBuildDir = "/fhebench/build";

struct ToolImages {
  std::string image;  // the programs' image, e.g. fhebench/seal:0123456789abcdef
  std::string base;   // what it was built FROM
  std::string error, fix;  // why there is no image, and what fixes it
};

// The base of every image_base (BASE_IMAGE): `wanted` when given; else debian:bookworm, or
// the locally made localhost/fhebench/debian:bookworm (scripts/podman-base-image) when only
// that one is present, so that builds work offline.
std::string choose_base_image(const ContainerEngine& engine, const std::string& wanted);

// "fhebench/<tool lower-case>[-base]:<16 hex digits>"
std::string image_tag(const Tool& tool, bool base, const std::string& hash);

// The hashes in the tags: of image_base/ and its base image; of the tool's folder,
// fhebench's headers and the image the programs are built FROM. `*_id`: the engine's id of
// that base ("" when unknown), so a remade base image makes new tags.
std::string base_image_hash(const Tool& tool, const std::string& base, const std::string& base_id);
std::string program_image_hash(const Tool& tool, const std::string& base, const std::string& base_id);

// The Dockerfiles of a tool's two images: its own `image_base/Dockerfile` and `Dockerfile`
// when it has them, else generated from the manifest, so a library's pin and flags are
// written once (tool.toml). The generated base installs the build tools and, for a
// `[library]` with `git`, clones `ref` (with submodules), configures `source_subdir` with
// `cmake_args`, installs it into /usr/local; the generated program image builds `[build]
// source` as `fhebench build` does. "" when there is neither (no CMake [build]).
std::string base_dockerfile(const Tool& tool);
std::string program_dockerfile(const Tool& tool);

// Finds or builds both images. Build logs go to <cache>/images/<tag>/.
ToolImages ensure_tool_images(const ContainerEngine& engine, const Tool& tool, const std::string& base_image,
                              const std::function<void(const std::string&)>& log);

}  // namespace fhebench
