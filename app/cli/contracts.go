package cli

import (
	"strconv"
	"strings"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// runContracts lists the public-income contracts register with each contract's expected and
// received income up to today's quarter (store.ContractStatuses, as the window shows it) and
// its flags, read-only:
//
//	jiayuan contracts --ledger FILE [--today DATE]
func runContracts(env *Env, args []string) error {
	fs := env.flags("contracts")
	path := fs.String("ledger", "", env.t("cli.flag.ledger", nil))
	today := fs.String("today", "", env.t("cli.flag.today", nil))
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := needLedger(*path); err != nil {
		return err
	}
	day := env.Now()
	if *today != "" {
		d, err := ledger.ParseDate(*today)
		if err != nil {
			return err
		}
		day = d
	}
	s, err := store.Open(*path, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer s.Close()
	sts, err := s.ContractStatuses(day)
	if err != nil {
		return err
	}
	if len(sts) == 0 {
		env.println(env.t("cli.contracts_none", nil))
		return nil
	}
	for _, c := range sts {
		var expected, received ledger.Money
		for _, q := range c.Quarters {
			expected, received = expected.Add(q.Expected), received.Add(q.Received)
		}
		var flags []string
		switch {
		case c.End < ledger.FormatDate(day):
			flags = append(flags, env.t("cli.contracts_ended", nil))
		case c.Expiring:
			flags = append(flags, env.t("cli.contracts_expiring", map[string]string{"end": c.End}))
		}
		var missing []string
		for _, q := range c.Quarters {
			if q.Missing {
				missing = append(missing, q.Quarter)
			}
		}
		if len(missing) > 0 {
			flags = append(flags, env.t("cli.contracts_missing", map[string]string{"quarters": strings.Join(missing, ",")}))
		}
		env.println(env.t("cli.contracts_line", map[string]string{"id": strconv.FormatInt(c.ID, 10), "counterparty": c.Counterparty,
			"part": c.CommonPart, "start": c.Start, "end": c.End, "amount": c.Amount.Grouped(), "period": c.Period,
			"collector": c.Collector, "resolution": strconv.FormatInt(c.ResolutionID, 10), "expected": expected.Grouped(),
			"received": received.Grouped(), "flags": strings.Join(flags, "; ")}))
	}
	return nil
}
