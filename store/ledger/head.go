package ledger

import (
	"strconv"
	"strings"
)

// MinHeadHex is the fewest hex digits of a printed chain head that identify a link: the 12
// every footer prints (48 bits: no rewrite of a ledger finds a collision by chance).
const MinHeadHex = 12

// ParsePrintedHead reads a chain head as printed in a PDF footer — "#1024 a287203653d0",
// also with the footer's label ("链头 #1024 a287203653d0") or without the "#" — into its
// sequence number and hash prefix (lower case). Fewer than MinHeadHex hex digits, a missing
// sequence number or anything else is refused with head.invalid.
func ParsePrintedHead(s string) (seq int64, prefix string, err error) {
	t := strings.TrimSpace(strings.ReplaceAll(s, "\u3000", " "))
	t = strings.TrimSpace(strings.TrimPrefix(t, "链头"))
	t = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(t, "："), ":"))
	t = strings.TrimPrefix(t, "#")
	fields := strings.Fields(t)
	bad := Refuse("head.invalid", "input", s, "min", MinHeadHex)
	if len(fields) != 2 {
		return 0, "", bad
	}
	seq, e := strconv.ParseInt(fields[0], 10, 64)
	if e != nil || seq < 1 {
		return 0, "", bad
	}
	prefix = strings.ToLower(fields[1])
	if len(prefix) < MinHeadHex || len(prefix) > 64 {
		return 0, "", bad
	}
	for _, c := range prefix {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return 0, "", bad
		}
	}
	return seq, prefix, nil
}
