// Encrypted bits and the bootstrapped gates of TFHE, with constant folding.
//
// A Bit is either a public constant (known 0/1, no ciphertext) or an encrypted value. Gates
// on constants are folded away and never bootstrap, so generic circuits (adders, multipliers)
// cost only what their encrypted inputs need. Without a key, Gates only counts bootstraps:
// the same circuit code gives the exact gate count before any key exists.
#pragma once

#include <tfhe/tfhe.h>

#include <cstdint>
#include <memory>

namespace tfhebench {

struct Bit {
  std::shared_ptr<LweSample> c;  // null for constants and in counting mode
  int known = -1;                // 0 or 1 when the value is a public constant
  uint64_t id = 0;               // identity of an encrypted value (x AND x = x, x XOR x = 0)
  bool is_known() const { return known >= 0; }
};

class Gates {
 public:
  // key == nullptr: counting mode (no ciphertexts, no bootstrapping).
  explicit Gates(const TFheGateBootstrappingCloudKeySet* key) : key_(key) {}

  Bit constant(bool v) const { return Bit{nullptr, v ? 1 : 0, 0}; }
  Bit fresh();  // an encrypted value to be filled by the caller (or a placeholder when counting)

  Bit NOT(const Bit& a);  // free: negation needs no bootstrapping
  Bit AND(const Bit& a, const Bit& b);
  Bit OR(const Bit& a, const Bit& b);
  Bit XOR(const Bit& a, const Bit& b);
  Bit MUX(const Bit& s, const Bit& a, const Bit& b);  // s ? a : b

  // Blind rotations performed (or that would be performed): one per gate, two per MUX.
  uint64_t bootstraps() const { return bootstraps_; }
  bool counting() const { return key_ == nullptr; }

 private:
  using Binary = void (*)(LweSample*, const LweSample*, const LweSample*, const TFheGateBootstrappingCloudKeySet*);
  Bit gate(Binary f, const Bit& a, const Bit& b);
  Bit ANDNY(const Bit& a, const Bit& b);  // (not a) and b
  Bit ORNY(const Bit& a, const Bit& b);   // (not a) or b

  const TFheGateBootstrappingCloudKeySet* key_;
  uint64_t bootstraps_ = 0;
  uint64_t next_id_ = 1;
};

}  // namespace tfhebench
