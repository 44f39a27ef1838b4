// The report writers on hand-made summaries: order and labels, tables.tex, stats.csv and the
// gnuplot data and script (drawing them for real is tests/report_cli_test.cc).
#include <gtest/gtest.h>

#include <cmath>

#include "atomic_file.h"
#include "plot_script.h"
#include "report_data.h"
#include "report_latex.h"
#include "report_stats_csv.h"
#include "test_util.h"

namespace fhebench {
namespace {

Json stat(double median, double sd = 0, int n = 3) {
  return {{"median", median}, {"mean", median}, {"sd", sd}, {"min", median}, {"max", median}, {"n", n},
          {"ci", {{"low", median - sd}, {"high", median + sd}, {"coverage", 0.75}}}};  // 3 repetitions: [min, max], 75%
}

Json cell(const std::string& tool, const std::string& variant, const std::string& status, double total,
          int64_t patients = 1) {
  Json c = {{"tool", tool}, {"variant", variant}, {"benchmark", "cardio"}, {"scheme", "BFV"},
            {"impl", tool + "_cardio_" + variant}, {"size", {{"patients", patients}}},
            {"size_key", "patients=" + std::to_string(patients)}, {"status", status}, {"reason", ""},
            {"counts", {{"ok", status == "ok" ? 3 : 0}, {"incorrect", status == "incorrect" ? 3 : 0}}},
            {"n_used", std::isnan(total) ? 0 : 3}, {"peak_rss_bytes", {{"median", 2097152.0}, {"max", 2097152.0}}},
            {"fhe", {{"poly_modulus_degree", 8192}}}, {"security", {{"bits", 128}, {"source", "table"}, {"below_128", false}}},
            {"vs_plaintext", Json()}, {"phases", Json::object()}};
  if (!std::isnan(total)) {
    c["phases"] = {{"keygen", stat(total * 0.1)}, {"encrypt", stat(total * 0.2)}, {"compute", stat(total * 0.6)},
                   {"decrypt", stat(total * 0.1)}, {"total", stat(total, total * 0.05)}};
  }
  return c;
}

ReportRun sample_run(Json cells) {
  ReportRun r;
  r.id = "20261128_160000";
  r.run = {{"id", r.id}, {"options", {{"repetitions", 3}}}, {"machine", {{"cpu_model", "Test CPU"}, {"cores", 2}}}};
  r.summary = run_summary_from_json({{"run", r.id}, {"cells", std::move(cells)}});
  return r;
}

// Keeps empty fields (a trailing one too); a final newline ends the last line, it starts none.
std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t at = s.find(sep); at != std::string::npos; at = s.find(sep, start)) {
    out.push_back(s.substr(start, at - start));
    start = at + 1;
  }
  if (start < s.size() || sep != '\n') out.push_back(s.substr(start));
  return out;
}

std::vector<std::string> lines_without_comments(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& l : split(text, '\n'))
    if (!l.empty() && l[0] != '#') out.push_back(l);
  return out;
}

}  // namespace

TEST(ReportData, LabelsAndOrder) {
  const ReportRun r = sample_run({cell("SEAL", "batched", "ok", 0.5, 64), cell("SEAL", "batched", "ok", 0.05, 8),
                                  cell("Plaintext", "default", "ok", 0.001, 64), cell("Broken", "default", "error", NAN, 8),
                                  cell("TFHE", "default", "ok", 0.01, 8)});
  EXPECT_EQ(r.summary.cells[0].label(), "SEAL/batched");
  EXPECT_EQ(r.summary.cells[2].label(), "Plaintext");
  const auto groups = cells_by_benchmark(r.summary);
  ASSERT_EQ(groups.size(), 1u);
  ASSERT_EQ(groups[0].sizes.size(), 2u);
  // Sizes numerically (8 before 64); fastest first; cells without figures last.
  const auto& small = groups[0].sizes[0];
  ASSERT_EQ(small.size(), 3u);
  EXPECT_EQ(small[0]->cell.tool, "TFHE");
  EXPECT_EQ(small[1]->cell.tool, "SEAL");
  EXPECT_EQ(small[2]->cell.tool, "Broken");
  EXPECT_EQ(groups[0].sizes[1][0]->cell.tool, "Plaintext");
  EXPECT_EQ(groups[0].count(), 5u);
}

TEST(ReportData, RunIdsSortSuffixesNumerically) {
  test::TempDir dir;
  for (const char* id : {"20261128_160000_10", "20261128_160000", "20261128_160000_2", "20261127_235959", "notarun"}) {
    fs::create_directories(dir / id);
    write_file_atomic(dir / id / "run.json", "{}");
  }
  fs::create_directories(dir / "20261129_000000");  // no run.json: not a run
  EXPECT_EQ(run_ids(dir.path()), (std::vector<std::string>{"20261127_235959", "20261128_160000", "20261128_160000_2",
                                                           "20261128_160000_10"}));
  EXPECT_TRUE(valid_run_id("20261128_160000_3"));
  for (const char* bad : {"", "..", "20261128_16000", "20261128_160000/..", "20261128_160000_", "x20261128_160000"})
    EXPECT_FALSE(valid_run_id(bad)) << bad;
}

TEST(ReportData, UnitKeepsTheLargestValueAboveOne) {
  EXPECT_EQ(unit_for(2.5).name, "s");
  EXPECT_EQ(unit_for(0.2).name, "ms");
  EXPECT_EQ(unit_for(0.0002).name, "µs");
  EXPECT_EQ(unit_for(0.2).factor, 1e3);
}

TEST(ReportLatex, EscapesEverySpecialCharacter) {
  EXPECT_EQ(latex_escape("a_b&c%d$e#f{g}h~i^j\\k"),
            "a\\_b\\&c\\%d\\$e\\#f\\{g\\}h\\textasciitilde{}i\\textasciicircum{}j\\textbackslash{}k");
  EXPECT_EQ(latex_escape("12 µs × 3\nx"), "12 $\\mu$s $\\times$ 3 x");
  EXPECT_EQ(three_digits(1234.5), "1234");  // fixed notation, rounded half to even
  EXPECT_EQ(three_digits(12.345), "12.3");
  EXPECT_EQ(three_digits(1.2345), "1.23");
  EXPECT_EQ(three_digits(0.012345), "0.012");
  EXPECT_EQ(three_digits(NAN), "--");
}

TEST(ReportLatex, OneBooktabsTablePerBenchmarkWithFailuresExplained) {
  Json bad = cell("My_Tool", "wrong&bad", "incorrect", 0.02);
  bad["reason"] = "risk[0] = 6, expected 5 (100% off)";
  Json chi = cell("SEAL", "default", "ok", 0.003);
  chi["benchmark"] = "chi_squared";
  const std::string tex = tables_tex(sample_run({cell("SEAL", "batched", "ok", 0.01), bad, chi}));
  size_t tables = 0;
  for (size_t at = tex.find("\\begin{table}"); at != std::string::npos; at = tex.find("\\begin{table}", at + 1)) ++tables;
  EXPECT_EQ(tables, 2u);
  for (const char* s : {"\\toprule", "\\midrule", "\\bottomrule", "\\label{tab:fhebench-cardio}", "\\label{tab:fhebench-chi-squared}",
                        "My\\_Tool/wrong\\&bad\\textsuperscript{1}", "risk[0] = 6, expected 5 (100\\% off)", "in ms over 3 repetitions"})
    EXPECT_NE(tex.find(s), std::string::npos) << s << "\n" << tex;
  // 10 ms total as median with its interval (flagged: 3 repetitions cover 75%); 2 MiB; 128-bit security.
  EXPECT_NE(tex.find("SEAL/batched & BFV & 1.00 & 2.00 & 6.00 & 1.00 & 10.0 [9.50, 10.5]$^\\ast$ & -- & 2.00 & 128 \\\\"), std::string::npos) << tex;
  EXPECT_EQ(tex.find("My_Tool"), std::string::npos);  // never unescaped
}

TEST(ReportStatsCsv, OneRowPerCellInMilliseconds) {
  Json bad = cell("Quote\"Tool", "default", "error", NAN);
  bad["reason"] = "exited with status 3, said \"no\"";
  const std::string csv = stats_csv(sample_run({cell("SEAL", "batched", "ok", 0.01), bad}));
  const auto rows = split(csv, '\n');
  ASSERT_EQ(rows.size(), 3u);
  const auto header = split(rows[0], ',');
  const auto first = split(rows[1], ',');
  ASSERT_EQ(header.size(), first.size());
  const auto col = [&](const std::string& name) { return std::find(header.begin(), header.end(), name) - header.begin(); };
  EXPECT_EQ(first[col("tool")], "SEAL");
  EXPECT_EQ(first[col("total_median_ms")], "10");
  EXPECT_EQ(first[col("total_sd_ms")], "0.5");
  EXPECT_EQ(first[col("security_bits")], "128");
  EXPECT_NE(rows[2].find("\"Quote\"\"Tool\""), std::string::npos) << rows[2];
  EXPECT_NE(rows[2].find("\"exited with status 3, said \"\"no\"\"\""), std::string::npos) << rows[2];
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("line\nbreak"), "\"line\nbreak\"");
}

TEST(PlotScript, DataRowsKeepFailedCellsAndMarkThem) {
  Json bad = cell("SEAL-wasm", "batched", "incorrect", 0.02);
  Json crashed = cell("Tab\tTool", "default", "error", NAN);
  crashed["reason"] = "exited with status 3";
  const ReportRun r = sample_run({cell("SEAL", "batched", "ok", 0.01), bad, crashed});
  const PlotFiles p = make_plot(r, cells_by_benchmark(r.summary)[0]);
  const auto rows = lines_without_comments(p.data);
  ASSERT_EQ(rows.size(), 3u);
  const auto ok = split(rows[0], '\t');
  ASSERT_EQ(ok.size(), 16u);
  EXPECT_EQ(ok[1], "SEAL/batched");
  EXPECT_EQ(ok[6], "10");   // total in ms (the unit of this plot)
  EXPECT_EQ(ok[7], "0.5");  // its standard deviation
  EXPECT_EQ(ok[8], "1");
  EXPECT_EQ(ok[14], "9.5");   // the median's 95% interval, last: the error bars
  EXPECT_EQ(ok[15], "10.5");
  const auto incorrect = split(rows[1], '\t');
  EXPECT_EQ(incorrect[1], "SEAL-wasm/batched ✗ incorrect");
  EXPECT_EQ(incorrect[8], "0");
  const auto error = split(rows[2], '\t');
  ASSERT_EQ(error.size(), 16u);  // the tab in the tool's name did not add a column
  EXPECT_EQ(error[1], "Tab Tool ✗ error");
  EXPECT_EQ(error[2], "NaN");
  EXPECT_EQ(error[10], "✗ error: no timings (exited with status 3)");

  for (const char* s : {"data = \"cardio.dat\"", "set output \"plot_cardio.\".fmt", "do for [fmt in \"png pdf svg\"]",
                        "pngcairo", "pdfcairo", "set terminal svg", "set logscale x", "xerrorbars", "pattern 4", "time (ms)",
                        ":($15):($16) with xerrorbars", "95% CI of the median"})
    EXPECT_NE(p.script.find(s), std::string::npos) << s;
}

// docs/protocol.md's optional compile phase is in the summary, the CSVs and the site: the
// plots draw it too (after the total it is not part of), and plots without it are unchanged.
TEST(PlotScript, TheCompilePhaseIsDrawnWhenAToolReportsIt) {
  Json compiler = cell("Concrete", "default", "ok", 0.01);
  compiler["phases"]["compile"] = stat(0.004);
  const ReportRun r = sample_run({compiler, cell("SEAL", "batched", "ok", 0.02)});
  const PlotFiles p = make_plot(r, cells_by_benchmark(r.summary)[0]);
  const auto rows = lines_without_comments(p.data);
  ASSERT_EQ(rows.size(), 2u);
  const auto with = split(rows[0], '\t'), without = split(rows[1], '\t');
  ASSERT_EQ(with.size(), 17u);
  EXPECT_EQ(with[1], "Concrete");
  EXPECT_EQ(with[6], "10");  // the total leaves compile out
  EXPECT_EQ(with[14], "4");  // compile, in ms
  ASSERT_EQ(without.size(), 17u);
  EXPECT_EQ(without[14], "NaN");
  EXPECT_NE(p.data.find("\tsize\tcompile\tci_low\tci_high\n"), std::string::npos);
  for (const char* s : {"c5 = ", "title \"compile (not in total)\"", "data using ($15>0 ? $15 : NaN)", ":($16):($17) with xerrorbars"})
    EXPECT_NE(p.script.find(s), std::string::npos) << s;

  const ReportRun library = sample_run({cell("SEAL", "batched", "ok", 0.02)});
  const PlotFiles plain = make_plot(library, cells_by_benchmark(library.summary)[0]);
  EXPECT_EQ(plain.script.find("$15>0"), std::string::npos);  // $15 is ci_low there, not compile
  EXPECT_EQ(plain.script.find("c5"), std::string::npos);
  EXPECT_EQ(plain.data.find("compile"), std::string::npos);
}

TEST(PlotScript, SizesBecomeHeadedGroups) {
  const ReportRun r = sample_run({cell("SEAL", "batched", "ok", 2.0, 64), cell("SEAL", "batched", "ok", 0.5, 8)});
  const PlotFiles p = make_plot(r, cells_by_benchmark(r.summary)[0]);
  const auto rows = lines_without_comments(p.data);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(split(rows[0], '\t')[1], "patients=8:");
  EXPECT_EQ(split(rows[0], '\t')[8], "-1");
  EXPECT_EQ(split(rows[1], '\t')[6], "0.5");  // seconds: the largest total is 2 s
  EXPECT_EQ(split(rows[2], '\t')[1], "patients=64:");
  EXPECT_NE(p.script.find("time (s)"), std::string::npos);
  EXPECT_EQ(gnuplot_text("a\"b\\c\nd"), "a'b/c d");
  EXPECT_NE(redraw_script().find("gnuplot \"$script\""), std::string::npos);
}

}  // namespace fhebench
