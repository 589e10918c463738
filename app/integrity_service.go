package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"jiayuan/store"
	"jiayuan/store/ledger"

	"github.com/shopspring/decimal"
)

// ChangeQuery selects a page of the change log; zero values select everything.
type ChangeQuery struct {
	Entity   string `json:"entity"`
	EntityID int64  `json:"entityId"`
	Page     int    `json:"page"` // from 1
	PageSize int    `json:"pageSize"`
}

// FieldChange is one field of a record before and after a change, formatted for reading.
type FieldChange struct {
	Field  string `json:"field"` // the column, e.g. "area_cm2", "replenish_threshold"
	Kind   string `json:"kind"`  // text, money, area, percent, bool, count, ref (a building code, an owner name)
	Before string `json:"before"`
	After  string `json:"after"`
}

// ChangeDTO is one line of the change log: who changed what when, and which fields.
type ChangeDTO struct {
	ID       int64         `json:"id"`
	At       string        `json:"at"` // local time, "2026-01-02 15:04:05"
	Actor    string        `json:"actor"`
	Entity   string        `json:"entity"`
	EntityID int64         `json:"entityId"`
	Label    string        `json:"label"`  // the record's name, code or room, when it has one
	Action   string        `json:"action"` // create, update, delete
	ChainSeq int64         `json:"chainSeq"`
	Fields   []FieldChange `json:"fields"` // only the fields that changed (all of them on create)
	// Committee is the committee that kept the books when the change was made, once a
	// hand-over between terms is recorded ("" before any).
	Committee string `json:"committee"`
}

// ChangePage is one page of the change log, newest first.
type ChangePage struct {
	Rows     []ChangeDTO `json:"rows"`
	Total    int         `json:"total"`
	Page     int         `json:"page"`
	PageSize int         `json:"pageSize"`
}

// ChainHeadDTO is the newest link of the hash chain.
type ChainHeadDTO struct {
	Seq  int64  `json:"seq"`
	Hash string `json:"hash"`
}

// ProblemDTO is the first broken record verify found.
type ProblemDTO struct {
	Kind   string `json:"kind"` // integrity, chain, voucher, change, master, balance, attachment, numbering, schema
	Table  string `json:"table"`
	ID     int64  `json:"id"`
	Seq    int64  `json:"seq"`
	Detail string `json:"detail"`
}

// VerifyReport is the outcome of a full check of the ledger file.
type VerifyReport struct {
	OK        bool         `json:"ok"`
	Links     int64        `json:"links"`
	Head      ChainHeadDTO `json:"head"`
	Problem   *ProblemDTO  `json:"problem"`
	Millis    int64        `json:"millis"`
	CheckedAt string       `json:"checkedAt"` // local time
	Path      string       `json:"path"`
}

// ChangeEntities are the kinds of record the change log holds, in the order the filter lists them.
var ChangeEntities = []string{"community", "building", "unit", "owner", "account", "project", "project_scope", "resolution",
	"replenishment_case", "replenishment_dues", "budget", "audit", "audit_finding", "disclosure", "closed_period",
	"attachment", "record_attachment", "import", "handover"}

// IntegrityService shows the change log and verifies the ledger's hash chain. It is bound to
// the frontend.
type IntegrityService struct {
	sess      *Session
	verifying sync.Mutex
}

// NewIntegrityService builds the service.
func NewIntegrityService(sess *Session) *IntegrityService { return &IntegrityService{sess: sess} }

// Entities lists the kinds of record the change-log filter offers.
func (s *IntegrityService) Entities() []string { return append([]string(nil), ChangeEntities...) }

// Changes returns a page of the change log, newest first (50 by default, at most 200).
func (s *IntegrityService) Changes(q ChangeQuery) (ChangePage, error) {
	st, err := s.sess.Store()
	if err != nil {
		return ChangePage{}, err
	}
	if q.PageSize <= 0 || q.PageSize > 200 {
		q.PageSize = 50
	}
	if q.Page < 1 {
		q.Page = 1
	}
	rows, total, err := st.Changes(store.ChangeFilter{Entity: strings.TrimSpace(q.Entity), EntityID: q.EntityID,
		Limit: q.PageSize, Offset: (q.Page - 1) * q.PageSize})
	if err != nil {
		return ChangePage{}, err
	}
	out := ChangePage{Rows: make([]ChangeDTO, 0, len(rows)), Total: total, Page: q.Page, PageSize: q.PageSize}
	refs := &refNames{st: st}
	committees, err := st.Committees()
	if err != nil {
		return ChangePage{}, err
	}
	for _, e := range rows {
		d := changeDTO(e)
		d.Committee = store.CommitteeOfChange(committees, e.At)
		for i := range d.Fields {
			refs.name(&d.Fields[i])
		}
		out.Rows = append(out.Rows, d)
	}
	return out, nil
}

// refNames shows a unit's building and owner by code and name rather than by id.
type refNames struct {
	st        *store.Store
	buildings map[string]string
	owners    map[string]string
}

func (r *refNames) name(f *FieldChange) {
	var look func(string) string
	switch f.Field {
	case "building_id":
		look = r.building
	case "owner_id":
		look = r.owner
	default:
		return
	}
	f.Kind = "ref"
	for _, v := range []*string{&f.Before, &f.After} {
		if *v != "" {
			*v = look(*v)
		}
	}
}

func (r *refNames) building(id string) string {
	if r.buildings == nil {
		r.buildings = map[string]string{}
		if bs, err := r.st.Buildings(); err == nil {
			for _, b := range bs {
				r.buildings[fmt.Sprint(b.ID)] = b.Code
			}
		}
	}
	if c, ok := r.buildings[id]; ok {
		return c
	}
	return "#" + id
}

func (r *refNames) owner(id string) string {
	if r.owners == nil {
		r.owners = map[string]string{}
	}
	if n, ok := r.owners[id]; ok {
		return n
	}
	n := "#" + id
	var oid int64
	if _, err := fmt.Sscan(id, &oid); err == nil {
		if o, err := r.st.OwnerByID(oid); err == nil && o.Name != "" {
			n = o.Name
		}
	}
	r.owners[id] = n
	return n
}

// ChainHead returns the newest link of the chain.
func (s *IntegrityService) ChainHead() (ChainHeadDTO, error) {
	st, err := s.sess.Store()
	if err != nil {
		return ChainHeadDTO{}, err
	}
	h, err := st.ChainHead()
	return ChainHeadDTO{Seq: h.Seq, Hash: h.Hash}, err
}

// Verify checks the whole file (it takes seconds on a large ledger; the window stays usable,
// since a bound call runs beside the UI): SQLite's integrity check, every link of the chain
// against the records it covers, master data against the change log, balances, attachments
// and numbering. It emits ProgressEvent ("verify": start, done).
func (s *IntegrityService) Verify() (VerifyReport, error) {
	st, err := s.sess.Store()
	if err != nil {
		return VerifyReport{}, err
	}
	if !s.verifying.TryLock() {
		return VerifyReport{}, ledger.Refuse("integrity.verify_busy")
	}
	defer s.verifying.Unlock()
	rt := s.sess.Runtime()
	rt.Emit(ProgressEvent, Progress{Task: "verify", Stage: "start"})
	start := time.Now()
	res, err := st.Verify()
	rt.Emit(ProgressEvent, Progress{Task: "verify", Stage: "done", Done: 1, Total: 1})
	if err != nil {
		return VerifyReport{}, err
	}
	r := VerifyReport{OK: res.OK, Links: res.Links, Head: ChainHeadDTO{Seq: res.Head.Seq, Hash: res.Head.Hash},
		Millis: time.Since(start).Milliseconds(), CheckedAt: time.Now().Format("2006-01-02 15:04:05"), Path: st.Path()}
	if res.Problem != nil {
		p := res.Problem
		r.Problem = &ProblemDTO{Kind: p.Kind, Table: p.Table, ID: p.ID, Seq: p.Seq, Detail: p.Detail}
	}
	if !r.OK && r.Head.Hash == "" {
		if h, err := st.ChainHead(); err == nil {
			r.Head = ChainHeadDTO{Seq: h.Seq, Hash: h.Hash}
		}
	}
	return r, nil
}

// changeDTO formats a change-log entry: the fields that differ between before and after.
func changeDTO(e store.ChangeEntry) ChangeDTO {
	d := ChangeDTO{ID: e.ID, At: localTime(e.At), Actor: e.Actor, Entity: e.Entity, EntityID: e.EntityID,
		Action: e.Action, ChainSeq: e.ChainSeq, Fields: []FieldChange{}}
	before, bOK := decodeObject(e.Before)
	after, aOK := decodeObject(e.After)
	if (e.Before != "" && !bOK) || (e.After != "" && !aOK) {
		// a set of rows (a project's scope, a case's dues): say how many rows before and after
		d.Fields = append(d.Fields, FieldChange{Field: "rows", Kind: "count", Before: rowCount(e.Before), After: rowCount(e.After)})
		return d
	}
	d.Label = labelOf(after)
	if d.Label == "" {
		d.Label = labelOf(before)
	}
	keys := map[string]bool{}
	for k := range before {
		keys[k] = true
	}
	for k := range after {
		keys[k] = true
	}
	names := make([]string, 0, len(keys))
	for k := range keys {
		if k != "id" {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, k := range names {
		b, bHas := before[k]
		a, aHas := after[k]
		if bHas && aHas && fmt.Sprint(b) == fmt.Sprint(a) {
			continue
		}
		kind, bs := formatValue(k, b, bHas)
		_, as := formatValue(k, a, aHas)
		if e.Action == "create" && as == "" {
			continue // an empty field of a new record says nothing
		}
		d.Fields = append(d.Fields, FieldChange{Field: k, Kind: kind, Before: bs, After: as})
	}
	return d
}

func localTime(stamp string) string {
	t, err := time.Parse(time.RFC3339, stamp)
	if err != nil {
		return stamp
	}
	return t.Local().Format("2006-01-02 15:04:05")
}

func decodeObject(s string) (map[string]any, bool) {
	if s == "" {
		return map[string]any{}, true
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(s)))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return nil, false
	}
	return m, true
}

func rowCount(s string) string {
	if s == "" {
		return "0"
	}
	var rows []json.RawMessage
	if err := json.Unmarshal([]byte(s), &rows); err != nil {
		return "?"
	}
	return fmt.Sprint(len(rows))
}

func labelOf(m map[string]any) string {
	for _, k := range []string{"name", "code", "room", "name_zh", "title", "period", "source_name"} {
		if v, ok := m[k]; ok && v != nil && fmt.Sprint(v) != "" {
			if k == "name_zh" {
				if c, ok := m["code"]; ok {
					return fmt.Sprint(c, " ", v)
				}
			}
			return fmt.Sprint(v)
		}
	}
	return ""
}

// percentFields hold ratios stored as fractions ("0.3"), shown as percent ("30").
var percentFields = map[string]bool{"replenish_threshold": true, "replenish_target": true, "transfer_threshold": true, "transfer_share": true}

// boolFields hold 0/1.
var boolFields = map[string]bool{"has_lift": true, "per_unit": true, "transfer_strict": true, "emergency": true, "passed": true}

// formatValue writes a field's value for reading, with its kind.
func formatValue(field string, v any, present bool) (kind, text string) {
	kind = "text"
	switch {
	case strings.HasSuffix(field, "_fen"):
		kind = "money"
	case field == "area_cm2" || strings.HasSuffix(field, "_area_cm2") || strings.HasSuffix(field, "area_cm2"):
		kind = "area"
	case percentFields[field]:
		kind = "percent"
	case boolFields[field]:
		kind = "bool"
	}
	if !present || v == nil {
		return kind, ""
	}
	s := fmt.Sprint(v)
	switch kind {
	case "money":
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				return kind, ledger.Fen(i).String()
			}
		}
	case "area":
		if n, ok := v.(json.Number); ok {
			if i, err := n.Int64(); err == nil {
				return kind, ledger.FormatArea(i)
			}
		}
	case "percent":
		if d, err := decimal.NewFromString(s); err == nil {
			return kind, d.Shift(2).String()
		}
	case "bool":
		switch s {
		case "0", "false":
			return kind, "false"
		case "1", "true":
			return kind, "true"
		}
	}
	return kind, s
}
