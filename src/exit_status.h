// fhebench's exit statuses, documented in `fhebench --help` and README.md.
#pragma once

namespace fhebench {

enum class ExitStatus : int {
  ok = 0,            // every cell ran and was correct (or declined the size)
  cell_failed = 1,   // some cell failed, was incorrect, or could not run; compare: a regression
  usage = 2,         // usage or configuration error, nothing was run
  internal = 3,      // an unexpected error inside fhebench
  interrupted = 130  // SIGINT/SIGTERM: finished repetitions are kept, `--resume` continues
};

inline int code(ExitStatus s) { return static_cast<int>(s); }

inline constexpr const char* kExitStatusHelp =
    "Exit status: 0 all cells ok; 1 some cell failed or was incorrect (compare: a regression); "
    "2 usage or configuration error; 3 internal error; 130 interrupted (resume with --resume).";

}  // namespace fhebench
