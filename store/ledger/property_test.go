package ledger

import (
	mrand "math/rand"
	"math/rand/v2"
	"slices"
	"testing"
	"testing/quick"

	"github.com/shopspring/decimal"
)

// The property tests draw from fixed seeds so a failure reproduces exactly.

// randomVoucher builds a random balanced voucher of book b: one to four debits (together at
// most half of MaxAmount) and one to four credits splitting their total at distinct random
// points so that no line is zero, in random order.
func randomVoucher(r *rand.Rand, b Book, chart []Account, transfer bool) Voucher {
	var accts []Account
	for _, a := range chart {
		isTransfer := a.Kind == KindTransferIn || a.Kind == KindTransferOut
		if a.Book == b && (transfer || !isTransfer) {
			accts = append(accts, a)
		}
	}
	pick := func() Account { return accts[r.IntN(len(accts))] }
	var lines []Posting
	var total int64
	for range 1 + r.IntN(4) {
		var f int64
		switch r.IntN(3) {
		case 0:
			f = 1 + r.Int64N(100) // a few fen
		case 1:
			f = 1 + r.Int64N(100_000_00) // up to ¥100,000
		default:
			f = 1 + r.Int64N(MaxAmount.Fen()/8) // large
		}
		total += f
		lines = append(lines, Posting{Account: pick(), Amount: Fen(f)})
	}
	credits := 1 + r.IntN(4)
	if int64(credits) > total {
		credits = int(total)
	}
	cuts := map[int64]bool{}
	for len(cuts) < credits-1 {
		cuts[1+r.Int64N(total-1)] = true
	}
	points := []int64{0, total}
	for c := range cuts {
		points = append(points, c)
	}
	slices.Sort(points)
	for i := 1; i < len(points); i++ {
		lines = append(lines, Posting{Account: pick(), Amount: Fen(points[i-1] - points[i])})
	}
	r.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	return Voucher{Book: b, Date: "2024-06-30", Summary: "随机凭证", Postings: lines, Transfer: transfer}
}

func TestPropertyRandomBalancedVouchersValidateAndEveryBookBalances(t *testing.T) {
	r := rand.New(rand.NewPCG(20240630, 1))
	chart := DefaultChart()
	balances := map[Book]map[string]Money{}
	for i := range 3000 {
		b := Books[r.IntN(len(Books))]
		v := randomVoucher(r, b, chart, r.IntN(5) == 0)
		if err := v.Validate(); err != nil {
			t.Fatalf("voucher %d %+v: %v", i, v, err)
		}
		var sum, debit Money
		for _, p := range v.Postings {
			sum = sum.Add(p.Amount)
			if p.Amount.Sign() > 0 {
				debit = debit.Add(p.Amount)
			}
			if balances[b] == nil {
				balances[b] = map[string]Money{}
			}
			balances[b][p.Account.Code] = balances[b][p.Account.Code].Add(p.Amount)
		}
		if !sum.IsZero() || v.Total() != debit {
			t.Fatalf("voucher %d: sum %v, total %v, debits %v", i, sum, v.Total(), debit)
		}
		rev := v.Reverse("2024-07-01", "测试", "X")
		if err := rev.Validate(); err != nil {
			t.Fatalf("reversal of voucher %d: %v", i, err)
		}
		// moving any line by one fen unbalances it by exactly one fen
		k := r.IntN(len(v.Postings))
		bad := v
		bad.Postings = slices.Clone(v.Postings)
		delta := Fen(1)
		if r.IntN(2) == 0 {
			delta = Fen(-1)
		}
		if bad.Postings[k].Amount.Add(delta).IsZero() {
			delta = delta.Neg()
		}
		bad.Postings[k].Amount = bad.Postings[k].Amount.Add(delta)
		e := wantKey(t, bad.Validate(), "voucher.unbalanced")
		wantArg(t, e, "difference", "0.01")
	}
	// the trial balance of each book: all its accounts' balances sum to zero
	for _, b := range Books {
		var sum Money
		for _, m := range balances[b] {
			sum = sum.Add(m)
		}
		if !sum.IsZero() || len(balances[b]) == 0 {
			t.Fatalf("book %s: %d accounts, sum %v", b, len(balances[b]), sum)
		}
	}
}

func randomWeights(r *rand.Rand) []int64 {
	n := 1 + r.IntN(60)
	w := make([]int64, n)
	var sum int64
	for i := range w {
		switch r.IntN(6) {
		case 0:
			w[i] = 0 // a unit outside the benefiting area, or a rounding artefact
		case 1:
			w[i] = 1 + r.Int64N(10) // tiny, and many ties
		case 2:
			w[i] = 8950 // the same flat, many times over
		default:
			w[i] = 3000 + r.Int64N(50000) // 30.00 to 529.99 m²
		}
		sum += w[i]
	}
	if sum == 0 {
		w[r.IntN(n)] = 1 + r.Int64N(20000)
	}
	return w
}

func randomTotal(r *rand.Rand) Money {
	var f int64
	switch r.IntN(4) {
	case 0:
		f = r.Int64N(200) // fewer fen than units, often
	case 1:
		f = r.Int64N(100_000_000) // up to ¥1,000,000
	case 2:
		f = r.Int64N(MaxAmount.Fen() + 1)
	default:
		f = MaxAmount.Fen() - r.Int64N(1000)
	}
	if r.IntN(3) == 0 {
		f = -f
	}
	return Fen(f)
}

func TestPropertyApportionmentIsExactFairAndDeterministic(t *testing.T) {
	r := rand.New(rand.NewPCG(278, 283))
	for i := range 3000 {
		total, w := randomTotal(r), randomWeights(r)
		shares, err := Apportion(total, w)
		if err != nil {
			t.Fatalf("case %d: Apportion(%v, %v): %v", i, total, w, err)
		}
		checkApportionment(t, total, w, shares)
		again, _ := Apportion(total, w)
		if !slices.Equal(shares, again) {
			t.Fatalf("case %d: not deterministic", i)
		}
		mirror, _ := Apportion(total.Neg(), w)
		for k := range shares {
			if mirror[k] != shares[k].Neg() {
				t.Fatalf("case %d: the negative total is no mirror image: %v vs %v", i, shares, mirror)
			}
		}
	}
}

// checkApportionment checks the shares of total among weights w: as many as units, summing
// exactly to total, each the exact proportional share rounded down or up, a larger area never
// paying less (in absolute terms) and equal areas ordered earliest first.
func checkApportionment(t testing.TB, total Money, w []int64, shares []Money) {
	t.Helper()
	if len(shares) != len(w) {
		t.Fatalf("%d shares for %d units", len(shares), len(w))
	}
	if got := Sum(shares...); got != total {
		t.Fatalf("Apportion(%v, %v) sums to %v", total, w, got)
	}
	var sumW int64
	for _, x := range w {
		sumW += x
	}
	exactTotal := total.Decimal()
	for k, s := range shares {
		checkWithinOneFen(t, total, w[k], sumW, s)
		// the same bound checked independently in decimal: |share - exact| < 0.01
		exact := exactTotal.Mul(decimal.NewFromInt(w[k])).Div(decimal.NewFromInt(sumW))
		if s.Decimal().Sub(exact).Abs().GreaterThanOrEqual(decimal.New(1, -2)) {
			t.Fatalf("share %v is a fen or more from the exact %s", s, exact)
		}
		if w[k] == 0 && !s.IsZero() {
			t.Fatalf("a unit of zero area pays %v", s)
		}
	}
	for a := range w {
		for b := a + 1; b < len(w); b++ {
			sa, sb := shares[a].Abs(), shares[b].Abs()
			switch {
			case w[a] > w[b] && sa.Cmp(sb) < 0, w[a] < w[b] && sa.Cmp(sb) > 0:
				t.Fatalf("areas %d, %d pay %v, %v", w[a], w[b], shares[a], shares[b])
			case w[a] == w[b] && (sa.Cmp(sb) < 0 || sa.Sub(sb).Cmp(Fen(1)) > 0):
				t.Fatalf("equal areas %d pay %v then %v", w[a], shares[a], shares[b])
			}
		}
	}
}

func TestPropertyRequiredTransferIsTheLeastFenAmountThatSuffices(t *testing.T) {
	r := rand.New(rand.NewPCG(50, 50))
	shares := []string{"0.5", "0.3", "0.7", "0.333", "1"}
	for range 5000 {
		p := DefaultPolicy()
		p.TransferShare = dec(shares[r.IntN(len(shares))])
		p.TransferStrict = r.IntN(2) == 0 && !p.TransferShare.Equal(dec("1"))
		net := Fen(1 + r.Int64N(MaxAmount.Fen()))
		if r.IntN(2) == 0 {
			net = Fen(1 + r.Int64N(100_000_00))
		}
		req := p.RequiredTransfer(net)
		exact := net.Decimal().Mul(p.TransferShare)
		less := req.Sub(Fen(1)).Decimal()
		if p.TransferStrict {
			if !req.Decimal().GreaterThan(exact) || less.GreaterThan(exact) {
				t.Fatalf("strict %s of %v: required %v", p.TransferShare, net, req)
			}
		} else {
			if req.Decimal().LessThan(exact) || !less.LessThan(exact) {
				t.Fatalf("%s of %v: required %v", p.TransferShare, net, req)
			}
		}
		if req.Cmp(net) > 0 {
			t.Fatalf("%v required of %v", req, net)
		}
	}
}

func TestPropertyMoneyTextRoundTrips(t *testing.T) {
	cfg := &quick.Config{MaxCount: 5000, Rand: mrand.New(mrand.NewSource(1))}
	roundTrip := func(f int64) bool {
		m := Fen(f % (MaxAmount.Fen() + 1))
		a, errA := ParseAmount(m.String())
		b, errB := ParseAmount(m.Grouped())
		return errA == nil && errB == nil && a == m && b == m
	}
	if err := quick.Check(roundTrip, cfg); err != nil {
		t.Fatal(err)
	}
}

func TestPropertyBelowThresholdAgreesWithTheRatio(t *testing.T) {
	r := rand.New(rand.NewPCG(30, 50))
	p := DefaultPolicy()
	for range 5000 {
		initial := Fen(1 + r.Int64N(MaxAmount.Fen()))
		var bal Money
		switch r.IntN(3) {
		case 0: // right around 30%
			bal = MoneyFloor(initial.Decimal().Mul(p.ReplenishThreshold)).Add(Fen(r.Int64N(5) - 2))
		default:
			bal = Fen(r.Int64N(initial.Fen() + 1))
		}
		below := p.NeedsReplenishment(bal, initial)
		exact := bal.Decimal().Div(initial.Decimal())
		if below != exact.LessThan(p.ReplenishThreshold) {
			t.Fatalf("balance %v of %v: below %v", bal, initial, below)
		}
		ratio, _ := Ratio(bal, initial)
		if ratio.GreaterThan(exact) {
			t.Fatalf("Ratio %s above the exact ratio of %v/%v", ratio, bal, initial)
		}
		if below && dec(RatioPercent(ratio)).GreaterThanOrEqual(dec("30")) {
			t.Fatalf("balance %v of %v is below 30%% but shows %s%%", bal, initial, RatioPercent(ratio))
		}
	}
}
