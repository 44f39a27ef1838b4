// laplacian through HEIR: the function of laplacian.py on the image padded with zeros to a
// power-of-two side (encrypt phase), cropped back to width × width after decryption.
#include "heir_main.hpp"

static int run_program() {
  fhebench::Program p;
  heirbench::record_compile(p);
  const size_t w = p.size("width");
  size_t side = 1;
  while (side < w) side *= 2;  // as laplacian.py's side()
  const std::vector<int32_t> image = p.input<std::vector<int32_t>>("image");

  heirbench::Keys keys;
  CryptoContextT cc = heirbench::keygen(p, keys, laplacian__generate_crypto_context, laplacian__configure_crypto_context);
  std::vector<CiphertextT> in;
  {
    auto t = p.phase("encrypt");
    std::vector<int32_t> padded(side * side, 0);
    for (size_t r = 0; r < w; ++r)
      for (size_t c = 0; c < w; ++c) padded[r * side + c] = image[r * w + c];
    in = laplacian__encrypt__arg0(cc, padded, keys.publicKey);
  }
  const CiphertextT fresh = in.front()->Clone();  // HEIR's code may update its inputs in place
  std::vector<CiphertextT> result;
  {
    auto t = p.phase("compute");
    result = laplacian(cc, in);
  }
  {
    auto t = p.phase("decrypt");
    const std::vector<int32_t> padded = laplacian__decrypt__result0(cc, result, keys.secretKey);
    std::vector<int32_t> out(w * w);
    for (size_t r = 0; r < w; ++r)
      for (size_t c = 0; c < w; ++c) out[r * w + c] = padded[r * side + c];
    p.output("image", out);
  }
  p.fhe({{"padded_side", side}});
  heirbench::report(p, cc, keys, fresh);
  return p.finish();
}

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run_program); }
