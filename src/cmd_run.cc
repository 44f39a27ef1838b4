#include <fmt/format.h>

#include <map>
#include <optional>

#include "cli.h"
#include "benchmark.h"
#include "run_options.h"
#include "process.h"
#include "runner.h"

namespace fhebench {
namespace {

// The adaptive options as typed (empty: not given), checked and applied in apply_adaptive.
struct AdaptiveFlags {
  std::optional<int> min, max;
  std::optional<std::string> target, budget;
};

double target_percent(const std::string& text) {
  const auto v = parse_percent(text);
  if (!v || !(*v > 0 && *v < 100))
    throw UsageError("--target-ci takes a percentage above 0 and below 100, such as 5 or 2.5%, not '" + text + "'");
  return *v;
}

// Any adaptive option makes the run adaptive, with defaults for the ones not given.
void apply_adaptive(const AdaptiveFlags& f, RunOptions& o) {
  if (!f.min && !f.max && !f.target && !f.budget) return;
  o.min_repetitions = f.min.value_or(std::min(kDefaultMinRepetitions, f.max.value_or(kDefaultMinRepetitions)));
  o.max_repetitions = f.max.value_or(std::max(kDefaultMaxRepetitions, o.min_repetitions));
  if (o.min_repetitions > o.max_repetitions)
    throw UsageError(fmt::format("--min-repetitions {} is above --max-repetitions {}", o.min_repetitions, o.max_repetitions));
  if (f.target) o.target_ci_pct = target_percent(*f.target);
  if (f.budget) {
    try {
      o.time_budget_s = parse_duration(*f.budget);
    } catch (const std::invalid_argument& e) {
      throw UsageError(std::string("--time-budget ") + e.what());
    }
  }
}

}  // namespace

void add_run_command(CLI::App& app, CliState& state) {
  auto* cmd = app.add_subcommand("run", "Run benchmarks on tools and store, verify and summarise the results");
  auto o = std::make_shared<RunOptions>();
  auto tools = std::make_shared<std::vector<std::string>>();
  auto benchmarks = std::make_shared<std::vector<std::string>>();
  auto variants = std::make_shared<std::vector<std::string>>();
  auto sizes = std::make_shared<std::vector<std::string>>();
  cmd->add_option("--tools", *tools, "Tools to run, e.g. SEAL,Plaintext (default: every available tool)");
  cmd->add_option("--benchmarks", *benchmarks, "Benchmarks to run, e.g. cardio,mlp (default: all)");
  cmd->add_option("--variants", *variants, "Implementation variants to run, e.g. batched (default: all)");
  cmd->add_option("--size", *sizes, "A size sweep key=v1,v2,..., e.g. patients=1,64,4096 (repeatable)");
  cmd->add_option("--case", o->input_case, "Inputs: generated (seeded) or sok (the fixed SoK test vectors)")
      ->check(CLI::IsMember({"generated", "sok"}))->capture_default_str();
  cmd->add_option("--repetitions", o->repetitions, "Measured repetitions per cell")->check(CLI::Range(1, 100000))->capture_default_str();
  auto adaptive = std::make_shared<AdaptiveFlags>();
  cmd->add_option("--min-repetitions", adaptive->min, "Adaptive: fewest measured repetitions per cell (default 6)")->check(CLI::Range(1, 100000));
  cmd->add_option("--max-repetitions", adaptive->max, "Adaptive: most measured repetitions per cell (default 30)")->check(CLI::Range(1, 100000));
  cmd->add_option("--target-ci", adaptive->target, "Adaptive: stop once the median's 95% interval is within ±PCT percent");
  cmd->add_option("--time-budget", adaptive->budget, "Adaptive: time for the whole run's cells, e.g. 90s, 20m, 1h");
  cmd->add_option("--warmup", o->warmup, "Warm-up repetitions per cell, not in the statistics")->check(CLI::Range(0, 1000))->capture_default_str();
  cmd->add_option("--timeout", o->timeout_s, "Seconds per repetition before its process tree is killed")->check(CLI::PositiveNumber)->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed of the input generator")->capture_default_str();
  cmd->add_option("--threads", o->threads, "Threads each program may use (FHEBENCH_THREADS)")->check(CLI::Range(1, 4096))->capture_default_str();
  cmd->add_option("--cpus", o->cpus, "Pin programs to these CPUs, e.g. 0-1 or 2,3");
  cmd->add_option("--memory-limit", o->memory_limit_mib, "Memory cap per repetition in MiB (0: none)")->capture_default_str();
  cmd->add_option("--results", o->results, "Folder of the results store")->capture_default_str();
  cmd->add_option("--resume", o->resume, "Continue an interrupted run: its id (YYYYMMDD_HHMMSS) or its folder");
  cmd->add_option("--reference", o->reference, "Tool whose total the \"× plain\" column divides by")->capture_default_str();
  cmd->add_option("--executor", o->executor, "Where cells execute: local, container, slurm")->capture_default_str();
  cmd->add_option("--engine", o->exec.engine, "Container engine of --executor container: auto, podman, docker")
      ->check(CLI::IsMember({"auto", "podman", "docker"}))->capture_default_str();
  cmd->add_option("--base-image", o->exec.base_image, "BASE_IMAGE of the tools' image_base Dockerfiles (default debian:bookworm)");
  cmd->add_option("--container-cpus", o->exec.container_cpus, "CPU quota of each container, e.g. 1.5 (0: none)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--partition", o->exec.partition, "Slurm partition to submit to");
  cmd->add_option("--account", o->exec.account, "Slurm account to charge");
  cmd->add_option("--sbatch-option", o->exec.sbatch_options, "Extra sbatch argument, e.g. --qos=short (repeatable)")->allow_extra_args(false);
  cmd->add_flag("--exclusive", o->exec.exclusive, "Slurm: no other job shares a node with a benchmark task");
  cmd->add_option("--slurm-task", o->exec.slurm_task, "Slurm: one array task per cell or per tool")
      ->check(CLI::IsMember({"cell", "tool"}))->capture_default_str();
  cmd->add_option("--tools-dir", o->tools_dirs, "Extra folder holding tool folders (repeatable)");
  cmd->add_option("--jobs", o->jobs, "Parallel jobs when building tools")->check(CLI::Range(1, 256))->capture_default_str();
  cmd->callback([=, &state] {
    o->tools = split_list(*tools);
    o->benchmarks = split_list(*benchmarks);
    o->variants = split_list(*variants);
    for (const auto& s : *sizes) {
      try {
        auto [key, values] = parse_size_option(s);
        auto& v = o->sizes[key];
        v.insert(v.end(), values.begin(), values.end());
      } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
      }
    }
    apply_adaptive(*adaptive, *o);
    state.exit_code = code(run_benchmarks(*o));
  });
}

}  // namespace fhebench
