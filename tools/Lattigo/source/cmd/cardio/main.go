// cardio, batched: BGV n = 8192, t = 65537 with SEAL's moduli (58,58,58 + special 44);
// bit b of field f is one ciphertext whose slot i holds patient i's bit b. The nine condition
// bits are tools/SEAL's comparison circuits (depth 4, 73 multiplications per batch); risk is
// their sum.
package main

import (
	"fhebench/program"
	"fhebench/tools/lattigo/bgvkit"
)

// Each encrypted as the bits input.json declares (flags 1, numbers 8), LSB first.
var fields = []string{"sex", "antecedent", "smoker", "diabetic", "pressure", "age", "hdl", "height", "weight", "physical_act", "drinking"}

func conditions(c *bgvkit.Circuit, in map[string][]bgvkit.Value) []bgvkit.Value {
	sex := in["sex"][0]
	age := bgvkit.NewConstantComparator(c, in["age"])
	hdl := bgvkit.NewConstantComparator(c, in["hdl"])
	activity := bgvkit.NewConstantComparator(c, in["physical_act"])
	drinking := bgvkit.NewConstantComparator(c, in["drinking"])
	// height < weight + 90  ⟺  weight − height ≥ −89
	weightMinusHeight := bgvkit.NewDifferenceComparator(c, in["weight"], in["height"])
	return []bgvkit.Value{
		c.Mux(sex, age.GreaterThan(50), age.GreaterThan(60)),
		in["antecedent"][0], in["smoker"][0], in["diabetic"][0], in["pressure"][0],
		hdl.LessThan(40),
		weightMinusHeight.AtLeast(-89),
		activity.LessThan(30),
		c.Mux(sex, drinking.GreaterThan(3), drinking.GreaterThan(2)),
	}
}

func main() {
	p := program.FromEnv()
	n := p.SizeOf("patients")
	clear, width := map[string][]uint64{}, map[string]int{}
	for _, f := range fields {
		clear[f], width[f] = p.InputU64(f), p.FieldBits(f)
	}
	st := bgvkit.NewSetup(p, bgvkit.Spec{LogN: 13, LogQ: []int{58, 58, 58}, LogP: []int{44}, T: 65537, Relin: true, ScaleInvariant: true})
	risk := make([]int64, 0, n)
	var sample bgvkit.Value
	var multiplications, depth int
	for _, batch := range bgvkit.Batches(n, st.Params.MaxSlots()) {
		c := bgvkit.NewCircuit(st)
		in := map[string][]bgvkit.Value{}
		p.Phase("encrypt", func() {
			for f, values := range clear {
				for b := 0; b < width[f]; b++ {
					slots := make([]uint64, batch[1]-batch[0])
					for i := range slots {
						slots[i] = values[batch[0]+i] >> b & 1
					}
					in[f] = append(in[f], c.Encrypted(st.Encrypt(slots)))
				}
			}
		})
		var sum bgvkit.Value
		p.Phase("compute", func() { sum = c.Sum(conditions(c, in)) })
		p.Phase("decrypt", func() {
			slots := st.Decrypt(sum.Ct)
			risk = append(risk, slots[:batch[1]-batch[0]]...)
		})
		sample, multiplications, depth = in["age"][0], c.Multiplications, sum.Depth
	}
	p.OutputI64("risk", risk)
	st.Report(p, sample.Ct, depth)
	p.FHE("multiplications_per_batch", multiplications)
	p.Finish()
}
