#include "container_images.h"

#include <unistd.h>

#include <fmt/format.h>

#include <cctype>

#include "content_hash.h"
#include "project.h"

namespace fhebench {
namespace {

constexpr const char* kDefaultBase = "debian:bookworm";
constexpr const char* kLocalBase = "localhost/fhebench/debian:bookworm";

std::string lower(const std::string& s) {
  std::string out;
  for (unsigned char c : s) out += std::isalnum(c) || c == '-' || c == '_' || c == '.' ? static_cast<char>(std::tolower(c)) : '-';
  return out;
}

// Copies `from` to `to` without the folders a build context must not carry.
void copy_tree(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  for (auto it = fs::recursive_directory_iterator(from); it != fs::recursive_directory_iterator(); ++it) {
    const auto name = it->path().filename().string();
    const fs::path target = to / fs::relative(it->path(), from);
    if (it->is_directory() && (name == "node_modules" || name == ".git")) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_symlink()) fs::copy_symlink(it->path(), target);
    else if (it->is_directory()) fs::create_directories(target);
    else if (it->is_regular_file()) fs::copy_file(it->path(), target, fs::copy_options::overwrite_existing);
  }
}

// Builds `tag` unless the engine has it; "" or why not.
std::string ensure(const ContainerEngine& engine, ImageBuild build, const std::function<void(const std::string&)>& log) {
  if (!image_id(engine, build.tag).empty()) {
    log(fmt::format("image {} is up to date", build.tag));
    return "";
  }
  build.log_dir = cache_dir() / "images" / lower(build.tag);
  log(fmt::format("building image {} (log: {})", build.tag, build.log_dir.string()));
  return build_image(engine, build);
}

}  // namespace

std::string image_tool_dir(const Tool& tool) { return "/fhebench/tools/" + tool.name; }

std::string choose_base_image(const ContainerEngine& engine, const std::string& wanted) {
  if (!wanted.empty()) return wanted;
  if (image_id(engine, kDefaultBase).empty() && !image_id(engine, kLocalBase).empty()) return kLocalBase;
  return kDefaultBase;
}

std::string image_tag(const Tool& tool, bool base, const std::string& hash) {
  return fmt::format("fhebench/{}{}:{}", lower(tool.name), base ? "-base" : "", hash);
}

std::string base_image_hash(const Tool& tool, const std::string& base, const std::string& base_id) {
  return ContentHash().add_tree(tool.dir / "image_base").add(base).add(base_id).hex();
}

std::string program_image_hash(const Tool& tool, const std::string& base, const std::string& base_id) {
  return ContentHash().add_tree(tool.dir).add_tree(include_dir()).add_tree(project_dir() / "python").add(base).add(base_id).hex();
}

ToolImages ensure_tool_images(const ContainerEngine& engine, const Tool& tool, const std::string& base_image,
                              const std::function<void(const std::string&)>& log) {
  ToolImages out;
  if (!fs::exists(tool.dir / "Dockerfile")) {
    out.error = "it has no Dockerfile, which the container executor builds its image from";
    out.fix = fmt::format("write {} (docs/executors.md), or use --executor local", (tool.dir / "Dockerfile").string());
    return out;
  }
  out.base = base_image;
  // The library image, when the tool has one (tools without a library may build FROM the base directly).
  if (fs::exists(tool.dir / "image_base" / "Dockerfile")) {
    const std::string tag = image_tag(tool, true, base_image_hash(tool, base_image, image_id(engine, base_image)));
    ImageBuild b;
    b.context = tool.dir / "image_base";
    b.dockerfile = b.context / "Dockerfile";
    b.tag = tag;
    b.args = {{"BASE_IMAGE", base_image}};
    if (std::string err = ensure(engine, b, log); !err.empty()) {
      out.error = err;
      out.fix = fmt::format("fix {}/image_base/Dockerfile; offline, give a local base image with --base-image "
                            "(scripts/podman-base-image makes {})", tool.dir.string(), kLocalBase);
      return out;
    }
    out.base = tag;
  }
  // The programs: the build context holds include/ (fhebench's headers), python/ (its Python
  // helper) and tools/<Tool>/.
  out.image = image_tag(tool, false, program_image_hash(tool, out.base, image_id(engine, out.base)));
  // Per process: two runs may build the same image at once.
  const fs::path context = cache_dir() / "images" / fmt::format("{}.context-{}", lower(out.image), ::getpid());
  if (image_id(engine, out.image).empty()) {
    fs::remove_all(context);
    copy_tree(include_dir(), context / "include");
    copy_tree(project_dir() / "python", context / "python");  // fhebench_program, for Python tools
    copy_tree(tool.dir, context / "tools" / tool.name);
  }
  ImageBuild b;
  b.context = context;
  b.dockerfile = context / "tools" / tool.name / "Dockerfile";
  b.tag = out.image;
  b.args = {{"BASE_IMAGE", out.base}};
  const std::string err = ensure(engine, b, log);
  fs::remove_all(context);
  if (!err.empty()) {
    out.error = err;
    out.fix = fmt::format("fix {}/Dockerfile", tool.dir.string());
    out.image.clear();
  }
  return out;
}

}  // namespace fhebench
