package bgvkit

// Comparisons of encrypted unsigned integers given as bits (LSB first), ported from
// tools/SEAL/source/common/compare: sums of mutually exclusive products, balanced trees.

type op int

const (
	opEq op = iota
	opGt
	opLt
)

// ConstantComparator gives [x > c] and [x < c] for public c; equal high parts of different
// constants share sub-results (age > 50 and age > 60 share the high nibble).
type ConstantComparator struct {
	c    *Circuit
	x    []Value
	memo map[[4]int64]Value
}

func NewConstantComparator(c *Circuit, x []Value) *ConstantComparator {
	return &ConstantComparator{c: c, x: x, memo: map[[4]int64]Value{}}
}

func (k *ConstantComparator) GreaterThan(c uint64) Value {
	if c>>len(k.x) != 0 {
		return k.c.Constant(0)
	}
	return k.compare(opGt, 0, len(k.x), c)
}

func (k *ConstantComparator) LessThan(c uint64) Value {
	if c>>len(k.x) != 0 {
		return k.c.Constant(1)
	}
	return k.compare(opLt, 0, len(k.x), c)
}

func (k *ConstantComparator) bit(o op, i int, cBit uint64) Value {
	x := k.x[i]
	switch {
	case o == opEq && cBit == 1, o == opGt && cBit == 0:
		return x
	case o == opEq, o == opLt && cBit == 1:
		return k.c.Not(x)
	}
	return k.c.Constant(0)
}

// gt(H‖L) = gt(H) + eq(H)·gt(L), lt likewise, eq(H‖L) = eq(H)·eq(L).
func (k *ConstantComparator) compare(o op, lo, n int, c uint64) Value {
	ones := uint64(1)<<n - 1
	bits := c & ones
	key := [4]int64{int64(o), int64(lo), int64(n), int64(bits)}
	if r, ok := k.memo[key]; ok {
		return r
	}
	var r Value
	switch {
	case n == 1:
		r = k.bit(o, lo, bits&1)
	case (o == opGt && bits == 0) || (o == opLt && bits == ones):
		r = k.c.Not(k.compare(opEq, lo, n, bits))
	default:
		low := n / 2
		highEq := k.compare(opEq, lo+low, n-low, bits>>low)
		lowPart := k.compare(o, lo, low, bits)
		if o == opEq {
			r = k.c.Mul(highEq, lowPart)
		} else {
			r = k.c.Add(k.compare(o, lo+low, n-low, bits>>low), k.c.Mul(highEq, lowPart))
		}
	}
	k.memo[key] = r
	return r
}

// DifferenceComparator gives [x − y ≥ k] for encrypted x, y and public k, on the signed
// digits D_i = x_i − y_i ∈ {−1, 0, 1}, one-hot with one multiplication per bit.
type DifferenceComparator struct {
	c      *Circuit
	digit  [][3]Value // [i][d+1] = [D_i = d]
	geMemo map[[3]int64]Value
	eqMemo map[[3]int64]Value
}

func NewDifferenceComparator(c *Circuit, x, y []Value) *DifferenceComparator {
	d := &DifferenceComparator{c: c, geMemo: map[[3]int64]Value{}, eqMemo: map[[3]int64]Value{}}
	for i := range x {
		both := c.Mul(x[i], y[i])
		up, down := c.Sub(x[i], both), c.Sub(y[i], both)
		d.digit = append(d.digit, [3]Value{down, c.Sub(c.Not(up), down), up})
	}
	return d
}

func (d *DifferenceComparator) AtLeast(k int64) Value { return d.ge(0, len(d.digit), k) }

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func ceilDiv(a, b int64) int64 { return -floorDiv(-a, b) }

func (d *DifferenceComparator) ge(lo, n int, k int64) Value {
	maxD := int64(1)<<n - 1
	if k <= -maxD {
		return d.c.Constant(1)
	}
	if k > maxD {
		return d.c.Constant(0)
	}
	return memoized(d.geMemo, lo, n, k, func() Value {
		if n == 1 {
			if k <= 0 {
				return d.c.Sub(d.c.Constant(1), d.digit[lo][0])
			}
			return d.digit[lo][2]
		}
		low, base, lowMax := split(n)
		decided := ceilDiv(k+lowMax, base) // D_H ≥ decided: true whatever D_L is
		terms := []Value{d.ge(lo+low, n-low, decided)}
		for h := ceilDiv(k-lowMax, base); h < decided; h++ {
			terms = append(terms, d.c.Mul(d.eq(lo+low, n-low, h), d.ge(lo, low, k-base*h)))
		}
		return d.c.Sum(terms)
	})
}

// memoized is memo's value for digits [lo, lo+n) and bound k, computed once by f.
func memoized(memo map[[3]int64]Value, lo, n int, k int64, f func() Value) Value {
	key := [3]int64{int64(lo), int64(n), k}
	r, ok := memo[key]
	if !ok {
		r = f()
		memo[key] = r
	}
	return r
}

// split halves n digits: the low half's count, its base 2^low and the largest low value.
func split(n int) (low int, base, lowMax int64) {
	low = n / 2
	base = int64(1) << low
	return low, base, base - 1
}

func (d *DifferenceComparator) eq(lo, n int, k int64) Value {
	maxD := int64(1)<<n - 1
	if k < -maxD || k > maxD {
		return d.c.Constant(0)
	}
	return memoized(d.eqMemo, lo, n, k, func() Value {
		if n == 1 {
			return d.digit[lo][k+1]
		}
		low, base, lowMax := split(n)
		var terms []Value
		for h := ceilDiv(k-lowMax, base); h <= floorDiv(k+lowMax, base); h++ {
			terms = append(terms, d.c.Mul(d.eq(lo+low, n-low, h), d.eq(lo, low, k-base*h)))
		}
		return d.c.Sum(terms)
	})
}
