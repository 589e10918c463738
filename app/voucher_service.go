package app

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// VoucherService keeps the books' vouchers (凭证): the chart of accounts to pick from, the
// paged list, entry with a dry run before posting, reversal, transfers between books, and the
// attachments (receipts, invoices) bound to a voucher. It is bound to the frontend.
type VoucherService struct {
	sess *Session
	// mu serialises postings so that a token is looked up and recorded atomically.
	mu sync.Mutex
	// posted remembers, per token the screen sends with a posting, the vouchers it posted: a
	// repeated call (a double click, a retried request) gets them back instead of posting twice.
	posted map[string][]int64
}

// NewVoucherService builds the service; Services binds it.
func NewVoucherService(sess *Session) *VoucherService {
	return &VoucherService{sess: sess, posted: map[string][]int64{}}
}

// ---- types that cross the bridge ----------------------------------------------------------

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

// ---- reading ---------------------------------------------------------------------------------

func bookParam(b string) (ledger.Book, error) {
	bk := ledger.Book(strings.TrimSpace(b))
	if !bk.Valid() {
		return bk, ledger.Refuse("voucher.unknown_book", "book", b)
	}
	return bk, nil
}

// Accounts lists a book's chart with balances.
func (s *VoucherService) Accounts(book string) ([]VoucherAccount, error) {
	st, err := s.sess.Store()
	if err != nil {
		return nil, err
	}
	b, err := bookParam(book)
	if err != nil {
		return nil, err
	}
	accts, err := st.Accounts(b)
	if err != nil {
		return nil, err
	}
	out := make([]VoucherAccount, 0, len(accts))
	for _, a := range accts {
		o := VoucherAccount{Code: a.Code, Name: a.NameZH, NameEn: a.NameEN, Kind: string(a.Kind), Balance: a.Balance.String(),
			Direct: a.Kind != ledger.KindTransferIn && a.Kind != ledger.KindTransferOut, Normal: "credit"}
		if a.Kind.DebitNormal() {
			o.Normal = "debit"
		}
		if a.PerUnit {
			o.Split = "auto"
			if a.Code == ledger.CodeFundInitial || a.Code == ledger.CodeFundReplenish || a.Code == ledger.CodeOpening {
				o.Split = "explicit"
			}
		}
		out = append(out, o)
	}
	return out, nil
}

// List returns one page of a book's vouchers, newest first, filtered in the ledger (so it stays
// quick with decades of vouchers).
func (s *VoucherService) List(q VoucherQuery) (VoucherPage, error) {
	st, err := s.sess.Store()
	if err != nil {
		return VoucherPage{}, err
	}
	b, err := bookParam(q.Book)
	if err != nil {
		return VoucherPage{}, err
	}
	f := store.VoucherFilter{Book: b, From: strings.TrimSpace(q.From), To: strings.TrimSpace(q.To),
		AccountCode: strings.TrimSpace(q.Account), Text: q.Text}
	for _, d := range []string{f.From, f.To} {
		if d != "" {
			if _, err := ledger.ParseDate(d); err != nil {
				return VoucherPage{}, err
			}
		}
	}
	if strings.TrimSpace(q.MinAmount) != "" {
		if f.MinAmount, err = ledger.ParseAmount(q.MinAmount); err != nil {
			return VoucherPage{}, err
		}
	}
	if strings.TrimSpace(q.MaxAmount) != "" {
		if f.MaxAmount, err = ledger.ParseAmount(q.MaxAmount); err != nil {
			return VoucherPage{}, err
		}
	}
	size := q.PageSize
	if size <= 0 {
		size = 50
	}
	size = min(max(size, 10), 200)
	page := max(q.Page, 1)
	f.Limit, f.Offset = size, (page-1)*size
	rows, total, err := st.Vouchers(f)
	if err != nil {
		return VoucherPage{}, err
	}
	out := VoucherPage{Rows: make([]VoucherRow, 0, len(rows)), Total: total, Page: page, PageSize: size}
	for _, r := range rows {
		out.Rows = append(out.Rows, VoucherRow{ID: r.ID, No: r.No, Date: r.Date, Summary: r.Summary, Kind: r.Kind,
			Total: r.Total.String(), Reversed: r.Reversed, ReversesID: r.ReversesID})
	}
	return out, nil
}

// Get returns a posted voucher with its lines, attachments, chain link and the vouchers it is
// linked to.
func (s *VoucherService) Get(id int64) (VoucherDetail, error) {
	st, err := s.sess.Store()
	if err != nil {
		return VoucherDetail{}, err
	}
	return s.detail(st, id)
}

func (s *VoucherService) detail(st *store.Store, id int64) (VoucherDetail, error) {
	v, err := st.Voucher(id)
	if err != nil {
		return VoucherDetail{}, err
	}
	d, err := voucherDetailOf(st, v)
	if err != nil {
		return d, err
	}
	ref := func(id int64) *VoucherLink {
		o, err := st.Voucher(id)
		if err != nil {
			return nil
		}
		return &VoucherLink{ID: o.ID, No: o.No, Book: string(o.Book), Date: o.Date}
	}
	if v.ReversesID != 0 {
		d.Reverses = ref(v.ReversesID)
	}
	if v.ReversedByID != 0 {
		d.ReversedBy = ref(v.ReversedByID)
	}
	if v.TransferGroup != 0 {
		ps, err := st.TransferPartners(id)
		if err != nil {
			return d, err
		}
		for _, p := range ps {
			d.TransferPartners = append(d.TransferPartners, VoucherLink{ID: p.ID, No: p.No, Book: string(p.Book), Date: p.Date})
		}
	}
	if v.ProjectID != 0 {
		if p, err := st.Project(v.ProjectID); err == nil {
			d.ProjectName = p.Name
		}
	}
	return d, nil
}

// voucherDetailOf turns a store voucher (posted or previewed) into its detail, with account names in
// both languages and the R2 share of its net income.
func voucherDetailOf(st *store.Store, v store.Voucher) (VoucherDetail, error) {
	d := VoucherDetail{ID: v.ID, Book: string(v.Book), No: v.No, Date: v.Date, Summary: v.Summary, Kind: v.Kind,
		Lines: []VoucherLine{}, Attachments: []VoucherAttachment{}, TransferPartners: []VoucherLink{}, UnitEntries: v.UnitEntries,
		ChainSeq: v.ChainSeq, ChainHash: v.ChainHash, CreatedBy: v.CreatedBy, PostedAt: v.PostedAt, ProjectID: v.ProjectID,
		CaseID: v.CaseID, EmergencyTrigger: v.EmergencyTrigger, R2Net: v.R2Net.String(), R2Share: ledger.Zero.String()}
	accts, err := st.Accounts(v.Book)
	if err != nil {
		return d, err
	}
	en := map[string]string{}
	for _, a := range accts {
		en[a.Code] = a.NameEN
	}
	var debit, credit ledger.Money
	for _, l := range v.Lines {
		vl := VoucherLine{Line: l.Line, AccountCode: l.AccountCode, AccountName: l.AccountName, AccountNameEn: en[l.AccountCode], Memo: l.Memo}
		if l.Amount.Sign() >= 0 {
			vl.Debit = l.Amount.String()
			debit = debit.Add(l.Amount)
		} else {
			vl.Credit = l.Amount.Neg().String()
			credit = credit.Add(l.Amount.Neg())
		}
		d.Lines = append(d.Lines, vl)
	}
	d.Debit, d.Credit = debit.String(), credit.String()
	for _, a := range v.Attachments {
		d.Attachments = append(d.Attachments, voucherAttachmentOf(a))
	}
	if v.R2Net.Sign() > 0 {
		c, err := st.Community()
		if err != nil {
			return d, err
		}
		d.R2Share = c.Policy.RequiredTransfer(v.R2Net).String()
	}
	return d, nil
}

func voucherAttachmentOf(a store.AttachmentInfo) VoucherAttachment {
	return VoucherAttachment{ID: a.ID, Name: a.Name, Mime: a.Mime, Size: a.Size, SHA256: a.SHA256}
}

// ---- entry -----------------------------------------------------------------------------------

// voucherInputOf turns what the form sends into the store's input. Rows with neither an account
// nor an amount are left out; every other row needs an account and an amount on exactly one
// side. Line numbers in refusals count the rows sent.
func voucherInputOf(in VoucherInput) (store.VoucherInput, error) {
	b, err := bookParam(in.Book)
	if err != nil {
		return store.VoucherInput{}, err
	}
	out := store.VoucherInput{Book: b, Date: strings.TrimSpace(in.Date), Summary: in.Summary, ProjectID: in.ProjectID,
		CaseID: in.CaseID, AttachmentIDs: in.AttachmentIDs}
	for i, l := range in.Lines {
		n := i + 1
		acct, dr, cr := strings.TrimSpace(l.Account), strings.TrimSpace(l.Debit), strings.TrimSpace(l.Credit)
		if acct == "" && dr == "" && cr == "" && strings.TrimSpace(l.Memo) == "" {
			continue
		}
		if acct == "" {
			return out, ledger.Refuse("voucher.line_no_account", "line", n)
		}
		if dr != "" && cr != "" {
			return out, ledger.Refuse("voucher.line_both_sides", "line", n)
		}
		raw, sign := dr, int64(1)
		if cr != "" {
			raw, sign = cr, -1
		}
		if raw == "" {
			return out, ledger.Refuse("voucher.zero_line", "line", n)
		}
		amt, err := ledger.ParseAmount(raw)
		if err != nil {
			return out, ledger.Refuse("voucher.line_amount", "line", n, "input", raw)
		}
		if amt.Sign() < 0 {
			return out, ledger.Refuse("voucher.line_negative", "line", n)
		}
		if sign < 0 {
			amt = amt.Neg()
		}
		out.Lines = append(out.Lines, store.LineInput{AccountCode: acct, Amount: amt, Memo: l.Memo})
	}
	for _, sp := range in.Splits {
		amt, err := ledger.ParseAmount(sp.Amount)
		if err != nil {
			return out, ledger.Refuse("split.amount", "unit", sp.UnitID, "input", sp.Amount)
		}
		out.Splits = append(out.Splits, store.UnitSplit{UnitID: sp.UnitID, Amount: amt})
	}
	return out, nil
}

// Check runs the posting of in and rolls it back: the voucher as it would be posted — its
// number, lines, sub-ledger lines and R2 share — or the refusal, before anything is written.
func (s *VoucherService) Check(in VoucherInput) (VoucherDetail, error) {
	st, err := s.sess.Store()
	if err != nil {
		return VoucherDetail{}, err
	}
	vin, err := voucherInputOf(in)
	if err != nil {
		return VoucherDetail{}, err
	}
	v, err := st.CheckVoucher(vin)
	if err != nil {
		return VoucherDetail{}, err
	}
	d, err := voucherDetailOf(st, v)
	d.ID = 0
	return d, err
}

// Post posts a voucher. A second call with the same token returns the voucher the first one
// posted, so a double click or a retried call never posts twice.
func (s *VoucherService) Post(in VoucherInput) (VoucherDetail, error) {
	st, err := s.sess.Store()
	if err != nil {
		return VoucherDetail{}, err
	}
	vin, err := voucherInputOf(in)
	if err != nil {
		return VoucherDetail{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	key := postTokenKey(st, in.Token)
	if ids, ok := s.posted[key]; ok && key != "" {
		return s.detail(st, ids[0])
	}
	v, err := st.PostVoucher(vin)
	if err != nil {
		return VoucherDetail{}, err
	}
	if key != "" {
		s.posted[key] = []int64{v.ID}
	}
	return s.detail(st, v.ID)
}

// postTokenKey scopes a token to the open ledger file.
func postTokenKey(st *store.Store, token string) string {
	token = strings.TrimSpace(token)
	if token == "" {
		return ""
	}
	return st.Path() + "\x00" + token
}

// Reverse posts the correcting voucher of a posted one, dated date (today when empty), citing
// the reason. A transfer is reversed on both sides. It returns the reversing vouchers.
func (s *VoucherService) Reverse(id int64, date, reason string) ([]VoucherLink, error) {
	st, err := s.sess.Store()
	if err != nil {
		return nil, err
	}
	date = strings.TrimSpace(date)
	if date == "" {
		date = ledger.FormatDate(s.sess.now())
	}
	if _, err := ledger.ParseDate(date); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	vs, err := st.Reverse(id, date, reason)
	if err != nil {
		return nil, err
	}
	out := make([]VoucherLink, 0, len(vs))
	for _, v := range vs {
		out = append(out, VoucherLink{ID: v.ID, No: v.No, Book: string(v.Book), Date: v.Date})
	}
	return out, nil
}

// ---- transfers between books ----------------------------------------------------------------

func (s *VoucherService) transferInput(in BookTransferRequest) (store.TransferInput, error) {
	from, err := bookParam(in.From)
	if err != nil {
		return store.TransferInput{}, err
	}
	to, err := bookParam(in.To)
	if err != nil {
		return store.TransferInput{}, err
	}
	if !ledger.AllowedTransfer(from, to) {
		return store.TransferInput{}, ledger.Refuse("transfer.only_from_public")
	}
	amt, err := ledger.ParsePositiveAmount(in.Amount)
	if err != nil {
		return store.TransferInput{}, err
	}
	date := strings.TrimSpace(in.Date)
	if date == "" {
		date = ledger.FormatDate(s.sess.now())
	}
	return store.TransferInput{From: from, To: to, Date: date, Amount: amt, Summary: in.Summary}, nil
}

// CheckTransfer runs a transfer between books and rolls it back: the two vouchers as they
// would be posted, or the refusal. Only public income → fund and → working expenses exist.
func (s *VoucherService) CheckTransfer(in BookTransferRequest) (BookTransferResult, error) {
	st, err := s.sess.Store()
	if err != nil {
		return BookTransferResult{}, err
	}
	tin, err := s.transferInput(in)
	if err != nil {
		return BookTransferResult{}, err
	}
	out, inV, err := st.CheckTransfer(tin)
	if err != nil {
		return BookTransferResult{}, err
	}
	r := BookTransferResult{Amount: tin.Amount.String(), Date: tin.Date}
	if r.Out, err = voucherDetailOf(st, out); err != nil {
		return r, err
	}
	r.In, err = voucherDetailOf(st, inV)
	r.Out.ID, r.In.ID = 0, 0
	return r, err
}

// Transfer posts a transfer between books (both vouchers in one transaction). A second call
// with the same token returns the first result.
func (s *VoucherService) Transfer(in BookTransferRequest) (BookTransferResult, error) {
	st, err := s.sess.Store()
	if err != nil {
		return BookTransferResult{}, err
	}
	tin, err := s.transferInput(in)
	if err != nil {
		return BookTransferResult{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	key := postTokenKey(st, in.Token)
	ids, ok := s.posted[key]
	if !ok || key == "" {
		out, inV, err := st.Transfer(tin)
		if err != nil {
			return BookTransferResult{}, err
		}
		ids = []int64{out.ID, inV.ID}
		if key != "" {
			s.posted[key] = ids
		}
	}
	r := BookTransferResult{Amount: tin.Amount.String(), Date: tin.Date}
	if r.Out, err = s.detail(st, ids[0]); err != nil {
		return r, err
	}
	r.In, err = s.detail(st, ids[1])
	return r, err
}

// ---- what a voucher may cite -------------------------------------------------------------

// SearchUnits finds units by room, building or owner for a deposit's split, at most limit.
func (s *VoucherService) SearchUnits(text string, limit int) ([]SplitUnitOption, error) {
	st, err := s.sess.Store()
	if err != nil {
		return nil, err
	}
	if limit <= 0 || limit > 200 {
		limit = 20
	}
	rows, _, err := ops.SearchUnits(st, ops.UnitSearch{Text: text, Limit: limit})
	if err != nil {
		return nil, err
	}
	out := make([]SplitUnitOption, 0, len(rows))
	for _, r := range rows {
		out = append(out, SplitUnitOption{ID: r.ID, Label: r.BuildingCode + "-" + r.Room, Owner: r.OwnerName,
			Area: ledger.Fen(r.AreaCM2).String(), Initial: r.Initial.String(), Balance: r.Balance.String()})
	}
	return out, nil
}

// ReplenishmentCases lists the replenishment cases a replenishment deposit may cite, open first.
func (s *VoucherService) ReplenishmentCases() ([]VoucherCaseOption, error) {
	st, err := s.sess.Store()
	if err != nil {
		return nil, err
	}
	cs, err := st.ReplenishmentCases()
	if err != nil {
		return nil, err
	}
	out := []VoucherCaseOption{}
	for _, c := range cs {
		out = append(out, VoucherCaseOption{ID: c.ID, TriggerDate: c.TriggerDate, Status: c.Status, Due: c.Due.String(), Paid: c.Paid.String()})
	}
	return out, nil
}

// Projects lists the repair projects a fund repair expense may pay, newest first.
func (s *VoucherService) Projects() ([]VoucherProjectOption, error) {
	st, err := s.sess.Store()
	if err != nil {
		return nil, err
	}
	ps, err := st.Projects()
	if err != nil {
		return nil, err
	}
	out := []VoucherProjectOption{}
	for _, p := range ps {
		out = append(out, VoucherProjectOption{ID: p.ID, Name: p.Name, CostAudit: p.CostAudit.String(), Charged: p.Charged.String(),
			Emergency: p.EmergencyTrigger != ""})
	}
	return out, nil
}

// ---- attachments ----------------------------------------------------------------------------

// AddAttachment stores a dropped file (its name and its bytes in base64) in the ledger.
func (s *VoucherService) AddAttachment(name, data string) (VoucherAttachment, error) {
	st, err := s.sess.Store()
	if err != nil {
		return VoucherAttachment{}, err
	}
	if base64.StdEncoding.DecodedLen(len(data)) > store.MaxAttachmentSize+3 {
		return VoucherAttachment{}, ledger.Refuse("attachment.too_large", "max", "25 MB")
	}
	b, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return VoucherAttachment{}, ledger.Refuse("attachment.unreadable", "name", name)
	}
	a, err := st.AddAttachment(name, b)
	return voucherAttachmentOf(a), err
}

// ChooseAttachments asks for files with the system's dialog and stores them; none when the
// user cancels.
func (s *VoucherService) ChooseAttachments() ([]VoucherAttachment, error) {
	st, err := s.sess.Store()
	if err != nil {
		return nil, err
	}
	lang := s.sess.lang()
	paths, err := s.sess.Runtime().OpenFilesDialog(s.sess.cat.T(lang, "dialog.choose_attachments", nil), []FileFilter{
		{Name: s.sess.cat.T(lang, "dialog.attachment_files", nil), Pattern: "*.pdf;*.jpg;*.jpeg;*.png;*.gif;*.webp;*.tif;*.tiff;*.bmp;*.heic;*.doc;*.docx;*.xls;*.xlsx;*.ofd;*.txt"},
		{Name: s.sess.cat.T(lang, "dialog.all_files", nil), Pattern: "*"},
	})
	if err != nil {
		return nil, err
	}
	out := []VoucherAttachment{}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return out, ledger.Refuse("attachment.unreadable", "name", filepath.Base(p))
		}
		if fi.Size() > store.MaxAttachmentSize {
			return out, ledger.Refuse("attachment.too_large", "max", "25 MB")
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return out, ledger.Refuse("attachment.unreadable", "name", filepath.Base(p))
		}
		a, err := st.AddAttachment(filepath.Base(p), b)
		if err != nil {
			return out, err
		}
		out = append(out, voucherAttachmentOf(a))
	}
	return out, nil
}

// SaveAttachment writes an attachment where the user chooses with the system's dialog and
// returns that path ("" when the user cancels).
func (s *VoucherService) SaveAttachment(id int64) (string, error) {
	st, err := s.sess.Store()
	if err != nil {
		return "", err
	}
	a, data, err := st.AttachmentData(id)
	if err != nil {
		return "", err
	}
	path, err := s.sess.Runtime().SaveFileDialog(s.sess.cat.T(s.sess.lang(), "dialog.save_attachment", nil), a.Name, nil)
	if err != nil || path == "" {
		return "", err
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return "", ledger.Refuse("attachment.cannot_save", "path", path)
	}
	return path, nil
}

// maxAttachmentPreview bounds what VoucherAttachmentContent sends over the bridge to show inside the app.
const maxAttachmentPreview = 8 << 20

// AttachmentContent returns an attachment's bytes (base64) to show it inside the app: images
// and PDFs up to 8 MB. Anything else is saved with SaveAttachment and opened outside.
func (s *VoucherService) AttachmentContent(id int64) (VoucherAttachmentContent, error) {
	st, err := s.sess.Store()
	if err != nil {
		return VoucherAttachmentContent{}, err
	}
	a, data, err := st.AttachmentData(id)
	if err != nil {
		return VoucherAttachmentContent{}, err
	}
	if len(data) > maxAttachmentPreview || !(strings.HasPrefix(a.Mime, "image/") || a.Mime == "application/pdf") {
		return VoucherAttachmentContent{}, ledger.Refuse("attachment.no_preview", "name", a.Name)
	}
	return VoucherAttachmentContent{ID: a.ID, Name: a.Name, Mime: a.Mime, Base64: base64.StdEncoding.EncodeToString(data)}, nil
}
