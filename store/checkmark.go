package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
)

// The mark of a clean check. SQLite's quick_check reads every page of the file: 0.2 s on the
// 48 MB ledger of a 5,000-unit community, most of the time the window takes to open it. So
// OpenChecked keeps, in the ledger's backups folder, a mark of the file as it was when it last
// passed the check: its size, modification time, the platform's identity of the file (inode
// and change time on Linux and macOS, creation time on Windows), the state of its WAL, its
// SQLite header and its chain head. An open that finds the file exactly so runs the cheap
// checks (the chain's newest link, the record counts) and not quick_check again.
//
// Whatever writes to the file changes its modification or change time: another program, a
// torn copy, a restore by hand, a sync tool putting back an older copy (a new inode or
// creation time), a crash that leaves a WAL behind. Then the mark no longer fits and the full
// check runs. A store that wrote records the mark only when it closes, after checking the file
// again, so an outside write during a session cannot be covered by its own later writes.
// Verify always checks everything (integrity_check), whatever the mark.

// fileState is what identifies the bytes of a ledger file without reading them all.
type fileState struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	MTime  int64  `json:"mtime"` // ns
	Sys    string `json:"sys"`   // platform identity and change time (checkmark_*.go)
	WAL    string `json:"wal"`   // "" when there is no WAL or it is empty
	Header string `json:"header"`
	Seq    int64  `json:"seq"`
	Hash   string `json:"hash"`
}

// stateOf reads the file state of the ledger at path (without its chain head).
func stateOf(path string) (fileState, bool) {
	real := realPath(path)
	fi, err := os.Stat(real)
	if err != nil || !fi.Mode().IsRegular() {
		return fileState{}, false
	}
	st := fileState{Path: lockKey(real), Size: fi.Size(), MTime: fi.ModTime().UnixNano(), Sys: sysIdentity(fi)}
	if wi, err := os.Stat(real + "-wal"); err == nil && wi.Size() > 0 {
		b, _ := json.Marshal([]any{wi.Size(), wi.ModTime().UnixNano(), sysIdentity(wi)})
		st.WAL = string(b)
	}
	f, err := os.Open(real)
	if err != nil {
		return fileState{}, false
	}
	defer f.Close()
	h := make([]byte, 100) // the SQLite header: page size, change counter, schema cookie, …
	if _, err := io.ReadFull(f, h); err != nil {
		return fileState{}, false
	}
	sum := sha256.Sum256(h)
	st.Header = hex.EncodeToString(sum[:])
	return st, true
}

// markPath is the mark's file in dir: one per ledger path, as ledgers of one name in
// different folders share a backups folder.
func markPath(dir, key string) string {
	sum := sha256.Sum256([]byte(key))
	return filepath.Join(dir, ".checked-"+hex.EncodeToString(sum[:8])+".json")
}

// readMark returns the state recorded in dir for the ledger whose state is st.
func readMark(dir string, st fileState) (fileState, bool) {
	b, err := os.ReadFile(markPath(dir, st.Path))
	if err != nil {
		return fileState{}, false
	}
	var m fileState
	if json.Unmarshal(b, &m) != nil {
		return fileState{}, false
	}
	return m, true
}

// writeMark records st (with its chain head) as checked. Written beside and renamed, so a
// crash never leaves half a mark; a mark that cannot be written only costs the next open a
// full check.
func writeMark(dir string, st fileState) {
	if os.MkdirAll(dir, 0o755) != nil {
		return
	}
	b, _ := json.Marshal(st)
	p := markPath(dir, st.Path)
	tmp := p + ".tmp"
	if os.WriteFile(tmp, b, 0o644) != nil || os.Rename(tmp, p) != nil {
		os.Remove(tmp)
	}
}

// dropMark forgets the mark, once the file is found damaged.
func dropMark(dir, path string) {
	if dir != "" {
		os.Remove(markPath(dir, lockKey(realPath(path))))
	}
}

// sameFile reports whether a mark describes the file state st (chain head aside).
func (m fileState) sameFile(st fileState) bool {
	m.Seq, m.Hash = 0, ""
	return m == st
}
