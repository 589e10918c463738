package app

import ()

// The voucher screens' types that cross the bridge ----------------------------------------------------------

// VoucherAccount is an account of a book's chart as the entry form offers it.
type VoucherAccount struct {
	Code    string `json:"code"`
	Name    string `json:"name"`   // zh-CN
	NameEn  string `json:"nameEn"` // en
	Kind    string `json:"kind"`   // asset, equity, income, deduction, expense, transfer_out, transfer_in
	Balance string `json:"balance"`
	// Split says how a fund posting falls on the units' sub-accounts: "explicit" (deposits and
	// opening balances: the voucher lists each unit's amount), "auto" (the ledger splits it), "".
	Split string `json:"split"`
	// Direct is false for transfer accounts, which only the transfer between books may use.
	Direct bool `json:"direct"`
	// Normal is the side the account normally sits on: "debit" or "credit".
	Normal string `json:"normal"`
}

// VoucherQuery selects one page of a book's vouchers; empty fields select everything.
type VoucherQuery struct {
	Book      string `json:"book"`
	From      string `json:"from"`
	To        string `json:"to"`
	Account   string `json:"account"`
	Text      string `json:"text"`
	MinAmount string `json:"minAmount"`
	MaxAmount string `json:"maxAmount"`
	Page      int    `json:"page"`     // from 1
	PageSize  int    `json:"pageSize"` // 10–200, default 50
}

// VoucherRow is a voucher in the list.
type VoucherRow struct {
	ID         int64  `json:"id"`
	No         string `json:"no"`
	Date       string `json:"date"`
	Summary    string `json:"summary"`
	Kind       string `json:"kind"` // normal, transfer, reversal, opening
	Total      string `json:"total"`
	Reversed   bool   `json:"reversed"`
	ReversesID int64  `json:"reversesId"`
}

// VoucherPage is one page of the list and how many vouchers match in all.
type VoucherPage struct {
	Rows     []VoucherRow `json:"rows"`
	Total    int          `json:"total"`
	Page     int          `json:"page"`
	PageSize int          `json:"pageSize"`
}

// VoucherLine is a line of a voucher with its amount on its side.
type VoucherLine struct {
	Line          int    `json:"line"`
	AccountCode   string `json:"accountCode"`
	AccountName   string `json:"accountName"`
	AccountNameEn string `json:"accountNameEn"`
	Debit         string `json:"debit"`  // "" on a credit line
	Credit        string `json:"credit"` // "" on a debit line
	Memo          string `json:"memo"`
}

// VoucherLink points at another voucher (the one reversed, the reversal, a transfer's other side).
type VoucherLink struct {
	ID   int64  `json:"id"`
	No   string `json:"no"`
	Book string `json:"book"`
	Date string `json:"date"`
}

// VoucherAttachment is a stored attachment without its bytes.
type VoucherAttachment struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Mime   string `json:"mime"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// VoucherDetail is a posted voucher, or a voucher as it would be posted (a preview).
type VoucherDetail struct {
	ID               int64               `json:"id"` // 0 in a preview
	Book             string              `json:"book"`
	No               string              `json:"no"`
	Date             string              `json:"date"`
	Summary          string              `json:"summary"`
	Kind             string              `json:"kind"`
	Debit            string              `json:"debit"`
	Credit           string              `json:"credit"`
	Lines            []VoucherLine       `json:"lines"`
	Attachments      []VoucherAttachment `json:"attachments"`
	UnitEntries      int                 `json:"unitEntries"` // sub-ledger lines (分户账)
	ChainSeq         int64               `json:"chainSeq"`
	ChainHash        string              `json:"chainHash"`
	CreatedBy        string              `json:"createdBy"`
	PostedAt         string              `json:"postedAt"`
	Reverses         *VoucherLink        `json:"reverses"`
	ReversedBy       *VoucherLink        `json:"reversedBy"`
	TransferPartners []VoucherLink       `json:"transferPartners"`
	ProjectID        int64               `json:"projectId"`
	ProjectName      string              `json:"projectName"`
	CaseID           int64               `json:"caseId"`
	EmergencyTrigger string              `json:"emergencyTrigger"`
	ResolutionID     int64               `json:"resolutionId"` // the resolution it cites (R8, R3)
	// R2Net is the net public income of this voucher that R2 binds ("0.00" when none), and
	// R2Share the part of it that must go to the fund.
	R2Net   string `json:"r2Net"`
	R2Share string `json:"r2Share"`
}

// VoucherLineInput is a line as typed: an account code and an amount on one side, as people type it
// ("1,234.5", "１２３", "￥1234.50").
type VoucherLineInput struct {
	Account string `json:"account"`
	Debit   string `json:"debit"`
	Credit  string `json:"credit"`
	Memo    string `json:"memo"`
}

// VoucherSplitInput is one unit's part of a deposit line.
type VoucherSplitInput struct {
	UnitID int64  `json:"unitId"`
	Amount string `json:"amount"`
}

// VoucherInput is a voucher to check or post.
type VoucherInput struct {
	Book          string              `json:"book"`
	Date          string              `json:"date"`
	Summary       string              `json:"summary"`
	Lines         []VoucherLineInput  `json:"lines"`
	Splits        []VoucherSplitInput `json:"splits"`
	ProjectID     int64               `json:"projectId"`
	CaseID        int64               `json:"caseId"`
	AttachmentIDs []int64             `json:"attachmentIds"`
	// ResolutionID cites the resolution that authorises the voucher (R8): an "other use" of
	// public income, a fund repair within a small-repair delegation.
	ResolutionID int64 `json:"resolutionId"`
	// BuildingID: public income (or spending) of one building's owners; 0 for the community.
	BuildingID int64 `json:"buildingId"`
	// Token identifies one posting the user asked for; the same token never posts twice.
	Token string `json:"token"`
}

// BookTransferRequest is a transfer between books: public income → fund or → working expenses.
type BookTransferRequest struct {
	From    string `json:"from"`
	To      string `json:"to"`
	Date    string `json:"date"`
	Amount  string `json:"amount"`
	Summary string `json:"summary"`
	Token   string `json:"token"`
	// ResolutionID cites the resolution allocating public income to working expenses (R8).
	ResolutionID int64 `json:"resolutionId"`
	// BuildingID: the transfer to the fund of one building's owners' income, split among that
	// building's units only; 0 for the community's.
	BuildingID int64 `json:"buildingId"`
}

// BookTransferResult is the two vouchers of a transfer, posted or as they would be posted.
type BookTransferResult struct {
	Amount string        `json:"amount"`
	Date   string        `json:"date"`
	Out    VoucherDetail `json:"out"` // the sending book's voucher
	In     VoucherDetail `json:"in"`  // the receiving book's voucher
}

// SplitUnitOption is a unit found for a deposit's split.
type SplitUnitOption struct {
	ID      int64  `json:"id"`
	Label   string `json:"label"` // "3号-1202"
	Owner   string `json:"owner"`
	Area    string `json:"area"`    // m², 2 dp
	Initial string `json:"initial"` // initial required deposit
	Balance string `json:"balance"` // sub-account balance
}

// VoucherCaseOption is a replenishment case a replenishment deposit may cite.
type VoucherCaseOption struct {
	ID          int64  `json:"id"`
	TriggerDate string `json:"triggerDate"`
	Status      string `json:"status"`
	Due         string `json:"due"`
	Paid        string `json:"paid"`
}

// VoucherProjectOption is a repair project a fund repair expense may pay.
type VoucherProjectOption struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	CostAudit string `json:"costAudit"`
	Charged   string `json:"charged"`
	Emergency bool   `json:"emergency"`
}

// VoucherAttachmentContent is an attachment's bytes for showing it inside the app.
type VoucherAttachmentContent struct {
	ID     int64  `json:"id"`
	Name   string `json:"name"`
	Mime   string `json:"mime"`
	Base64 string `json:"base64"`
}
