// mlp, batched: CKKS, y = W2·(W1·x + b1)² + b2, the port of tools/SEAL/source/mlp_batched.cpp
// with the packing of go/program/packing (hybrid diagonals, baby-step giant-step, Horner giant
// steps: Galois keys for 1, B and the folds only). Same ring and moduli as SEAL: n = 8192 with
// 50,40,40,40 + special 48 (218 bits) while the padded features fit 4096 slots, else n = 16384
// with 60,40,40,40 + 60 (240 bits); scale 2^40. Levels: W1 (plain), square, W2 (plain).
package main

import (
	"fmt"
	"math"
	"math/bits"
	"sort"

	"fhebench/program"
	"fhebench/program/packing"
	"fhebench/tools/lattigo/bgvkit"

	"github.com/tuneinsight/lattigo/v6/core/rlwe"
	"github.com/tuneinsight/lattigo/v6/schemes/ckks"
)

const scaleBits = 40

type Layer = packing.Layer[rlwe.Plaintext]

func must(err error) {
	if err != nil {
		panic(err)
	}
}

type mlp struct {
	params ckks.Parameters
	ecd    *ckks.Encoder
	eval   *ckks.Evaluator
}

func (m *mlp) encodeLayer(w packing.Matrix, s packing.Shape, level int) Layer {
	return packing.EncodeLayer(w, s, m.params.MaxSlots(), func(d []float64) *rlwe.Plaintext {
		pt := ckks.NewPlaintext(m.params, level)
		pt.Scale = rlwe.NewScale(math.Exp2(scaleBits))
		must(m.ecd.Encode(d, pt))
		return pt
	})
}

func (m *mlp) rotate(ct *rlwe.Ciphertext, k int) *rlwe.Ciphertext {
	out, err := m.eval.RotateNew(ct, k)
	must(err)
	return out
}

// apply is Σ_g rot(Σ_b rot(x, b) ⊙ d_{gB+b}, gB) in Horner form, a rescale, then the folds.
func (m *mlp) apply(layer Layer, x *rlwe.Ciphertext) *rlwe.Ciphertext {
	s := layer.Shape
	rotated := []*rlwe.Ciphertext{x} // rot(x, b) = rot(rot(x, b − 1), 1)
	for b := 1; b < s.Baby && b < s.M; b++ {
		rotated = append(rotated, m.rotate(rotated[b-1], 1))
	}
	var total *rlwe.Ciphertext
	for g := s.Giant - 1; g >= 0; g-- {
		if total != nil {
			total = m.rotate(total, s.Baby)
		}
		for b := 0; b < s.Baby && g*s.Baby+b < s.M; b++ {
			d := layer.Diagonals[g*s.Baby+b]
			if d == nil {
				continue
			}
			term, err := m.eval.MulNew(rotated[b], d)
			must(err)
			if total == nil {
				total = term
			} else {
				must(m.eval.Add(total, term, total))
			}
		}
	}
	if total == nil {
		panic("all-zero weight matrix")
	}
	must(m.eval.Rescale(total, total))
	for k := s.M; k < s.P; k *= 2 {
		must(m.eval.Add(total, m.rotate(total, k), total))
	}
	return total
}

// addBias adds the bias replicated with the output's period, at the ciphertext's level and scale.
func (m *mlp) addBias(ct *rlwe.Ciphertext, bias []float64, period int) {
	pt := ckks.NewPlaintext(m.params, ct.Level())
	pt.Scale = ct.Scale
	must(m.ecd.Encode(packing.Replicate(bias, period, m.params.MaxSlots()), pt))
	must(m.eval.Add(ct, pt, ct))
}

func main() {
	p := program.FromEnv()
	n := packing.ReadMlp(p)
	logN, logQ, logP := 13, []int{50, 40, 40, 40}, []int{48}
	switch {
	case n.F > 8192:
		p.Unsupported(fmt.Sprintf("padded features %d exceed 8192 slots", n.F))
	case n.F > 4096:
		logN, logQ, logP = 14, []int{60, 40, 40, 40}, []int{60}
	}
	steps := map[int]bool{}
	packing.AddSteps(steps, n.S1)
	packing.AddSteps(steps, n.S2)
	var rotations []int
	for k := range steps {
		rotations = append(rotations, k)
	}
	sort.Ints(rotations)

	var m mlp
	var enc *rlwe.Encryptor
	var dec *rlwe.Decryptor
	var pk *rlwe.PublicKey
	var rlk *rlwe.RelinearizationKey
	var gks []*rlwe.GaloisKey
	p.Phase("keygen", func() {
		p.Phase("keygen.context", func() {
			q, pp := bgvkit.Primes(logN, logQ, logP)
			params, err := ckks.NewParametersFromLiteral(ckks.ParametersLiteral{LogN: logN, Q: q, P: pp, LogDefaultScale: scaleBits})
			must(err)
			m.params = params
		})
		kgen := rlwe.NewKeyGenerator(m.params)
		var sk *rlwe.SecretKey
		sk, pk = kgen.GenKeyPairNew()
		p.Phase("keygen.relin", func() { rlk = kgen.GenRelinearizationKeyNew(sk) })
		p.Phase("keygen.galois", func() {
			var els []uint64
			for _, k := range rotations {
				els = append(els, m.params.GaloisElement(k))
			}
			gks = kgen.GenGaloisKeysNew(els, sk)
		})
		enc, dec = rlwe.NewEncryptor(m.params, pk), rlwe.NewDecryptor(m.params, sk)
		m.ecd = ckks.NewEncoder(m.params)
		m.eval = ckks.NewEvaluator(m.params, rlwe.NewMemEvaluationKeySet(rlk, gks...))
	})

	var ct *rlwe.Ciphertext
	var l1, l2 Layer
	p.Phase("encrypt", func() {
		pt := ckks.NewPlaintext(m.params, m.params.MaxLevel())
		pt.Scale = rlwe.NewScale(math.Exp2(scaleBits))
		must(m.ecd.Encode(packing.Replicate(n.X, n.F, m.params.MaxSlots()), pt))
		var err error
		ct, err = enc.EncryptNew(pt)
		must(err)
		p.Phase("encrypt.weights", func() {
			l1 = m.encodeLayer(n.W1, n.S1, m.params.MaxLevel())
			l2 = m.encodeLayer(n.W2, n.S2, m.params.MaxLevel()-2)
		})
	})
	fresh := ct.BinarySize()
	p.Phase("compute", func() {
		h := m.apply(l1, ct)
		m.addBias(h, n.B1, n.H)
		must(m.eval.MulRelin(h, h, h))
		must(m.eval.Rescale(h, h))
		ct = m.apply(l2, h)
		m.addBias(ct, n.B2, n.C)
	})
	y := make([]float64, m.params.MaxSlots())
	p.Phase("decrypt", func() { must(m.ecd.Decode(dec.DecryptNew(ct), y)) })
	p.OutputF64("y", y[:n.Classes])

	var moduli []int
	for _, q := range append(m.params.Q(), m.params.P()...) {
		moduli = append(moduli, bits.Len64(q))
	}
	p.FHE("library", "Lattigo")
	p.FHE("library_version", bgvkit.LibraryVersion)
	p.FHE("scheme", "CKKS")
	p.FHE("poly_modulus_degree", m.params.N())
	p.FHE("coeff_modulus_bits", moduli)
	p.FHE("scale_bits", scaleBits)
	p.FHE("multiplicative_depth", 3)
	p.FHE("rotation_keys", len(rotations))
	p.FHE("declared_security_bits", 128)
	p.FHE("threads", p.Threads())
	p.Size("ciphertext_bytes", uint64(fresh))
	p.Size("public_key_bytes", uint64(pk.BinarySize()))
	p.Size("relin_key_bytes", uint64(rlk.BinarySize()))
	total := 0
	for _, gk := range gks {
		total += gk.BinarySize()
	}
	p.Size("galois_key_bytes", uint64(total))
	p.Finish()
}
