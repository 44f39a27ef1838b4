// compare's table for people (text, the default) and for pull-request comments (Markdown).
#pragma once

#include <string>

#include "json.h"

namespace fhebench {

// `cmp` is compare_runs' result; `a`, `b` the names the user gave the runs.
std::string compare_text(const Json& cmp, const std::string& a, const std::string& b);
std::string compare_markdown(const Json& cmp, const std::string& a, const std::string& b);

}  // namespace fhebench
