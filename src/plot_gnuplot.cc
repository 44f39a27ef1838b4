#include "plot_gnuplot.h"

#include <fmt/format.h>

#include <stdexcept>

#include "atomic_file.h"
#include "plot_script.h"
#include "process.h"

namespace fhebench {

std::vector<std::string> write_plots(const ReportRun& run, const fs::path& dir) {
  fs::create_directories(dir);
  write_file_atomic(dir / "redraw.sh", redraw_script());
  fs::permissions(dir / "redraw.sh", fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                  fs::perm_options::add);
  std::vector<fs::path> scripts;
  for (const auto& b : cells_by_benchmark(run.summary)) {
    const PlotFiles files = make_plot(run, b);
    write_file_atomic(dir / (b.benchmark + ".dat"), files.data);
    write_file_atomic(dir / ("plot_" + b.benchmark + ".gp"), files.script);
    scripts.push_back(dir / ("plot_" + b.benchmark + ".gp"));
  }
  if (!capture_output({"gnuplot", "--version"}, 10))
    throw std::runtime_error("gnuplot not found: the plot data and scripts are in " + dir.string() +
                             "; install gnuplot (Debian: gnuplot-nox) and run " +
                             (dir.filename() / "redraw.sh").string());
  std::vector<std::string> failures;
  for (const auto& script : scripts) {
    ProcessSpec spec;
    spec.argv = {"gnuplot", script.filename().string()};
    spec.cwd = dir;
    spec.timeout_s = 60;
    spec.stderr_file = dir / (".gnuplot_" + script.stem().string() + ".err");
    const ProcessResult r = run_process(spec);
    const std::string err = file_tail(spec.stderr_file, 400);
    std::error_code ec;
    fs::remove(spec.stderr_file, ec);
    if (!r.started || r.exit_code != 0 || r.timed_out)
      failures.push_back(fmt::format("{}: gnuplot failed{}: {}", script.filename().string(),
                                     r.timed_out ? " (timeout)" : "", r.started ? err : r.error));
  }
  return failures;
}

}  // namespace fhebench
