package app

import (
	"strings"

	"jiayuan/app/i18n"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

// ContractService is the public-income contracts register (公共收益合同) in the window: the
// contracts with their expected and received income per quarter (store.ContractStatuses, so
// the screen follows whatever the store counts as received), the flags for contracts expiring
// within 90 days and past quarters without income, and recording a contract with the
// resolution that approved it (R8). It is bound to the frontend.
type ContractService struct {
	sess *Session
}

// NewContractService builds the service.
func NewContractService(sess *Session) *ContractService { return &ContractService{sess: sess} }

// List returns the register, the newest start first, with each contract's quarters up to today.
func (s *ContractService) List() ([]ContractView, error) {
	st, err := s.sess.Store()
	if err != nil {
		return nil, err
	}
	now := s.sess.now()
	cs, err := st.ContractStatuses(now)
	if err != nil {
		return nil, err
	}
	buildings, accounts, err := contractNames(st)
	if err != nil {
		return nil, err
	}
	reg, err := st.Register()
	if err != nil {
		return nil, err
	}
	res := map[int64]store.RegisterEntry{}
	for _, r := range reg {
		res[r.ID] = r
	}
	today := ledger.FormatDate(now)
	out := make([]ContractView, 0, len(cs))
	for _, c := range cs {
		v := ContractView{ID: c.ID, Counterparty: c.Counterparty, CommonPart: c.CommonPart, BuildingID: c.BuildingID,
			Building: buildings[c.BuildingID], Start: c.Start, End: c.End, Period: c.Period, Amount: c.Amount.String(),
			Collector: c.Collector, AccountCode: c.AccountCode, AccountName: accounts[c.AccountCode], ResolutionID: c.ResolutionID,
			ResolutionSubject: res[c.ResolutionID].Subject, ResolutionDate: res[c.ResolutionID].Date, Note: c.Note, ManagementShare: c.ManagementShare,
			Expiring: c.Expiring, Ended: c.End < today, Missing: []string{}, Quarters: []ContractQuarterView{}}
		var expected, received ledger.Money
		for _, q := range c.Quarters {
			expected, received = expected.Add(q.Expected), received.Add(q.Received)
			v.Quarters = append(v.Quarters, ContractQuarterView{Quarter: q.Quarter, Expected: q.Expected.String(),
				Received: q.Received.String(), Missing: q.Missing})
			if q.Missing {
				v.Missing = append(v.Missing, q.Quarter)
			}
		}
		v.Expected, v.Received = expected.String(), received.String()
		out = append(out, v)
	}
	return out, nil
}

// Options lists the buildings a contract may be limited to and the public book's income
// accounts it may be booked on.
func (s *ContractService) Options() (ContractOptions, error) {
	st, err := s.sess.Store()
	if err != nil {
		return ContractOptions{}, err
	}
	out := ContractOptions{Today: ledger.FormatDate(s.sess.now()), Buildings: []ContractOption{}, Accounts: []ContractOption{}}
	bs, err := st.Buildings()
	if err != nil {
		return out, err
	}
	for _, b := range bs {
		out.Buildings = append(out.Buildings, ContractOption{ID: b.ID, Code: b.Code, Name: b.Name})
	}
	as, err := st.Accounts(ledger.BookPublic)
	if err != nil {
		return out, err
	}
	for _, a := range as {
		if a.Kind == ledger.KindIncome {
			name := a.NameZH
			if s.sess.lang() == i18n.EN && a.NameEN != "" {
				name = a.NameEN
			}
			out.Accounts = append(out.Accounts, ContractOption{Code: a.Code, Name: name})
		}
	}
	return out, nil
}

// Add records a contract as typed and returns it as listed. The store checks everything else
// (the approving resolution included) in its write transaction; a refusal changes nothing.
func (s *ContractService) Add(f ContractForm) (ContractView, error) {
	st, err := s.sess.Store()
	if err != nil {
		return ContractView{}, err
	}
	amount, err := ledger.ParseAmount(f.Amount)
	if err != nil {
		return ContractView{}, err
	}
	if f.BuildingID != 0 {
		buildings, _, err := contractNames(st)
		if err != nil {
			return ContractView{}, err
		}
		if _, ok := buildings[f.BuildingID]; !ok { // else the foreign key would refuse it untranslated
			return ContractView{}, ledger.Refuse("contract.bad_building", "id", f.BuildingID)
		}
	}
	id, err := st.AddContract(store.ContractInput{Counterparty: f.Counterparty, CommonPart: f.CommonPart, BuildingID: f.BuildingID,
		Start: strings.TrimSpace(f.Start), End: strings.TrimSpace(f.End), Period: f.Period, Amount: amount, Collector: f.Collector,
		AccountCode: strings.TrimSpace(f.AccountCode), ResolutionID: f.ResolutionID, Note: f.Note, AttachmentID: f.AttachmentID,
		ManagementShare: strings.TrimSpace(f.ManagementShare)})
	if err != nil {
		return ContractView{}, err
	}
	all, err := s.List()
	if err != nil {
		return ContractView{}, err
	}
	for _, v := range all {
		if v.ID == id {
			return v, nil
		}
	}
	return ContractView{}, ledger.Refuse("record.not_found", "what", "contract", "id", id)
}

// Held is what the property company reported on its statements and transferred to the
// owners' assembly's account up to today, and what it still holds: reported against received
// where the money moves (a transfer settles the receivable as a whole, not per contract).
func (s *ContractService) Held() (ContractsHeld, error) {
	st, err := s.sess.Store()
	if err != nil {
		return ContractsHeld{}, err
	}
	stmts, err := st.Statements()
	if err != nil {
		return ContractsHeld{}, err
	}
	var out ContractsHeld
	var gross, deducted, net ledger.Money
	for _, x := range stmts {
		if !x.Reversed {
			gross, deducted, net = gross.Add(x.Gross), deducted.Add(x.Deductions), net.Add(x.Net)
			out.Statements++
		}
	}
	accts, err := st.AccountTotals(ledger.BookPublic, "", ledger.FormatDate(s.sess.now()))
	if err != nil {
		return ContractsHeld{}, err
	}
	var transferred, held ledger.Money
	for _, a := range accts {
		if a.Code == ledger.CodeReceivable {
			transferred, held = a.Credit, a.Closing
		}
	}
	out.Gross, out.Deductions, out.Net, out.Transferred, out.Held = gross.String(), deducted.String(), net.String(), transferred.String(), held.String()
	return out, nil
}

// contractNames are the buildings' codes by id and the public income accounts' names by code.
func contractNames(st *store.Store) (map[int64]string, map[string]string, error) {
	buildings := map[int64]string{}
	bs, err := st.Buildings()
	if err != nil {
		return nil, nil, err
	}
	for _, b := range bs {
		buildings[b.ID] = b.Code
	}
	accounts := map[string]string{}
	as, err := st.Accounts(ledger.BookPublic)
	if err != nil {
		return nil, nil, err
	}
	for _, a := range as {
		accounts[a.Code] = a.NameZH
	}
	return buildings, accounts, nil
}
