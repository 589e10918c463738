package app

import (
	"strings"
	"time"

	"jiayuan/app/ops"
	"jiayuan/app/reporting"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// PaperService is the paperwork a committee prints and signs (issue 13): a voucher printed
// from its screen, the receipts of a unit's payment, checking a chain head printed on a PDF,
// and the hand-over between committee terms. It is bound to the frontend.
type PaperService struct {
	sess    *Session
	exports ops.Exporter
}

// NewPaperService builds the service; Services binds it.
func NewPaperService(sess *Session) *PaperService { return &PaperService{sess: sess} }

// PrintVoucher saves one voucher as a printable PDF (记账凭证, half an A4 page), asking where
// (the save dialog); it returns the path, or "" when the user cancelled.
func (s *PaperService) PrintVoucher(voucherID int64) (string, error) {
	return s.print(reporting.KindVouchers, reporting.Params{VoucherID: voucherID})
}

// PrintReceipts saves the receipts (收款收据) of a deposit voucher as a PDF — only the one of
// unitID when it is not 0 (a unit's payment) — asking where; "" when the user cancelled.
func (s *PaperService) PrintReceipts(voucherID, unitID int64) (string, error) {
	return s.print(reporting.KindReceipts, reporting.Params{VoucherID: voucherID, UnitID: unitID})
}

func (s *PaperService) print(k reporting.Kind, p reporting.Params) (string, error) {
	st, err := s.sess.Store()
	if err != nil {
		return "", err
	}
	e, err := ops.ReportExport(st, k, p, reporting.FormatPDF)
	if err != nil {
		return "", err
	}
	path, _, err := s.exports.Write(st, e, s.sess.exportOptions("report"))
	return path, err
}

// ReceiptDTO is a receipt as a unit's payments list it.
type ReceiptDTO struct {
	ID        int64  `json:"id"`
	No        string `json:"no"`
	VoucherID int64  `json:"voucherId"`
	VoucherNo string `json:"voucherNo"`
	Date      string `json:"date"`
	Amount    string `json:"amount"`
	Purpose   string `json:"purpose"`
	Reversed  bool   `json:"reversed"`
}

// UnitReceipts lists a unit's receipts, oldest first.
func (s *PaperService) UnitReceipts(unitID int64) ([]ReceiptDTO, error) {
	st, err := s.sess.Store()
	if err != nil {
		return nil, err
	}
	rs, err := st.Receipts(store.ReceiptFilter{UnitID: unitID})
	out := make([]ReceiptDTO, 0, len(rs))
	for _, r := range rs {
		out = append(out, ReceiptDTO{ID: r.ID, No: r.No, VoucherID: r.VoucherID, VoucherNo: r.VoucherNo, Date: r.VoucherDate,
			Amount: r.Amount.String(), Purpose: r.Purpose, Reversed: r.ReversedByNo != ""})
	}
	return out, err
}

// ChainRecordDTO is a record added to the chain after a printed head.
type ChainRecordDTO struct {
	Seq    int64  `json:"seq"`
	Kind   string `json:"kind"` // voucher, change
	Date   string `json:"date"`
	What   string `json:"what"`
	Entity string `json:"entity"`
	Action string `json:"action"`
}

// HeadCheckDTO is what a printed chain head says about the open ledger.
type HeadCheckDTO struct {
	Status string           `json:"status"` // holds, rewritten, shorter
	Seq    int64            `json:"seq"`
	Prefix string           `json:"prefix"`
	Links  int64            `json:"links"`
	Added  int64            `json:"added"`
	After  []ChainRecordDTO `json:"after"` // at most 200
}

// CheckHead checks a chain head typed from a PDF's footer ("#1024 a287203653d0").
func (s *PaperService) CheckHead(printed string) (HeadCheckDTO, error) {
	st, err := s.sess.Store()
	if err != nil {
		return HeadCheckDTO{}, err
	}
	hc, err := st.CheckHead(printed, 200)
	if err != nil {
		return HeadCheckDTO{}, err
	}
	out := HeadCheckDTO{Status: hc.Status, Seq: hc.Seq, Prefix: hc.Prefix, Links: hc.Links, Added: hc.Added, After: []ChainRecordDTO{}}
	for _, r := range hc.After {
		out.After = append(out.After, ChainRecordDTO{Seq: r.Seq, Kind: r.Kind, Date: r.Date, What: r.What, Entity: r.Entity, Action: r.Action})
	}
	return out, nil
}

// HandoverDTO is a hand-over between committee terms.
type HandoverDTO struct {
	ID       int64  `json:"id"`
	Date     string `json:"date"`
	Outgoing string `json:"outgoing"`
	Incoming string `json:"incoming"`
	Note     string `json:"note"`
}

// Handovers lists the recorded hand-overs, oldest first.
func (s *PaperService) Handovers() ([]HandoverDTO, error) {
	st, err := s.sess.Store()
	if err != nil {
		return nil, err
	}
	hs, err := st.Handovers()
	out := make([]HandoverDTO, 0, len(hs))
	for _, h := range hs {
		out = append(out, HandoverDTO{ID: h.ID, Date: h.Date, Outgoing: h.Outgoing, Incoming: h.Incoming, Note: h.Note})
	}
	return out, err
}

// RecordHandover records the hand-over date and the two committees.
func (s *PaperService) RecordHandover(in HandoverDTO) (int64, error) {
	st, err := s.sess.Store()
	if err != nil {
		return 0, err
	}
	return st.RecordHandover(store.HandoverInput{Date: in.Date, Outgoing: in.Outgoing, Incoming: in.Incoming, Note: in.Note})
}

// TermReminderDTO says whether the committee's term is ending: the dashboard reminds from
// five months before the term's end date (a community setting) until a hand-over is recorded.
type TermReminderDTO struct {
	TermEnd  string `json:"termEnd"` // "" when not set
	DaysLeft int    `json:"daysLeft"`
	Due      bool   `json:"due"`      // within five months of the end, or past it, with no hand-over since
	Recorded string `json:"recorded"` // the last hand-over's date, "" when none
}

// TermReminder is the dashboard's reminder of the hand-over between terms.
func (s *PaperService) TermReminder() (TermReminderDTO, error) {
	st, err := s.sess.Store()
	if err != nil {
		return TermReminderDTO{}, err
	}
	c, err := st.Community()
	if err != nil {
		return TermReminderDTO{}, err
	}
	hs, err := st.Handovers()
	if err != nil {
		return TermReminderDTO{}, err
	}
	out := TermReminderDTO{TermEnd: strings.TrimSpace(c.TermEnd)}
	if len(hs) > 0 {
		out.Recorded = hs[len(hs)-1].Date
	}
	end, err := ledger.ParseDate(out.TermEnd)
	if out.TermEnd == "" || err != nil {
		return out, nil
	}
	today, _ := ledger.ParseDate(ledger.FormatDate(s.sess.now()))
	out.DaysLeft = int(end.Sub(today).Hours() / 24)
	out.Due = TermReminderDue(end, today, out.Recorded)
	return out, nil
}

// TermReminderDue reports whether the hand-over reminder shows on today: from five months
// before the term's end, until a hand-over dated in that window or later is recorded.
func TermReminderDue(end, today time.Time, lastHandover string) bool {
	from := end.AddDate(0, -5, 0)
	if today.Before(from) {
		return false
	}
	return lastHandover == "" || lastHandover < ledger.FormatDate(from)
}
