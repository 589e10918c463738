package app

// The property company's quarterly statements (物业季度报告) as the window shows them: amounts
// are strings, dates "YYYY-MM-DD".

// StatementLineView is a statement's line.
type StatementLineView struct {
	Line         int    `json:"line"`
	Row          int    `json:"row"` // the imported file's row, 0 when entered by hand
	ContractID   int64  `json:"contractId"`
	Counterparty string `json:"counterparty"`
	Source       string `json:"source"`
	AccountCode  string `json:"accountCode"`
	Gross        string `json:"gross"`
	Tax          string `json:"tax"`
	Labour       string `json:"labour"`
	Management   string `json:"management"`
	Net          string `json:"net"`
	Basis        string `json:"basis"`
}

// StatementVarianceView is a variance to question, said in both languages.
type StatementVarianceView struct {
	Kind       string `json:"kind"` // over_share, missing_line, no_contract
	Line       int    `json:"line"`
	ContractID int64  `json:"contractId"`
	Message    string `json:"message"`
	MessageEn  string `json:"messageEn"`
}

// StatementView is a recorded statement (or, from Check, one as it would be recorded).
type StatementView struct {
	ID         int64                   `json:"id"`
	Quarter    string                  `json:"quarter"`
	Company    string                  `json:"company"`
	Received   string                  `json:"received"`
	VoucherID  int64                   `json:"voucherId"`
	VoucherNo  string                  `json:"voucherNo"`
	Reversed   bool                    `json:"reversed"`
	SourceName string                  `json:"sourceName"`
	Building   string                  `json:"building"` // the building whose owners' income it reports; "" for all owners'
	Gross      string                  `json:"gross"`
	Deductions string                  `json:"deductions"`
	Net        string                  `json:"net"`
	Lines      []StatementLineView     `json:"lines"`
	Variances  []StatementVarianceView `json:"variances"`
}

// StatementLineForm is a line typed by hand.
type StatementLineForm struct {
	ContractID int64  `json:"contractId"` // 0: no contract (give the source)
	Source     string `json:"source"`
	Gross      string `json:"gross"`
	Tax        string `json:"tax"`
	Labour     string `json:"labour"`
	Management string `json:"management"`
	Basis      string `json:"basis"`
}

// StatementForm is a statement typed by hand.
type StatementForm struct {
	Quarter  string              `json:"quarter"`
	Company  string              `json:"company"`
	Received string              `json:"received"` // "" is today
	Note     string              `json:"note"`
	Lines    []StatementLineForm `json:"lines"`
}

// StatementContract is a contract a line may name.
type StatementContract struct {
	ID           int64  `json:"id"`
	Counterparty string `json:"counterparty"`
	CommonPart   string `json:"commonPart"`
	Collector    string `json:"collector"`
	Share        string `json:"share"` // agreed management share in percent, "" when none
}

// MissingStatementView is a past quarter without the property company's statement.
type MissingStatementView struct {
	Quarter  string `json:"quarter"`
	Expected string `json:"expected"`
}

// PropertyHandoverView is the property company's leaving and its hand-over.
type PropertyHandoverView struct {
	ID           int64  `json:"id"`
	Company      string `json:"company"`
	LeftOn       string `json:"leftOn"`
	Due          string `json:"due"`
	HandedOverOn string `json:"handedOverOn"` // "" while pending
	Balance      string `json:"balance"`
	Records      string `json:"records"`
	Overdue      bool   `json:"overdue"`
}

// StatementOverview is what the screen shows above the statements.
type StatementOverview struct {
	Today     string                 `json:"today"`
	Held      string                 `json:"held"` // what the property company holds for the owners
	Company   string                 `json:"company"`
	Missing   []MissingStatementView `json:"missing"`
	Contracts []StatementContract    `json:"contracts"`
	Handovers []PropertyHandoverView `json:"handovers"`
}

// SettlementForm is the property company's transfer to the owners' assembly account.
type SettlementForm struct {
	Date   string `json:"date"`
	Amount string `json:"amount"`
}

// SettlementView is the transfer's voucher.
type SettlementView struct {
	VoucherID int64  `json:"voucherId"`
	VoucherNo string `json:"voucherNo"`
	Amount    string `json:"amount"`
	Held      string `json:"held"` // still held afterwards
}

// LeavingForm records the property company's leaving.
type LeavingForm struct {
	Company string `json:"company"`
	LeftOn  string `json:"leftOn"`
	Note    string `json:"note"`
}

// HandoverForm records its hand-over.
type HandoverForm struct {
	ID      int64  `json:"id"`
	Date    string `json:"date"`
	Records string `json:"records"`
	Note    string `json:"note"`
}
