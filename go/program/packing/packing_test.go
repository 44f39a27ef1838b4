package packing

import (
	"math"
	"math/rand"
	"testing"
)

// rot is a left rotation of all slots, as CKKS slot rotations are.
func rot(v []float64, k int) []float64 {
	n := len(v)
	out := make([]float64, n)
	for j := range v {
		out[j] = v[((j+k)%n+n)%n]
	}
	return out
}

func add(a, b []float64) []float64 {
	out := make([]float64, len(a))
	for j := range a {
		out[j] = a[j] + b[j]
	}
	return out
}

func mul(a, b []float64) []float64 {
	out := make([]float64, len(a))
	for j := range a {
		out[j] = a[j] * b[j]
	}
	return out
}

// apply is the programs' schedule on plain slot vectors: baby steps by repeated rotation by
// 1, Horner giant steps by B, then the folds; every rotation must have a step from AddSteps.
func apply(t *testing.T, layer Layer[[]float64], x []float64, steps map[int]bool) []float64 {
	s := layer.Shape
	r := func(v []float64, k int) []float64 {
		if !steps[k] {
			t.Fatalf("rotation by %d has no key", k)
		}
		return rot(v, k)
	}
	rotated := [][]float64{x}
	for b := 1; b < s.Baby && b < s.M; b++ {
		rotated = append(rotated, r(rotated[b-1], 1))
	}
	var total []float64
	for g := s.Giant - 1; g >= 0; g-- {
		if total != nil {
			total = r(total, s.Baby)
		}
		for b := 0; b < s.Baby && g*s.Baby+b < s.M; b++ {
			if d := layer.Diagonals[g*s.Baby+b]; d != nil {
				if total == nil {
					total = make([]float64, len(x))
				}
				total = add(total, mul(rotated[b], *d))
			}
		}
	}
	for k := s.M; k < s.P; k *= 2 {
		total = add(total, r(total, k))
	}
	return total
}

func TestPackedMlpMatchesDirectProduct(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	rnd := func(n int) []float64 {
		v := make([]float64, n)
		for i := range v {
			v[i] = rng.Float64() - 0.5
		}
		return v
	}
	for _, size := range [][3]int{{784, 32, 10}, {5, 3, 2}, {64, 64, 64}, {100, 17, 1}, {1, 1, 1}} {
		fe, hi, cl := size[0], size[1], size[2]
		m := NewMlp(fe, hi, cl, rnd(hi*fe), rnd(cl*hi), rnd(fe), rnd(hi), rnd(cl))
		const slots = 4096
		steps := map[int]bool{}
		AddSteps(steps, m.S1)
		AddSteps(steps, m.S2)
		id := func(d []float64) *[]float64 { return &d }
		h := apply(t, EncodeLayer(m.W1, m.S1, slots, id), Replicate(m.X, m.F, slots), steps)
		h = mul(add(h, Replicate(m.B1, m.H, slots)), add(h, Replicate(m.B1, m.H, slots)))
		y := add(apply(t, EncodeLayer(m.W2, m.S2, slots, id), h, steps), Replicate(m.B2, m.C, slots))
		for k := 0; k < cl; k++ {
			want := m.B2[k]
			for j := 0; j < hi; j++ {
				hj := m.B1[j]
				for i := 0; i < fe; i++ {
					hj += m.W1.At(j, i) * m.X[i]
				}
				want += m.W2.At(k, j) * hj * hj
			}
			if math.Abs(y[k]-want) > 1e-9 {
				t.Fatalf("size %v: y[%d] = %g, want %g", size, k, y[k], want)
			}
		}
	}
}

func TestZeroDiagonalsAreNotEncoded(t *testing.T) {
	w := Matrix{2, 2, []float64{1, 0, 0, 1}} // only diagonal 0 is non-zero
	layer := EncodeLayer(w, NewShape(2, 2, 1), 8, func(d []float64) *[]float64 { return &d })
	if layer.Diagonals[0] == nil || layer.Diagonals[1] != nil {
		t.Fatalf("diagonals %v", layer.Diagonals)
	}
}
