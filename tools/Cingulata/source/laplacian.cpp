// laplacian in Cingulata's C++ circuit language: each interior pixel is 10·p − Σ neighbours in
// 13-bit two's complement (−2040..2550); border pixels are returned unchanged.
#include <ci_fncs.hxx>

#include <stdexcept>

#include "cingulata_program.hpp"

using namespace cingulata;
using namespace cingubench;

namespace {

constexpr unsigned kPixelBits = 8;
constexpr unsigned kResultBits = 13;

CiInt sharpen(const std::vector<CiInt>& img, size_t w, size_t r, size_t c) {
  std::vector<CiInt> neighbours;
  for (size_t i = r - 1; i <= r + 1; ++i)
    for (size_t j = c - 1; j <= c + 1; ++j)
      if (i != r || j != c) neighbours.push_back(img[i * w + j].alter(kResultBits, true));
  const CiInt p = img[r * w + c].alter(kResultBits, true);
  return (p << 3) + (p << 1) - sum(neighbours);
}

}  // namespace

int main() {
  fhebench::Program p;
  const size_t w = p.size("width");
  const auto image = p.input<std::vector<uint64_t>>("image");
  if (image.size() != w * w) throw std::runtime_error("image must hold width² pixels");
  std::vector<Input> inputs;
  for (uint64_t v : image) inputs.push_back({v, kPixelBits});
  auto circuit = [w](const std::vector<CiInt>& img) {
    std::vector<CiInt> out;
    for (const CiInt& x : img) out.push_back(x.alter(kResultBits, true));
    for (size_t r = 1; r + 1 < w; ++r)
      for (size_t c = 1; c + 1 < w; ++c) out[r * w + c] = sharpen(img, w, r, c);
    return out;
  };
  p.output("image", run_circuit(p, inputs, circuit, true));
  return p.finish();
}
