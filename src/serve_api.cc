#include "serve_api.h"

#include <fmt/format.h>

#include <set>

#include "serve_paths.h"
#include "site_data.h"
#include "site_export_history.h"

namespace fhebench {
namespace {

// A run folder that is a symlink to elsewhere is not part of the results folder.
bool run_inside(const fs::path& results_dir, const std::string& id) {
  std::error_code ec;
  const fs::path root = fs::canonical(results_dir, ec);
  const fs::path run = ec ? fs::path() : fs::canonical(results_dir / id, ec);
  return !ec && is_within(root, run) && is_run_folder(run);
}

Json run_entry(const fs::path& results_dir, const std::string& id) {
  Json e = {{"id", id}};
  try {
    const RunStore store = RunStore::open(results_dir, id);
    const ReportRun r = load_report_run(store);
    e["status"] = r.run.value("status", "?");
    e["started"] = r.run.value("started", "");
    e["finished"] = r.run.value("finished", "");
    const Json& m = r.run.value("machine", Json::object());
    e["machine"] = fmt::format("{}, {} cores", text_of(m, "cpu_model"), text_of(m, "cores"));
    std::set<std::string> tools, benchmarks;
    int not_ok = 0;
    for (const CellSummary& c : r.summary.cells) {
      tools.insert(c.cell.tool);
      benchmarks.insert(c.cell.benchmark);
      not_ok += !c.fine();
    }
    e["cells"] = r.summary.cells.size();
    e["not_ok"] = not_ok;
    e["tools"] = tools;
    e["benchmarks"] = benchmarks;
    e["has_site"] = fs::is_regular_file(store.site_index());
  } catch (const std::exception& ex) {
    e["status"] = "unreadable";
    e["error"] = ex.what();
  }
  return e;
}

}  // namespace

Json run_list(const fs::path& results_dir) {
  Json list = Json::array();
  const auto ids = run_ids(results_dir);
  for (auto it = ids.rbegin(); it != ids.rend(); ++it)
    if (run_inside(results_dir, *it)) list.push_back(run_entry(results_dir, *it));
  return list;
}

std::optional<Json> run_document(const fs::path& results_dir, const std::string& id) {
  if (!valid_run_id(id) || !run_inside(results_dir, id)) return std::nullopt;
  const RunStore store = RunStore::open(results_dir, id);
  const ReportRun run = load_report_run(store);
  Json data = site_data(store, run, "/runs/" + id + "/");
  data["history"] = site_history(store, run);
  return data;
}

}  // namespace fhebench
