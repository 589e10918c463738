// Package i18n holds the messages the Go side shows to people — refusals, CLI output — in
// zh-CN (the default) and en. Keys are the same ones the core returns in ledger.Error.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

//go:embed messages/*.json
var files embed.FS

// Lang is a language tag the app supports.
type Lang string

const (
	ZH Lang = "zh-CN"
	EN Lang = "en"
)

// Catalog maps language to key to message. Placeholders are written {name}.
type Catalog map[Lang]map[string]string

// Load reads the embedded catalogs: every messages/AREA.LANG.json, one file per area of the
// app so that areas grow their messages independently. A key defined twice is an error.
// It fails only if the embedded files are broken, which a test catches.
func Load() (Catalog, error) {
	c := Catalog{}
	for _, l := range []Lang{ZH, EN} {
		names, err := fs.Glob(files, "messages/*."+string(l)+".json")
		if err != nil || len(names) == 0 {
			return nil, fmt.Errorf("i18n: no catalog for %s", l)
		}
		c[l] = map[string]string{}
		for _, name := range names {
			b, err := files.ReadFile(name)
			if err != nil {
				return nil, err
			}
			m := map[string]string{}
			if err := json.Unmarshal(b, &m); err != nil {
				return nil, fmt.Errorf("i18n: %s: %w", name, err)
			}
			for k, v := range m {
				if _, dup := c[l][k]; dup {
					return nil, fmt.Errorf("i18n: %s: key %q defined twice", name, k)
				}
				c[l][k] = v
			}
		}
	}
	return c, nil
}

// MustLoad is Load for program start-up.
func MustLoad() Catalog {
	c, err := Load()
	if err != nil {
		panic(err)
	}
	return c
}

// For returns the catalog as one surface of the app reads it: a message written for it as
// KEY@SURFACE (e.g. "import.header_not_found@cli", which names the command's flags) takes the
// place of KEY's, which is worded for the window. Other keys are as they are.
func (c Catalog) For(surface string) Catalog {
	suffix := "@" + surface
	out := make(Catalog, len(c))
	for l, m := range c {
		v := make(map[string]string, len(m))
		for k, msg := range m {
			if !strings.Contains(k, "@") {
				v[k] = msg
			}
		}
		for k, msg := range m {
			if base, ok := strings.CutSuffix(k, suffix); ok {
				v[base] = msg
			}
		}
		out[l] = v
	}
	return out
}

// Has reports whether key has a message in every language.
func (c Catalog) Has(key string) bool {
	for _, m := range c {
		if _, ok := m[key]; !ok {
			return false
		}
	}
	return len(c) > 0
}

// T translates key with args into lang, falling back to zh-CN, then to the key itself.
func (c Catalog) T(lang Lang, key string, args map[string]string) string {
	msg, ok := c[lang][key]
	if !ok {
		msg, ok = c[ZH][key]
	}
	if !ok {
		msg = key
	}
	if len(args) == 0 {
		return msg
	}
	keys := make([]string, 0, len(args))
	for k := range args {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	pairs := make([]string, 0, 2*len(keys))
	for _, k := range keys {
		pairs = append(pairs, "{"+k+"}", c.argText(lang, k, args[k]))
	}
	return strings.NewReplacer(pairs...).Replace(msg)
}

// bookArgs are the arguments that name one of the three books: the core refuses with the book's
// code ("fund"), the user reads its name ("专项维修资金").
var bookArgs = map[string]bool{"book": true, "voucherBook": true, "from": true, "to": true}

// codeArgs are arguments that carry a code with a name in the catalog under a prefix: what a
// resolution decides ("allocation" → "拨付工作经费"), who decided it, and the record a message
// names ("replenishment case" → record.replenishment_case → 续筹事项), so no message mixes in
// the core's English names.
var codeArgs = map[string]string{"purpose": "purpose.", "need": "purpose.", "body": "body.", "what": "record."}

// argText is an argument as the user reads it: a book's code becomes its name in lang.
func (c Catalog) argText(lang Lang, name, value string) string {
	if prefix, ok := codeArgs[name]; ok {
		key := prefix + strings.ReplaceAll(value, " ", "_")
		if n, ok := c[lang][key]; ok {
			return n
		}
		if n, ok := c[ZH][key]; ok {
			return n
		}
		return value
	}
	if !bookArgs[name] {
		return value
	}
	switch value {
	case "fund", "public", "working":
		if n, ok := c[lang]["book."+value]; ok {
			return n
		}
		if n, ok := c[ZH]["book."+value]; ok {
			return n
		}
	}
	return value
}

// Keys returns the keys of one language, sorted.
func (c Catalog) Keys(lang Lang) []string {
	keys := make([]string, 0, len(c[lang]))
	for k := range c[lang] {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// ParseLang maps a user's setting to a supported language (zh-CN by default).
func ParseLang(s string) Lang {
	if strings.HasPrefix(strings.ToLower(s), "en") {
		return EN
	}
	return ZH
}
