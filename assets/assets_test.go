package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// The sums recorded in fonts/README.md: a changed font changes every PDF's bytes, so it must
// be a deliberate update.
func TestFontsAreTheRecordedVersion(t *testing.T) {
	for name, c := range map[string]struct {
		data []byte
		sum  string
	}{
		"Regular": {FontRegular(), "d45f67f0a7c0ca3f256950777ce6a61cc7ce5f9696d02900cbbaac25f8aa7d16"},
		"Bold":    {FontBold(), "9a38ae0ab28cd5a256f9ea8e00dedc688aac17f7915fcb000572990afa956b96"},
	} {
		h := sha256.Sum256(c.data)
		if got := hex.EncodeToString(h[:]); got != c.sum {
			t.Errorf("%s: sha256 %s, want %s", name, got, c.sum)
		}
	}
	if !strings.Contains(FontLicence(), "SIL OPEN FONT LICENSE Version 1.1") {
		t.Error("the licence is not the OFL 1.1")
	}
}
