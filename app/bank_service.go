package app

import (
	"strings"

	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// BankService shows the bank reconciliation (余额调节) of a book's account: the store matches
// the bank lines imported from statements with the vouchers' bank postings. It is bound to the
// frontend: the bank reconciliation screen (银行对账).
type BankService struct {
	sess    *Session
	exports ops.Exporter
}

// NewBankService builds the service; app.Services binds it.
func NewBankService(sess *Session) *BankService { return &BankService{sess: sess} }

// BankBookDTO says what statements a book's account has.
type BankBookDTO struct {
	Book  string `json:"book"`
	Lines int    `json:"lines"`
	First string `json:"first"` // the first line's date, "" when none
	Last  string `json:"last"`
}

// BankOverview is what the screen needs before reconciling.
type BankOverview struct {
	Today string        `json:"today"`
	Books []BankBookDTO `json:"books"`
}

// Overview lists the three books with how many bank lines each has and their dates.
func (b *BankService) Overview() (BankOverview, error) {
	st, err := b.sess.Store()
	if err != nil {
		return BankOverview{}, err
	}
	out := BankOverview{Today: ledger.FormatDate(b.sess.now()), Books: []BankBookDTO{}}
	for _, bk := range []ledger.Book{ledger.BookFund, ledger.BookPublic, ledger.BookWorking} {
		d := BankBookDTO{Book: string(bk)}
		first, n, err := st.BankLines(bk, "", "9999-12-31", 0, 1)
		if err != nil {
			return out, err
		}
		d.Lines = n
		if n > 0 {
			d.First = first[0].Date
			last, _, err := st.BankLines(bk, "", "9999-12-31", n-1, 1)
			if err != nil {
				return out, err
			}
			if len(last) > 0 {
				d.Last = last[0].Date
			}
		}
		out.Books = append(out.Books, d)
	}
	return out, nil
}

// reconcile runs the store's reconciliation for the screen's choice (AsOf "" = today).
func (b *BankService) reconcile(in ReconcileInput) (*store.Store, store.Reconciliation, error) {
	st, err := b.sess.Store()
	if err != nil {
		return nil, store.Reconciliation{}, err
	}
	asOf := strings.TrimSpace(in.AsOf)
	if asOf == "" {
		asOf = ledger.FormatDate(b.sess.now())
	}
	o := store.ReconcileOptions{From: strings.TrimSpace(in.From), MatchDays: in.MatchDays}
	if v := strings.TrimSpace(in.BankBalance); v != "" {
		m, err := ledger.ParseAmount(v)
		if err != nil {
			return st, store.Reconciliation{}, err
		}
		o.BankBalance = &m
	}
	rec, err := st.Reconcile(ledger.Book(strings.TrimSpace(in.Book)), asOf, o)
	return st, rec, err
}

// Reconcile draws up the 余额调节表 of a book's account as of a date: the book balance and the
// bank's, each adjusted by the items only the other side has yet.
func (b *BankService) Reconcile(in ReconcileInput) (ops.Reconciliation, error) {
	_, r, err := b.reconcile(in)
	if err != nil {
		return ops.Reconciliation{}, err
	}
	return ops.ReconciliationOf(r), nil
}

// Lines lists a page of the book's bank lines From..AsOf of the reconciliation, each marked
// matched (a voucher has it) or not; Filter "matched" or "unmatched" keeps only those.
func (b *BankService) Lines(q BankLinesQuery) (BankLinePage, error) {
	st, r, err := b.reconcile(q.Reconcile)
	if err != nil {
		return BankLinePage{}, err
	}
	size := q.PageSize
	if size <= 0 {
		size = 50
	}
	size = min(size, 500)
	page := max(q.Page, 1)
	open := map[int64]bool{}
	for _, i := range append(append([]store.ReconItem(nil), r.BankOnlyIn...), r.BankOnlyOut...) {
		open[i.LineID] = true
	}
	out := BankLinePage{Rows: []BankLineDTO{}, Page: page, PageSize: size}
	dto := func(l store.StoredBankLine) BankLineDTO {
		d := BankLineDTO{ID: l.ID, Date: l.Date, Amount: l.Amount.String(), Counterparty: l.Counterparty, Reference: l.Reference, Summary: l.Summary, Matched: !open[l.ID]}
		if l.HasBalance {
			d.Balance = l.Balance.String()
		}
		return d
	}
	if q.Filter != "matched" && q.Filter != "unmatched" {
		lines, total, err := st.BankLines(r.Book, r.From, r.AsOf, (page-1)*size, size)
		if err != nil {
			return out, err
		}
		out.Total = total
		for _, l := range lines {
			out.Rows = append(out.Rows, dto(l))
		}
		return out, nil
	}
	lines, _, err := st.BankLines(r.Book, r.From, r.AsOf, 0, 0)
	if err != nil {
		return out, err
	}
	want := q.Filter == "matched"
	var kept []BankLineDTO
	for _, l := range lines {
		if d := dto(l); d.Matched == want {
			kept = append(kept, d)
		}
	}
	out.Total = len(kept)
	from := min((page-1)*size, len(kept))
	out.Rows = append(out.Rows, kept[from:min(from+size, len(kept))]...)
	return out, nil
}

// ExportReconciliation asks where to save the 余额调节表 (PDF or Excel, format "pdf" or
// "xlsx") and writes it there; it returns the path, or "" when the user cancelled. With
// JIAYUAN_E2E_SAVE_DIR set (the browser tests) it saves there without asking.
func (b *BankService) ExportReconciliation(in ReconcileInput, format string) (string, error) {
	st, r, err := b.reconcile(in)
	if err != nil {
		return "", err
	}
	e, err := ops.ReconciliationExport(st, r, format)
	if err != nil {
		return "", err
	}
	// Reconciliations do not report progress: they are one page or a few.
	o := b.sess.exportOptions("reconciliation")
	o.Progress = nil
	path, _, err := b.exports.Write(st, e, o)
	return path, err
}
