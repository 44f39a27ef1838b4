// Protocol v1, harness side (docs/protocol.md): the input the harness writes and the
// strict reading of what a program wrote back.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json.h"

namespace fhebench {

struct OutputSpec;
struct InputField;

inline constexpr int kProtocolVersion = 1;
inline constexpr const char* kCanonicalPhases[] = {"keygen", "encrypt", "compute", "decrypt"};
// Optional canonical phase, before keygen, of tools that compile a circuit (compilers):
// summarised and shown like the others, but not part of the total, which stays comparable
// with the libraries'.
inline constexpr const char* kCompilePhase = "compile";

// Sum of the canonical phases in a record's "phases" object (missing or non-numeric: 0).
double canonical_total(const Json& phases);

struct Phase {
  std::string name;
  double seconds;
};

struct ProgramOutput {
  std::optional<std::string> unsupported;  // set when the program declined the size
  std::vector<Phase> phases;
  Json outputs = Json::object();
  Json fhe = Json::object();
  Json sizes = Json::object();
};

// The whole input.json document; `fields` (the benchmark's declared input widths) becomes
// its "fields" object when not empty.
Json make_input(const std::string& benchmark, const std::string& variant, const Size& size,
                uint64_t seed, const Json& inputs, const std::vector<InputField>& fields = {});

// Parses and validates output.json. On a violation returns nullopt and sets `error` to a
// one-line reason; never throws, whatever the text holds.
std::optional<ProgramOutput> parse_output(std::string_view text, const std::vector<OutputSpec>& spec,
                                          std::string& error);

}  // namespace fhebench
