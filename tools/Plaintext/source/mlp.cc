// Plaintext mlp: y = w2·(w1·x + b1)² + b2 in double precision.
#include <fhebench/main.hpp>
#include <fhebench/program.hpp>

#include <vector>

static int run_program() {
  fhebench::Program p;
  const int64_t f = p.size("features"), h = p.size("hidden"), k = p.size("classes");
  using V = std::vector<double>;
  V x, w1, b1, w2, b2;
  {
    auto t = p.phase("encrypt");
    x = p.input<V>("x"), w1 = p.input<V>("w1"), b1 = p.input<V>("b1"), w2 = p.input<V>("w2"), b2 = p.input<V>("b2");
  }
  p.record("keygen", 0);
  V y(k);
  {
    auto t = p.phase("compute");
    V hidden(h);
    for (int64_t j = 0; j < h; ++j) {
      double a = b1[j];
      for (int64_t i = 0; i < f; ++i) a += w1[j * f + i] * x[i];
      hidden[j] = a * a;
    }
    for (int64_t c = 0; c < k; ++c) {
      double a = b2[c];
      for (int64_t j = 0; j < h; ++j) a += w2[c * h + j] * hidden[j];
      y[c] = a;
    }
  }
  p.record("decrypt", 0);
  p.output("y", y);
  p.fhe({{"library", "none"}, {"scheme", "none"}});
  return p.finish();
}

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run_program); }
