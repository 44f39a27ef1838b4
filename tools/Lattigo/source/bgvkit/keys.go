// Package bgvkit is what the Lattigo programs share: parameters, key generation with its
// phases, encryption and decryption of slot vectors, and the report of parameters and sizes.
package bgvkit

import (
	"math/bits"

	"fhebench/program"

	"github.com/tuneinsight/lattigo/v6/core/rlwe"
	"github.com/tuneinsight/lattigo/v6/ring"
	"github.com/tuneinsight/lattigo/v6/schemes/bgv"
)

const LibraryVersion = "6.1.1"

// Setup is a BGV context with its keys. Galois keys are made for exactly the given column
// rotation steps; the relinearization key only when asked.
type Setup struct {
	Params bgv.Parameters
	Eval   *bgv.Evaluator
	enc    *rlwe.Encryptor
	dec    *rlwe.Decryptor
	ecd    *bgv.Encoder
	pk     *rlwe.PublicKey
	rlk    *rlwe.RelinearizationKey
	gks    []*rlwe.GaloisKey
}

// Spec names a parameter set the way tools/SEAL does: ring degree 2^LogN, data primes LogQ,
// key-switching primes LogP, plain modulus T. ScaleInvariant selects Lattigo's BFV-style
// multiplication, which needs no rescaling, so SEAL's BFV moduli serve unchanged.
type Spec struct {
	LogN           int
	LogQ, LogP     []int
	T              uint64
	Relin          bool
	Rotations      []int
	ScaleInvariant bool
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// Primes are the largest NTT-friendly primes below 2^bits for each requested size, as SEAL's
// CoeffModulus::Create makes them: Lattigo's LogQ picks primes on both sides of 2^bits, so a
// "58-bit" prime could have 59 bits and the total exceed the security table's bound.
func Primes(logN int, logQ, logP []int) (q, p []uint64) {
	gens := map[int]*ring.NTTFriendlyPrimesGenerator{}
	next := func(bits int) uint64 {
		if gens[bits] == nil {
			g := ring.NewNTTFriendlyPrimesGenerator(uint64(bits), uint64(2<<logN))
			gens[bits] = &g
		}
		prime, err := gens[bits].NextDownstreamPrime()
		must(err)
		return prime
	}
	for _, b := range logQ {
		q = append(q, next(b))
	}
	for _, b := range logP {
		p = append(p, next(b))
	}
	return q, p
}

// NewSetup generates the keys as phases keygen (keygen.context, keygen.relin, keygen.galois).
func NewSetup(p *program.Program, s Spec) *Setup {
	var st Setup
	p.Phase("keygen", func() {
		p.Phase("keygen.context", func() {
			q, pp := Primes(s.LogN, s.LogQ, s.LogP)
			params, err := bgv.NewParametersFromLiteral(bgv.ParametersLiteral{LogN: s.LogN, Q: q, P: pp, PlaintextModulus: s.T})
			must(err)
			st.Params = params
		})
		kgen := rlwe.NewKeyGenerator(st.Params)
		sk, pk := kgen.GenKeyPairNew()
		st.pk = pk
		if s.Relin {
			p.Phase("keygen.relin", func() { st.rlk = kgen.GenRelinearizationKeyNew(sk) })
		}
		if len(s.Rotations) > 0 {
			p.Phase("keygen.galois", func() {
				var els []uint64
				for _, k := range s.Rotations {
					els = append(els, st.Params.GaloisElement(k))
				}
				st.gks = kgen.GenGaloisKeysNew(els, sk)
			})
		}
		st.enc = rlwe.NewEncryptor(st.Params, pk)
		st.dec = rlwe.NewDecryptor(st.Params, sk)
		st.ecd = bgv.NewEncoder(st.Params)
		st.Eval = bgv.NewEvaluator(st.Params, rlwe.NewMemEvaluationKeySet(st.rlk, st.gks...), s.ScaleInvariant)
	})
	return &st
}

// Encrypt encodes values into the slots (the rest zero) and encrypts them with the public key.
func (st *Setup) Encrypt(values []uint64) *rlwe.Ciphertext {
	pt := bgv.NewPlaintext(st.Params, st.Params.MaxLevel())
	if st.Eval.ScaleInvariant {
		pt.Scale = invariantScale(st.Params)
	}
	must(st.ecd.Encode(values, pt))
	ct, err := st.enc.EncryptNew(pt)
	must(err)
	return ct
}

// invariantScale is (−Q mod t): Lattigo's scale-invariant product has scale s0·s1·(−Q)^−1, so
// ciphertexts encrypted at this scale keep it through every multiplication. With differing
// scales every addition would first multiply one operand by a factor up to t, adding log2(t)
// bits of noise each time: the depth-4 cardio circuit then decrypted to garbage.
func invariantScale(params bgv.Parameters) rlwe.Scale {
	t := params.PlaintextModulus()
	q := uint64(1)
	for _, qi := range params.Q() {
		q = q * (qi % t) % t
	}
	return rlwe.NewScale((t - q) % t)
}

// Decrypt returns all slots, centered in (−t/2, t/2].
func (st *Setup) Decrypt(ct *rlwe.Ciphertext) []int64 {
	out := make([]int64, st.Params.MaxSlots())
	must(st.ecd.Decode(st.dec.DecryptNew(ct), out))
	return out
}

// Report records the parameters (checked by fhebench's security table from
// poly_modulus_degree and coeff_modulus_bits) and the serialized sizes of keys and of ct.
func (st *Setup) Report(p *program.Program, ct *rlwe.Ciphertext, depth int) {
	var moduli []int
	for _, q := range append(st.Params.Q(), st.Params.P()...) {
		moduli = append(moduli, bits.Len64(q))
	}
	p.FHE("library", "Lattigo")
	p.FHE("library_version", LibraryVersion)
	p.FHE("scheme", "BGV")
	p.FHE("poly_modulus_degree", st.Params.N())
	p.FHE("coeff_modulus_bits", moduli)
	p.FHE("plain_modulus", st.Params.PlaintextModulus())
	p.FHE("multiplicative_depth", depth)
	p.FHE("multiplication", map[bool]string{true: "scale-invariant (BFV-style)", false: "standard BGV"}[st.Eval.ScaleInvariant])
	p.FHE("declared_security_bits", 128)
	p.FHE("threads", p.Threads())
	p.Size("ciphertext_bytes", uint64(ct.BinarySize()))
	p.Size("public_key_bytes", uint64(st.pk.BinarySize()))
	if st.rlk != nil {
		p.Size("relin_key_bytes", uint64(st.rlk.BinarySize()))
	}
	if len(st.gks) > 0 {
		total := 0
		for _, gk := range st.gks {
			total += gk.BinarySize()
		}
		p.Size("galois_key_bytes", uint64(total))
	}
}

// Batches splits n items into batches of at most `slots`.
func Batches(n, slots int) [][2]int {
	var out [][2]int
	for lo := 0; lo < n; lo += slots {
		out = append(out, [2]int{lo, min(n, lo+slots)})
	}
	if len(out) == 0 {
		out = append(out, [2]int{0, 0})
	}
	return out
}
