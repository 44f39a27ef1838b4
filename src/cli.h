// The command line: one add_*_command per subcommand, each in its
// own cmd_*.cc. A command's callback returns its exit status through `exit_code`.
#pragma once

#include <CLI/CLI.hpp>

namespace fhebench {

struct CliState {
  int exit_code = 0;
};

void add_list_command(CLI::App& app, CliState& state);
void add_doctor_command(CLI::App& app, CliState& state);
void add_build_command(CLI::App& app, CliState& state);
void add_run_command(CLI::App& app, CliState& state);
void add_compare_command(CLI::App& app, CliState& state);
void add_exec_cell_command(CLI::App& app, CliState& state);  // hidden: a Slurm task
void add_report_command(CLI::App& app, CliState& state);
void add_serve_command(CLI::App& app, CliState& state);
void add_history_command(CLI::App& app, CliState& state);
void add_import_command(CLI::App& app, CliState& state);

// Splits "A,B" option values that CLI11 delivers as one string.
std::vector<std::string> split_list(const std::vector<std::string>& values);

}  // namespace fhebench
