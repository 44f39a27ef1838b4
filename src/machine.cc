#include "machine.h"

#include "machine_fingerprint.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <fstream>
#include <string>
#include <thread>

namespace fhebench {
namespace {

// The value after "key" and a colon or '=' on the first line that starts with key.
std::string field(const char* file, const std::string& key) {
  std::ifstream f(file);
  for (std::string line; std::getline(f, line);) {
    if (line.rfind(key, 0) != 0) continue;
    auto at = line.find_first_of(":=", key.size());
    if (at == std::string::npos) continue;
    std::string v = line.substr(at + 1);
    v.erase(0, v.find_first_not_of(" \t\""));
    while (!v.empty() && (v.back() == '"' || v.back() == ' ')) v.pop_back();
    return v;
  }
  return "";
}

}  // namespace

std::string hostname() {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  return host;
}

Json describe_machine() {
  utsname u{};
  ::uname(&u);
  const std::string host = hostname();
  const std::string mem_kb = field("/proc/meminfo", "MemTotal");
  Json m = {{"hostname", host},
          {"cpu_model", field("/proc/cpuinfo", "model name")},
          {"cores", std::thread::hardware_concurrency()},
          {"memory_bytes", mem_kb.empty() ? 0 : std::stoull(mem_kb) * 1024},
          {"kernel", std::string(u.sysname) + " " + u.release},
          {"arch", u.machine},
          {"os", field("/etc/os-release", "PRETTY_NAME")},
          {"compiler", FHEBENCH_COMPILER}};
  m["fingerprint"] = machine_fingerprint(m);
  return m;
}

}  // namespace fhebench
