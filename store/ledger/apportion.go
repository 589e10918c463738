package ledger

import (
	"math"
	"math/bits"
	"sort"
)

// Apportion shares total among weights (building areas in 0.01 m²) by the largest-remainder
// method (R4): each share is first rounded down to the fen, then the fen left over go one each
// to the largest remainders, ties to the earlier entry, so the shares sum exactly to total.
// A negative total (a reversal) is shared as the mirror image of the positive one.
func Apportion(total Money, weights []int64) ([]Money, error) {
	if len(weights) == 0 {
		return nil, Refuse("apportion.no_units")
	}
	var sumW int64
	for _, w := range weights {
		if w < 0 {
			return nil, Refuse("apportion.negative_weight")
		}
		if w > math.MaxInt64-sumW {
			return nil, Refuse("apportion.weights_too_large")
		}
		sumW += w
	}
	if sumW == 0 {
		return nil, Refuse("apportion.zero_area")
	}
	if total.Sign() < 0 {
		pos, err := Apportion(total.Neg(), weights)
		for i := range pos {
			pos[i] = pos[i].Neg()
		}
		return pos, err
	}
	t := total.Fen()
	shares := make([]Money, len(weights))
	rems := make([]int, 0, len(weights))
	remainder := make([]int64, len(weights))
	var given int64
	for i, w := range weights {
		// t*w can overflow int64 for huge amounts; split into quotient and remainder parts.
		q, r := mulDiv(t, w, sumW)
		shares[i] = Fen(q)
		remainder[i] = r
		given += q
		rems = append(rems, i)
	}
	sort.SliceStable(rems, func(a, b int) bool { return remainder[rems[a]] > remainder[rems[b]] })
	for k := int64(0); k < t-given; k++ {
		i := rems[k]
		shares[i] = shares[i].Add(Fen(1))
	}
	return shares, nil
}

// mulDiv returns floor(a*b/c) and (a*b mod c) for non-negative a, b and positive c with
// b <= c, exactly: the product is formed in 128 bits, so no amount or area can overflow it.
func mulDiv(a, b, c int64) (q, r int64) {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	// a*b/c <= a < 2^63 because b <= c, so hi < c and the quotient fits.
	uq, ur := bits.Div64(hi, lo, uint64(c))
	return int64(uq), int64(ur)
}
