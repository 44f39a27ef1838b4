#include "report.h"

#include <fmt/format.h>

#include <functional>

#include "atomic_file.h"
#include "plot_gnuplot.h"
#include "report_data.h"
#include "report_latex.h"
#include "report_stats_csv.h"
#include "site_export.h"
#include "summary_table.h"

namespace fhebench {
namespace {

// What `fhebench report` lists: the files relative to the run folder.
std::vector<std::string> relative(const RunStore& store, const std::vector<fs::path>& files) {
  std::vector<std::string> out;
  for (const auto& f : files) out.push_back(store.relative(f));
  return out;
}

}  // namespace

ReportResult write_report(const RunStore& store, const ReportParts& parts, const Json* run_json) {
  ReportRun run = load_report_run(store);
  if (run_json) run.run = *run_json;
  ReportResult result;
  auto part = [&](const char* name, const std::vector<std::string>& files, const std::function<void()>& make) {
    try {
      make();
      result.written.insert(result.written.end(), files.begin(), files.end());
    } catch (const std::exception& e) {
      result.problems.push_back(fmt::format("{}: {}", name, e.what()));
    }
  };
  if (parts.tables) {
    const std::vector<fs::path> files = {store.summary_md_path(), store.tables_tex_path(), store.stats_csv_path()};
    part("tables", relative(store, files), [&] {
      write_file_atomic(files[0], summary_markdown(run.summary, run.run));
      write_file_atomic(files[1], tables_tex(run));
      write_file_atomic(files[2], stats_csv(run));
    });
  }
  if (parts.plots) {
    part("plots", {store.relative(store.plot_dir()) + "/"}, [&] {
      for (const auto& failure : write_plots(run, store.plot_dir())) result.problems.push_back("plots: " + failure);
    });
  }
  if (parts.site) part("site", relative(store, {store.site_index()}), [&] { write_site(store, run); });
  return result;
}

void report_after_run(const RunStore& store, const Json& run) {
  try {
    const ReportResult r = write_report(store, {}, &run);
    for (const auto& p : r.problems) fmt::print(stderr, "fhebench: warning: report: {}\n", p);
    if (!r.written.empty())
      fmt::print(stderr, "report: {} ({})\n", store.site_index().string(), fmt::join(r.written, ", "));
  } catch (const std::exception& e) {
    fmt::print(stderr, "fhebench: warning: no report for run {}: {} (the results are stored; retry with `fhebench report {}`)\n",
               store.id(), e.what(), store.id());
  }
}

}  // namespace fhebench
