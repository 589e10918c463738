package store_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// "Lose nothing that was saved": a second process posts vouchers as fast as it can — fund
// deposits with their per-unit lines, public income, transfers (two vouchers in one
// transaction), new owners (master data), and now and then its automatic backup — and prints
// each id only after the call returned. This process kills it (SIGKILL on Linux,
// TerminateProcess on Windows) at a random moment, again and again, and after each kill opens
// the file: it must open for writing (the lock died with the process), pass the check at open,
// hold every voucher whole or not at all, and hold every voucher the child reported. Every
// few kills, and at the end, Verify checks everything.
//
// go test runs crashKillsDefault kills (about 10 s), or as many as fit in crashBudget on a
// busy machine (at least 20); JIAYUAN_CRASH_KILLS=500 runs that many, however long. A kill
// is not a power cut: what the disk holds when the power goes is what synchronous=FULL is for
// (see dsn in store.go), and no test here can cut the power.

const (
	crashKillsDefault = 100
	crashBudget       = 15 * time.Second
)

func TestCrashLosesNothingSaved(t *testing.T) {
	kills, budget := crashKillsDefault, crashBudget
	if testing.Short() {
		kills = 20
	}
	if s := os.Getenv("JIAYUAN_CRASH_KILLS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("JIAYUAN_CRASH_KILLS=%q", s)
		}
		kills, budget = n, 0
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("JIAYUAN_CRASH_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("%d kills, JIAYUAN_CRASH_SEED=%d", kills, seed)
	rng := rand.New(rand.NewPCG(seed, 1))

	f := mustCreate(t)
	f.depositAll("2024-01-05") // the fund at 100%: no rule stands in the way of the child's vouchers
	f.s.Close()
	backups := t.TempDir()

	reported := map[int64]bool{} // voucher ids the child said were posted
	owners := map[int64]bool{}
	var midPosting, inStartup, backupsMade, unreported int
	start := time.Now()
	for k := 1; k <= kills; k++ {
		if budget > 0 && k > 20 && time.Since(start) > budget {
			t.Logf("time budget spent: %d kills of %d", k-1, kills)
			kills = k - 1
			checkAfterCrash(t, kills, f.path, reported, owners, true)
			break
		}
		c := startChild(t, "crash", f.path, childBackup+"="+backups)
		// Most kills land while it posts; some while it starts, opens and checks the file.
		var delay time.Duration
		if rng.IntN(4) == 0 {
			delay = time.Duration(rng.IntN(40_000)) * time.Microsecond
			inStartup++
		} else {
			c.expect(t, "ready")
			delay = time.Duration(rng.IntN(60_000)) * time.Microsecond
			midPosting++
		}
		time.Sleep(delay)
		c.cmd.Process.Kill()
		<-c.done
		err := c.cmd.Wait()
		close(c.lines)
		var out []string
		for l := range c.lines {
			out = append(out, l)
			fields := strings.Fields(l)
			if len(fields) < 2 {
				continue
			}
			switch fields[0] {
			case "V", "T":
				for _, id := range fields[1:] {
					n, _ := strconv.ParseInt(id, 10, 64)
					reported[n] = true
				}
			case "O":
				n, _ := strconv.ParseInt(fields[1], 10, 64)
				owners[n] = true
			case "B":
				backupsMade++
			case "E":
				t.Fatalf("kill %d: the child failed: %s", k, l)
			}
		}
		if ee, ok := err.(*exec.ExitError); !ok || (ee.Exited() && runtime.GOOS != "windows") { // Windows: exit code 1
			t.Fatalf("kill %d: the child ended by itself (%v):\n%s", k, err, strings.Join(out, "\n"))
		}
		unreported += checkAfterCrash(t, k, f.path, reported, owners, k%20 == 0 || k == kills)
	}
	var vouchers int
	for range reported {
		vouchers++
	}
	t.Logf("%d kills (%d mid-posting, %d during start-up) in %s: %d vouchers posted, every one reported still there "+
		"(%d committed but killed before it was reported); %d automatic backups",
		kills, midPosting, inStartup, time.Since(start).Round(time.Millisecond), vouchers, unreported, backupsMade)

	// every backup that has its name is whole and verifies
	list, err := store.ListBackups(backups)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range list {
		s, err := store.Open(b.Path, store.Options{ReadOnly: true})
		if err != nil {
			t.Fatalf("backup %s: %v", filepath.Base(b.Path), err)
		}
		res, err := s.Verify()
		s.Close()
		if err != nil || !res.OK || res.Head.Seq != b.Seq {
			t.Fatalf("backup %s: %v %v head #%d", filepath.Base(b.Path), err, res.Problem, res.Head.Seq)
		}
	}
	parts, _ := filepath.Glob(filepath.Join(backups, ".*.part"))
	t.Logf("%d backups kept, all verify; %d half-written copies left by kills (never under a backup's name)", len(list), len(parts))
}

// checkAfterCrash opens the ledger after a kill and checks it. It returns how many vouchers
// are there that the child had not yet reported (killed between the commit and the print).
func checkAfterCrash(t *testing.T, k int, path string, reported, owners map[int64]bool, full bool) (unreported int) {
	t.Helper()
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatalf("kill %d: cannot open for writing after the kill: %v", k, err)
	}
	defer s.Close()
	if p := s.Damage(); p != nil {
		t.Fatalf("kill %d: the check at open fails: %s", k, p)
	}
	db := s.DB()
	present := map[int64]bool{}
	rows, err := db.Query(`SELECT id FROM vouchers`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		present[id] = true
	}
	rows.Close()
	for id := range reported {
		if !present[id] {
			t.Fatalf("kill %d: voucher %d was reported posted and is gone", k, id)
		}
	}
	for id := range present {
		if !reported[id] {
			unreported++
			reported[id] = true // from now on it was saved: it must stay
		}
	}
	for id := range owners {
		var n int
		db.QueryRow(`SELECT count(*) FROM owners WHERE id = ?`, id).Scan(&n)
		if n != 1 {
			t.Fatalf("kill %d: owner %d was reported added and is gone", k, id)
		}
	}
	// whole or absent: every voucher has its lines, balanced; every per-unit line its
	// sub-account lines, summing to it; every transfer both its vouchers; the chain covers all
	for what, q := range map[string]string{
		"a voucher without balanced lines": `SELECT v.id FROM vouchers v WHERE (SELECT count(*) FROM postings p WHERE p.voucher_id = v.id) < 2
			OR (SELECT SUM(amount_fen) FROM postings p WHERE p.voucher_id = v.id) <> 0 LIMIT 1`,
		"a per-unit line whose unit lines do not match": `SELECT p.voucher_id FROM postings p JOIN accounts a ON a.id = p.account_id WHERE a.per_unit = 1
			GROUP BY p.voucher_id, p.account_id
			HAVING SUM(p.amount_fen) + COALESCE((SELECT SUM(e.amount_fen) FROM unit_entries e WHERE e.voucher_id = p.voucher_id AND e.account_id = p.account_id), 0) <> 0 LIMIT 1`,
		"unit lines without their posting": `SELECT e.voucher_id FROM unit_entries e WHERE NOT EXISTS
			(SELECT 1 FROM postings p WHERE p.voucher_id = e.voucher_id AND p.account_id = e.account_id) LIMIT 1`,
		"half a transfer":             `SELECT transfer_group FROM vouchers WHERE kind = 'transfer' GROUP BY transfer_group HAVING count(*) <> 2 LIMIT 1`,
		"a voucher outside the chain": `SELECT v.id FROM vouchers v WHERE NOT EXISTS (SELECT 1 FROM chain c WHERE c.kind = 'voucher' AND c.ref_id = v.id) LIMIT 1`,
	} {
		var id int64
		if err := db.QueryRow(q).Scan(&id); err == nil {
			t.Fatalf("kill %d: %s: %d", k, what, id)
		}
	}
	if full {
		res, err := s.Verify()
		if err != nil || !res.OK {
			t.Fatalf("kill %d: verify: %v %v", k, err, res.Problem)
		}
	}
	return unreported
}

// crashChild posts until it is killed, printing what it saved only once saved.
func crashChild(path, backups string) {
	fail := func(what string, err error) {
		fmt.Println("E", what, err)
		os.Exit(3)
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		fail("open", err)
	}
	if p := s.Damage(); p != nil {
		fail("check at open", fmt.Errorf("%s", p))
	}
	var units []int64
	rows, err := s.DB().Query(`SELECT id FROM units ORDER BY id`)
	if err != nil {
		fail("units", err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		units = append(units, id)
	}
	rows.Close()
	// allocations to working expenses cite the assembly's resolution (R8): the first child records it
	var alloc int64
	s.DB().QueryRow(`SELECT id FROM resolution_terms WHERE purpose = 'allocation' ORDER BY id LIMIT 1`).Scan(&alloc)
	if alloc == 0 {
		area, owners, err := s.AssemblyScope(0)
		if err != nil {
			fail("scope", err)
		}
		if alloc, err = s.RecordResolution(store.ResolutionInput{Body: ledger.BodyAssembly, Purpose: ledger.PurposeAllocation, Date: "2024-01-01",
			Subject: "拨付工作经费", PartArea: area, PartOwners: owners, AgreeArea: area, AgreeOwners: owners}); err != nil {
			fail("resolution", err)
		}
	}
	rng := rand.New(rand.NewPCG(uint64(os.Getpid()), uint64(time.Now().UnixNano())))
	fen := func(n int) ledger.Money { return ledger.Fen(int64(1 + rng.IntN(n))) }
	fmt.Println("ready")
	for i := 0; ; i++ {
		switch i % 6 {
		case 0, 1: // deposits, split over the units
			var total ledger.Money
			var splits []store.UnitSplit
			for _, u := range units {
				a := fen(5000)
				total = total.Add(a)
				splits = append(splits, store.UnitSplit{UnitID: u, Amount: a})
			}
			v, err := s.PostVoucher(store.VoucherInput{Book: ledger.BookFund, Date: "2024-03-01", Summary: "续交",
				Lines:  []store.LineInput{{AccountCode: "1001", Amount: total}, {AccountCode: "4001", Amount: total.Neg()}},
				Splits: splits})
			if err != nil {
				fail("deposit", err)
			}
			fmt.Println("V", v.ID)
		case 2: // public income
			a := fen(100000)
			v, err := s.PostVoucher(store.VoucherInput{Book: ledger.BookPublic, Date: "2024-03-01", Summary: "停车费收入",
				Lines: []store.LineInput{{AccountCode: "1001", Amount: a}, {AccountCode: "4001", Amount: a.Neg()}}})
			if err != nil {
				fail("income", err)
			}
			fmt.Println("V", v.ID)
		case 3: // a transfer: two vouchers in one transaction; to the fund it splits by area
			to := ledger.BookFund
			if rng.IntN(2) == 0 {
				to = ledger.BookWorking
			}
			out, in, err := s.Transfer(store.TransferInput{From: ledger.BookPublic, To: to, Date: "2024-03-01", Amount: fen(100), ResolutionID: alloc})
			if err != nil {
				fail("transfer", err)
			}
			fmt.Println("T", out.ID, in.ID)
		case 4: // master data
			id, err := s.AddOwner(store.Owner{Name: fmt.Sprintf("业主%d", rng.IntN(1_000_000))})
			if err != nil {
				fail("owner", err)
			}
			fmt.Println("O", id)
		case 5: // a fee
			a := fen(100)
			v, err := s.PostVoucher(store.VoucherInput{Book: ledger.BookFund, Date: "2024-03-01", Summary: "手续费",
				Lines: []store.LineInput{{AccountCode: "5002", Amount: a}, {AccountCode: "1001", Amount: a.Neg()}}})
			if err != nil {
				fail("fee", err)
			}
			fmt.Println("V", v.ID)
		}
		if backups != "" && i%12 == 2 {
			b, made, err := s.AutoBackup(backups)
			if err != nil {
				fail("backup", err)
			}
			if made {
				fmt.Println("B", b.Path)
			}
		}
	}
}
