package app

import "jiayuan/app/ops"

// The types below cross the Wails bridge. Amounts and ratios are strings ("1234.50", "27.35"),
// dates are "YYYY-MM-DD": no decimal.Decimal, time.Time or generics in bound signatures.

// LedgerInfo says which ledger file is open.
type LedgerInfo struct {
	Path          string `json:"path"`
	CommunityName string `json:"communityName"`
	ReadOnly      bool   `json:"readOnly"`
}

// BookBalance is one book's current balance, and Alert something the secretary must act on
// (R1, R2, R7): as the status has them (ops), declared again here so that the frontend's
// generated models keep them under app.
type (
	BookBalance ops.BookBalance
	Alert       ops.Alert
)

// Dashboard is the first screen's figures.
type Dashboard struct {
	CommunityName string        `json:"communityName"`
	Today         string        `json:"today"`
	Books         []BookBalance `json:"books"`
	FundRatio     string        `json:"fundRatio"`    // percent, 2 dp, e.g. "27.35"
	Threshold     string        `json:"threshold"`    // percent, e.g. "30"
	InitialTotal  string        `json:"initialTotal"` // Σ units' initial required deposit
	FundBalance   string        `json:"fundBalance"`
	Alerts        []Alert       `json:"alerts"`
	ChainSeq      int64         `json:"chainSeq"`
	ChainHead     string        `json:"chainHead"`
}
