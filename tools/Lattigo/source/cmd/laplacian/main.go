// laplacian, batched: BGV t = 65537, the whole image in slots 0..width²−1 of the first row;
// n = 4096 with 36,36 + special 37 (SEAL's default) when width² ≤ 2048, else n = 8192 with
// 43,43 + 44. The 3×3 box sum is separable (4 column rotations, Galois keys for exactly
// {1, −1, w, −w}); B includes p, so out = p + M ⊙ (10·p − B) = 10·p − neighbours inside, with M
// the public interior mask.
package main

import (
	"fmt"

	"fhebench/program"
	"fhebench/tools/lattigo/bgvkit"
)

func main() {
	p := program.FromEnv()
	w := p.SizeOf("width")
	image := p.InputU64("image")
	if w < 3 || w*w > 4096 || len(image) != w*w {
		p.Unsupported(fmt.Sprintf("width %d: needs 3 <= width and width² <= 4096 (one row of n = 8192 slots)", w))
	}
	spec := bgvkit.Spec{LogN: 12, LogQ: []int{36, 36}, LogP: []int{37}, T: 65537, Rotations: []int{1, -1, w, -w}}
	if w*w > 2048 {
		spec.LogN, spec.LogQ, spec.LogP = 13, []int{43, 43}, []int{44}
	}
	st := bgvkit.NewSetup(p, spec)
	mask := make([]int64, w*w)
	for r := 1; r+1 < w; r++ {
		for c := 1; c+1 < w; c++ {
			mask[r*w+c] = 1
		}
	}
	c := bgvkit.NewCircuit(st)
	var px bgvkit.Value
	p.Phase("encrypt", func() { px = c.Encrypted(st.Encrypt(image)) })
	var out bgvkit.Value
	p.Phase("compute", func() {
		rot := func(v bgvkit.Value, k int) bgvkit.Value {
			ct, err := st.Eval.RotateColumnsNew(v.Ct, k)
			if err != nil {
				panic(err)
			}
			return c.Encrypted(ct)
		}
		row := c.Add(c.Add(px, rot(px, 1)), rot(px, -1))
		box := c.Add(c.Add(row, rot(row, w)), rot(row, -w))
		diff := c.Sub(c.Mul(px, c.Constant(10)), box)
		masked, err := st.Eval.MulNew(diff.Ct, mask)
		if err != nil {
			panic(err)
		}
		out = c.Add(px, c.Encrypted(masked))
	})
	var result []int64
	p.Phase("decrypt", func() { result = st.Decrypt(out.Ct)[:w*w] })
	p.OutputI64("image", result)
	st.Report(p, px.Ct, 0)
	p.Finish()
}
