// chi_squared, batched: BGV n = 8192, t = 33538049 (a 25-bit batching prime, as tools/SEAL),
// SEAL's moduli 58,58,58 + 44; instance i in slot i. u = 2·n0 + n1, v = 2·n2 + n1,
// x = 4·n0·n2 − n1², alpha = x², beta1 = 2u², beta2 = u·v, beta3 = 2v²: 5 multiplications, depth 2.
package main

import (
	"fhebench/program"
	"fhebench/tools/lattigo/bgvkit"

	"github.com/tuneinsight/lattigo/v6/core/rlwe"
)

func main() {
	p := program.FromEnv()
	n := p.SizeOf("instances")
	clear := [][]uint64{p.InputU64("n0"), p.InputU64("n1"), p.InputU64("n2")}
	st := bgvkit.NewSetup(p, bgvkit.Spec{LogN: 13, LogQ: []int{58, 58, 58}, LogP: []int{44}, T: 33538049, Relin: true, ScaleInvariant: true})
	names := []string{"alpha", "beta1", "beta2", "beta3"}
	outputs := make([][]int64, 4)
	var sample *rlwe.Ciphertext
	for _, batch := range bgvkit.Batches(n, st.Params.MaxSlots()) {
		c := bgvkit.NewCircuit(st)
		var in [3]bgvkit.Value
		p.Phase("encrypt", func() {
			for k := range in {
				in[k] = c.Encrypted(st.Encrypt(clear[k][batch[0]:batch[1]]))
			}
		})
		var results [4]bgvkit.Value
		p.Phase("compute", func() {
			n0, n1, n2 := in[0], in[1], in[2]
			u := c.Add(c.Add(n0, n0), n1)
			v := c.Add(c.Add(n2, n2), n1)
			x := c.Sub(c.Mul(c.Constant(4), c.Mul(n0, n2)), c.Mul(n1, n1))
			uu, vv := c.Mul(u, u), c.Mul(v, v)
			results = [4]bgvkit.Value{c.Mul(x, x), c.Add(uu, uu), c.Mul(u, v), c.Add(vv, vv)}
		})
		p.Phase("decrypt", func() {
			for k, r := range results {
				outputs[k] = append(outputs[k], st.Decrypt(r.Ct)[:batch[1]-batch[0]]...)
			}
		})
		sample = in[0].Ct
	}
	for k, name := range names {
		p.OutputI64(name, outputs[k])
	}
	st.Report(p, sample, 2)
	p.Finish()
}
