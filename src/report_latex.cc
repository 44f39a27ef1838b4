#include "report_latex.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>

#include "protocol.h"
#include "run_options.h"

namespace fhebench {
namespace {

std::string security_tex(const SecurityLevel& s) {
  if (s.source == "none") return "--";
  if (s.below_128) return "$<$128";
  const std::string bits = s.bits ? std::to_string(*s.bits) : "?";
  return s.source == "declared" ? bits + " (decl.)" : bits;
}

std::string unit_tex(const TimeUnit& u) { return u.name == "µs" ? "$\\mu$s" : u.name; }

// Labels take no escapes: anything but letters, digits and '-' becomes '-'.
std::string label_id(const std::string& s) {
  std::string out;
  for (char ch : s) out += std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' ? ch : '-';
  return out;
}

std::string row(const CellSummary& c, const TimeUnit& u, bool size_column, int mark) {
  std::vector<std::string> f = {latex_escape(c.label()) + (mark ? fmt::format("\\textsuperscript{{{}}}", mark) : ""),
                                latex_escape(c.cell.scheme)};
  if (size_column) f.push_back(latex_escape(c.cell.size_key));
  for (const char* p : kCanonicalPhases) f.push_back(three_digits(phase_median(c, p) * u.factor));
  f.push_back(three_digits(phase_median(c, "total") * u.factor));
  if (c.has_figures() && c.n_used > 1) {  // the median's 95% interval; $^\ast$: below 95% (fewer than 6 repetitions)
    const MedianInterval& ci = c.phases.at("total").ci;
    f.back() += fmt::format(" [{}, {}]{}", three_digits(ci.lo * u.factor), three_digits(ci.hi * u.factor),
                            ci.reaches() ? "" : "$^\\ast$");
  }
  f.push_back(c.vs_reference ? three_digits(*c.vs_reference) : "--");
  f.push_back(c.peak_rss_median > 0 ? three_digits(c.peak_rss_median / 1048576.0) : "--");
  f.push_back(security_tex(c.security));
  return fmt::format("    {} \\\\\n", fmt::join(f, " & "));
}

std::string table(const ReportRun& run, const BenchmarkCells& b) {
  double max_total = 0;
  for (const auto& size : b.sizes)
    for (const CellSummary* c : size)
      if (c->has_figures()) max_total = std::max(max_total, phase_median(*c, "total"));
  const TimeUnit u = unit_for(max_total);
  const bool size_column = b.sizes.size() > 1;
  const RunOptions o = options_from_json(run.run.value("options", Json::object()));
  const std::string reps = o.adaptive() ? fmt::format("{} to {}", o.min_repetitions, o.max_repetitions) : std::to_string(o.repetitions);
  std::string caption = fmt::format("{}{}: median time per phase in {} over {} repetitions (total with the 95\\% "
                                    "confidence interval of its median, [low, high]; $^\\ast$: fewer than 6 repetitions, "
                                    "the interval is [min, max] and covers less), as a multiple of the plaintext baseline, peak memory and security level "
                                    "in bits. fhebench run {}.",
                                    latex_escape(b.benchmark),
                                    size_column ? "" : " (" + latex_escape(b.sizes[0][0]->cell.size_key) + ")",
                                    unit_tex(u), reps, latex_escape(run.id));
  std::string out = fmt::format("\\begin{{table}}[tbp]\n  \\centering\n  \\small\n  \\caption{{{}}}\n  \\label{{tab:fhebench-{}}}\n",
                                caption, label_id(b.benchmark));
  // Shrunk to the line width only when wider (10 columns rarely fit a column or a page).
  out += "  \\resizebox{\\ifdim\\width>\\linewidth\\linewidth\\else\\width\\fi}{!}{%\n";
  out += fmt::format("  \\begin{{tabular}}{{ll{}rrrrrrrl}}\n    \\toprule\n", size_column ? "l" : "");
  out += fmt::format("    Implementation & Scheme & {}KeyGen & Enc & Eval & Dec & Total & $\\times$\\,plain & Mem.\\ (MiB) & Security \\\\\n    \\midrule\n",
                     size_column ? "Size & " : "");
  std::vector<std::string> notes;
  for (size_t i = 0; i < b.sizes.size(); ++i) {
    if (i) out += "    \\addlinespace\n";
    for (const CellSummary* c : b.sizes[i]) {
      int mark = 0;
      if (!c->fine()) {
        notes.push_back(fmt::format("\\textsuperscript{{{}}}{} ({}): {}{}", notes.size() + 1, latex_escape(c->label()),
                                    latex_escape(c->cell.size_key), latex_escape(to_string(c->status)),
                                    c->reason.empty() ? "" : " -- " + latex_escape(c->reason.substr(0, 160))));
        mark = static_cast<int>(notes.size());
      }
      out += row(*c, u, size_column, mark);
    }
  }
  out += "    \\bottomrule\n  \\end{tabular}}\n";
  if (!notes.empty())
    out += fmt::format("  \\par\\smallskip\\footnotesize Not ok (figures, if any, from repetitions that were not ok): {}.\n",
                       fmt::join(notes, "; "));
  return out + "\\end{table}\n";
}

}  // namespace

std::string latex_escape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    switch (ch) {
      case '\\': out += "\\textbackslash{}"; break;
      case '&': case '%': case '$': case '#': case '_': case '{': case '}': out += '\\'; out += ch; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '\n': case '\r': case '\t': out += ' '; break;
      default:
        if (s.compare(i, 2, "µ") == 0) out += "$\\mu$", ++i;
        else if (s.compare(i, 2, "×") == 0) out += "$\\times$", ++i;
        else out += ch;
    }
  }
  return out;
}

std::string three_digits(double v) {
  if (std::isnan(v)) return "--";
  const double a = std::fabs(v);
  if (a >= 100 || a == 0) return fmt::format("{:.0f}", v);
  if (a >= 10) return fmt::format("{:.1f}", v);
  if (a >= 1) return fmt::format("{:.2f}", v);
  if (a < 0.001) return "$<$0.001";
  return fmt::format("{:.3f}", v);
}

std::string tables_tex(const ReportRun& run) {
  std::string out = fmt::format(
      "% fhebench run {}: one table per benchmark. Needs \\usepackage{{booktabs,graphicx}}; \\input{{tables.tex}}.\n"
      "% Medians over the ok repetitions; cells that are not ok are marked and explained below their table.\n"
      "% Machine: {}, {} cores; {}.\n\n",
      run.id, latex_escape(run.run.value("machine", Json::object()).value("cpu_model", "?")),
      run.run.value("machine", Json::object()).value("cores", 0), latex_escape(run.run.value("machine", Json::object()).value("os", "")));
  for (const auto& b : cells_by_benchmark(run.summary)) out += table(run, b) + "\n";
  return out;
}

}  // namespace fhebench
