package cli

import (
	"fmt"
	"strconv"

	"jiayuan/store"
)

// headListMax is how many records added after a printed head verify --head lists.
const headListMax = 200

// printHeadCheck checks a chain head printed on a PDF against the ledger and says what it
// found: the printout's record and what was added since, or that the ledger was rewritten or
// cut short after it. It reports whether the printed head holds.
func printHeadCheck(env *Env, s *store.Store, printed string) (bool, error) {
	hc, err := s.CheckHead(printed, headListMax)
	if err != nil {
		return false, err
	}
	seq := strconv.FormatInt(hc.Seq, 10)
	switch hc.Status {
	case store.HeadRewritten:
		fmt.Fprintln(env.Stdout, env.t("cli.head_rewritten", map[string]string{"seq": seq}))
		return false, nil
	case store.HeadShorter:
		fmt.Fprintln(env.Stdout, env.t("cli.head_shorter", map[string]string{"seq": seq, "links": strconv.FormatInt(hc.Links, 10)}))
		return false, nil
	}
	fmt.Fprintln(env.Stdout, env.t("cli.head_holds", map[string]string{"seq": seq, "added": strconv.FormatInt(hc.Added, 10)}))
	for _, r := range hc.After {
		key := "cli.head_change"
		if r.Kind == "voucher" {
			key = "cli.head_voucher"
		}
		fmt.Fprintln(env.Stdout, "  "+env.t(key, map[string]string{"seq": strconv.FormatInt(r.Seq, 10), "date": r.Date, "what": r.What}))
	}
	if more := hc.Added - int64(len(hc.After)); more > 0 {
		fmt.Fprintln(env.Stdout, "  "+env.t("cli.head_more", map[string]string{"more": strconv.FormatInt(more, 10)}))
	}
	return true, nil
}
