package ledger

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

func TestCanonicalFormIsPinned(t *testing.T) {
	// Changing this form would break every existing ledger's chain: this test must not be
	// "fixed" by updating the expectation.
	var c Canon
	c.Str("kind", "voucher").Int("amount", -1050)
	want := "kind=7:voucher\namount=5:-1050\n"
	if got := string(c.Bytes()); got != want {
		t.Fatalf("canonical form = %q, want %q", got, want)
	}
	if got := c.Digest(); got != "ee9ac893fe600895c6a79961c445bc57cabe8511434bc18861ecf55067de63c5" {
		t.Fatalf("Digest = %s", got)
	}
	sum := sha256.Sum256([]byte(want))
	if c.Digest() != hex.EncodeToString(sum[:]) {
		t.Fatal("Digest is not the SHA-256 of the canonical form")
	}
}

func TestCanonLengthPrefixesValuesInBytes(t *testing.T) {
	var c Canon
	c.Str("summary", "首期")
	if got := string(c.Bytes()); got != "summary=6:首期\n" {
		t.Fatalf("form = %q", got)
	}
}

func TestCanonIsInjectiveForTrickyPairs(t *testing.T) {
	build := func(f func(c *Canon)) []byte {
		var c Canon
		f(&c)
		return append([]byte(nil), c.Bytes()...)
	}
	pairs := []struct {
		name string
		a, b func(c *Canon)
	}{
		{`"a"+"bc" vs "ab"+"c"`,
			func(c *Canon) { c.Str("f", "a").Str("g", "bc") },
			func(c *Canon) { c.Str("f", "ab").Str("g", "c") }},
		{"a value holding the next field vs two fields",
			func(c *Canon) { c.Str("a", "1\nb=1:x") },
			func(c *Canon) { c.Str("a", "1").Str("b", "x") }},
		{"empty value vs no field",
			func(c *Canon) { c.Str("a", "") },
			func(c *Canon) {}},
		{"empty value then field vs field",
			func(c *Canon) { c.Str("a", "").Str("a", "x") },
			func(c *Canon) { c.Str("a", "x") }},
		{"values swapped between fields",
			func(c *Canon) { c.Str("debit", "1").Str("credit", "2") },
			func(c *Canon) { c.Str("debit", "2").Str("credit", "1") }},
		{"fields reordered",
			func(c *Canon) { c.Str("a", "1").Str("b", "2") },
			func(c *Canon) { c.Str("b", "2").Str("a", "1") }},
		{"integers 12,3 vs 1,23",
			func(c *Canon) { c.Int("n", 12).Int("n", 3) },
			func(c *Canon) { c.Int("n", 1).Int("n", 23) }},
		{"negative vs positive",
			func(c *Canon) { c.Int("amount", -5) },
			func(c *Canon) { c.Int("amount", 5) }},
		{"a value that looks like a length prefix",
			func(c *Canon) { c.Str("a", "3:abc") },
			func(c *Canon) { c.Str("a", "abc") }},
		{"trailing space",
			func(c *Canon) { c.Str("memo", "x ") },
			func(c *Canon) { c.Str("memo", "x") }},
	}
	for _, p := range pairs {
		t.Run(p.name, func(t *testing.T) {
			a, b := build(p.a), build(p.b)
			if bytes.Equal(a, b) {
				t.Fatalf("both give %q", a)
			}
			var ca, cb Canon
			p.a(&ca)
			p.b(&cb)
			if ca.Digest() == cb.Digest() {
				t.Fatal("same digest")
			}
		})
	}
}

func TestCanonResetStartsAfresh(t *testing.T) {
	var c Canon
	c.Str("a", "old").Int("n", 1)
	c.Reset()
	if len(c.Bytes()) != 0 {
		t.Fatalf("after Reset: %q", c.Bytes())
	}
	c.Str("a", "new")
	var fresh Canon
	fresh.Str("a", "new")
	if c.Digest() != fresh.Digest() {
		t.Fatal("a reset builder differs from a fresh one")
	}
	var empty Canon
	if empty.Digest() != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" {
		t.Fatal("empty digest is not SHA-256 of nothing")
	}
}

func TestLinkHashIsPinned(t *testing.T) {
	digest := "ee9ac893fe600895c6a79961c445bc57cabe8511434bc18861ecf55067de63c5"
	got := LinkHash(GenesisHash, 1, "voucher", 42, digest)
	if got != "5e3109d875ef10ac7f0068b596317415fee1547fe3d46bd193d5536d4d172bcd" {
		t.Fatalf("LinkHash = %s", got)
	}
	if len(GenesisHash) != 64 || strings.Trim(GenesisHash, "0") != "" {
		t.Fatalf("GenesisHash = %q", GenesisHash)
	}
}

func TestLinkHashChangesWithAnyInput(t *testing.T) {
	type link struct {
		prev   string
		seq    int64
		kind   string
		ref    int64
		digest string
	}
	digest := strings.Repeat("ab", 32)
	base := link{GenesisHash, 1, "voucher", 42, digest}
	variants := []link{
		base,
		{"1" + GenesisHash[1:], 1, "voucher", 42, digest},
		{"", 1, "voucher", 42, digest},
		{GenesisHash, 2, "voucher", 42, digest},
		{GenesisHash, 0, "voucher", 42, digest},
		{GenesisHash, -1, "voucher", 42, digest},
		{GenesisHash, 1, "unit", 42, digest},
		{GenesisHash, 1, "Voucher", 42, digest},
		{GenesisHash, 1, "", 42, digest},
		{GenesisHash, 1, "voucher", 43, digest},
		{GenesisHash, 1, "voucher", 0, digest},
		{GenesisHash, 1, "voucher", 42, "ac" + digest[2:]},
		{GenesisHash, 1, "voucher", 42, ""},
		// numbers moved between fields
		{GenesisHash, 14, "voucher", 2, digest},
		{GenesisHash, 12, "voucher", 4, digest},
		// text moved between fields
		{GenesisHash, 1, "voucher" + digest[:2], 42, digest[2:]},
	}
	seen := map[string]int{}
	for i, v := range variants {
		h := LinkHash(v.prev, v.seq, v.kind, v.ref, v.digest)
		if len(h) != 64 {
			t.Fatalf("variant %d: hash %q is not 64 hex digits", i, h)
		}
		if j, dup := seen[h]; dup {
			t.Fatalf("variants %d and %d hash alike: %+v, %+v", j, i, variants[j], v)
		}
		seen[h] = i
		if again := LinkHash(v.prev, v.seq, v.kind, v.ref, v.digest); again != h {
			t.Fatalf("variant %d: LinkHash is not deterministic", i)
		}
	}
}

func TestAChainDetectsAChangedRecord(t *testing.T) {
	records := []string{"首期交存 1-101 1000.00", "利息 12.34", "维修 电梯 -5000.00"}
	chain := func(recs []string) []string {
		prev := GenesisHash
		var out []string
		for i, r := range recs {
			var c Canon
			c.Str("record", r)
			prev = LinkHash(prev, int64(i+1), "voucher", int64(i+1), c.Digest())
			out = append(out, prev)
		}
		return out
	}
	orig := chain(records)
	changed := append([]string(nil), records...)
	changed[1] = "利息 12.35"
	alt := chain(changed)
	if alt[0] != orig[0] {
		t.Fatal("a link before the change moved")
	}
	for i := 1; i < len(orig); i++ {
		if alt[i] == orig[i] {
			t.Fatalf("link %d did not change after record 2 changed", i+1)
		}
	}
}

func TestShortHash(t *testing.T) {
	h := strings.Repeat("0123456789abcdef", 4)
	cases := map[string]string{h: "0123456789ab", "0123456789ab": "0123456789ab", "abc": "abc", "": ""}
	for in, want := range cases {
		if got := ShortHash(in); got != want {
			t.Errorf("ShortHash(%q) = %q, want %q", in, got, want)
		}
	}
}
