#include "bounded_json.h"

#include <fmt/format.h>

namespace fhebench {
namespace {

bool structural(char c) {
  return c == '[' || c == ']' || c == '{' || c == '}' || c == ',' || c == ':' || c == '"' || c == ' ' ||
         c == '\n' || c == '\r' || c == '\t';
}

std::string human_bytes(size_t n) {
  return n >= (1u << 20) ? fmt::format("{} MiB", n >> 20) : fmt::format("{} KiB", n >> 10);
}

}  // namespace

std::string check_json_limits(std::string_view text, const JsonLimits& lim) {
  if (text.size() > lim.max_bytes) return fmt::format("is larger than {}", human_bytes(lim.max_bytes));
  size_t depth = 0, values = 0;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '"') {
      size_t j = i + 1;
      while (j < text.size() && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
      if (j - i - 1 > lim.max_string) return fmt::format("holds a string longer than {}", human_bytes(lim.max_string));
      ++values;
      i = j + 1;
    } else if (c == '[' || c == '{') {
      if (++depth > lim.max_depth) return fmt::format("nests deeper than {} levels", lim.max_depth);
      ++values;
      ++i;
    } else if (c == ']' || c == '}') {
      if (depth > 0) --depth;
      ++i;
    } else if (structural(c)) {
      ++i;
    } else {  // a number or literal: up to the next structural character
      size_t j = i;
      while (j < text.size() && !structural(text[j])) ++j;
      if (j - i > lim.max_token) return fmt::format("holds a number or word longer than {} bytes", lim.max_token);
      ++values;
      i = j;
    }
    if (values > lim.max_values) return fmt::format("holds more than {} values", lim.max_values);
  }
  return "";
}

std::optional<nlohmann::json> parse_bounded_json(std::string_view text, const JsonLimits& limits, std::string& error) {
  error = check_json_limits(text, limits);
  if (!error.empty()) return std::nullopt;
  try {
    auto doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
      error = "is not valid JSON";
      return std::nullopt;
    }
    return doc;
  } catch (const std::exception&) {  // bad_alloc: the limits keep it unlikely
    error = "could not be read within the harness's memory";
    return std::nullopt;
  }
}

}  // namespace fhebench
