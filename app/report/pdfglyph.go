package report

import (
	"sync"

	"github.com/signintech/gopdf/fontmaker/core"

	"jiayuan/assets"
)

// The content streams this package writes show text as glyph numbers of the full font
// (Identity-H), as gopdf's do: gopdf's subset keeps every glyph at its number. gopdf does not
// expose its character-to-glyph lookup, so the fonts' cmap tables are read here once per
// process with gopdf's own parser, and looked up the way gopdf's SubsetFontObj does.

type cmapTable struct {
	segCount                              uint
	start, end, rangeOffset, delta, glyph []uint
	groups                                []core.CmapFormat12GroupingTable
}

var cmaps struct {
	once sync.Once
	t    [2]*cmapTable
	err  error
}

func fontCmaps() ([2]*cmapTable, error) {
	cmaps.once.Do(func() {
		for st, data := range [][]byte{regular: assets.FontRegular(), bold: assets.FontBold()} {
			var p core.TTFParser
			if err := p.ParseFontData(data); err != nil {
				cmaps.err = err
				return
			}
			cmaps.t[st] = &cmapTable{segCount: p.SegCount, start: p.StartCount, end: p.EndCount,
				rangeOffset: p.IdRangeOffset, delta: p.IdDelta, glyph: p.GlyphIdArray, groups: p.GroupingTables()}
		}
	})
	return cmaps.t, cmaps.err
}

// glyphIndex is gopdf's CharCodeToGlyphIndex: format 4 for the Basic Multilingual Plane,
// format 12 above it.
func (c *cmapTable) glyphIndex(r rune) (uint, bool) {
	v := uint(r)
	if v > 0xFFFF {
		for _, g := range c.groups {
			if v >= g.StartCharCode && v <= g.EndCharCode {
				return v - g.StartCharCode + g.GlyphID, true
			}
		}
		return 0, false
	}
	seg := uint(0)
	for seg < c.segCount && v > c.end[seg] {
		seg++
	}
	if seg >= c.segCount || v < c.start[seg] {
		return 0, false
	}
	if c.rangeOffset[seg] == 0 {
		return (v + c.delta[seg]) & 0xFFFF, true
	}
	idx := c.rangeOffset[seg]/2 + (v - c.start[seg]) - (c.segCount - seg)
	if int(idx) >= len(c.glyph) || c.glyph[idx] == 0 {
		return 0, true
	}
	return (c.glyph[idx] + c.delta[seg]) & 0xFFFF, true
}
