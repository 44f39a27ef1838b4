#include "compare_format.h"

#include <fmt/format.h>

#include <vector>

#include "summary_table.h"

namespace fhebench {
namespace {

// One cell's fields as shown: cell, size, baseline, contender, ratio, 95% CI, p, verdict.
std::vector<std::string> fields(const Json& c) {
  auto time = [&](const char* k) { return c.contains(k) && c[k].get<double>() > 0 ? format_seconds(c[k]) : "-"; };
  std::string ci = "-";
  if (c.contains("ratio_low"))
    ci = fmt::format("[{:.3f}, {:.3f}]{}", c["ratio_low"].get<double>(), c["ratio_high"].get<double>(),
                     c.value("ratio_interval_reaches_95", true) ? "" : "*");
  return {fmt::format("{} {}/{}", c["tool"].get<std::string>(), c["benchmark"].get<std::string>(), c["variant"].get<std::string>()),
          c["size_key"].get<std::string>(), time("a"), time("b"),
          c.contains("ratio") ? fmt::format("{:.3f}", c["ratio"].get<double>()) : "-", ci,
          c.contains("p") ? fmt::format("{:.2g}", c["p"].get<double>()) : "-",
          c["verdict"].get<std::string>() + (c.contains("note") ? " (" + c["note"].get<std::string>() + ")" : "")};
}

std::string heading(const Json& cmp, const std::string& a, const std::string& b) {
  return fmt::format("{} -> {} (change beyond {:g}% with p < {:g}; 95% CI of the ratio, * below 95%: too few repetitions)",
                     a, b, (cmp["threshold"].get<double>() - 1) * 100, cmp["alpha"].get<double>());
}

}  // namespace

std::string compare_text(const Json& cmp, const std::string& a, const std::string& b) {
  size_t w = 4;
  for (const auto& c : cmp["cells"]) w = std::max(w, c["size_key"].get<std::string>().size());
  std::string out = heading(cmp, a, b) + "\n\n";
  out += fmt::format("{:<34} {:<{}} {:>10} {:>10} {:>7} {:>17} {:>8}  {}\n", "cell", "size", w, "baseline", "contender",
                     "ratio", "95% CI", "p", "verdict");
  for (const auto& c : cmp["cells"]) {
    const auto f = fields(c);
    out += fmt::format("{:<34} {:<{}} {:>10} {:>10} {:>7} {:>17} {:>8}  {}\n", f[0], f[1], w, f[2], f[3], f[4], f[5], f[6], f[7]);
  }
  return out;
}

std::string compare_markdown(const Json& cmp, const std::string& a, const std::string& b) {
  std::string out = "### fhebench compare: " + heading(cmp, a, b) + "\n\n";
  out += "| cell | size | baseline | contender | ratio | 95% CI | p | verdict |\n|---|---|---:|---:|---:|---:|---:|---|\n";
  for (const auto& c : cmp["cells"]) {
    auto f = fields(c);
    for (auto& s : f)
      for (size_t i = s.find('|'); i != std::string::npos; i = s.find('|', i + 2)) s.replace(i, 1, "\\|");
    const bool bad = c["verdict"] == "slower" || c["verdict"] == "broken";
    if (bad) f[7] = "**" + f[7] + "**";
    out += fmt::format("| {} |\n", fmt::join(f, " | "));
  }
  return out;
}

}  // namespace fhebench
