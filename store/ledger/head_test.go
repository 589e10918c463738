package ledger

import "testing"

func TestParsePrintedHead(t *testing.T) {
	for _, c := range []struct {
		in     string
		seq    int64
		prefix string
	}{
		{"#1024 a287203653d0", 1024, "a287203653d0"},
		{"  链头 #7 A287203653D0FF ", 7, "a287203653d0ff"},
		{"1024 a287203653d0", 1024, "a287203653d0"},
		{"链头：#3　0123456789ab", 3, "0123456789ab"},
	} {
		seq, p, err := ParsePrintedHead(c.in)
		if err != nil || seq != c.seq || p != c.prefix {
			t.Errorf("ParsePrintedHead(%q) = %d, %q, %v", c.in, seq, p, err)
		}
	}
	for _, in := range []string{"", "#1024", "#1024 a28720365", "#0 a287203653d0", "#-3 a287203653d0", "#x a287203653d0",
		"#12 a287203653dz", "#12 a287203653d0 extra"} {
		if _, _, err := ParsePrintedHead(in); KeyOf(err) != "head.invalid" {
			t.Errorf("ParsePrintedHead(%q): %v, want head.invalid", in, err)
		}
	}
}
