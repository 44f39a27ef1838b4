// A program's main(): the body runs, and an exception (SEAL rejecting parameters, a malformed
// input) becomes one line on stderr and exit status 1, which fhebench records as the reason.
#pragma once

#include <exception>
#include <iostream>

namespace sealbench {

inline int guarded_main(const char* program, int (*body)()) {
  try {
    return body();
  } catch (const std::exception& e) {
    std::cerr << program << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace sealbench
