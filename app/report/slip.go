package report

// Blocks for documents printed as slips, several to a page — vouchers (记账凭证) two per A4
// page, cut apart and bound with their receipts — rather than as one flowing report.

// SignLines are signature slots printed where they stand ("制单：____ 审核：____"), for a slip
// that carries its own sign-off, unlike Doc.Signatures printed once at the end.
type SignLines []string

// HalfPage starts the next half of an A4 page: the lower half, below a dashed cut line, when
// the upper half is where the writing stands, else a new page. The PDF skips it when the
// slip already ran into the lower half; a workbook ignores it.
type HalfPage struct{}

func (SignLines) isBlock() {}
func (HalfPage) isBlock()  {}

// signLines draws signature slots close under what precedes them.
func (w *pdfWriter) signLines(labels []string) {
	if len(labels) == 0 {
		return
	}
	const gap, h = 12.0, bodyLineH + 6
	w.ensure(gap + h)
	w.y += gap
	w.signSlots(labels)
	w.y += h
}

// halfPage moves to the lower half of the page below a dashed cut line, or to a new page.
func (w *pdfWriter) halfPage() {
	mid := w.bodyTop + (w.bottom()-w.bodyTop)/2
	if w.y > mid-6 {
		w.newPage()
		return
	}
	w.lineType("dashed")
	w.rule(mid, 0.5, 150)
	w.lineType("")
	w.strokeColor(0, 0, 0)
	w.y = mid + 12
}
