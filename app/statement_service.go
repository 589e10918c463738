package app

import (
	"strings"

	"jiayuan/app/i18n"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// StatementService is the property company's quarterly statements (物业季度报告) in the window:
// the statements per quarter with their variances against the contracts register, entering
// one by hand (checked first, then posted), the transfer of what the company holds to the
// owners' assembly account, and the company's leaving and hand-over. Importing a statement's
// file goes through ImportService (kind "statement"), the path the command line takes too.
// It is bound to the frontend.
type StatementService struct {
	sess *Session
}

// NewStatementService builds the service.
func NewStatementService(sess *Session) *StatementService { return &StatementService{sess: sess} }

// List returns the statements, the newest quarter first.
func (s *StatementService) List() ([]StatementView, error) {
	st, err := s.sess.Store()
	if err != nil {
		return nil, err
	}
	all, err := st.Statements()
	if err != nil {
		return nil, err
	}
	out := make([]StatementView, 0, len(all))
	for _, x := range all {
		out = append(out, s.view(x))
	}
	return out, nil
}

// Overview returns what the company holds, the quarters without a statement, the contracts a
// line may name and the company's leavings.
func (s *StatementService) Overview() (StatementOverview, error) {
	out := StatementOverview{Missing: []MissingStatementView{}, Contracts: []StatementContract{}, Handovers: []PropertyHandoverView{}}
	st, err := s.sess.Store()
	if err != nil {
		return out, err
	}
	now := s.sess.now()
	out.Today = ledger.FormatDate(now)
	held, err := st.ReceivableBalance()
	if err != nil {
		return out, err
	}
	out.Held = held.String()
	status, err := st.Status(now, false)
	if err != nil {
		return out, err
	}
	for _, m := range status.Oversight.MissingStatements {
		out.Missing = append(out.Missing, MissingStatementView{Quarter: m.Quarter, Expected: m.Expected.String()})
	}
	cs, err := st.Contracts()
	if err != nil {
		return out, err
	}
	for _, c := range cs {
		out.Contracts = append(out.Contracts, StatementContract{ID: c.ID, Counterparty: c.Counterparty, CommonPart: c.CommonPart,
			Collector: c.Collector, Share: c.ManagementShare})
	}
	hs, err := st.PropertyHandovers()
	if err != nil {
		return out, err
	}
	for _, h := range hs {
		out.Handovers = append(out.Handovers, PropertyHandoverView{ID: h.ID, Company: h.Company, LeftOn: h.LeftOn, Due: h.Due,
			HandedOverOn: h.HandedOverOn, Balance: h.Balance.String(), Records: h.Records, Overdue: h.HandedOverOn == "" && out.Today > h.Due})
	}
	if all, err := st.Statements(); err == nil && len(all) > 0 {
		out.Company = all[0].Company
	}
	return out, nil
}

// Check runs the statement as typed through the store and rolls it back: its voucher's number,
// its totals and its variances, or the refusal.
func (s *StatementService) Check(f StatementForm) (StatementView, error) { return s.record(f, true) }

// Record posts the statement as typed.
func (s *StatementService) Record(f StatementForm) (StatementView, error) { return s.record(f, false) }

func (s *StatementService) record(f StatementForm, dry bool) (StatementView, error) {
	st, err := s.sess.Store()
	if err != nil {
		return StatementView{}, err
	}
	in := store.StatementInput{Quarter: strings.TrimSpace(f.Quarter), Company: f.Company, Received: strings.TrimSpace(f.Received), Note: f.Note}
	for _, l := range f.Lines {
		li := store.StatementLineInput{ContractID: l.ContractID, Source: l.Source, Basis: l.Basis}
		for _, a := range []struct {
			text string
			dst  *ledger.Money
		}{{l.Gross, &li.Gross}, {l.Tax, &li.Tax}, {l.Labour, &li.Labour}, {l.Management, &li.Management}} {
			if strings.TrimSpace(a.text) == "" {
				continue
			}
			if *a.dst, err = ledger.ParseAmount(a.text); err != nil {
				return StatementView{}, err
			}
		}
		in.Lines = append(in.Lines, li)
	}
	var x store.Statement
	if dry {
		x, err = st.CheckStatement(in)
	} else {
		x, err = st.RecordStatement(in)
	}
	if err != nil {
		return StatementView{}, err
	}
	return s.view(x), nil
}

// Settle posts the company's transfer of what it holds to the owners' assembly account (dry:
// only checked).
func (s *StatementService) Settle(f SettlementForm, dry bool) (SettlementView, error) {
	st, err := s.sess.Store()
	if err != nil {
		return SettlementView{}, err
	}
	amount, err := ledger.ParseAmount(f.Amount)
	if err != nil {
		return SettlementView{}, err
	}
	in := store.SettlementInput{Date: strings.TrimSpace(f.Date), Amount: amount}
	var v store.Voucher
	if dry {
		v, err = st.CheckSettlement(in)
	} else {
		v, err = st.SettleReceivable(in)
	}
	if err != nil {
		return SettlementView{}, err
	}
	held, err := st.ReceivableBalance()
	if err != nil {
		return SettlementView{}, err
	}
	if dry {
		held = held.Sub(amount)
	}
	return SettlementView{VoucherID: v.ID, VoucherNo: v.No, Amount: amount.String(), Held: held.String()}, nil
}

// RecordLeaving records the day the property company leaves.
func (s *StatementService) RecordLeaving(f LeavingForm) error {
	st, err := s.sess.Store()
	if err != nil {
		return err
	}
	_, err = st.RecordPropertyLeaving(f.Company, strings.TrimSpace(f.LeftOn), f.Note)
	return err
}

// RecordHandover records the leaving company's hand-over.
func (s *StatementService) RecordHandover(f HandoverForm) error {
	st, err := s.sess.Store()
	if err != nil {
		return err
	}
	return st.RecordPropertyHandover(f.ID, strings.TrimSpace(f.Date), f.Records, f.Note)
}

func (s *StatementService) view(x store.Statement) StatementView {
	v := StatementView{ID: x.ID, Quarter: x.Quarter, Company: x.Company, Received: x.Received, VoucherID: x.VoucherID, VoucherNo: x.VoucherNo, Building: x.Building,
		Reversed: x.Reversed, SourceName: x.SourceName, Gross: x.Gross.String(), Deductions: x.Deductions.String(), Net: x.Net.String(),
		Lines: []StatementLineView{}, Variances: []StatementVarianceView{}}
	for _, l := range x.Lines {
		v.Lines = append(v.Lines, StatementLineView{Line: l.Line, Row: l.Row, ContractID: l.ContractID, Counterparty: l.Counterparty,
			Source: l.Source, AccountCode: l.AccountCode, Gross: l.Gross.String(), Tax: l.Tax.String(), Labour: l.Labour.String(),
			Management: l.Management.String(), Net: l.Net().String(), Basis: l.Basis})
	}
	for _, d := range x.Variances {
		p := d.Problem()
		v.Variances = append(v.Variances, StatementVarianceView{Kind: d.Kind, Line: d.Line, ContractID: d.ContractID,
			Message: s.sess.cat.T(i18n.ZH, p.Err.Key, p.Err.Args), MessageEn: s.sess.cat.T(i18n.EN, p.Err.Key, p.Err.Args)})
	}
	return v
}
