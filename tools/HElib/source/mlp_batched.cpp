// mlp, batched: CKKS, y = W2·(W1·x + b1)² + b2, the same circuit as tools/SEAL's mlp_batched:
// matrix-vector products by the hybrid diagonal method of include/fhebench/packing.hpp (baby
// steps as repeated rotations by 1, giant steps in Horner form, then the rotate-and-add folds).
// HElib keeps the scale itself (no explicit rescale); rotations use the key-switching matrices
// of addSome1DMatrices, HElib composing other amounts from them.
#include <fhebench/main.hpp>
#include <fhebench/packing.hpp>

#include <memory>
#include <optional>

#include "bgv.hpp"

using namespace fhebench::packing;
using namespace helibbench;

namespace {

// Bits of precision HElib keeps per slot (its `precision`, which sets the scale): at HElib's
// tutorial default of 20 the square's error came to 0.05 on values near 0.5, at 30 the outputs
// were within 1e-2 relative, at 40 within 1e-5 (the verifier allows 1e-3).
constexpr long kPrecision = 40;

// m = 2^15: ring dimension 16384, 8192 slots. Precision 40 over three levels (W1, square, W2)
// needs 220 bits of chain (200 decrypted with too much noise); HElib's primes come to 334 bits
// with the special primes, within the table's 438 for 128 bits (HElib's estimate 168). m = 2^14
// cannot: the smallest chain that decrypted (precision 30, 200 bits) is 322 bits, above that
// ring's 218 (HElib's estimate 77).
struct Ring {
  long m, bits;
};

Ring ring_for(size_t padded_features) {
  if (padded_features <= 8192) return {32768, 220};
  return {0, 0};
}

using Layer = EncodedLayer<helib::EncodedPtxt>;

// SEAL's rotate_vector(x, k) moves slot i + k to slot i; HElib's rotate moves slot i to i + k.
void rotate_left(helib::Ctxt& c, long k) { helib::rotate(c, -k); }

helib::Ctxt apply(const Layer& layer, const helib::Ctxt& x) {
  const Shape& s = layer.shape;
  std::vector<helib::Ctxt> rotated{x};  // rot(x, b) = rot(rot(x, b − 1), 1)
  for (size_t b = 1; b < s.baby && b < s.m; ++b) {
    rotated.push_back(rotated[b - 1]);
    rotate_left(rotated.back(), 1);
  }
  std::optional<helib::Ctxt> total;  // Horner: total = rot(total, B) + inner_g
  for (size_t g = s.giant; g-- > 0;) {
    if (total) rotate_left(*total, static_cast<long>(s.baby));
    for (size_t b = 0; b < s.baby && g * s.baby + b < s.m; ++b) {
      const auto& d = layer.diagonals[g * s.baby + b];
      if (!d) continue;
      helib::Ctxt term = rotated[b];
      term.multByConstant(*d);
      if (total) *total += term;
      else total = term;
    }
  }
  if (!total) throw std::runtime_error("all-zero weight matrix");
  for (size_t k = s.m; k < s.p; k *= 2) {
    helib::Ctxt r = *total;
    rotate_left(r, static_cast<long>(k));
    *total += r;
  }
  return *total;
}

int run() {
  fhebench::Program p;
  const auto [features, hidden, classes, C, H, F, w1, w2, x, b1, b2, s1, s2] = read_mlp(p);
  const Ring ring = ring_for(F);
  if (ring.m == 0) p.unsupported("padded features " + std::to_string(F) + " exceed 8192 slots");

  std::unique_ptr<helib::Context> context;
  std::unique_ptr<helib::SecKey> secret;
  {
    auto t = p.phase("keygen");
    context = std::unique_ptr<helib::Context>(
        helib::ContextBuilder<helib::CKKS>().m(ring.m).bits(ring.bits).precision(kPrecision).c(2).buildPtr());
    secret = std::make_unique<helib::SecKey>(*context);
    secret->GenSecKey();
    helib::addSome1DMatrices(*secret);
  }
  const helib::EncryptedArray& ea = context->getEA();
  const size_t slots = context->getNSlots();
  auto encode = [&](const std::vector<double>& v) {
    helib::EncodedPtxt e;
    ea.encode(e, v);
    return e;
  };
  helib::Ctxt ct(*secret);
  Layer l1, l2;
  {
    auto t = p.phase("encrypt");
    helib::PtxtArray(*context, replicate(x, F, slots)).encrypt(ct);
    auto t2 = p.phase("encrypt.weights");
    l1 = encode_layer<helib::EncodedPtxt>(w1, s1, slots, encode);
    l2 = encode_layer<helib::EncodedPtxt>(w2, s2, slots, encode);
  }
  const helib::Ctxt sample = ct;
  {
    auto t = p.phase("compute");
    helib::Ctxt h = apply(l1, ct);
    h.addConstant(encode(replicate(b1, H, slots)));
    h.square();
    ct = apply(l2, h);
    ct.addConstant(encode(replicate(b2, C, slots)));
  }
  std::vector<double> y;
  {
    auto t = p.phase("decrypt");
    helib::PtxtArray out(*context);
    out.decrypt(ct, *secret);
    out.store(y);
    y.resize(classes);
  }
  p.output("y", y);
  p.fhe({{"precision_bits", kPrecision}, {"multiplicative_depth", 3}});
  report_helib(p, "CKKS", *context, *secret, sample);
  return p.finish();
}

}  // namespace

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run); }
