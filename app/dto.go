package app

// The types below cross the Wails bridge. Amounts and ratios are strings ("1234.50", "27.35"),
// dates are "YYYY-MM-DD": no decimal.Decimal, time.Time or generics in bound signatures.

// LedgerInfo says which ledger file is open.
type LedgerInfo struct {
	Path          string `json:"path"`
	CommunityName string `json:"communityName"`
	ReadOnly      bool   `json:"readOnly"`
}

// BookBalance is one book's current balance.
type BookBalance struct {
	Book    string `json:"book"` // "fund", "public", "working"
	Balance string `json:"balance"`
}

// Alert is something the secretary must act on (R1, R2, R7). Key and Args are an i18n message;
// Action names what resolves it ("transfer", "replenish", "disclose", "audit").
type Alert struct {
	Severity  string            `json:"severity"` // "danger", "warning", "info"
	Key       string            `json:"key"`
	Args      map[string]string `json:"args"`
	Action    string            `json:"action"`
	Message   string            `json:"message"`
	MessageEn string            `json:"messageEn"`
}

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
