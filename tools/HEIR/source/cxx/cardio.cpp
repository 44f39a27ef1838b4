// cardio through HEIR: the bit-plane circuit of cardio.py as HEIR compiled it to OpenFHE BFV;
// calls.inc (written by cardio.py) names the planes in argument order.
#include <array>
#include <fhebench/packing.hpp>
#include <utility>

#include "calls.inc"
#include "heir_main.hpp"

static int run_program() {
  fhebench::Program p;
  heirbench::record_compile(p);
  const size_t patients = p.size("patients");
  const std::vector<std::pair<const char*, int>> fields = CARDIO_FIELDS;
  const std::vector<decltype(&cardio__encrypt__arg0)> encrypts = CARDIO_ENCRYPTS;

  heirbench::Keys keys;
  CryptoContextT cc = heirbench::keygen(p, keys, cardio__generate_crypto_context, cardio__configure_crypto_context);
  std::vector<std::vector<CiphertextT>> in;
  {
    auto t = p.phase("encrypt");
    for (const auto& [name, bits] : fields) {
      const std::vector<int32_t> values = p.input<std::vector<int32_t>>(name);
      for (int b = 0; b < bits; ++b)
        in.push_back(encrypts.at(in.size())(cc, fhebench::packing::bit_plane(values, b, 0, patients), keys.publicKey));
    }
  }
  const CiphertextT fresh = in.front().front()->Clone();  // HEIR's code may update its inputs in place
  std::vector<CiphertextT> risk;
  {
    auto t = p.phase("compute");
    risk = CARDIO_CALL(cc, in);
  }
  {
    auto t = p.phase("decrypt");
    p.output("risk", cardio__decrypt__result0(cc, risk, keys.secretKey));
  }
  p.fhe({{"encrypted_bit_planes", in.size()}});
  heirbench::report(p, cc, keys, fresh);
  return p.finish();
}

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run_program); }
