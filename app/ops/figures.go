package ops

// Figures as people type them into the window's forms and the command line's flags: counts
// of owners, areas and shares for votes (R3).

import (
	"strconv"
	"strings"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// VoteForm is a vote's figures as typed: areas in m² ("12,345.67"), owners as whole numbers.
// An empty figure is not yet typed.
type VoteForm struct {
	Title       string `json:"title"`
	Body        string `json:"body"` // assembly (业主大会) or partial (相关业主)
	Date        string `json:"date"`
	PartArea    string `json:"partArea"`
	PartOwners  string `json:"partOwners"`
	AgreeArea   string `json:"agreeArea"`
	AgreeOwners string `json:"agreeOwners"`
	Note        string `json:"note"`
}

// Percent is a/b in percent with two decimals, rounded down ("" when b is zero).
func Percent(a, b int64) string {
	r, ok := ledger.Ratio(ledger.Fen(a), ledger.Fen(b))
	if !ok {
		return ""
	}
	return ledger.RatioPercent(r)
}

// ParseCount reads a whole number of owners as typed ("120", "１２０", "1,200").
func ParseCount(s string) (int64, error) {
	t := strings.TrimSpace(s)
	var b strings.Builder
	for _, r := range t {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		case r == ',' || r == '，':
		case r == '人' || r == '户' || r == '名':
		default:
			b.WriteRune(r)
		}
	}
	n, err := strconv.ParseInt(b.String(), 10, 64)
	if err != nil || n > 1_000_000 {
		return 0, ledger.Refuse("works.count_invalid", "input", s)
	}
	if n < 0 {
		return 0, ledger.Refuse("vote.negative")
	}
	return n, nil
}

// ParseVoteArea reads an area in m² for a vote: the scope may be far larger than one unit,
// so ParseArea's per-unit limit does not apply. Zero is a valid figure.
func ParseVoteArea(s string) (int64, error) {
	t := strings.TrimSpace(s)
	for _, suf := range []string{"平方米", "㎡", "m²", "m2"} {
		t = strings.TrimSpace(strings.TrimSuffix(t, suf))
	}
	if strings.ContainsAny(t, "¥￥元") {
		return 0, ledger.Refuse("area.invalid", "input", s)
	}
	m, err := ledger.ParseAmount(t)
	if err != nil {
		switch ledger.KeyOf(err) {
		case "amount.too_many_decimals":
			return 0, ledger.Refuse("area.too_many_decimals", "input", s)
		case "amount.too_large":
			return 0, ledger.Refuse("area.too_large", "input", s)
		}
		return 0, ledger.Refuse("area.invalid", "input", s)
	}
	if m.Sign() < 0 {
		return 0, ledger.Refuse("vote.negative")
	}
	return m.Fen(), nil
}

// VoteFigures are a vote's figures read; a figure not typed yet is not Has.
type VoteFigures struct {
	In                         store.VoteInput
	HasPA, HasPO, HasAA, HasAO bool // participating area and owners, agreeing area and owners
}

// ReadVote reads a vote's figures as typed; the first that cannot be read is refused.
func ReadVote(f VoteForm) (VoteFigures, error) {
	v := VoteFigures{In: store.VoteInput{Title: f.Title, Body: f.Body, Date: strings.TrimSpace(f.Date), Note: f.Note}}
	var err error
	if strings.TrimSpace(f.PartArea) != "" {
		if v.In.PartArea, err = ParseVoteArea(f.PartArea); err != nil {
			return v, err
		}
		v.HasPA = true
	}
	if strings.TrimSpace(f.PartOwners) != "" {
		if v.In.PartOwners, err = ParseCount(f.PartOwners); err != nil {
			return v, err
		}
		v.HasPO = true
	}
	if strings.TrimSpace(f.AgreeArea) != "" {
		if v.In.AgreeArea, err = ParseVoteArea(f.AgreeArea); err != nil {
			return v, err
		}
		v.HasAA = true
	}
	if strings.TrimSpace(f.AgreeOwners) != "" {
		if v.In.AgreeOwners, err = ParseCount(f.AgreeOwners); err != nil {
			return v, err
		}
		v.HasAO = true
	}
	return v, nil
}

// Complete says all four figures are typed.
func (v VoteFigures) Complete() bool { return v.HasPA && v.HasPO && v.HasAA && v.HasAO }

// VoteToRecord reads a vote about to be recorded: all four figures must be typed, and a vote
// without a date is dated today.
func VoteToRecord(f VoteForm, today string) (VoteFigures, error) {
	v, err := ReadVote(f)
	if err != nil {
		return v, err
	}
	if !v.Complete() {
		return v, ledger.Refuse("works.vote_incomplete")
	}
	if v.In.Date == "" {
		v.In.Date = today
	}
	return v, nil
}
