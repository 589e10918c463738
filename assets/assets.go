// Package assets holds the files compiled into the binary: the CJK font that every exported
// PDF embeds (a subset of it), and the font's licence, which must travel with the font.
//
// The fonts are committed rather than fetched at build time so that a build is reproducible
// offline; fonts/README.md records where they came from and their checksums.
package assets

import (
	_ "embed"
)

// Noto Sans SC is used because it is a glyf-outline TrueType font (gopdf cannot load CFF/OTF
// or TTC files), it covers all of CJK Unified Ideographs and Extension A (rare characters in
// owners' names), and it is under the OFL, which allows embedding in PDFs.
var (
	//go:embed fonts/NotoSansSC-Regular.ttf
	fontRegular []byte

	//go:embed fonts/NotoSansSC-Bold.ttf
	fontBold []byte

	//go:embed fonts/OFL.txt
	fontLicence string
)

// FontFamily is the family name of the embedded font.
const FontFamily = "Noto Sans SC"

// FontRegular returns the Noto Sans SC Regular (400) TrueType font. The slice is shared:
// callers must not modify it.
func FontRegular() []byte { return fontRegular }

// FontBold returns the Noto Sans SC Bold (700) TrueType font. The slice is shared: callers
// must not modify it.
func FontBold() []byte { return fontBold }

// FontLicence returns the SIL Open Font License 1.1 text that covers both fonts; an "about"
// screen or a distribution must reproduce it.
func FontLicence() string { return fontLicence }
