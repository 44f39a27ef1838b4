// Package packing is the CKKS packing of the mlp benchmark's dense layers, library-neutral:
// the Go twin of include/fhebench/packing.hpp (hybrid diagonal matrix-vector products). An m×p
// matrix (m ≤ p, powers of two after zero padding) has m extended diagonals
// d_i[j] = W[j mod m][(j + i) mod p]; z = Σ_i d_i ⊙ rot(x, i), then y[r] = Σ_l z[r + l·m] by
// log2(p/m) rotate-and-add steps. Vectors are replicated with period p over all slots, so slot
// rotations act as cyclic rotations of length p. The Σ_i runs baby-step giant-step with B baby
// steps (shared by both layers) and G giant steps; diagonals are pre-rotated by −gB so that
// the giant steps can run in Horner form.
package packing

import (
	"math/bits"

	"fhebench/program"
)

// Matrix is row-major; entries outside rows×cols read as zero (the padding).
type Matrix struct {
	Rows, Cols int
	Values     []float64
}

func (w Matrix) At(r, c int) float64 {
	if r < w.Rows && c < w.Cols {
		return w.Values[r*w.Cols+c]
	}
	return 0
}

// Shape is a layer's geometry: an M×P padded matrix, Baby steps B, Giant steps G.
type Shape struct{ M, P, Baby, Giant int }

func NewShape(m, p, baby int) Shape { return Shape{m, p, baby, (m + baby - 1) / baby} }

// BabySteps is B = 2^⌈log2(m)/2⌉ for the larger layer.
func BabySteps(m int) int { return 1 << (bits.Len(uint(m)) / 2) }

// AddSteps adds the rotation steps a layer needs keys for: 1 (baby steps), B (giant steps), the folds.
func AddSteps(steps map[int]bool, s Shape) {
	if s.Baby > 1 && s.M > 1 {
		steps[1] = true
	}
	if s.Giant > 1 {
		steps[s.Baby] = true
	}
	for k := s.M; k < s.P; k *= 2 {
		steps[k] = true
	}
}

// Diagonal is diagonal i of the layer, pre-rotated by −gB and replicated over all slots.
func Diagonal(w Matrix, s Shape, i, slots int) []float64 {
	shift := i / s.Baby * s.Baby
	d := make([]float64, slots)
	for j := range d {
		k := (j + s.P - shift%s.P) % s.P // position before the rotation by −shift
		d[j] = w.At(k%s.M, (k+i)%s.P)
	}
	return d
}

func Replicate(v []float64, period, slots int) []float64 {
	r := make([]float64, slots)
	for j := range r {
		if j%period < len(v) {
			r[j] = v[j%period]
		}
	}
	return r
}

// Layer holds the encoded diagonals; a nil one is all zero.
type Layer[Plaintext any] struct {
	Shape     Shape
	Diagonals []*Plaintext
}

// EncodeLayer encodes every non-zero diagonal with the library's encode.
func EncodeLayer[Plaintext any](w Matrix, s Shape, slots int, encode func([]float64) *Plaintext) Layer[Plaintext] {
	layer := Layer[Plaintext]{Shape: s}
	for i := 0; i < s.M; i++ {
		d := Diagonal(w, s, i, slots)
		var pt *Plaintext
		for _, x := range d {
			if x != 0 {
				pt = encode(d)
				break
			}
		}
		layer.Diagonals = append(layer.Diagonals, pt)
	}
	return layer
}

// Mlp is the model, input and geometry: C, H, F are classes, hidden and features padded to
// powers of two with C ≤ H ≤ F; layer 1 is H×F and layer 2 C×H, one baby-step count for both.
type Mlp struct {
	Features, Hidden, Classes, C, H, F int
	W1, W2                             Matrix
	X, B1, B2                          []float64
	S1, S2                             Shape
}

func ceilPow2(n int) int { return 1 << bits.Len(uint(n-1)) }

func NewMlp(features, hidden, classes int, w1, w2, x, b1, b2 []float64) Mlp {
	c := ceilPow2(classes)
	h := ceilPow2(max(hidden, c))
	f := ceilPow2(max(features, h))
	baby := BabySteps(h)
	return Mlp{features, hidden, classes, c, h, f,
		Matrix{hidden, features, w1}, Matrix{classes, hidden, w2}, x, b1, b2,
		NewShape(h, f, baby), NewShape(c, h, baby)}
}

func ReadMlp(p *program.Program) Mlp {
	return NewMlp(p.SizeOf("features"), p.SizeOf("hidden"), p.SizeOf("classes"),
		p.InputF64("w1"), p.InputF64("w2"), p.InputF64("x"), p.InputF64("b1"), p.InputF64("b2"))
}
