// Package export writes the books in interchange formats: a plain-text accounting journal that
// hledger (and ledger-cli) read, so auditors and accountants can check the figures with their
// own tools.
package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// bookRoot names each book's top account in the journal.
var bookRoot = map[ledger.Book]string{ledger.BookFund: "维修资金", ledger.BookPublic: "公共收益", ledger.BookWorking: "工作经费"}

// accountType maps the ledger's kinds to hledger's account types, so `hledger bs`/`is` work.
var accountType = map[ledger.AccountKind]string{
	ledger.KindAsset: "A", ledger.KindReceivable: "A", ledger.KindEquity: "E", ledger.KindIncome: "R", ledger.KindTransferIn: "R",
	ledger.KindDeduction: "X", ledger.KindExpense: "X", ledger.KindTransferOut: "X",
}

// AccountName is the journal name of a book's account: "维修资金:1001 银行存款（维修资金专户）".
// Single spaces only: two spaces end an account name in the journal format.
func AccountName(b ledger.Book, code, name string) string {
	name = strings.Join(strings.Fields(name), " ")
	name = strings.NewReplacer(":", "：", ";", "；").Replace(name)
	return bookRoot[b] + ":" + code + " " + name
}

// UnitAccount is the virtual account of a unit's sub-account (分户账).
func UnitAccount(unitName string) string {
	return "分户账:" + strings.Join(strings.Fields(unitName), " ")
}

// Journal writes the ledger's vouchers in hledger's journal format: account declarations with
// their types, then one transaction per voucher in date order with amounts in CNY. With units
// set, each fund voucher also carries its per-unit sub-ledger lines as unbalanced virtual
// postings "(分户账:12号-301)", so `hledger bal 分户账` gives every unit's balance.
func Journal(s *store.Store, w io.Writer, units bool) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	c, err := s.Community()
	if err != nil {
		return err
	}
	head, err := s.ChainHead()
	if err != nil {
		return err
	}
	fmt.Fprintf(bw, "; 家园账本 Jiayuan Ledger — %s\n; chain head #%d %s\n\ncommodity 1,000.00 CNY\n\n", c.Name, head.Seq, head.Hash)
	for _, b := range ledger.Books {
		accts, err := s.Accounts(b)
		if err != nil {
			return err
		}
		for _, a := range accts {
			fmt.Fprintf(bw, "account %s  ; type:%s\n", AccountName(b, a.Code, a.NameZH), accountType[a.Kind])
		}
	}
	bw.WriteString("\n")
	err = s.EachEntry("", "", units, func(e *store.JournalEntry) error {
		desc := strings.NewReplacer("\n", " ", "\r", " ", ";", "；", "|", "｜").Replace(e.Summary)
		fmt.Fprintf(bw, "%s * (%s) %s\n", e.Date, e.No, desc)
		for _, p := range e.Postings {
			fmt.Fprintf(bw, "    %s  %s CNY\n", AccountName(e.Book, p.AccountCode, p.AccountName), p.Amount.String())
		}
		for _, u := range e.Units {
			fmt.Fprintf(bw, "    (%s)  %s CNY\n", UnitAccount(u.UnitName), u.Amount.String())
		}
		bw.WriteString("\n")
		return nil
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}
