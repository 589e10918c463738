package cli

import (
	"encoding/json"
	"fmt"
	"strconv"

	"jiayuan/app/imports"
	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// runOpening posts a book's opening balance when a ledger starts in the middle of a
// community's life, checked against the bank balance and, for the fund, the units' balances.
func runOpening(env *Env, args []string) error {
	fs := env.flags("opening")
	path := fs.String("ledger", "", env.t("cli.flag.ledger", nil))
	bookFlag := fs.String("book", "", env.t("cli.flag.opening_book", nil))
	date := fs.String("date", "", env.t("cli.flag.opening_date", nil))
	amount := fs.String("amount", "", env.t("cli.flag.opening_amount", nil))
	bank := fs.String("bank", "", env.t("cli.flag.opening_bank", nil))
	units := fs.String("units", "", env.t("cli.flag.opening_units", nil))
	sheet := fs.String("sheet", "", env.t("cli.flag.import_sheet", nil))
	mapping := fs.String("map", "", env.t("cli.flag.import_map", nil))
	summary := fs.String("summary", "", env.t("cli.flag.opening_summary", nil))
	dry := fs.Bool("dry-run", false, env.t("cli.flag.dry_run", nil))
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needLedger(*path); err != nil {
		return err
	}
	if *bookFlag == "" || *date == "" || *amount == "" {
		return usageError{key: "cli.opening_need"}
	}
	in, err := ops.ReadOpening(ops.OpeningForm{Book: *bookFlag, Date: *date, Amount: *amount, Bank: *bank, Summary: *summary, DryRun: *dry})
	if err != nil {
		return err
	}
	b, amt := in.Book, in.Amount
	if *units != "" {
		data, err := readSource(*units)
		if err != nil {
			return err
		}
		m, err := imports.ParseMap(*mapping, imports.OpeningUnitsSchema)
		if err != nil {
			return err
		}
		t, rows, err := imports.ReadOpeningUnits(*units, data, imports.Options{Sheet: *sheet, Map: m})
		if err != nil {
			return env.importFailed(err)
		}
		env.printTable(t, imports.OpeningUnitsSchema)
		in.Units = rows
	}
	s, err := store.Open(*path, store.Options{})
	if err != nil {
		return err
	}
	defer s.Close()
	res, err := s.PostOpening(in)
	if err != nil {
		return env.importFailed(err)
	}
	args2 := map[string]string{"book": env.t("book."+string(b), nil), "date": in.Date, "amount": amt.Grouped(), "bank": res.Bank.Grouped(),
		"source": env.t("cli.opening.bank."+res.BankSource, nil), "voucher": res.VoucherNo,
		"units": strconv.Itoa(res.Units), "total": res.UnitsTotal.Grouped()}
	if res.DryRun {
		env.println(env.t("cli.opening.would", args2))
	} else {
		env.println(env.t("cli.opening.done", args2))
	}
	if b == ledger.BookFund {
		env.println(env.t("cli.opening.units", args2))
	}
	return nil
}

// runReconcile prints the bank reconciliation of a book's account as of a date.
func runReconcile(env *Env, args []string) error {
	fs := env.flags("reconcile")
	path := fs.String("ledger", "", env.t("cli.flag.ledger", nil))
	bookFlag := fs.String("book", "", env.t("cli.flag.opening_book", nil))
	date := fs.String("date", "", env.t("cli.flag.reconcile_date", nil))
	from := fs.String("from", "", env.t("cli.flag.reconcile_from", nil))
	days := fs.Int("days", store.DefaultMatchDays, env.t("cli.flag.reconcile_days", nil))
	bankBal := fs.String("bank-balance", "", env.t("cli.flag.reconcile_bank", nil))
	asJSON := fs.Bool("json", false, env.t("cli.flag.json", nil))
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needLedger(*path); err != nil {
		return err
	}
	if *bookFlag == "" {
		return usageError{key: "cli.import_need_book"}
	}
	b, err := imports.ParseBook(*bookFlag)
	if err != nil {
		return err
	}
	day := *date
	if day == "" {
		day = ledger.FormatDate(env.Now())
	}
	s, err := store.Open(*path, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer s.Close()
	o := store.ReconcileOptions{From: *from, MatchDays: *days}
	if *bankBal != "" {
		bal, err := ledger.ParseAmount(*bankBal)
		if err != nil {
			return err
		}
		o.BankBalance = &bal
	}
	rec, err := s.Reconcile(b, day, o)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(ops.ReconciliationOf(rec))
	}
	printReconciliation(env, rec)
	return nil
}

// printReconciliation writes the 余额调节表: the book side and the bank side, each adjusted by
// what only the other has, then the items themselves.
func printReconciliation(env *Env, r store.Reconciliation) {
	w := env.Stdout
	t := env.t
	sum := func(items []store.ReconItem) ledger.Money {
		var s ledger.Money
		for _, i := range items {
			s = s.Add(i.Amount)
		}
		return s
	}
	fmt.Fprintln(w, t("cli.reconcile.title", map[string]string{"book": t("book."+string(r.Book), nil), "date": r.AsOf, "from": r.From}))
	fmt.Fprintln(w)
	row := func(lk string, l ledger.Money, rk string, rv ledger.Money) {
		fmt.Fprintf(w, "  %s%18s    %s%18s\n", pad(t(lk, nil), 22), l.Grouped(), pad(t(rk, nil), 22), rv.Grouped())
	}
	row("cli.reconcile.book_balance", r.BookBalance, "cli.reconcile.bank_balance", r.BankBalance)
	row("cli.reconcile.add_bank_in", sum(r.BankOnlyIn), "cli.reconcile.add_book_in", sum(r.BookOnlyIn))
	row("cli.reconcile.less_bank_out", sum(r.BankOnlyOut).Neg(), "cli.reconcile.less_book_out", sum(r.BookOnlyOut).Neg())
	row("cli.reconcile.adjusted", r.AdjustedBook, "cli.reconcile.adjusted", r.AdjustedBank)
	fmt.Fprintln(w)
	if r.BankBalanceSource == "given" {
		fmt.Fprintln(w, t("cli.reconcile.given", nil))
	}
	fmt.Fprintln(w, t("cli.reconcile.counts", map[string]string{"lines": strconv.Itoa(r.BankLines), "matched": strconv.Itoa(r.Matched),
		"items": strconv.Itoa(r.BookItems)}))
	if r.Reconciled {
		fmt.Fprintln(w, t("cli.reconcile.ok", nil))
	} else {
		fmt.Fprintln(w, t("cli.reconcile.differs", map[string]string{"difference": r.Difference.Grouped()}))
	}
	list := func(key string, items []store.ReconItem) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, t(key, map[string]string{"count": strconv.Itoa(len(items))}))
		for i, it := range items {
			if i == maxListed {
				fmt.Fprintln(w, t("cli.import.more", map[string]string{"count": strconv.Itoa(len(items) - maxListed)}))
				break
			}
			ref := it.VoucherNo
			if ref == "" {
				ref = it.Reference
			}
			fmt.Fprintf(w, "  %s %16s  %-14s %s\n", it.Date, it.Amount.Grouped(), ref, it.Text)
		}
	}
	list("cli.reconcile.list_bank_in", r.BankOnlyIn)
	list("cli.reconcile.list_bank_out", r.BankOnlyOut)
	list("cli.reconcile.list_book_in", r.BookOnlyIn)
	list("cli.reconcile.list_book_out", r.BookOnlyOut)
}

// pad right-pads s to width display columns (a Chinese character takes two).
func pad(s string, width int) string {
	w := 0
	for _, r := range s {
		if r >= 0x1100 {
			w += 2
		} else {
			w++
		}
	}
	for ; w < width; w++ {
		s += " "
	}
	return s
}
