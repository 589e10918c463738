package cli

import (
	"fmt"
	"io"

	"jiayuan/app/i18n"
	"jiayuan/app/ops"
	"jiayuan/store/ledger"
)

// printStatus writes the status for a person: balances, the fund ratio, the replenishment
// case, the recent quarters of public income and what needs doing.
func printStatus(env *Env, r ops.StatusReport) {
	w := env.Stdout
	t := env.t
	fmt.Fprintf(w, "%s — %s\n\n", r.Community, t("cli.status.as_of", map[string]string{"date": r.Today}))
	for _, b := range r.Books {
		fmt.Fprintf(w, "  %-24s %18s\n", t("book."+b.Book, nil), grouped(b.Balance))
	}
	fmt.Fprintln(w)
	ratio := r.Fund.Ratio
	if ratio == "" {
		ratio = "—"
	}
	fmt.Fprintln(w, t("cli.status.fund", map[string]string{"ratio": ratio, "threshold": r.Fund.Threshold,
		"balance": grouped(r.Fund.Balance), "initial": grouped(r.Fund.Initial)}))
	fmt.Fprintln(w, t("cli.status.below", map[string]string{"buildings": itoa(r.Fund.BuildingsBelow), "units": itoa(r.Fund.UnitsBelow)}))
	if nr := r.Fund.NonResidential; nr != nil && r.Fund.Separate {
		fmt.Fprintln(w, t("cli.status.nonres", map[string]string{"ratio": nr.Ratio, "balance": grouped(nr.Balance), "initial": grouped(nr.Initial)}))
	}
	if c := r.Replenishment; c != nil {
		printCaseSteps(w, t, c)
	}
	if n := len(r.Quarters); n > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, t("cli.status.quarters", nil))
		start := n - 4
		if start < 0 {
			start = 0
		}
		for _, q := range r.Quarters[start:] {
			fmt.Fprintf(w, "  %-7s %16s %16s %16s %16s\n", q.Quarter, grouped(q.Net), grouped(q.Required), grouped(q.Done), grouped(q.Short))
		}
	}
	fmt.Fprintln(w)
	if len(r.Alerts) == 0 {
		fmt.Fprintln(w, t("cli.status.no_alerts", nil))
	}
	for _, a := range r.Alerts {
		msg := a.Message
		if env.Lang == i18n.EN {
			msg = a.MessageEn
		}
		mark := map[string]string{"danger": "!!", "warning": "! ", "info": "· "}[a.Severity]
		fmt.Fprintf(w, "%s %s\n", mark, msg)
	}
	fmt.Fprintf(w, "\n%s\n", t("cli.status.chain", map[string]string{"seq": fmt.Sprint(r.Chain.Seq), "hash": ledger.ShortHash(r.Chain.Hash)}))
}

// printCaseSteps prints a replenishment case as the statute's steps: the decision deadline,
// the day the bank notice becomes possible, the payment deadline and the units still owing.
func printCaseSteps(w io.Writer, t func(string, map[string]string) string, c *ops.ReplenishReport) {
	fmt.Fprintln(w, t("cli.status.case", map[string]string{"status": t("replenish.stage."+c.Stage, nil), "trigger": c.TriggerDate,
		"deadline": c.DecisionDeadline, "due": grouped(c.Due), "paid": grouped(c.Paid)}))
	fmt.Fprintln(w, "  "+t("cli.status.case_decide", map[string]string{"deadline": c.DecisionDeadline}))
	if !c.Decided {
		fmt.Fprintln(w, "  "+t("cli.status.case_notice_from", map[string]string{"from": c.NoticeFrom}))
	}
	if c.PaymentDeadline != "" {
		fmt.Fprintln(w, "  "+t("cli.status.case_pay", map[string]string{"deadline": c.PaymentDeadline}))
		fmt.Fprintln(w, "  "+t("cli.status.case_owing", map[string]string{"count": itoa(c.Owing), "amount": grouped(c.Outstanding)}))
	}
	if c.RatioRestored && c.Owing > 0 {
		fmt.Fprintln(w, "  "+t("cli.status.case_restored", map[string]string{"count": itoa(c.Owing), "amount": grouped(c.Outstanding)}))
	}
}

func grouped(s string) string {
	m, err := ledger.ParseAmount(s)
	if err != nil {
		return s
	}
	return m.Grouped()
}

func itoa(n int) string { return fmt.Sprint(n) }
