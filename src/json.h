// The vocabulary every layer shares without the benchmark registry: JSON documents, paths,
// and a benchmark size (parameter -> value, e.g. patients -> 64).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace fhebench {

using Json = nlohmann::json;
namespace fs = std::filesystem;
using Size = std::map<std::string, int64_t>;

}  // namespace fhebench
