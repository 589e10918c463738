package app

import (
	"strings"

	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// BuildingDTO is a building with how many units it has.
type BuildingDTO struct {
	ID      int64  `json:"id"`
	Code    string `json:"code"`
	Name    string `json:"name"`
	HasLift bool   `json:"hasLift"`
	Units   int    `json:"units"`
}

// BuildingInput is a new building as typed.
type BuildingInput struct {
	Code    string `json:"code"`
	Name    string `json:"name"`
	HasLift bool   `json:"hasLift"`
}

// UnitQuery selects a page of the unit table; zero values select everything.
type UnitQuery struct {
	Text        string `json:"text"` // part of the room, the building code or the owner's name
	BuildingID  int64  `json:"buildingId"`
	HousingType string `json:"housingType"`
	Below       bool   `json:"below"` // only units whose sub-account is below the threshold
	Page        int    `json:"page"`  // from 1
	PageSize    int    `json:"pageSize"`
}

// UnitRowDTO is a unit as the table shows it.
type UnitRowDTO struct {
	ID           int64  `json:"id"`
	BuildingID   int64  `json:"buildingId"`
	BuildingCode string `json:"buildingCode"`
	Room         string `json:"room"`
	Area         string `json:"area"` // m², "89.50"
	HousingType  string `json:"housingType"`
	Initial      string `json:"initial"`
	Balance      string `json:"balance"`
	Ratio        string `json:"ratio"` // percent, "27.35"; "" when the initial amount is zero
	Below        bool   `json:"below"`
	OwnerID      int64  `json:"ownerId"`
	OwnerName    string `json:"ownerName"`
}

// UnitPage is one page of the unit table.
type UnitPage struct {
	Rows      []UnitRowDTO `json:"rows"`
	Total     int          `json:"total"`
	Page      int          `json:"page"`
	PageSize  int          `json:"pageSize"`
	Threshold string       `json:"threshold"` // percent, "30"
}

// UnitInput is a unit to add (ID 0) or change, as typed.
type UnitInput struct {
	ID          int64  `json:"id"`
	BuildingID  int64  `json:"buildingId"`
	Room        string `json:"room"`
	Area        string `json:"area"`
	HousingType string `json:"housingType"`
	Initial     string `json:"initial"`
	OwnerName   string `json:"ownerName"`
	OwnerPhone  string `json:"ownerPhone"`
}

// UnitEntryDTO is one line of a unit's sub-account (分户账).
type UnitEntryDTO struct {
	VoucherID   int64  `json:"voucherId"`
	VoucherNo   string `json:"voucherNo"`
	Date        string `json:"date"`
	Summary     string `json:"summary"`
	Account     string `json:"account"`
	AccountName string `json:"accountName"`
	AccountEn   string `json:"accountNameEn"`
	Amount      string `json:"amount"`
	Balance     string `json:"balance"` // running balance after the line
}

// UnitDueDTO is what the unit owes in a replenishment case (续筹) and what it has paid.
type UnitDueDTO struct {
	CaseID           int64  `json:"caseId"`
	TriggerDate      string `json:"triggerDate"`
	Status           string `json:"status"` // open, noticed, closed
	DecisionDeadline string `json:"decisionDeadline"`
	PaymentDeadline  string `json:"paymentDeadline"`
	Due              string `json:"due"`
	Paid             string `json:"paid"`
	Outstanding      string `json:"outstanding"`
}

// UnitDetail is a unit's page.
type UnitDetail struct {
	Unit       UnitRowDTO     `json:"unit"`
	OwnerPhone string         `json:"ownerPhone"`
	Threshold  string         `json:"threshold"` // percent, "30"
	Target     string         `json:"target"`    // percent, "50"
	ToTarget   string         `json:"toTarget"`  // what would bring the unit to the target ("0.00" when there)
	Entries    []UnitEntryDTO `json:"entries"`
	Dues       []UnitDueDTO   `json:"dues"`
	AreaFixed  bool           `json:"areaFixed"` // money was apportioned by the area: it can no longer change
	// Changes of owner: a replenishment due stays with the unit when it is sold.
	OwnerChanges []OwnerChangeRow `json:"ownerChanges"`
}

// UnitService lists, adds and changes buildings and units, and shows a unit's sub-account.
// It is bound to the frontend.
type UnitService struct {
	sess *Session
}

// NewUnitService builds the service.
func NewUnitService(sess *Session) *UnitService { return &UnitService{sess: sess} }

// Buildings lists the buildings in code order with their number of units.
func (s *UnitService) Buildings() ([]BuildingDTO, error) {
	st, err := s.sess.Store()
	if err != nil {
		return nil, err
	}
	bs, err := st.Buildings()
	if err != nil {
		return nil, err
	}
	out := make([]BuildingDTO, 0, len(bs))
	for _, b := range bs {
		_, n, err := st.Units(store.UnitFilter{BuildingID: b.ID, Limit: 1})
		if err != nil {
			return nil, err
		}
		out = append(out, BuildingDTO{ID: b.ID, Code: b.Code, Name: b.Name, HasLift: b.HasLift, Units: n})
	}
	return out, nil
}

// AddBuilding records a building.
func (s *UnitService) AddBuilding(in BuildingInput) (BuildingDTO, error) {
	st, err := s.sess.Store()
	if err != nil {
		return BuildingDTO{}, err
	}
	code := store.BuildingCode(in.Code) // "5", "5幢", "５号" are all 5号, as the roster import keeps them
	if code == "" {
		return BuildingDTO{}, ledger.Refuse("building.code_empty", "field", "code")
	}
	if len([]rune(code)) > 30 {
		return BuildingDTO{}, ledger.Refuse("building.code_too_long", "field", "code")
	}
	id, err := st.AddBuilding(store.Building{Code: code, Name: strings.TrimSpace(in.Name), HasLift: in.HasLift})
	if err != nil {
		return BuildingDTO{}, withArgs(err, "field", "code")
	}
	name := strings.TrimSpace(in.Name)
	if name == "" {
		name = code
	}
	return BuildingDTO{ID: id, Code: code, Name: name, HasLift: in.HasLift}, nil
}

// Units returns one page of units (50 by default, at most 200), in building and room order.
func (s *UnitService) Units(q UnitQuery) (UnitPage, error) {
	st, err := s.sess.Store()
	if err != nil {
		return UnitPage{}, err
	}
	c, err := st.Community()
	if err != nil {
		return UnitPage{}, err
	}
	if q.PageSize <= 0 || q.PageSize > 200 {
		q.PageSize = 50
	}
	if q.Page < 1 {
		q.Page = 1
	}
	rows, total, err := st.Units(store.UnitFilter{BuildingID: q.BuildingID, Text: q.Text, HousingType: q.HousingType,
		BelowRatio: q.Below, Limit: q.PageSize, Offset: (q.Page - 1) * q.PageSize})
	if err != nil {
		return UnitPage{}, err
	}
	page := UnitPage{Rows: make([]UnitRowDTO, 0, len(rows)), Total: total, Page: q.Page, PageSize: q.PageSize,
		Threshold: c.Policy.ReplenishThreshold.Shift(2).String()}
	for _, r := range rows {
		page.Rows = append(page.Rows, unitRowDTO(r, c.Policy))
	}
	return page, nil
}

func unitRowDTO(r store.UnitRow, p ledger.Policy) UnitRowDTO {
	d := UnitRowDTO{ID: r.ID, BuildingID: r.BuildingID, BuildingCode: r.BuildingCode, Room: r.Room,
		Area: ledger.FormatArea(r.AreaCM2), HousingType: r.HousingType, Initial: r.Initial.String(),
		Balance: r.Balance.String(), Below: p.NeedsReplenishment(r.Balance, r.Initial), OwnerID: r.OwnerID, OwnerName: r.OwnerName}
	if ratio, ok := ledger.Ratio(r.Balance, r.Initial); ok {
		d.Ratio = ledger.RatioPercent(ratio)
	}
	return d
}

// Unit returns a unit's page: its details, its sub-account with running balance, and its
// replenishment dues and payments.
func (s *UnitService) Unit(id int64) (UnitDetail, error) {
	st, err := s.sess.Store()
	if err != nil {
		return UnitDetail{}, err
	}
	c, err := st.Community()
	if err != nil {
		return UnitDetail{}, err
	}
	r, err := st.UnitByID(id)
	if err != nil {
		return UnitDetail{}, err
	}
	d := UnitDetail{Unit: unitRowDTO(r, c.Policy), Threshold: c.Policy.ReplenishThreshold.Shift(2).String(),
		Target: c.Policy.ReplenishTarget.Shift(2).String(), ToTarget: c.Policy.TopUp(r.Balance, r.Initial).String(),
		Entries: []UnitEntryDTO{}, Dues: []UnitDueDTO{}}
	if r.OwnerID != 0 {
		if o, err := st.OwnerByID(r.OwnerID); err == nil {
			d.OwnerPhone = o.Phone
		}
	}
	names := map[string]store.Account{}
	if accts, err := st.Accounts(ledger.BookFund); err == nil {
		for _, a := range accts {
			names[a.Code] = a
		}
	}
	entries, err := st.UnitStatement(id)
	if err != nil {
		return UnitDetail{}, err
	}
	for _, e := range entries {
		a := names[e.Account]
		d.Entries = append(d.Entries, UnitEntryDTO{VoucherID: e.VoucherID, VoucherNo: e.VoucherNo, Date: e.Date, Summary: e.Summary,
			Account: e.Account, AccountName: a.NameZH, AccountEn: a.NameEN, Amount: e.Amount.String(), Balance: e.Balance.String()})
	}
	d.AreaFixed = len(entries) > 0
	if d.Dues, err = unitDues(st, id); err != nil {
		return UnitDetail{}, err
	}
	if d.OwnerChanges, err = s.OwnerChanges(id); err != nil {
		return UnitDetail{}, err
	}
	return d, nil
}

// unitDues lists the unit's line in each replenishment case that has one.
func unitDues(st *store.Store, unitID int64) ([]UnitDueDTO, error) {
	dues, err := st.UnitDues(unitID)
	if err != nil || len(dues) == 0 {
		return []UnitDueDTO{}, err
	}
	cases, err := st.ReplenishmentCases()
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]store.ReplenishmentCase, len(cases))
	for _, c := range cases {
		byID[c.ID] = c
	}
	out := make([]UnitDueDTO, 0, len(dues))
	for _, d := range dues {
		c := byID[d.CaseID]
		left := d.Due.Sub(d.Paid)
		if left.Sign() < 0 {
			left = ledger.Zero
		}
		out = append(out, UnitDueDTO{CaseID: c.ID, TriggerDate: c.TriggerDate, Status: c.Status,
			DecisionDeadline: c.DecisionDeadline, PaymentDeadline: c.PaymentDeadline,
			Due: d.Due.String(), Paid: d.Paid.String(), Outstanding: left.String()})
	}
	return out, nil
}

// AddUnit records a unit, with its owner when a name is given.
func (s *UnitService) AddUnit(in UnitInput) (UnitDetail, error) {
	in.ID = 0
	return s.saveUnit(in)
}

// UpdateUnit changes a unit. Its area cannot change once fund money was apportioned by it.
func (s *UnitService) UpdateUnit(in UnitInput) (UnitDetail, error) {
	if in.ID == 0 {
		return UnitDetail{}, ledger.Refuse("record.not_found", "what", "unit", "id", 0)
	}
	return s.saveUnit(in)
}

func (s *UnitService) saveUnit(in UnitInput) (UnitDetail, error) {
	st, err := s.sess.Store()
	if err != nil {
		return UnitDetail{}, err
	}
	if in.BuildingID == 0 {
		return UnitDetail{}, ledger.Refuse("unit.unknown_building", "field", "buildingId")
	}
	u, field, err := ops.ParseUnit(ops.UnitRow{Room: in.Room, Area: in.Area, HousingType: in.HousingType, Initial: in.Initial,
		OwnerName: in.OwnerName, OwnerPhone: in.OwnerPhone})
	if err != nil {
		return UnitDetail{}, withArgs(err, "field", field)
	}
	var cur store.UnitRow
	if in.ID != 0 {
		if cur, err = st.UnitByID(in.ID); err != nil {
			return UnitDetail{}, err
		}
		if store.RoomCode(cur.Room) == u.Room {
			u.Room = cur.Room // the room as recorded, not renamed by a different way of writing it
		}
		if cur.AreaCM2 != u.AreaCM2 {
			if lines, err := st.UnitStatement(in.ID); err != nil {
				return UnitDetail{}, err
			} else if len(lines) > 0 {
				return UnitDetail{}, ledger.Refuse("unit.area_fixed", "field", "area")
			}
		}
	}
	// Refuse a room the building has already before an owner is recorded for it.
	same, _, err := st.Units(store.UnitFilter{BuildingID: in.BuildingID, Text: u.Room, Limit: 1000})
	if err != nil {
		return UnitDetail{}, err
	}
	for _, r := range same {
		if r.Room == u.Room && r.ID != in.ID {
			return UnitDetail{}, ledger.Refuse("unit.duplicate", "field", "room", "room", u.Room)
		}
	}
	ownerID, err := s.ownerFor(st, cur, u.Owner, u.Phone)
	if err != nil {
		return UnitDetail{}, withArgs(err, "field", "ownerName")
	}
	unit := store.Unit{ID: in.ID, BuildingID: in.BuildingID, Room: u.Room, AreaCM2: u.AreaCM2, HousingType: u.HousingType,
		Initial: u.Initial, OwnerID: ownerID}
	id := in.ID
	if id == 0 {
		id, err = st.AddUnit(unit)
	} else {
		err = st.UpdateUnit(unit)
	}
	if err != nil {
		f := "room"
		switch ledger.KeyOf(err) {
		case "unit.area_fixed", "area.not_positive":
			f = "area"
		case "unit.unknown_building":
			f = "buildingId"
		case "unit.initial_negative":
			f = "initial"
		}
		return UnitDetail{}, withArgs(err, "field", f)
	}
	return s.Unit(id)
}

// ownerFor returns the owner to record for a unit: none without a name; the unit's current
// owner when name and phone are unchanged; else an owner with the same name and phone who owns
// another unit (an owner counts once in a headcount however many units); else a new owner.
func (s *UnitService) ownerFor(st *store.Store, cur store.UnitRow, name, phone string) (int64, error) {
	if name == "" {
		return 0, nil
	}
	if cur.OwnerID != 0 {
		if o, err := st.OwnerByID(cur.OwnerID); err == nil && o.Name == name && o.Phone == phone {
			return cur.OwnerID, nil
		}
	}
	if id, err := st.FindOwner(name, phone); err != nil || id != 0 {
		return id, err
	}
	return st.AddOwner(store.Owner{Name: name, Phone: phone})
}
