package ledger

import (
	"sort"
	"time"
)

// QuarterIncome is one quarter's net public income subject to R2 for one scope: the whole
// community (Building 0) or the owners of one building (an income that belongs to them alone,
// such as the ads in their lifts; its transfer goes to their units only).
type QuarterIncome struct {
	Quarter  string // "2026Q3"
	Building int64
	Net      Money
}

// FundTransfer is a transfer from public income to the fund for a scope, dated; a reversal
// is a negative amount.
type FundTransfer struct {
	Date     string
	Building int64
	Amount   Money
}

// QuarterTransfer is what R2 asks of one quarter and scope, and how far it is met.
type QuarterTransfer struct {
	Quarter  string
	Building int64
	Net      Money
	Required Money
	Settled  Money  // transfers counted toward this quarter
	Short    Money  // Required − Settled, never negative
	DueBy    string // the last day to transfer: the quarter's end plus the grace days
	Overdue  bool   // short after DueBy
}

// SettleTransfers applies R2 quarter by quarter and scope by scope, as of today:
//
//   - each quarter requires RequiredTransfer of its whole net income — one requirement per
//     quarter, so ¥60.00 and ¥40.01 in one quarter require ¥50.01, not ¥30.01 + ¥20.01;
//   - the transfers made for a scope up to today settle its quarters oldest first. The statute
//     asks for a transfer per quarter (按季度补充) but income is only known from the property
//     company's quarterly statement, so the third quarter's transfer is made in October: it
//     counts for the third quarter, which is overdue only once its grace days have passed.
//     Money transferred beyond what was owed counts toward later quarters;
//   - a scope's transfers never settle another scope's income: a building's owners' income
//     goes to their units' sub-accounts, the community's to every unit's.
//
// Quarters with nothing required and nothing settled are left out. The result is ordered by
// quarter, then building.
func (p Policy) SettleTransfers(incomes []QuarterIncome, transfers []FundTransfer, today string) []QuarterTransfer {
	pool := map[int64]Money{}
	for _, t := range transfers {
		if t.Date <= today {
			pool[t.Building] = pool[t.Building].Add(t.Amount)
		}
	}
	type key struct {
		quarter  string
		building int64
	}
	byKey := map[key]int{}
	var out []QuarterTransfer
	for _, in := range incomes {
		k := key{in.Quarter, in.Building}
		i, ok := byKey[k]
		if !ok {
			i = len(out)
			byKey[k] = i
			out = append(out, QuarterTransfer{Quarter: in.Quarter, Building: in.Building})
		}
		out[i].Net = out[i].Net.Add(in.Net)
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Quarter != out[b].Quarter {
			return quarterLess(out[a].Quarter, out[b].Quarter)
		}
		return out[a].Building < out[b].Building
	})
	kept := out[:0]
	for _, q := range out {
		q.Required = p.RequiredTransfer(q.Net)
		if q.Required.IsZero() {
			continue
		}
		avail := pool[q.Building]
		if avail.Sign() > 0 {
			q.Settled = avail
			if q.Settled.Cmp(q.Required) > 0 {
				q.Settled = q.Required
			}
			pool[q.Building] = avail.Sub(q.Settled)
		}
		q.Short = Shortfall(q.Required, q.Settled)
		q.DueBy = p.TransferDueBy(q.Quarter)
		q.Overdue = q.Short.Sign() > 0 && q.DueBy != "" && today > q.DueBy
		kept = append(kept, q)
	}
	return kept
}

// TransferDueBy is the last day of a quarter's transfer: the quarter's last day plus the
// policy's grace days ("" for a malformed quarter).
func (p Policy) TransferDueBy(quarter string) string {
	per, err := QuarterPeriod(quarter)
	if err != nil {
		return ""
	}
	end, _ := ParseDate(per.To)
	return FormatDate(end.AddDate(0, 0, p.TransferGraceDays))
}

// TotalShort is what is still owed to the fund over the given quarters.
func TotalShort(qs []QuarterTransfer) Money {
	var s Money
	for _, q := range qs {
		s = s.Add(q.Short)
	}
	return s
}

// CheckRingFence refuses public-income spending (R2) that would bring the public book's bank
// balance below what is still owed to the fund for the current and past quarters. before is
// the balance before the voucher, change what the voucher does to it (negative: money out).
// The refusal says how much is owed and how much may still be spent.
func CheckRingFence(before, change, owed Money) error {
	if change.Sign() >= 0 || owed.Sign() <= 0 {
		return nil
	}
	if before.Add(change).Cmp(owed) >= 0 {
		return nil
	}
	free := before.Sub(owed)
	if free.Sign() < 0 {
		free = Zero
	}
	return Refuse("r2.ring_fenced", "owed", owed.Grouped(), "free", free.Grouped(), "spend", change.Neg().Grouped())
}

// quarterLess orders "YYYYQn" quarters in time (they also order as text while years have
// four digits; this does not rely on it).
func quarterLess(a, b string) bool {
	pa, ea := QuarterPeriod(a)
	pb, eb := QuarterPeriod(b)
	if ea != nil || eb != nil {
		return a < b
	}
	return pa.From < pb.From
}

// QuarterOfDate is the quarter of a YYYY-MM-DD date ("" when malformed).
func QuarterOfDate(date string) string {
	t, err := time.Parse(DateLayout, date)
	if err != nil {
		return ""
	}
	return Quarter(t)
}
