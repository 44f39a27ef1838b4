// End to end: `fhebench run` leaves plots, tables and the website in the run folder, with
// failed cells shown rather than dropped; `fhebench report` remakes them; the plots redraw
// with one command; a report that cannot be made never costs the run.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "atomic_file.h"
#include "process.h"
#include "test_util.h"

namespace fhebench::test {
namespace {

const std::vector<std::string> kRunArgs = {"--tools-dir", std::string(FHEBENCH_TEST_DIR) + "/tools", "--tools",
                                           "Plaintext,Misbehave", "--benchmarks", "cardio,chi_squared", "--variants",
                                           "default,good,wrong,crash", "--repetitions", "3", "--warmup", "0"};

CommandResult run_into(const fs::path& results, const std::vector<std::pair<std::string, std::string>>& env = {}) {
  std::vector<std::string> args = {"run"};
  args.insert(args.end(), kRunArgs.begin(), kRunArgs.end());
  args.insert(args.end(), {"--results", results.string()});
  return run_fhebench(args, 600, env);
}

std::string head(const fs::path& f, size_t n) { return read_file(f).value_or("").substr(0, n); }

// The site's data.js holds `window.FHEBENCH_DATA = {...};`.
Json site_data(const fs::path& run) {
  std::string js = read_file(run / "site" / "data.js").value_or("");
  const std::string prefix = "window.FHEBENCH_DATA = ";
  EXPECT_EQ(js.rfind(prefix, 0), 0u);
  js = js.substr(prefix.size());
  while (!js.empty() && (js.back() == '\n' || js.back() == ';')) js.pop_back();
  return Json::parse(js);
}

}  // namespace

TEST(ReportCli, RunWritesPlotsTablesAndSite) {
  TempDir results;
  const auto r = run_into(results.path());
  ASSERT_EQ(r.exit_code, 1) << "the wrong and crash cells fail the run\n" << r.out << r.err;
  const fs::path run = only_run(results.path());
  const Json summary = read_json(run / "summary.json");
  ASSERT_EQ(summary["cells"].size(), 5u);  // Plaintext x 2 benchmarks, Misbehave good/wrong/crash on cardio

  for (const char* b : {"cardio", "chi_squared"}) {
    const fs::path plot = run / "plot";
    EXPECT_EQ(head(plot / fmt::format("plot_{}.png", b), 8), "\x89PNG\r\n\x1a\n") << b;
    EXPECT_EQ(head(plot / fmt::format("plot_{}.pdf", b), 5), "%PDF-") << b;
    EXPECT_NE(read_file(plot / fmt::format("plot_{}.svg", b)).value_or("").find("<svg"), std::string::npos) << b;
    EXPECT_TRUE(fs::exists(plot / fmt::format("{}.dat", b)));
    EXPECT_TRUE(fs::exists(plot / fmt::format("plot_{}.gp", b)));
  }
  // Failed cells stay in the plot's data, labelled with their status.
  const std::string dat = read_file(run / "plot" / "cardio.dat").value_or("");
  for (const char* s : {"Misbehave/good\t", "Misbehave/wrong ✗ incorrect\t", "Misbehave/crash ✗ error\t", "Plaintext\t"})
    EXPECT_NE(dat.find(s), std::string::npos) << s << "\n" << dat;

  const std::string tex = read_file(run / "tables.tex").value_or("");
  EXPECT_NE(tex.find("\\label{tab:fhebench-chi-squared}"), std::string::npos);
  EXPECT_NE(tex.find("Misbehave/wrong\\textsuperscript{"), std::string::npos) << tex;
  std::ifstream stats(run / "stats.csv");
  size_t rows = 0;
  for (std::string line; std::getline(stats, line);) ++rows;
  EXPECT_EQ(rows, 1 + summary["cells"].size());
  EXPECT_NE(read_file(run / "summary.md").value_or("").find("INCORRECT"), std::string::npos);

  // Every output shows the median's 95% interval; 3 repetitions cannot reach 95%, so the
  // interval is [min, max] with its real coverage (75%), flagged.
  EXPECT_NE(r.out.find("total 95% CI"), std::string::npos) << "terminal summary\n" << r.out;
  const std::string md = read_file(run / "summary.md").value_or("");
  EXPECT_TRUE(std::regex_search(md, std::regex(R"(\| \[[0-9.]+ (µs|ms|s), [0-9.]+ (µs|ms|s)\] \(75%\))"))) << md;
  EXPECT_NE(tex.find("$^\\ast$"), std::string::npos) << tex;
  EXPECT_TRUE(std::regex_search(tex, std::regex(R"( \[[0-9.$<]+, [0-9.$<]+\]\$\^\\ast\$)"))) << tex;
  std::ifstream csv_in(run / "stats.csv");
  std::string csv_head, csv_row;
  std::getline(csv_in, csv_head);
  EXPECT_NE(csv_head.find(",reason,total_ci_low_ms,total_ci_high_ms,total_ci_coverage,stop,warnings"), std::string::npos)
      << "new columns after the old ones\n" << csv_head;
  EXPECT_EQ(summary["cells"][0]["phases"]["total"]["ci"]["coverage"], 0.75);

  // The site carries the run's own numbers and links the raw files that exist.
  EXPECT_NE(read_file(run / "site" / "index.html").value_or("").find("<script src=\"data.js\"></script>"), std::string::npos);
  EXPECT_TRUE(fs::exists(run / "site" / "app.js"));
  const Json data = site_data(run);
  EXPECT_EQ(data["base"], "../");
  EXPECT_EQ(data["run"]["id"], run.filename().string());
  ASSERT_EQ(data["summary"]["cells"].size(), summary["cells"].size());
  for (size_t i = 0; i < summary["cells"].size(); ++i) {
    const Json& c = data["summary"]["cells"][i];
    EXPECT_EQ(c["phases"], summary["cells"][i]["phases"]);
    EXPECT_EQ(c["reps"].size(), 3u) << c["impl"];
    EXPECT_TRUE(fs::exists(run / c["files"]["csv"].get<std::string>())) << c["files"];
    for (const auto& f : c["files"]["list"]) EXPECT_TRUE(fs::exists(run / c["files"]["dir"].get<std::string>() / f.get<std::string>()));
  }
}

TEST(ReportCli, TablesCompileWithPdflatex) {
  if (!capture_output({"pdflatex", "--version"}, 30)) GTEST_SKIP() << "pdflatex not installed (Debian: texlive-latex-recommended)";
  TempDir results, doc;
  ASSERT_EQ(run_into(results.path()).exit_code, 1);
  const fs::path tables = only_run(results.path()) / "tables.tex";
  write_file_atomic(doc / "paper.tex", "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage{booktabs,graphicx}\n"
                                       "\\begin{document}\n\\input{" + tables.string() + "}\n\\end{document}\n");
  ProcessSpec latex;
  latex.argv = {"pdflatex", "-interaction=nonstopmode", "-halt-on-error", "paper.tex"};
  latex.cwd = doc.path();
  latex.timeout_s = 120;
  latex.stdout_file = doc / "out.txt";
  const ProcessResult r = run_process(latex);
  EXPECT_EQ(r.exit_code, 0) << read_file(doc / "out.txt").value_or("");
  EXPECT_EQ(head(doc / "paper.pdf", 5), "%PDF-");
  EXPECT_EQ(read_file(doc / "paper.log").value_or("").find("Overfull \\hbox"), std::string::npos) << "tables fit the line";
}

TEST(ReportCli, ReportRemakesAndPlotsRedrawWithOneCommand) {
  TempDir results;
  ASSERT_EQ(run_into(results.path()).exit_code, 1);
  const fs::path run = only_run(results.path());
  fs::remove_all(run / "site");
  fs::remove(run / "tables.tex");
  const auto r = run_fhebench({"report", "--results", results.path().string()});  // the latest run
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find((run / "tables.tex").string()), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(run / "site" / "data.js"));
  EXPECT_TRUE(fs::exists(run / "tables.tex"));

  // Edit the data, redraw with plot/redraw.sh: the plots are new.
  for (const char* ext : {"png", "pdf", "svg"}) fs::remove(run / "plot" / (std::string("plot_cardio.") + ext));
  ProcessSpec redraw;
  redraw.argv = {(run / "plot" / "redraw.sh").string()};
  redraw.cwd = results.path();
  redraw.timeout_s = 120;
  ASSERT_EQ(run_process(redraw).exit_code, 0);
  for (const char* ext : {"png", "pdf", "svg"})
    EXPECT_GT(fs::file_size(run / "plot" / (std::string("plot_cardio.") + ext)), 1000u) << ext;

  const auto bad = run_fhebench({"report", "20990101_000000", "--results", results.path().string()});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
  EXPECT_NE(bad.err.find("no run 20990101_000000"), std::string::npos) << bad.err;
  EXPECT_EQ(run_fhebench({"report", "../..", "--results", results.path().string()}).exit_code, 2);
  TempDir empty;
  EXPECT_EQ(run_fhebench({"report", "--results", empty.path().string()}).exit_code, 2);
}

TEST(ReportCli, AReportThatCannotBeMadeNeverCostsTheRun) {
  TempDir results, no_web;
  const auto r = run_into(results.path(), {{"FHEBENCH_WEB_DIR", no_web.path().string()}});
  EXPECT_EQ(r.exit_code, 1) << "the same status as without reports\n" << r.err;
  EXPECT_NE(r.err.find("warning: report: site: the website's front end is not built"), std::string::npos) << r.err;
  const fs::path run = only_run(results.path());
  EXPECT_EQ(read_json(run / "run.json")["status"], "complete");
  EXPECT_EQ(read_json(run / "summary.json")["cells"].size(), 5u);
  EXPECT_TRUE(fs::exists(run / "plot" / "plot_cardio.png"));  // the other parts are made
  EXPECT_TRUE(fs::exists(run / "tables.tex"));
  EXPECT_FALSE(fs::exists(run / "site" / "index.html"));

  const auto report = run_fhebench({"report", run.filename().string(), "--results", results.path().string()}, 120,
                                   {{"FHEBENCH_WEB_DIR", no_web.path().string()}});
  EXPECT_EQ(report.exit_code, 1) << "a part could not be made";
  const auto skipped = run_fhebench({"report", run.filename().string(), "--results", results.path().string(), "--skip", "site"},
                                    120, {{"FHEBENCH_WEB_DIR", no_web.path().string()}});
  EXPECT_EQ(skipped.exit_code, 0) << skipped.err;
}

}  // namespace fhebench::test
