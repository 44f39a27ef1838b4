// A program's main(), shared by every C++ tool:
//
//   #include <fhebench/main.hpp>
//   static int run() { fhebench::Program p; ...; return p.finish(); }
//   int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run); }
//
// `--version` answers the harness's smoke check (`fhebench doctor`/`build`): that the
// program starts at all, i.e. its shared libraries load. An exception (a library rejecting
// parameters, a malformed input) becomes one line on stderr and exit status 1, which
// fhebench records as the repetition's error with that line as its reason.
#pragma once

#include <exception>
#include <iostream>
#include <string_view>

namespace fhebench {

template <class Body>
int guarded_main(int argc, char** argv, Body&& body) {
  std::string_view name = argc > 0 ? argv[0] : "program";
  name = name.substr(name.find_last_of('/') + 1);
  if (argc > 1 && std::string_view(argv[1]) == "--version") {
    std::cout << name << ": fhebench protocol 1\n";
    return 0;
  }
  try {
    return body();
  } catch (const std::exception& e) {
    std::cerr << name << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace fhebench
