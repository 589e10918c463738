package app

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"jiayuan/app/report"
	"jiayuan/app/reporting"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// BankService shows the bank reconciliation (余额调节) of a book's account: the store matches
// the bank lines imported from statements with the vouchers' bank postings. It is bound to the
// frontend: the bank reconciliation screen (银行对账).
type BankService struct {
	sess *Session
	mu   sync.Mutex
	busy bool
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
	return st, rec, forWindow(err)
}

// Reconcile draws up the 余额调节表 of a book's account as of a date: the book balance and the
// bank's, each adjusted by the items only the other side has yet.
func (b *BankService) Reconcile(in ReconcileInput) (ReconciliationDTO, error) {
	_, r, err := b.reconcile(in)
	if err != nil {
		return ReconciliationDTO{}, err
	}
	return reconDTO(r), nil
}

func reconDTO(r store.Reconciliation) ReconciliationDTO {
	items := func(in []store.ReconItem) ([]ReconItemDTO, string) {
		out := make([]ReconItemDTO, 0, len(in))
		var sum ledger.Money
		for _, i := range in {
			out = append(out, ReconItemDTO{Date: i.Date, Amount: i.Amount.String(), Text: i.Text, Reference: i.Reference, VoucherID: i.VoucherID, VoucherNo: i.VoucherNo})
			sum = sum.Add(i.Amount)
		}
		return out, sum.String()
	}
	d := ReconciliationDTO{Book: string(r.Book), From: r.From, AsOf: r.AsOf, BookBalance: r.BookBalance.String(), BankBalance: r.BankBalance.String(),
		BankBalanceSource: r.BankBalanceSource, BankLines: r.BankLines, BookItems: r.BookItems, Matched: r.Matched,
		AdjustedBook: r.AdjustedBook.String(), AdjustedBank: r.AdjustedBank.String(), Difference: r.Difference.String(), Reconciled: r.Reconciled}
	d.BankOnlyIn, d.BankOnlyInTotal = items(r.BankOnlyIn)
	d.BankOnlyOut, d.BankOnlyOutTotal = items(r.BankOnlyOut)
	d.BookOnlyIn, d.BookOnlyInTotal = items(r.BookOnlyIn)
	d.BookOnlyOut, d.BookOnlyOutTotal = items(r.BookOnlyOut)
	return d
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
	format = strings.ToLower(strings.TrimSpace(format))
	if format == "" {
		format = reporting.FormatPDF
	}
	if format != reporting.FormatPDF && format != reporting.FormatXLSX {
		return "", ledger.Refuse("report.unknown_format", "format", format)
	}
	b.mu.Lock()
	if b.busy {
		b.mu.Unlock()
		return "", ledger.Refuse("report.busy")
	}
	b.busy = true
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		b.busy = false
		b.mu.Unlock()
	}()
	st, r, err := b.reconcile(in)
	if err != nil {
		return "", err
	}
	c, err := st.Community()
	if err != nil {
		return "", err
	}
	name := safeFileName(c.Name+"-"+reporting.BookShort(r.Book)+"-银行存款余额调节表-"+r.AsOf) + "." + format
	path, err := b.savePath(name, format)
	if err != nil || path == "" {
		return "", err
	}
	var p reporting.Params
	if err := reporting.Stamp(st, &p, b.sess.now()); err != nil {
		return "", err
	}
	doc := reconDoc(c.Name, r, p)
	var data []byte
	if format == reporting.FormatXLSX {
		data, err = report.RenderXLSX(doc)
	} else {
		data, err = report.RenderPDF(doc)
	}
	if err != nil {
		return "", err
	}
	if err := reporting.WriteFile(path, data); err != nil {
		return "", err
	}
	return path, nil
}

func (b *BankService) savePath(name, format string) (string, error) {
	if dir := os.Getenv(E2ESaveDirEnv); dir != "" {
		return filepath.Join(dir, name), nil
	}
	lang := b.sess.lang()
	filter := FileFilter{Name: b.sess.cat.T(lang, "report.dialog.pdf", nil), Pattern: "*.pdf"}
	if format == reporting.FormatXLSX {
		filter = FileFilter{Name: b.sess.cat.T(lang, "report.dialog.xlsx", nil), Pattern: "*.xlsx"}
	}
	path, err := b.sess.Runtime().SaveFileDialog(b.sess.cat.T(lang, "report.dialog.save", nil), name, []FileFilter{filter})
	if err != nil || path == "" {
		return "", err
	}
	if !strings.EqualFold(filepath.Ext(path), "."+format) {
		path += "." + format
	}
	return path, nil
}

func safeFileName(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || strings.ContainsRune(`\/:*?"<>|`, r) {
			return '_'
		}
		return r
	}, s)
}

// reconDoc is the printed 银行存款余额调节表: the two sides adjusted, then the items of each.
// Reports are printed in Chinese, as the committee's other reports are.
func reconDoc(community string, r store.Reconciliation, p reporting.Params) report.Doc {
	sum := func(items []store.ReconItem) ledger.Money {
		var s ledger.Money
		for _, i := range items {
			s = s.Add(i.Amount)
		}
		return s
	}
	d := report.Doc{Title: "银行存款余额调节表", Community: community, Book: reporting.BookName(r.Book),
		Period: r.From + " 至 " + r.AsOf, Generated: p.Generated, Chain: p.Chain, Signatures: report.DefaultSignatures}
	t := &report.Table{Title: "余额调节表", Columns: []report.Column{
		{Title: "项目", Kind: report.KindText, Width: 2.4}, {Title: "金额", Kind: report.KindMoney},
		{Title: "项目", Kind: report.KindText, Width: 2.4}, {Title: "金额", Kind: report.KindMoney}}}
	t.Add(report.Text("账面余额"), report.Money(r.BookBalance), report.Text("银行对账单余额"), report.Money(r.BankBalance))
	t.Add(report.Text("加：银行已收、账上未收"), report.Money(sum(r.BankOnlyIn)), report.Text("加：账上已收、银行未收"), report.Money(sum(r.BookOnlyIn)))
	t.Add(report.Text("减：银行已付、账上未付"), report.Money(sum(r.BankOnlyOut).Neg()), report.Text("减：账上已付、银行未付"), report.Money(sum(r.BookOnlyOut).Neg()))
	t.Totals = []report.Cell{report.Text("调节后余额"), report.Money(r.AdjustedBook), report.Text("调节后余额"), report.Money(r.AdjustedBank)}
	d.Add(t)
	state := "调节后余额相等，账实相符。"
	if !r.Reconciled {
		state = "调节后余额不相等，差额 " + r.Difference.Grouped() + " 元，请逐笔核对。"
	}
	source := ""
	if r.BankBalanceSource == "given" {
		source = "对账单未列余额，银行余额为手工填写。"
	}
	d.Add(report.Paragraph("期间内银行流水 " + strconv.Itoa(r.BankLines) + " 笔，已与凭证对上 " + strconv.Itoa(r.Matched) + " 笔；账面银行存款记录 " +
		strconv.Itoa(r.BookItems) + " 笔。" + state + source))
	list := func(title string, items []store.ReconItem) {
		if len(items) == 0 {
			return
		}
		lt := &report.Table{Title: title, Columns: []report.Column{
			{Title: "日期", Kind: report.KindDate}, {Title: "凭证号/流水号", Kind: report.KindText, Width: 1.4},
			{Title: "摘要", Kind: report.KindText, Width: 3}, {Title: "金额", Kind: report.KindMoney}}}
		for _, i := range items {
			ref := i.VoucherNo
			if ref == "" {
				ref = i.Reference
			}
			lt.Add(report.Date(i.Date), report.Text(ref), report.Text(i.Text), report.Money(i.Amount))
		}
		lt.SumMoney("合计")
		d.Add(lt)
	}
	list("银行已收、账上未收", r.BankOnlyIn)
	list("银行已付、账上未付", r.BankOnlyOut)
	list("账上已收、银行未收", r.BookOnlyIn)
	list("账上已付、银行未付", r.BookOnlyOut)
	return d
}
