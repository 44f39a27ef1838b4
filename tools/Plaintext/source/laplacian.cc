// Plaintext laplacian: 3x3 sharpening in the clear, border pixels copied.
#include <fhebench/main.hpp>
#include <fhebench/program.hpp>

#include <vector>

static int run_program() {
  fhebench::Program p;
  const int64_t w = p.size("width");
  std::vector<int64_t> in;
  {
    auto t = p.phase("encrypt");
    in = p.input<std::vector<int64_t>>("image");
  }
  p.record("keygen", 0);
  std::vector<int64_t> out(in);
  {
    auto t = p.phase("compute");
    for (int64_t r = 1; r + 1 < w; ++r)
      for (int64_t c = 1; c + 1 < w; ++c) {
        int64_t sum = 0;
        for (int dr = -1; dr <= 1; ++dr)
          for (int dc = -1; dc <= 1; ++dc) sum += in[(r + dr) * w + c + dc];
        out[r * w + c] = 11 * in[r * w + c] - sum;  // 10p minus the 8 neighbours
      }
  }
  p.record("decrypt", 0);
  p.output("image", out);
  p.fhe({{"library", "none"}, {"scheme", "none"}});
  return p.finish();
}

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run_program); }
