// mlp, batched: CKKS, y = W2·(W1·x + b1)² + b2.
// Matrix-vector products by the hybrid diagonal method: an m×p matrix (m ≤ p, both powers of
// two after zero padding) has m extended diagonals d_i[j] = W[j mod m][(j + i) mod p];
// z = Σ_i d_i ⊙ rot(x, i), then y[r] = Σ_l z[r + l·m] by log2(p/m) rotate-and-add steps.
// Every vector is replicated with period p over all slots, so slot rotations act as cyclic
// rotations of length p, and the result comes out replicated with period m: the input of the
// next layer. The Σ_i runs baby-step giant-step, Σ_g rot(Σ_b rot(x, b) ⊙ rot(d_{gB+b}, −gB), gB),
// with the baby steps as repeated rotations by 1 and the giant steps in Horner form (repeated
// rotations by B): Galois keys for 1, B and the rotate-and-add steps only, no extra rotation.
// Levels: W1 (plain), square, W2 (plain).
#include <fhebench/program.hpp>

#include "report.hpp"

#include <fhebench/main.hpp>
#include <fhebench/packing.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <optional>
#include <set>

using namespace sealbench;
using namespace fhebench::packing;

namespace {

constexpr int kScaleBits = 40;

// n = 8192 while the padded features fit its 4096 slots, else 16384.
struct Ring {
  size_t n;
  std::vector<int> primes;
};

Ring ring_for(size_t padded_features) {
  if (padded_features <= 4096) return {8192, {50, 40, 40, 40, 48}};    // 218 bits
  if (padded_features <= 8192) return {16384, {60, 40, 40, 40, 60}};   // 240 bits
  return {0, {}};
}

using Layer = EncodedLayer<seal::Plaintext>;

Layer encode_layer(seal::CKKSEncoder& encoder, const Matrix& w, const Shape& s, seal::parms_id_type level) {
  return fhebench::packing::encode_layer<seal::Plaintext>(w, s, encoder.slot_count(), [&](const std::vector<double>& d) {
    seal::Plaintext pt;
    encoder.encode(d, level, std::pow(2.0, kScaleBits), pt);
    return pt;
  });
}

void accumulate(seal::Evaluator& ev, std::optional<seal::Ciphertext>& acc, const seal::Ciphertext& x) {
  if (acc) ev.add_inplace(*acc, x);
  else acc = x;
}

seal::Ciphertext apply(seal::Evaluator& ev, const seal::GaloisKeys& gk, const Layer& layer,
                       const seal::Ciphertext& x) {
  const Shape& s = layer.shape;
  std::vector<seal::Ciphertext> rotated{x};  // rot(x, b) = rot(rot(x, b − 1), 1)
  for (size_t b = 1; b < s.baby && b < s.m; ++b) {
    rotated.emplace_back();
    ev.rotate_vector(rotated[b - 1], 1, gk, rotated.back());
  }
  std::optional<seal::Ciphertext> total;  // Horner: total = rot(total, B) + inner_g
  for (size_t g = s.giant; g-- > 0;) {
    if (total) ev.rotate_vector_inplace(*total, static_cast<int>(s.baby), gk);
    for (size_t b = 0; b < s.baby && g * s.baby + b < s.m; ++b) {
      const auto& d = layer.diagonals[g * s.baby + b];
      if (!d) continue;
      seal::Ciphertext term;
      ev.multiply_plain(rotated[b], *d, term);
      accumulate(ev, total, term);
    }
  }
  if (!total) throw std::runtime_error("all-zero weight matrix");
  ev.rescale_to_next_inplace(*total);
  for (size_t k = s.m; k < s.p; k *= 2) {
    seal::Ciphertext r;
    ev.rotate_vector(*total, static_cast<int>(k), gk, r);
    ev.add_inplace(*total, r);
  }
  return *total;
}

void add_bias(seal::Evaluator& ev, seal::CKKSEncoder& encoder, seal::Ciphertext& ct,
              const std::vector<double>& bias, size_t period) {
  seal::Plaintext pt;
  encoder.encode(replicate(bias, period, encoder.slot_count()), ct.parms_id(), ct.scale(), pt);
  ev.add_plain_inplace(ct, pt);
}

int run() {
  fhebench::Program p;
  const auto [features, hidden, classes, C, H, F, w1, w2, x, b1, b2, s1, s2] = read_mlp(p);
  Ring ring = ring_for(F);
  if (ring.n == 0) p.unsupported("padded features " + std::to_string(F) + " exceed 8192 slots");

  seal::EncryptionParameters parms(seal::scheme_type::ckks);
  parms.set_poly_modulus_degree(ring.n);
  parms.set_coeff_modulus(seal::CoeffModulus::Create(ring.n, ring.primes));
  std::set<int> steps;
  add_steps(steps, s1);
  add_steps(steps, s2);
  auto keys = generate_keys(p, parms, {.relin = true, .galois_steps = {steps.begin(), steps.end()}});
  p.fhe({{"scale_bits", kScaleBits}, {"multiplicative_depth", 3}, {"rotation_keys", steps.size()}});

  seal::CKKSEncoder encoder(keys->context);
  seal::Encryptor encryptor(keys->context, keys->public_key);
  seal::Decryptor decryptor(keys->context, keys->keygen.secret_key());
  seal::Evaluator ev(keys->context);
  auto top = keys->context.first_context_data();
  seal::Ciphertext ct;
  Layer l1, l2;
  {
    auto t = p.phase("encrypt");
    seal::Plaintext pt;
    encoder.encode(replicate(x, F, encoder.slot_count()), std::pow(2.0, kScaleBits), pt);
    encryptor.encrypt(pt, ct);
    auto t2 = p.phase("encrypt.weights");
    l1 = encode_layer(encoder, w1, s1, top->parms_id());
    l2 = encode_layer(encoder, w2, s2, top->next_context_data()->next_context_data()->parms_id());
  }
  report_ciphertext(p, ct);
  {
    auto t = p.phase("compute");
    seal::Ciphertext h = apply(ev, keys->galois_keys, l1, ct);
    add_bias(ev, encoder, h, b1, H);
    ev.square_inplace(h);
    ev.relinearize_inplace(h, keys->relin_keys);
    ev.rescale_to_next_inplace(h);
    ct = apply(ev, keys->galois_keys, l2, h);
    add_bias(ev, encoder, ct, b2, C);
  }
  std::vector<double> y;
  {
    auto t = p.phase("decrypt");
    seal::Plaintext pt;
    decryptor.decrypt(ct, pt);
    encoder.decode(pt, y);
    y.resize(classes);
  }
  p.output("y", y);
  return p.finish();
}

}  // namespace

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run); }
