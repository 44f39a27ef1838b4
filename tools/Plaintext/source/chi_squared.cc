// Plaintext chi_squared: the association test's terms in the clear.
#include <fhebench/main.hpp>
#include <fhebench/program.hpp>

#include <vector>

static int run_program() {
  fhebench::Program p;
  using V = std::vector<int64_t>;
  V n0, n1, n2;
  {
    auto t = p.phase("encrypt");
    n0 = p.input<V>("n0"), n1 = p.input<V>("n1"), n2 = p.input<V>("n2");
  }
  p.record("keygen", 0);
  V alpha(n0.size()), beta1(n0.size()), beta2(n0.size()), beta3(n0.size());
  {
    auto t = p.phase("compute");
    for (size_t i = 0; i < n0.size(); ++i) {
      const int64_t a = 4 * n0[i] * n2[i] - n1[i] * n1[i], b = 2 * n0[i] + n1[i], c = 2 * n2[i] + n1[i];
      alpha[i] = a * a, beta1[i] = 2 * b * b, beta2[i] = b * c, beta3[i] = 2 * c * c;
    }
  }
  p.record("decrypt", 0);
  p.output("alpha", alpha), p.output("beta1", beta1), p.output("beta2", beta2), p.output("beta3", beta3);
  p.fhe({{"library", "none"}, {"scheme", "none"}});
  return p.finish();
}

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run_program); }
