// CKKS packing of the mlp benchmark's dense layers, library-neutral (tools/SEAL, tools/OpenFHE):
// hybrid diagonal matrix-vector products. An m×p matrix (m ≤ p, powers of two after zero
// padding) has m extended diagonals d_i[j] = W[j mod m][(j + i) mod p]; z = Σ_i d_i ⊙ rot(x, i),
// then y[r] = Σ_l z[r + l·m] by log2(p/m) rotate-and-add steps. Vectors are replicated with
// period p over all slots, so slot rotations act as cyclic rotations of length p. The Σ_i runs
// baby-step giant-step with B baby steps (shared by both layers) and G giant steps; diagonals
// are pre-rotated by −gB so that the giant steps can run in Horner form.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <optional>
#include <set>
#include <vector>

#include "program.hpp"

namespace fhebench::packing {

struct Matrix {
  size_t rows, cols;
  std::vector<double> values;  // row-major
  double at(size_t r, size_t c) const { return r < rows && c < cols ? values[r * cols + c] : 0.0; }
};

// Layer geometry: an m×p padded matrix, baby steps B, giant steps G.
struct Shape {
  size_t m, p, baby, giant;
};

inline Shape shape(size_t m, size_t p, size_t baby) { return {m, p, baby, (m + baby - 1) / baby}; }

// B = 2^⌈log2(m)/2⌉ for the larger layer.
inline size_t baby_steps(size_t m) { return size_t{1} << (std::bit_width(m) / 2); }

// The rotation steps a layer needs keys for: 1 (baby steps), B (giant steps), the folds.
template <class Int>
void add_steps(std::set<Int>& steps, const Shape& s) {
  if (s.baby > 1 && s.m > 1) steps.insert(1);
  if (s.giant > 1) steps.insert(static_cast<Int>(s.baby));
  for (size_t k = s.m; k < s.p; k *= 2) steps.insert(static_cast<Int>(k));
}

// Diagonal i of the layer, pre-rotated by −gB and replicated over all slots.
inline std::vector<double> diagonal(const Matrix& w, const Shape& s, size_t i, size_t slots) {
  size_t shift = i / s.baby * s.baby;
  std::vector<double> d(slots);
  for (size_t j = 0; j < slots; ++j) {
    size_t k = (j + s.p - shift % s.p) % s.p;  // position before the rotation by −shift
    d[j] = w.at(k % s.m, (k + i) % s.p);
  }
  return d;
}

inline std::vector<double> replicate(const std::vector<double>& v, size_t period, size_t slots) {
  std::vector<double> r(slots);
  for (size_t j = 0; j < slots; ++j) r[j] = (j % period) < v.size() ? v[j % period] : 0.0;
  return r;
}

template <class Plaintext>
struct EncodedLayer {
  Shape shape;
  std::vector<std::optional<Plaintext>> diagonals;  // empty: an all-zero diagonal
};

// Encodes every non-zero diagonal with the library's `encode(std::vector<double>) -> Plaintext`.
template <class Plaintext, class Encode>
EncodedLayer<Plaintext> encode_layer(const Matrix& w, const Shape& s, size_t slots, Encode&& encode) {
  EncodedLayer<Plaintext> layer{s, {}};
  for (size_t i = 0; i < s.m; ++i) {
    auto d = diagonal(w, s, i, slots);
    layer.diagonals.emplace_back();
    if (std::any_of(d.begin(), d.end(), [](double x) { return x != 0.0; })) layer.diagonals.back() = encode(d);
  }
  return layer;
}

// The mlp's model, input and geometry: C, H, F are classes, hidden and features padded to
// powers of two with C ≤ H ≤ F; layer 1 is H×F and layer 2 C×H, with one baby-step count
// for both. Unpack it with a structured binding.
struct Mlp {
  size_t features, hidden, classes, C, H, F;
  Matrix w1, w2;
  std::vector<double> x, b1, b2;
  Shape s1, s2;
};

// Bit-sliced integers (cardio batched: tools/SEAL, tools/OpenFHE): bit b (LSB = 0) of
// values[start, start + count), one per slot, zero-padded to `length` slots (at least count).
template <class Int>
std::vector<Int> bit_plane(const std::vector<Int>& values, int b, size_t start, size_t count, size_t length = 0) {
  std::vector<Int> slots(std::max(length, count), 0);
  for (size_t i = 0; i < count; ++i) slots[i] = values.at(start + i) >> b & 1;
  return slots;
}

inline Mlp read_mlp(const Program& p) {
  const size_t features = p.size("features"), hidden = p.size("hidden"), classes = p.size("classes");
  const size_t C = std::bit_ceil(classes), H = std::bit_ceil(std::max(hidden, C));
  const size_t F = std::bit_ceil(std::max(features, H));
  const size_t baby = baby_steps(H);
  return {features, hidden, classes, C, H, F,
          Matrix{hidden, features, p.input<std::vector<double>>("w1")},
          Matrix{classes, hidden, p.input<std::vector<double>>("w2")},
          p.input<std::vector<double>>("x"), p.input<std::vector<double>>("b1"), p.input<std::vector<double>>("b2"),
          shape(H, F, baby), shape(C, H, baby)};
}

}  // namespace fhebench::packing
