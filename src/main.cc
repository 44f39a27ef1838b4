// fhebench: benchmarks FHE libraries and compilers on the same, verified programs.
#include <fmt/format.h>

#include "cli.h"
#include "exit_status.h"
#include "project.h"
#include "run_options.h"

using fhebench::ExitStatus;

int main(int argc, char** argv) {
  CLI::App app{"fhebench: benchmark FHE libraries and compilers on the same, verified programs", "fhebench"};
  app.set_version_flag("--version", fhebench::version());
  app.footer(fhebench::kExitStatusHelp);
  app.require_subcommand(1);
  fhebench::CliState state;
  fhebench::add_list_command(app, state);
  fhebench::add_doctor_command(app, state);
  fhebench::add_build_command(app, state);
  fhebench::add_run_command(app, state);
  fhebench::add_compare_command(app, state);
  fhebench::add_exec_cell_command(app, state);
  fhebench::add_report_command(app, state);
  fhebench::add_serve_command(app, state);
  fhebench::add_history_command(app, state);
  fhebench::add_import_command(app, state);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return code(ExitStatus::usage);
  } catch (const fhebench::UsageError& e) {
    fmt::print(stderr, "fhebench: {}\n", e.what());
    return code(ExitStatus::usage);
  } catch (const std::exception& e) {
    fmt::print(stderr, "fhebench: error: {}\n", e.what());
    return code(ExitStatus::internal);
  }
  return state.exit_code;
}
