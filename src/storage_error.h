// Errors of the results folder (read-only, deleted, full) as one line that says what
// fhebench was doing, instead of a bare "filesystem error: ...".
#pragma once

#include <string>

namespace fhebench {

// Inside a catch block: throws std::runtime_error("<doing>: <what failed>"), the standard
// library's "filesystem error: cannot X: reason [path]" rewritten as "cannot X path: reason".
[[noreturn]] void rethrow_storage_error(const std::string& doing);

// The rewrite alone, for any exception text.
std::string storage_error_text(const std::string& what);

}  // namespace fhebench
