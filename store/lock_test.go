package store_test

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// Tests that need a second process re-run this test binary with childRole set: it then runs
// TestHelperProcess as that role, on the ledger named by childLedger, and nothing else.
const (
	childRole   = "JIAYUAN_STORE_CHILD"
	childLedger = "JIAYUAN_STORE_CHILD_LEDGER"
	childBackup = "JIAYUAN_STORE_CHILD_BACKUPS"
)

func TestHelperProcess(t *testing.T) {
	role := os.Getenv(childRole)
	if role == "" {
		t.Skip("the second process of the lock and crash tests")
	}
	path := os.Getenv(childLedger)
	switch role {
	case "hold":
		holdChild(path)
	case "try":
		tryChild(path)
	case "crash":
		crashChild(path, os.Getenv(childBackup))
	default:
		fmt.Println("unknown role", role)
		os.Exit(2)
	}
	os.Exit(0)
}

// holdChild opens the ledger for writing and posts a voucher every 10 ms until its stdin closes.
func holdChild(path string) {
	s, err := store.Open(path, store.Options{})
	if err != nil {
		fmt.Println("refused", ledger.KeyOf(err), err)
		os.Exit(3)
	}
	fmt.Println("ready")
	eof := make(chan struct{})
	go func() { io.Copy(io.Discard, os.Stdin); close(eof) }()
	for {
		select {
		case <-eof:
			s.Close()
			fmt.Println("closed")
			return
		case <-time.After(10 * time.Millisecond):
		}
		v, err := s.PostVoucher(store.VoucherInput{Book: ledger.BookFund, Date: "2024-02-01", Summary: "手续费",
			Lines: []store.LineInput{line("5002", "0.01"), line("1001", "-0.01")}})
		if err != nil {
			fmt.Println("error", err)
			os.Exit(4)
		}
		fmt.Println("posted", v.ID)
	}
}

// tryChild says whether it may write, and what it reads read-only.
func tryChild(path string) {
	s, err := store.Open(path, store.Options{})
	if err != nil {
		var le *ledger.Error
		if errors.As(err, &le) {
			fmt.Println("write", le.Key, le.Args["pid"])
		} else {
			fmt.Println("write error", err)
		}
	} else {
		fmt.Println("write ok")
		s.Close()
	}
	ro, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		fmt.Println("read", ledger.KeyOf(err), err)
		return
	}
	defer ro.Close()
	h, err := ro.ChainHead()
	fmt.Println("read ok", h.Seq, err)
}

// child is a second process running a role on a ledger.
type child struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	lines chan string
	done  chan struct{} // closed when its stdout ends
}

func startChild(t *testing.T, role, path string, env ...string) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
	cmd.Env = append(append(os.Environ(), childRole+"="+role, childLedger+"="+path), env...)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &child{cmd: cmd, stdin: stdin, lines: make(chan string, 1<<16), done: make(chan struct{})}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			c.lines <- sc.Text()
		}
		close(c.done)
	}()
	return c
}

// expect waits for a line starting with prefix and returns it.
func (c *child) expect(t *testing.T, prefix string) string {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case l := <-c.lines:
			if strings.HasPrefix(l, prefix) {
				return l
			}
		case <-c.done:
			select {
			case l := <-c.lines:
				if strings.HasPrefix(l, prefix) {
					return l
				}
				continue
			default:
			}
			t.Fatalf("the child ended without saying %q", prefix)
		case <-timeout:
			t.Fatalf("the child did not say %q", prefix)
		}
	}
}

// runTry runs the "try" role to its end and returns its two lines.
func runTry(t *testing.T, path string) (write, read string) {
	t.Helper()
	c := startChild(t, "try", path)
	write = c.expect(t, "write")
	read = c.expect(t, "read")
	c.cmd.Wait()
	return write, read
}

func TestOneWriterAcrossProcesses(t *testing.T) {
	f := mustCreate(t)
	f.depositAll("2024-01-05")
	dir := t.TempDir()
	b, err := f.s.Backup(dir)
	if err != nil {
		t.Fatal(err)
	}

	// While this process writes, another may read but not write. Two stores of one process
	// share the lock (a window reopening its ledger).
	second, err := store.Open(f.path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pid := strconv.Itoa(os.Getpid())
	if w, r := runTry(t, f.path); w != "write ledger.locked "+pid || !strings.HasPrefix(r, "read ok") {
		t.Errorf("another process while this one writes: %q, %q", w, r)
	}
	second.Close()
	if w, _ := runTry(t, f.path); w != "write ledger.locked "+pid {
		t.Errorf("the lock went with the first of two stores: %q", w)
	}
	f.s.Close()
	if _, err := os.Stat(store.LockPath(f.path)); err == nil {
		t.Error("the lock file was left after the last store closed")
	}
	if w, _ := runTry(t, f.path); w != "write ok" {
		t.Errorf("after this process closed the ledger: %q", w)
	}

	// Another process writes: this one is refused with the holder named, and reads meanwhile.
	c := startChild(t, "hold", f.path)
	c.expect(t, "ready")
	_, err = store.Open(f.path, store.Options{})
	var le *ledger.Error
	if !errors.As(err, &le) || le.Key != "ledger.locked" || le.Args["pid"] != strconv.Itoa(c.cmd.Process.Pid) || le.Args["since"] == "?" {
		t.Fatalf("want ledger.locked naming process %d, got %v", c.cmd.Process.Pid, err)
	}
	if _, err := store.Restore(f.path, b.Path, dir); ledger.KeyOf(err) != "ledger.locked" {
		t.Errorf("restore while another process writes: %v", err)
	}
	ro, err := store.Open(f.path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only while another process writes: %v", err)
	}
	h1, _ := ro.ChainHead()
	// The child posts every 10 ms from "ready" on, so "posted" lines printed before h1 was read
	// may still wait in the pipe: read on until one comes after a new head (or 50 have).
	var h2 store.ChainHead
	for i := 0; i < 50 && h2.Seq <= h1.Seq; i++ {
		c.expect(t, "posted")
		h2, _ = ro.ChainHead()
	}
	if h2.Seq <= h1.Seq {
		t.Errorf("the reader does not see the writer's vouchers: #%d then #%d", h1.Seq, h2.Seq)
	}
	if res, err := ro.Verify(); err != nil || !res.OK {
		t.Errorf("verify beside a writer: %v %v", err, res.Problem)
	}
	ro.Close()

	// The writer is killed: the operating system lets go of its lock.
	c.cmd.Process.Kill()
	c.cmd.Wait()
	s, err := store.Open(f.path, store.Options{})
	if err != nil {
		t.Fatalf("after the writer was killed: %v", err)
	}
	if p := s.Damage(); p != nil {
		t.Fatal(p)
	}
	f.s = s
	f.verifyOK()
	f.s.Close()

	// A writer that closes properly leaves no lock file behind.
	c = startChild(t, "hold", f.path)
	c.expect(t, "ready")
	c.expect(t, "posted")
	c.stdin.Close()
	c.expect(t, "closed")
	if err := c.cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(store.LockPath(f.path)); err == nil {
		t.Error("the lock file was left after the writer closed")
	}
	f.reopen()
	f.verifyOK()
}
