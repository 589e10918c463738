package app

import (
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
		CaseID: v.CaseID, EmergencyTrigger: v.EmergencyTrigger, R2Net: v.R2Net.String(), R2Share: ledger.Zero.String(), ResolutionID: v.ResolutionID}
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
	return store.TransferInput{From: from, To: to, Date: date, Amount: amt, Summary: in.Summary, ResolutionID: in.ResolutionID, BuildingID: in.BuildingID}, nil
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
