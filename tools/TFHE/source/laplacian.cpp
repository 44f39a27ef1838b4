// laplacian, bit-level: 8-bit encrypted pixels; each interior pixel is 10·p − Σ neighbours in
// 13-bit two's complement (the range is −2040..2550). Border pixels are returned unchanged.
#include <fhebench/main.hpp>
#include <stdexcept>

#include "bit_program.hpp"

using namespace tfhebench;

namespace {

constexpr int kPixelBits = 8;
constexpr int kResultBits = 13;

Word sharpen(Gates& g, const std::vector<Word>& img, size_t w, size_t r, size_t c) {
  std::vector<Word> neighbours;
  for (size_t i = r - 1; i <= r + 1; ++i)
    for (size_t j = c - 1; j <= c + 1; ++j)
      if (i != r || j != c) neighbours.push_back(img[i * w + j]);
  const Word& p = img[r * w + c];
  Word ten_p = add(g, shift_left(p, 3), shift_left(p, 1));
  return subtract(g, ten_p, sum(g, neighbours), kResultBits);
}

}  // namespace

static int run_program() {
  fhebench::Program p;
  size_t w = p.size("width");
  auto image = p.input<std::vector<uint64_t>>("image");
  if (image.size() != w * w) throw std::runtime_error("image must hold width² pixels");
  std::vector<Input> inputs;
  for (uint64_t v : image) inputs.push_back({v, kPixelBits});
  auto circuit = [w](Gates& g, const std::vector<Word>& img) {
    // Border pixels are the encrypted inputs, zero-extended so every output reads as signed.
    std::vector<Word> out;
    for (const Word& x : img) out.push_back(zero_extend(x, kResultBits));
    for (size_t r = 1; r + 1 < w; ++r)
      for (size_t c = 1; c + 1 < w; ++c) out[r * w + c] = sharpen(g, img, w, r, c);
    return out;
  };
  p.output("image", run_bit_level(p, inputs, circuit, true));
  return p.finish();
}

int main(int argc, char** argv) { return fhebench::guarded_main(argc, argv, run_program); }
