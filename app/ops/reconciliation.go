package ops

import (
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// ReconItem is one item of the bank reconciliation (银行存款余额调节表): a bank line the books
// lack, or a posting the bank lacks.
type ReconItem struct {
	Date      string `json:"date"`
	Amount    string `json:"amount"` // in positive, out negative
	Text      string `json:"text"`
	Reference string `json:"reference"`
	VoucherID int64  `json:"voucherId"`
	VoucherNo string `json:"voucherNo"`
}

// Reconciliation is the 银行存款余额调节表 of a book's account as of a date, as both front ends
// show it: the window binds it, `jiayuan bank reconcile --json` prints it.
type Reconciliation struct {
	Book              string      `json:"book"`
	From              string      `json:"from"`
	AsOf              string      `json:"asOf"`
	BookBalance       string      `json:"bookBalance"`
	BankBalance       string      `json:"bankBalance"`
	BankBalanceSource string      `json:"bankBalanceSource"` // statement, given
	BankLines         int         `json:"bankLines"`
	BookItems         int         `json:"bookItems"`
	Matched           int         `json:"matched"`
	BankOnlyIn        []ReconItem `json:"bankOnlyIn"`  // 银行已收、账上未收
	BankOnlyOut       []ReconItem `json:"bankOnlyOut"` // 银行已付、账上未付
	BookOnlyIn        []ReconItem `json:"bookOnlyIn"`  // 账上已收、银行未收
	BookOnlyOut       []ReconItem `json:"bookOnlyOut"` // 账上已付、银行未付
	BankOnlyInTotal   string      `json:"bankOnlyInTotal"`
	BankOnlyOutTotal  string      `json:"bankOnlyOutTotal"`
	BookOnlyInTotal   string      `json:"bookOnlyInTotal"`
	BookOnlyOutTotal  string      `json:"bookOnlyOutTotal"`
	AdjustedBook      string      `json:"adjustedBook"`
	AdjustedBank      string      `json:"adjustedBank"`
	Difference        string      `json:"difference"`
	Reconciled        bool        `json:"reconciled"`
}

// ReconciliationOf maps the store's reconciliation to its view, amounts as strings of yuan.
func ReconciliationOf(r store.Reconciliation) Reconciliation {
	items := func(in []store.ReconItem) ([]ReconItem, string) {
		out := make([]ReconItem, 0, len(in))
		var sum ledger.Money
		for _, i := range in {
			out = append(out, ReconItem{Date: i.Date, Amount: i.Amount.String(), Text: i.Text, Reference: i.Reference, VoucherID: i.VoucherID, VoucherNo: i.VoucherNo})
			sum = sum.Add(i.Amount)
		}
		return out, sum.String()
	}
	d := Reconciliation{Book: string(r.Book), From: r.From, AsOf: r.AsOf, BookBalance: r.BookBalance.String(), BankBalance: r.BankBalance.String(),
		BankBalanceSource: r.BankBalanceSource, BankLines: r.BankLines, BookItems: r.BookItems, Matched: r.Matched,
		AdjustedBook: r.AdjustedBook.String(), AdjustedBank: r.AdjustedBank.String(), Difference: r.Difference.String(), Reconciled: r.Reconciled}
	d.BankOnlyIn, d.BankOnlyInTotal = items(r.BankOnlyIn)
	d.BankOnlyOut, d.BankOnlyOutTotal = items(r.BankOnlyOut)
	d.BookOnlyIn, d.BookOnlyInTotal = items(r.BookOnlyIn)
	d.BookOnlyOut, d.BookOnlyOutTotal = items(r.BookOnlyOut)
	return d
}
