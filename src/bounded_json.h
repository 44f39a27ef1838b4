// JSON from an untrusted writer (a tool's output.json), parsed only within limits. The text is
// first scanned without allocating, so deep nesting (recursive copies and dumps would exhaust
// the stack), huge strings or numbers, or millions of values are refused before a document
// is built; the reason is one line.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace fhebench {

struct JsonLimits {
  size_t max_bytes = 256u << 20;
  size_t max_depth = 32;          // nested arrays and objects
  size_t max_string = 64u << 10;  // bytes of one string or key, as written
  size_t max_token = 1024;        // bytes of one number or literal
  size_t max_values = 1u << 20;   // scalars, strings, keys and containers together
};

// "" when `text` is within the limits, else what exceeds them.
std::string check_json_limits(std::string_view text, const JsonLimits& limits);

// The document, or nullopt with `error` set: a limit, or "not valid JSON". Never throws.
std::optional<nlohmann::json> parse_bounded_json(std::string_view text, const JsonLimits& limits,
                                                 std::string& error);

}  // namespace fhebench
