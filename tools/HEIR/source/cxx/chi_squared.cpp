// chi_squared through HEIR: the function of chi_squared.py (one tensor per input over all
// instances) as HEIR compiled it to OpenFHE BGV; this driver only feeds it and times it.
#include "heir_main.hpp"

static int run_program() {
  fhebench::Program p;
  heirbench::record_compile(p);
  auto in = [&](const char* name) { return p.input<std::vector<int32_t>>(name); };
  const std::vector<int32_t> n0 = in("n0"), n1 = in("n1"), n2 = in("n2");

  heirbench::Keys keys;
  CryptoContextT cc = heirbench::keygen(p, keys, chi_squared__generate_crypto_context, chi_squared__configure_crypto_context);
  std::vector<CiphertextT> c0, c1, c2;
  {
    auto t = p.phase("encrypt");
    c0 = chi_squared__encrypt__arg0(cc, n0, keys.publicKey);
    c1 = chi_squared__encrypt__arg1(cc, n1, keys.publicKey);
    c2 = chi_squared__encrypt__arg2(cc, n2, keys.publicKey);
  }
  const CiphertextT fresh = c0.front()->Clone();  // HEIR's code updates its inputs in place
  chi_squaredStruct r;
  {
    auto t = p.phase("compute");
    r = chi_squared(cc, c0, c1, c2);
  }
  {
    auto t = p.phase("decrypt");
    p.output("alpha", chi_squared__decrypt__result0(cc, r.arg0, keys.secretKey));
    p.output("beta1", chi_squared__decrypt__result1(cc, r.arg1, keys.secretKey));
    p.output("beta2", chi_squared__decrypt__result2(cc, r.arg2, keys.secretKey));
    p.output("beta3", chi_squared__decrypt__result3(cc, r.arg3, keys.secretKey));
  }
  heirbench::report(p, cc, keys, fresh);
  return p.finish();
}

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run_program); }
