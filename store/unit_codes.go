package store

import (
	"strings"
	"unicode"
)

// normText folds full-width letters and digits to ASCII and trims spaces, so that "１号" and
// "1号" name the same building.
func normText(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r >= '！' && r <= '～':
			b.WriteRune(r - '！' + '!')
		case r == '\u3000' || r == '\u00a0':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// BuildingCode is the form a building's number is kept in: "1", "1幢", "1栋", "1号楼" and "１号"
// are all "1号"; anything else is kept as written (trimmed, full-width folded).
func BuildingCode(s string) string {
	t := normText(s)
	core := t
	for _, suf := range []string{"号楼", "幢", "栋", "号", "楼"} {
		if strings.HasSuffix(core, suf) {
			core = strings.TrimSuffix(core, suf)
			break
		}
	}
	if core != "" && strings.IndexFunc(core, func(r rune) bool { return !unicode.IsDigit(r) }) < 0 {
		if n := strings.TrimLeft(core, "0"); n != "" {
			core = n
		} else {
			core = "0"
		}
		return core + "号"
	}
	return t
}

// RoomCode is the form a room number is compared in: trimmed, full-width folded, without a
// trailing 室 ("101室" is "101").
func RoomCode(s string) string {
	t := normText(s)
	if r := strings.TrimSuffix(t, "室"); r != "" {
		t = r
	}
	return t
}
