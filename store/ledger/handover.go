package ledger

// Handover is a hand-over between committee terms (换届移交) on a date: up to and including
// that day the outgoing committee kept the books, from the next day the incoming one.
type Handover struct {
	Date               string // YYYY-MM-DD
	Outgoing, Incoming string // e.g. 第二届业主委员会, 第三届业主委员会
}

// CommitteeAt names the committee that kept the books on day (YYYY-MM-DD), given the
// hand-overs in date order; "" when no hand-over was ever recorded (the change log then has
// nothing to tell apart).
func CommitteeAt(hs []Handover, day string) string {
	for _, h := range hs {
		if day <= h.Date {
			return h.Outgoing
		}
	}
	if len(hs) == 0 {
		return ""
	}
	return hs[len(hs)-1].Incoming
}
