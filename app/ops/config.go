package ops

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
)

// Config is what the app remembers between runs, kept as JSON in the user's data folder.
type Config struct {
	Recent   []string `json:"recent"`   // ledger files, most recent first
	Language string   `json:"language"` // zh-CN or en
	UserName string   `json:"userName"` // who the change log names
	// Window is the main window's size and position when it was last closed (nil: never).
	Window *WindowPlacement `json:"window,omitempty"`
	// Where the user keeps ledgers and backups; empty means the default (see Locations).
	LedgersDir string `json:"ledgersDir,omitempty"` // the new-ledger dialog starts here
	BackupsDir string `json:"backupsDir,omitempty"` // backups are written here
}

// WindowPlacement is where the window was: its normal (not maximised) size and position, and
// whether it was maximised.
type WindowPlacement struct {
	X         int  `json:"x"`
	Y         int  `json:"y"`
	Width     int  `json:"width"`
	Height    int  `json:"height"`
	Maximised bool `json:"maximised"`
}

// ConfigStore reads and writes the config file; safe for concurrent bound calls.
type ConfigStore struct {
	mu   sync.Mutex
	dir  string
	path string
}

// DataDir is where the app keeps its config and the demo ledger: $JIAYUAN_DATA_DIR, else the
// user's config folder.
func DataDir() string {
	if d := os.Getenv("JIAYUAN_DATA_DIR"); d != "" {
		return d
	}
	if d, err := os.UserConfigDir(); err == nil {
		return filepath.Join(d, "jiayuan")
	}
	return filepath.Join(os.TempDir(), "jiayuan")
}

// NewConfigStore uses dir for the config file.
func NewConfigStore(dir string) *ConfigStore {
	return &ConfigStore{dir: dir, path: filepath.Join(dir, "config.json")}
}

// Dir is the folder the config file is in.
func (c *ConfigStore) Dir() string { return c.dir }

// BackupsDir is where this config's backups go: the folder the user chose, else backups/
// beside the config file (DataDir()/backups for the app, as BackupsDirOrDefault says; a test's
// own folder in tests).
func (c *ConfigStore) BackupsDir() string {
	if d := c.Load().BackupsDir; d != "" {
		return d
	}
	return filepath.Join(c.dir, "backups")
}

// Load reads the config; a missing or unreadable file gives the defaults.
func (c *ConfigStore) Load() Config {
	c.mu.Lock()
	defer c.mu.Unlock()
	var cfg Config
	if b, err := os.ReadFile(c.path); err == nil {
		_ = json.Unmarshal(b, &cfg)
	}
	if cfg.Language == "" {
		cfg.Language = "zh-CN"
	}
	return cfg
}

// Update changes the config with fn and writes it atomically (temp file, then rename).
func (c *ConfigStore) Update(fn func(*Config)) error {
	cfg := c.Load()
	fn(&cfg)
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return err
	}
	b, _ := json.MarshalIndent(cfg, "", "  ")
	tmp := c.path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, c.path)
}

// AddRecent puts path first in the recent list, at most ten.
func AddRecent(list []string, path string) []string {
	out := []string{path}
	for _, p := range list {
		if p != path && len(out) < 10 {
			out = append(out, p)
		}
	}
	return out
}

// LedgersDirOrDefault is where a new ledger is saved unless the user picks another folder: the
// folder of the last ledger the user saved or opened outside the app's data folder, else the
// user's Documents folder (DocumentsDir).
func (c Config) LedgersDirOrDefault() string {
	if c.LedgersDir != "" {
		return c.LedgersDir
	}
	return DocumentsDir()
}

// BackupsDirOrDefault is where backups go: the user's choice, else DataDir()/backups. The
// window and `jiayuan backup` both write there.
func (c Config) BackupsDirOrDefault() string {
	if c.BackupsDir != "" {
		return c.BackupsDir
	}
	return filepath.Join(DataDir(), "backups")
}

// DocumentsDir is where new ledgers are saved by default: the user's Documents folder (the
// test data folder when $JIAYUAN_DATA_DIR is set, so that tests never write elsewhere).
func DocumentsDir() string {
	if d := os.Getenv("JIAYUAN_DATA_DIR"); d != "" {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return DataDir()
	}
	for _, name := range []string{"Documents", "文档", "My Documents"} {
		if fi, err := os.Stat(filepath.Join(home, name)); err == nil && fi.IsDir() {
			return filepath.Join(home, name)
		}
	}
	return home
}
