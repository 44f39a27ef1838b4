#include "run_options.h"
#include "benchmark.h"
#include "project.h"

#include <cctype>
#include <cmath>
#include <stdexcept>

namespace fhebench {

Json to_json(const RunOptions& o) {
  return {{"tools", o.tools},       {"benchmarks", o.benchmarks}, {"variants", o.variants},
          {"sizes", o.sizes},       {"case", o.input_case},       {"repetitions", o.repetitions},
          {"warmup", o.warmup},     {"timeout", o.timeout_s},     {"seed", o.seed},
          {"threads", o.threads},   {"cpus", o.cpus},             {"memory_limit_mib", o.memory_limit_mib},
          {"executor", o.executor}, {"tools_dirs", o.tools_dirs}, {"executor_options", to_json(o.exec)},
          {"reference", o.reference}, {"min_repetitions", o.min_repetitions}, {"max_repetitions", o.max_repetitions},
          {"target_ci_pct", o.target_ci_pct}, {"time_budget_s", o.time_budget_s}};
}

RunOptions options_from_json(const Json& j) {
  RunOptions o;
  o.tools = j.value("tools", o.tools);
  o.benchmarks = j.value("benchmarks", o.benchmarks);
  o.variants = j.value("variants", o.variants);
  o.sizes = j.value("sizes", o.sizes);
  o.input_case = j.value("case", o.input_case);
  o.repetitions = j.value("repetitions", o.repetitions);
  o.warmup = j.value("warmup", o.warmup);
  o.timeout_s = j.value("timeout", o.timeout_s);
  o.seed = j.value("seed", o.seed);
  o.threads = j.value("threads", o.threads);
  o.cpus = j.value("cpus", o.cpus);
  o.memory_limit_mib = j.value("memory_limit_mib", o.memory_limit_mib);
  o.executor = j.value("executor", o.executor);
  o.exec = executor_options_from_json(j.value("executor_options", Json::object()));
  o.tools_dirs = j.value("tools_dirs", o.tools_dirs);
  o.reference = j.value("reference", o.reference);
  o.min_repetitions = j.value("min_repetitions", o.min_repetitions);
  o.max_repetitions = j.value("max_repetitions", o.max_repetitions);
  o.target_ci_pct = j.value("target_ci_pct", o.target_ci_pct);
  o.time_budget_s = j.value("time_budget_s", o.time_budget_s);
  return o;
}

std::vector<fs::path> tool_dirs(const RunOptions& o) {
  std::vector<fs::path> dirs = {default_tools_dir()};
  for (const auto& d : o.tools_dirs) dirs.push_back(fs::absolute(d));
  return dirs;
}

std::optional<double> parse_percent(const std::string& text) {
  std::string t = text;
  if (!t.empty() && t.back() == '%') t.pop_back();
  size_t used = 0;
  double v = 0;
  try {
    v = std::stod(t, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (t.empty() || used != t.size() || !std::isfinite(v) || std::isspace(static_cast<unsigned char>(t[0])))
    return std::nullopt;
  return v;
}

double parse_duration(const std::string& text) {
  const std::string usage = "takes a duration such as 90s, 20m, 1h or 1h30m, not '" + text + "'";
  double total = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t used = 0;
    double v = 0;
    try {
      v = std::stod(text.substr(pos), &used);
    } catch (const std::exception&) {
      throw std::invalid_argument(usage);
    }
    if (!(v >= 0) || text[pos] == '-' || text[pos] == '+' || text[pos] == ' ') throw std::invalid_argument(usage);
    pos += used;
    const char unit = pos < text.size() ? text[pos++] : 's';
    const double scale = unit == 's' ? 1 : unit == 'm' ? 60 : unit == 'h' ? 3600 : 0;
    if (scale == 0) throw std::invalid_argument(usage);
    total += v * scale;
  }
  if (!(total > 0) || std::isinf(total)) throw std::invalid_argument(usage);
  return total;
}

std::pair<std::string, std::vector<int64_t>> parse_size_option(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
    throw std::invalid_argument("--size takes key=v1,v2,... such as patients=1,64,4096, not '" + text + "'");
  std::vector<int64_t> values;
  size_t pos = eq + 1;
  while (pos <= text.size()) {
    size_t end = text.find(',', pos);
    if (end == std::string::npos) end = text.size();
    const std::string v = text.substr(pos, end - pos);
    size_t used = 0;
    int64_t n = 0;
    try {
      n = std::stoll(v, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (v.empty() || used != v.size() || n <= 0)
      throw std::invalid_argument("--size " + text + ": '" + v + "' is not a positive integer");
    values.push_back(n);
    pos = end + 1;
  }
  return {text.substr(0, eq), values};
}

}  // namespace fhebench
