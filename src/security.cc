#include "security.h"

#include <fmt/format.h>

namespace fhebench {
namespace {

struct Row {
  long n;
  int q128, q192, q256;
};

// HomomorphicEncryption.org security standard (2018), Table 1, uniform ternary secret.
constexpr Row kTable[] = {{1024, 27, 19, 14},     {2048, 54, 37, 29},     {4096, 109, 75, 58},
                          {8192, 218, 152, 118},  {16384, 438, 305, 237}, {32768, 881, 611, 476}};

}  // namespace

std::optional<int> max_log_q(long n, int bits) {
  for (const auto& r : kTable)
    if (r.n == n) return bits == 256 ? r.q256 : bits == 192 ? r.q192 : bits == 128 ? r.q128 : -1;
  return std::nullopt;
}

SecurityLevel security_level(const Json& fhe) {
  SecurityLevel s;
  s.source = "none";
  if (!fhe.is_object()) return s;
  const bool has_ring = fhe.contains("poly_modulus_degree") && fhe["poly_modulus_degree"].is_number_integer() &&
                        fhe.contains("coeff_modulus_bits") && fhe["coeff_modulus_bits"].is_array();
  if (has_ring) {
    const long n = fhe["poly_modulus_degree"];
    long log_q = 0;
    for (const auto& b : fhe["coeff_modulus_bits"])
      if (b.is_number()) log_q += b.get<long>();
    if (auto q128 = max_log_q(n, 128)) {
      s.source = "table";
      for (int bits : {256, 192, 128})
        if (log_q <= *max_log_q(n, bits)) { s.bits = bits; break; }
      s.below_128 = !s.bits;
      s.note = fmt::format("n={}, log q={} (max {} for 128 bits)", n, log_q, *q128);
      return s;
    }
    s.note = fmt::format("n={} is outside the standard tables", n);
  }
  if (fhe.contains("declared_security_bits") && fhe["declared_security_bits"].is_number()) {
    s.source = "declared";
    s.bits = fhe["declared_security_bits"].get<int>();
    s.below_128 = *s.bits < 128;
    s.note = s.note.empty() ? "declared by the tool" : s.note + "; declared by the tool";
  }
  return s;
}

Json to_json(const SecurityLevel& s) {
  return {{"bits", s.bits ? Json(*s.bits) : Json()}, {"source", s.source}, {"below_128", s.below_128}, {"note", s.note}};
}

}  // namespace fhebench
