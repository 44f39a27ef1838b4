package bgvkit

import (
	"math/rand"
	"os"
	"path/filepath"
	"testing"

	"fhebench/program"
)

// The comparison circuits on real ciphertexts with the cardio parameters: one batch holds
// all 256 values of x (x > c, x < c) and 8192 random (x, y) pairs (x − y ≥ k).
func TestComparatorsMatchIntegers(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "input.json")
	if err := os.WriteFile(in, []byte(`{"protocol":1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := program.Open(in, filepath.Join(dir, "output.json"), 1)
	if err != nil {
		t.Fatal(err)
	}
	st := NewSetup(p, Spec{LogN: 13, LogQ: []int{58, 58, 58}, LogP: []int{44}, T: 65537, Relin: true, ScaleInvariant: true})
	slots := st.Params.MaxSlots()
	x, y := make([]uint64, slots), make([]uint64, slots)
	rng := rand.New(rand.NewSource(1))
	for i := range x {
		x[i], y[i] = uint64(i%256), uint64(rng.Intn(256))
	}
	c := NewCircuit(st)
	bits := func(v []uint64) []Value {
		var out []Value
		for b := 0; b < 8; b++ {
			s := make([]uint64, len(v))
			for i := range v {
				s[i] = v[i] >> b & 1
			}
			out = append(out, c.Encrypted(st.Encrypt(s)))
		}
		return out
	}
	xb, yb := bits(x), bits(y)
	check := func(name string, v Value, want func(i int) bool) {
		got := make([]int64, slots)
		if v.Const != nil {
			for i := range got {
				got[i] = int64(*v.Const)
			}
		} else {
			got = st.Decrypt(v.Ct)
		}
		for i := 0; i < slots; i++ {
			if w := want(i); (got[i] == 1) != w || (got[i] != 0 && got[i] != 1) {
				t.Fatalf("%s at x=%d y=%d: got %d, want %v", name, x[i], y[i], got[i], w)
			}
		}
	}
	cmp := NewConstantComparator(c, xb)
	for _, k := range []uint64{0, 2, 30, 40, 50, 60, 255, 256} {
		check("x > c", cmp.GreaterThan(k), func(i int) bool { return x[i] > k })
		check("x < c", cmp.LessThan(k), func(i int) bool { return x[i] < k })
	}
	diff := NewDifferenceComparator(c, xb, yb)
	for _, k := range []int64{-255, -89, -1, 0, 1, 90, 255} {
		check("x - y >= k", diff.AtLeast(k), func(i int) bool { return int64(x[i])-int64(y[i]) >= k })
	}
}
