#include "site_export.h"

#include <cstdlib>
#include <stdexcept>

#include "atomic_file.h"
#include "project.h"
#include "site_data.h"
#include "site_export_history.h"

namespace fhebench {

namespace {
constexpr const char* kDataMarker = "<!-- fhebench: run data -->";
constexpr const char* kBundleFiles[] = {"index.html", "app.js", "app.css"};
}  // namespace

fs::path web_bundle_dir() {
  const char* env = std::getenv("FHEBENCH_WEB_DIR");
  const fs::path dir = env && *env ? fs::path(env) : project_dir() / "web" / "dist";
  for (const char* f : kBundleFiles)
    if (!fs::is_regular_file(dir / f))
      throw std::runtime_error("the website's front end is not built (" + (dir / f).string() +
                               " is missing): build fhebench with CMake (it runs `npm run build` in web/) or run "
                               "`npm ci && npm run build` in web/; FHEBENCH_WEB_DIR may point to a built copy");
  return dir;
}

void write_site(const RunStore& store, const ReportRun& run) {
  const fs::path bundle = web_bundle_dir();
  const fs::path site = store.site_dir();
  fs::create_directories(site);
  for (const char* f : kBundleFiles) {
    std::string text = read_file(bundle / f).value_or("");
    if (std::string(f) == "index.html") {
      const auto at = text.find(kDataMarker);
      if (at == std::string::npos) throw std::runtime_error((bundle / f).string() + " lacks the run data marker");
      text.replace(at, std::string(kDataMarker).size(), "<script src=\"data.js\"></script>");
    }
    write_file_atomic(site / f, text);
  }
  Json data = site_data(store, run, "../");
  data["history"] = site_history(store, run);
  write_file_atomic(site / "data.js", "window.FHEBENCH_DATA = " + dump_json(data) + ";\n");
}

}  // namespace fhebench
