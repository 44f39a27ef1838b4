// mlp through HEIR: the function of mlp.py as HEIR compiled it to OpenFHE CKKS; the clear
// weights are encoded inside HEIR's function, so in the compute phase.
#include "heir_main.hpp"

static int run_program() {
  fhebench::Program p;
  heirbench::record_compile(p);
  auto in = [&](const char* name) { return p.input<std::vector<float>>(name); };
  const std::vector<float> x = in("x"), w1 = in("w1"), b1 = in("b1"), w2 = in("w2"), b2 = in("b2");

  heirbench::Keys keys;
  CryptoContextT cc = heirbench::keygen(p, keys, mlp__generate_crypto_context, mlp__configure_crypto_context);
  std::vector<CiphertextT> cx, zeros;
  {
    auto t = p.phase("encrypt");
    cx = mlp__encrypt__arg0(cc, x, keys.publicKey);
#if HEIR_ENCRYPT_ZEROS
    zeros = mlp__encrypt__zeros(cc, keys.publicKey);  // HEIR's function asks the client for them
#endif
  }
  const CiphertextT fresh = cx.front()->Clone();  // HEIR's code may update its inputs in place
  std::vector<CiphertextT> y;
  {
    auto t = p.phase("compute");
#if HEIR_ENCRYPT_ZEROS
    y = mlp(cc, cx, w1, b1, w2, b2, zeros);
#else
    y = mlp(cc, cx, w1, b1, w2, b2);
#endif
  }
  {
    auto t = p.phase("decrypt");
    const std::vector<float> out = mlp__decrypt__result0(cc, y, keys.secretKey);
    p.output("y", std::vector<double>(out.begin(), out.end()));
  }
  heirbench::report(p, cc, keys, fresh);
  return p.finish();
}

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run_program); }
