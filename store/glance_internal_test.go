package store

import (
	"path/filepath"
	"testing"

	"jiayuan/store/ledger"
)

// A glance (status) maps the file and is read-only like any reader; a plain reader does not
// map it, so the commands that read the whole file keep their memory small.
func TestAGlanceMapsTheFileAndOnlyReads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "小区 账本.jiayuan")
	s, err := Create(path, Community{Name: "测试小区", StartDate: "2024-01-01", Policy: ledger.DefaultPolicy()})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, c := range []struct {
		opt  Options
		mmap int64
	}{{Options{ReadOnly: true}, 0}, {Options{ReadOnly: true, Glance: true}, 1 << 30}, {Options{Glance: true}, 0}} {
		s, err := Open(path, c.opt)
		if err != nil {
			t.Fatal(err)
		}
		var mmap int64
		if err := s.db.Get(&mmap, `PRAGMA mmap_size`); err != nil || mmap != c.mmap {
			t.Errorf("%+v: mmap_size %d (%v), want %d", c.opt, mmap, err, c.mmap)
		}
		_, err = s.db.Exec(`UPDATE community SET name = 'x'`)
		if wrote := err == nil; wrote == c.opt.ReadOnly {
			t.Errorf("%+v: the connection wrote: %v (err %v)", c.opt, wrote, err)
		}
		s.Close()
	}
}
