#include "plot_script.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "protocol.h"

namespace fhebench {
namespace {

constexpr const char* kColors[] = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#9c755f"};  // the last: compile
constexpr int kWidth = 1280;     // px (png, svg); the pdf has the same proportions
constexpr int kRowPx = 30;

std::string number(double v) { return std::isnan(v) ? "NaN" : fmt::format("{:.6g}", v); }

size_t display_width(const std::string& s) {  // UTF-8 code points
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char ch) { return (ch & 0xC0) != 0x80; }));
}

struct Row {
  double y;
  const CellSummary* cell;  // nullptr: a size heading
  std::string label;
};

std::vector<Row> layout(const BenchmarkCells& b) {
  std::vector<Row> rows;
  double y = 0;
  const bool headings = b.sizes.size() > 1;
  for (const auto& size : b.sizes) {
    if (headings) rows.push_back({y++, nullptr, size[0]->cell.size_key + ":"});
    for (const CellSummary* c : size) {
      std::string label = c->label();
      if (!c->fine()) label += " ✗ " + to_string(c->status);
      rows.push_back({y++, c, (headings ? "  " : "") + label});
    }
  }
  return rows;
}

// Whether some cell of the plot reported the optional compile phase: then it is drawn too.
bool any_compile(const std::vector<Row>& rows) {
  return std::any_of(rows.begin(), rows.end(), [](const Row& r) { return r.cell && !std::isnan(phase_median(*r.cell, kCompilePhase)); });
}

// The data file's columns ($3... in the script): the compile phase is the last, after the
// SoK phases and the total, so that runs without it keep the same file.
std::string data_file(const ReportRun& run, const BenchmarkCells& b, const std::vector<Row>& rows, const TimeUnit& u,
                      bool compiled) {
  const std::string compile_column = compiled ? std::string("\t") + kCompilePhase : "";
  std::string out = fmt::format(
      "# fhebench run {}, benchmark {}: medians over the ok repetitions in {} (NaN: no figures).\n"
      "# sd_total: standard deviation of the total over the same repetitions. ok: 1 verified, 0 not ok,\n"
      "# -1 a size heading. ci_low, ci_high: the 95% interval of the median total (the error bars).\n"
      "# Edit and redraw with `gnuplot plot_{}.gp`.\n"
      "# y\tlabel\tkeygen\tencrypt\tcompute\tdecrypt\ttotal\tsd_total\tok\tstatus\tnote\ttool\tvariant\tsize{}\tci_low\tci_high\n",
      run.id, b.benchmark, u.name, b.benchmark, compile_column);
  for (const Row& r : rows) {
    if (!r.cell) {
      out += fmt::format("{}\t{}\tNaN\tNaN\tNaN\tNaN\tNaN\tNaN\t-1\t-\t-\t-\t-\t-{}\tNaN\tNaN\n", r.y, gnuplot_text(r.label),
                         compiled ? "\tNaN" : "");
      continue;
    }
    const CellSummary& c = *r.cell;
    std::vector<std::string> f = {number(r.y), gnuplot_text(r.label)};
    for (const char* p : kCanonicalPhases) f.push_back(number(phase_median(c, p) * u.factor));
    f.push_back(number(phase_median(c, "total") * u.factor));
    f.push_back(number(phase_sd(c, "total") * u.factor));
    f.push_back(c.fine() ? "1" : "0");
    f.push_back(gnuplot_text(to_string(c.status)));
    std::string note = "-";
    if (!c.has_figures()) {
      std::string reason = c.reason;
      if (reason.size() > 70) reason = reason.substr(0, 67) + "...";
      note = gnuplot_text(fmt::format("✗ {}: no timings{}", to_string(c.status), reason.empty() ? "" : " (" + reason + ")"));
    }
    f.push_back(note);
    f.push_back(gnuplot_text(c.cell.tool));
    f.push_back(gnuplot_text(c.cell.variant));
    f.push_back(gnuplot_text(c.cell.size_key));
    if (compiled) f.push_back(number(phase_median(c, kCompilePhase) * u.factor));
    const MedianInterval ci = total_interval(c);
    f.push_back(number(ci.lo * u.factor));
    f.push_back(number(ci.hi * u.factor));
    out += fmt::format("{}\n", fmt::join(f, "\t"));
  }
  return out;
}

// The log axis: from a decade below the smallest positive figure to a decade above the largest.
std::pair<double, double> log_range(const std::vector<Row>& rows, const TimeUnit& u) {
  double lo = INFINITY, hi = 0;
  for (const Row& r : rows) {
    if (!r.cell) continue;
    for (const char* p : {"keygen", "encrypt", "compute", "decrypt", "total", kCompilePhase}) {
      const double v = phase_median(*r.cell, p) * u.factor;
      const double top = p[0] == 't' ? std::max(v, total_interval(*r.cell).hi * u.factor) : v;
      if (v > 0) lo = std::min(lo, v), hi = std::max(hi, top);
    }
  }
  if (!(hi > 0)) return {0.1, 10};
  return {std::pow(10, std::floor(std::log10(lo))), std::pow(10, std::ceil(std::log10(hi) + 1e-9))};
}

// The data file's ci_low column ($15, or $16 after compile); ci_high follows it.
int ci_column(bool compiled) { return compiled ? 16 : 15; }

std::string phase_plots_linear(bool any_bad, bool any_note, bool compiled) {
  // Labels of cells that are not ok are drawn in red beside the axis instead of as tic labels.
  std::string s = "plot data using (0):1:ytic(strcol(9) eq \"0\" ? \"\" : strcol(2)) with points pt -1 notitle";
  std::string start = "0";
  const char* cols[] = {"$3", "$4", "$5", "$6"};
  for (int i = 0; i < 4; ++i) {
    const std::string end = start == "0" ? cols[i] : start + "+" + cols[i];
    s += fmt::format(", \\\n     '' using ({0}):($9==1||$9==0 ? $1 : NaN):({1}):({0}):($1-h):($1+h) with boxxyerror "
                     "fc rgb c{2} fs solid 1.0 noborder title \"{3}\"",
                     end, start == "0" ? "0" : start, i + 1, kCanonicalPhases[i]);
    start = "(" + end + ")";
  }
  // Compile is outside the total: stacked after it, so the total's error bar stays where it ends.
  if (compiled)
    s += fmt::format(", \\\n     '' using ({0}+$15):($9==1||$9==0 ? $1 : NaN):({0}):({0}+$15):($1-h):($1+h) with boxxyerror "
                     "fc rgb c5 fs solid 1.0 noborder title \"{1} (not in total)\"",
                     start, kCompilePhase);
  if (any_bad)
    s += ", \\\n     '' using ($7):($9==0 ? $1 : NaN):(0):($7):($1-h):($1+h) with boxxyerror "
         "fc rgb bad fs transparent pattern 4 border lc rgb bad lw 1.5 notitle";
  s += fmt::format(", \\\n     '' using ($3+$4+$5+$6):1:(${0}):(${1}) with xerrorbars pt -1 lc rgb \"#111111\" lw 1.2 notitle",
                   ci_column(compiled), ci_column(compiled) + 1);
  if (any_bad) s += ", \\\n     '' using (0):(strcol(9) eq \"0\" ? $1 : NaN):2 with labels right offset -1,0 tc rgb bad notitle";
  if (any_note) s += ", \\\n     '' using (0):(strcol(11) ne \"-\" ? $1 : NaN):11 with labels left offset 0.5,0 tc rgb bad notitle";
  return s + "\n";
}

std::string phase_plots_log(bool any_bad, bool compiled) {
  std::string s = "plot ";
  const char* cols[] = {"$3", "$4", "$5", "$6", "$15"};
  const int n = compiled ? 5 : 4;
  for (int i = 0; i < n; ++i) {
    if (i) s += ", \\\n     ";
    s += fmt::format("data using ({0}>0 ? {0} : NaN):1:(xmin):({0}>0 ? {0} : NaN):($1+g*({1}-0.42)):($1+g*({1}+0.42)) "
                     "with boxxyerror fc rgb c{2} fs solid 1.0 noborder notitle",
                     cols[i], i - (n - 1) / 2.0, i + 1);
  }
  if (any_bad)
    s += fmt::format(", \\\n     '' using ($7):($9==0 && $7>0 ? $1 : NaN):(xmin):($7):($1-{0:g}*g):($1+{0:g}*g) with boxxyerror "
                     "fc rgb bad fs transparent pattern 4 border lc rgb bad lw 1.5 title \"not ok (✗)\"", n / 2.0);
  s += fmt::format(", \\\n     '' using ($7>0 ? $7 : NaN):1:(${0}>xmin ? ${0} : xmin):(${1}) with xerrorbars pt 7 ps 0.6 "
                   "lc rgb \"#111111\" lw 1.2 title \"total, 95% CI of the median\"",
                   ci_column(compiled), ci_column(compiled) + 1);
  return s + "\n";
}

}  // namespace

std::string gnuplot_text(const std::string& s) {
  std::string out;
  for (char ch : s) out += ch == '\t' || ch == '\n' || ch == '\r' ? ' ' : ch == '"' ? '\'' : ch == '\\' ? '/' : ch;
  return out.empty() ? "-" : out;
}

PlotFiles make_plot(const ReportRun& run, const BenchmarkCells& b) {
  const auto rows = layout(b);
  const bool compiled = any_compile(rows);
  double max_total = 0;
  bool any_bad = false, any_note = false;
  int reps = 0;
  size_t label_chars = 10;
  for (const Row& r : rows) {
    label_chars = std::max(label_chars, display_width(r.label));
    if (!r.cell) continue;
    if (r.cell->has_figures())
      max_total = std::max(max_total, std::max(phase_median(*r.cell, "total"), total_interval(*r.cell).hi));
    any_bad |= !r.cell->fine();
    any_note |= !r.cell->has_figures();
    reps = std::max(reps, static_cast<int>(r.cell->n_used));
  }
  const TimeUnit u = unit_for(max_total);
  const auto [xmin, xmax] = log_range(rows, u);
  const int height = 150 + static_cast<int>(rows.size()) * kRowPx;
  // The left panel holds the labels: give it their width on top of half the figure.
  const double split = std::min(0.75, 0.5 + static_cast<double>(label_chars) * 7.0 / kWidth);
  const std::string title = fmt::format("{} · fhebench run {} · medians of up to {} repetitions, error bars: 95% CI of the median",
                                        b.benchmark, run.id, reps);

  std::string gp = fmt::format(R"(# fhebench: plot of benchmark {bench} in run {run}.
# Redraw after editing this file or {bench}.dat: `gnuplot plot_{bench}.gp` here
# (or ./redraw.sh for every benchmark). Writes plot_{bench}.png, .pdf and .svg.
reset
data = "{bench}.dat"
set datafile separator "\t"
set datafile commentschars "#"
c1 = "{c1}"; c2 = "{c2}"; c3 = "{c3}"; c4 = "{c4}"; bad = "#d62728"{c5}
h = 0.38          # half the height of a stacked bar (rows are 1 apart)
g = {g}          # height of one grouped bar on the log axis
xmin = {xmin}; xmax = {xmax}
W = {width}; H = {height}; split = {split:.3f}

do for [fmt in "png pdf svg"] {{
  if (fmt eq "png") {{ set terminal pngcairo size W,H font "DejaVu Sans,10" noenhanced background "white" }}
  if (fmt eq "pdf") {{ set terminal pdfcairo size W/72.0,H/72.0 font "DejaVu Sans,10" noenhanced }}
  if (fmt eq "svg") {{ set terminal svg size W,H font "DejaVu Sans,10" noenhanced background "white" }}
  set output "plot_{bench}.".fmt
  set multiplot title "{title}"
  set yrange [{ymax}+0.6:-0.6]
  set tmargin 3; set bmargin 6
  set border 3 lc rgb "#555555"
  set grid xtics lc rgb "#e0e0e0" lt 1
  set key center bottom horizontal reverse Left samplen 1.5 width 1

  # Left: the four phases stacked on a linear axis.
  set origin 0,0; set size split,1
  set key at screen split/2, screen 0.01
  set lmargin {lmargin}; set rmargin 3
  unset logscale x
  set xrange [0:*]
  set ytics scale 0 nomirror
  set xtics nomirror
  set xlabel "time ({unit}), phases stacked"
  {linear}
  # Right: the same phases grouped on a log axis, with the total.
  set origin split,0; set size 1-split,1
  set lmargin 2; set rmargin 3
  set key at screen split+(1-split)/2, screen 0.01
  set logscale x
  set xrange [xmin:xmax]
  set format x "%g"
  set ytics format ""
  set xlabel "time ({unit}), log scale"
  {log}
  unset multiplot
  set output
}}
)",
                               fmt::arg("bench", b.benchmark), fmt::arg("run", run.id), fmt::arg("c1", kColors[0]),
                               fmt::arg("c2", kColors[1]), fmt::arg("c3", kColors[2]), fmt::arg("c4", kColors[3]),
                               fmt::arg("c5", compiled ? fmt::format("; c5 = \"{}\"", kColors[4]) : ""),
                               fmt::arg("g", compiled ? "0.152" : "0.19"),
                               fmt::arg("xmin", number(xmin)), fmt::arg("xmax", number(xmax)), fmt::arg("width", kWidth),
                               fmt::arg("height", height), fmt::arg("lmargin", label_chars + 2), fmt::arg("split", split), fmt::arg("title", gnuplot_text(title)),
                               fmt::arg("ymax", rows.empty() ? 0 : rows.back().y), fmt::arg("unit", u.name),
                               fmt::arg("linear", phase_plots_linear(any_bad, any_note, compiled)),
                               fmt::arg("log", phase_plots_log(any_bad, compiled)));
  return {data_file(run, b, rows, u, compiled), gp};
}

std::string redraw_script() {
  return "#!/bin/sh\n"
         "# Redraws every plot of this folder from its .dat and .gp files (needs gnuplot with the cairo\n"
         "# terminals, e.g. Debian's gnuplot-nox).\n"
         "set -e\n"
         "cd \"$(dirname \"$0\")\"\n"
         "for script in plot_*.gp; do gnuplot \"$script\"; done\n";
}

}  // namespace fhebench
