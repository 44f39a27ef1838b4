package bgvkit

import "github.com/tuneinsight/lattigo/v6/core/rlwe"

// Value is a public constant (reduced mod t) or a ciphertext with its multiplicative depth:
// operations on known constants cost nothing, which keeps comparisons against public numbers
// cheap. The port of tools/SEAL/source/common/circuit: OR/XOR of terms are written as sums of
// mutually exclusive products, so bits are 0/1 integers mod t.
type Value struct {
	Const *uint64
	Ct    *rlwe.Ciphertext
	Depth int
}

func (v Value) is(c uint64) bool { return v.Const != nil && *v.Const == c }

// Circuit evaluates on one Setup and counts multiplications.
type Circuit struct {
	st              *Setup
	t               uint64
	Multiplications int
}

func NewCircuit(st *Setup) *Circuit { return &Circuit{st: st, t: st.Params.PlaintextModulus()} }

func (c *Circuit) Constant(x int64) Value {
	t := int64(c.t)
	v := uint64(((x % t) + t) % t)
	return Value{Const: &v}
}

func (c *Circuit) Encrypted(ct *rlwe.Ciphertext) Value { return Value{Ct: ct} }

func (c *Circuit) Add(a, b Value) Value {
	switch {
	case a.Const != nil && b.Const != nil:
		return c.Constant(int64((*a.Const + *b.Const) % c.t))
	case a.is(0):
		return b
	case b.is(0):
		return a
	}
	if a, b = publicLast(a, b); b.Const != nil {
		out := a.Ct.CopyNew() // in place: AddNew with a scalar would drop a.Ct's scale
		must(c.st.Eval.Add(out, *b.Const, out))
		return Value{Ct: out, Depth: a.Depth}
	}
	out, err := c.st.Eval.AddNew(a.Ct, b.Ct)
	must(err)
	return Value{Ct: out, Depth: max(a.Depth, b.Depth)}
}

func (c *Circuit) Sub(a, b Value) Value {
	if b.Const != nil {
		return c.Add(a, c.Constant(-int64(*b.Const)))
	}
	if a.Const != nil {
		return c.Add(Value{Ct: c.scaled(b.Ct, int64(-1)), Depth: b.Depth}, a)
	}
	out, err := c.st.Eval.SubNew(a.Ct, b.Ct)
	must(err)
	return Value{Ct: out, Depth: max(a.Depth, b.Depth)}
}

// Mul multiplies and relinearizes: depth + 1 (a public factor adds no depth).
func (c *Circuit) Mul(a, b Value) Value {
	switch {
	case a.Const != nil && b.Const != nil:
		return c.Constant(int64((*a.Const * *b.Const) % c.t)) // both < t < 2^32
	case a.is(0) || b.is(0):
		return c.Constant(0)
	case a.is(1):
		return b
	case b.is(1):
		return a
	}
	if a, b = publicLast(a, b); b.Const != nil {
		return Value{Ct: c.scaled(a.Ct, *b.Const), Depth: a.Depth}
	}
	out, err := c.st.Eval.MulRelinNew(a.Ct, b.Ct) // scale-invariant when the Setup asks
	must(err)
	c.Multiplications++
	return Value{Ct: out, Depth: max(a.Depth, b.Depth) + 1}
}

// publicLast orders the operands of a commutative operation so that a public one comes second.
func publicLast(a, b Value) (Value, Value) {
	if a.Const != nil {
		return b, a
	}
	return a, b
}

// scaled is ct·k for a public scalar k. It works on a copy: MulNew with a scalar would give a
// ciphertext with scale 1 instead of ct's, and adding it to another would then be wrong.
func (c *Circuit) scaled(ct *rlwe.Ciphertext, k any) *rlwe.Ciphertext {
	out := ct.CopyNew()
	must(c.st.Eval.Mul(out, k, out))
	return out
}

func (c *Circuit) Not(a Value) Value { return c.Sub(c.Constant(1), a) }

// Xor is a + b − 2ab.
func (c *Circuit) Xor(a, b Value) Value {
	ab := c.Mul(a, b)
	return c.Sub(c.Add(a, b), c.Add(ab, ab))
}

// Mux is s ? a : b = b + s·(a − b).
func (c *Circuit) Mux(s, a, b Value) Value { return c.Add(b, c.Mul(s, c.Sub(a, b))) }

func (c *Circuit) Sum(terms []Value) Value {
	r := c.Constant(0)
	for _, v := range terms {
		r = c.Add(r, v)
	}
	return r
}
