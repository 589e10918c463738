package app

import (
	"strconv"
	"strings"
	"time"

	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"
)

// ResolutionService is the resolutions register (决议): decisions of the owners' assembly and
// of the committee, their publication, and the resolutions a voucher may cite (R8). It is
// bound to the frontend.
type ResolutionService struct {
	sess *Session
}

// NewResolutionService builds the service.
func NewResolutionService(sess *Session) *ResolutionService { return &ResolutionService{sess: sess} }

// ResolutionView is one resolution of the register.
type ResolutionView struct {
	ID           int64  `json:"id"`
	Body         string `json:"body"`
	Purpose      string `json:"purpose"`
	Date         string `json:"date"`
	Subject      string `json:"subject"`
	Text         string `json:"text"`
	PublishedOn  string `json:"publishedOn"`
	PublishDue   string `json:"publishDue"`
	Overdue      bool   `json:"overdue"` // not published within 3 days
	Passed       bool   `json:"passed"`
	Figures      string `json:"figures"` // "参与 80.00% 面积 / 80.00% 人数；同意 …" or "委员 7，出席 5，赞成 4，反对 1"
	Amount       string `json:"amount"`  // "0.00" when not limited
	PerCase      string `json:"perCase"`
	Used         string `json:"used"`
	Year         int    `json:"year"`
	AccountCode  string `json:"accountCode"`
	DelegationID int64  `json:"delegationId"`
	ProjectID    int64  `json:"projectId"`
	Attachments  int    `json:"attachments"`
}

// ResolutionForm is a resolution as typed.
type ResolutionForm struct {
	Body          string  `json:"body"`
	Purpose       string  `json:"purpose"`
	Date          string  `json:"date"`
	Subject       string  `json:"subject"`
	Text          string  `json:"text"`
	PublishedOn   string  `json:"publishedOn"`
	PartArea      string  `json:"partArea"` // m²
	PartOwners    string  `json:"partOwners"`
	AgreeArea     string  `json:"agreeArea"`
	AgreeOwners   string  `json:"agreeOwners"`
	Members       string  `json:"members"`
	Present       string  `json:"present"`
	For           string  `json:"for"`
	Against       string  `json:"against"`
	DelegationID  int64   `json:"delegationId"`
	Amount        string  `json:"amount"`
	PerCase       string  `json:"perCase"`
	Year          int     `json:"year"`
	AccountCode   string  `json:"accountCode"`
	AttachmentIDs []int64 `json:"attachmentIds"`
}

// List returns the register, newest first.
func (s *ResolutionService) List() ([]ResolutionView, error) {
	st, err := s.sess.Store()
	if err != nil {
		return nil, err
	}
	reg, err := st.Register()
	if err != nil {
		return nil, err
	}
	now := s.sess.now()
	out := make([]ResolutionView, 0, len(reg))
	for _, e := range reg {
		out = append(out, resolutionView(e, now))
	}
	return out, nil
}

func resolutionView(e store.RegisterEntry, now time.Time) ResolutionView {
	v := ResolutionView{ID: e.ID, Body: string(e.Body), Purpose: string(e.Purpose), Date: e.Date, Subject: e.Subject, Text: e.Text,
		PublishedOn: e.PublishedOn, PublishDue: e.PublishDue, Passed: e.Passed, Amount: e.Amount.String(), PerCase: e.PerCase.String(),
		Used: e.Used.String(), Year: e.Year, AccountCode: e.AccountCode, DelegationID: e.DelegationID, ProjectID: e.ProjectID,
		Attachments: len(e.Attachments)}
	v.Overdue = e.PublishedOn == "" && now.Format(ledger.DateLayout) > e.PublishDue
	if e.Body == ledger.BodyCommittee {
		v.Figures = strings.Join([]string{itoa64(e.Committee.Members), itoa64(e.Committee.Present), itoa64(e.Committee.For), itoa64(e.Committee.Against)}, "/")
	} else {
		v.Figures = ops.Percent(e.PartArea, e.ScopeArea) + "/" + ops.Percent(e.PartOwners, e.ScopeOwners) + "/" +
			ops.Percent(e.AgreeArea, e.PartArea) + "/" + ops.Percent(e.AgreeOwners, e.PartOwners)
	}
	return v
}

// Citable lists the passed resolutions of a purpose dated on or before date: what a voucher
// (an allocation, an other use, a delegated repair) may cite.
func (s *ResolutionService) Citable(purpose, date string) ([]ResolutionView, error) {
	all, err := s.List()
	if err != nil {
		return nil, err
	}
	out := []ResolutionView{}
	for _, v := range all {
		if v.Passed && v.Purpose == purpose && (date == "" || v.Date <= date) {
			out = append(out, v)
		}
	}
	return out, nil
}

// Record records a resolution as typed and returns it.
func (s *ResolutionService) Record(f ResolutionForm) (ResolutionView, error) {
	st, err := s.sess.Store()
	if err != nil {
		return ResolutionView{}, err
	}
	in := store.ResolutionInput{Body: ledger.ResolutionBody(f.Body), Purpose: ledger.Purpose(f.Purpose), Date: strings.TrimSpace(f.Date),
		Subject: f.Subject, Text: f.Text, PublishedOn: strings.TrimSpace(f.PublishedOn), DelegationID: f.DelegationID, Year: f.Year,
		AccountCode: f.AccountCode, AttachmentIDs: f.AttachmentIDs}
	if in.Body == ledger.BodyCommittee {
		for _, c := range []struct {
			raw string
			dst *int64
		}{{f.Members, &in.Committee.Members}, {f.Present, &in.Committee.Present}, {f.For, &in.Committee.For}, {f.Against, &in.Committee.Against}} {
			if *c.dst, err = ops.ParseCount(c.raw); err != nil {
				return ResolutionView{}, err
			}
		}
	} else {
		for _, c := range []struct {
			raw  string
			dst  *int64
			area bool
		}{{f.PartArea, &in.PartArea, true}, {f.PartOwners, &in.PartOwners, false}, {f.AgreeArea, &in.AgreeArea, true}, {f.AgreeOwners, &in.AgreeOwners, false}} {
			if c.area {
				*c.dst, err = ops.ParseVoteArea(c.raw)
			} else {
				*c.dst, err = ops.ParseCount(c.raw)
			}
			if err != nil {
				return ResolutionView{}, err
			}
		}
	}
	for _, a := range []struct {
		raw string
		dst *ledger.Money
	}{{f.Amount, &in.Amount}, {f.PerCase, &in.PerCase}} {
		if strings.TrimSpace(a.raw) == "" {
			continue
		}
		if *a.dst, err = ledger.ParseAmount(a.raw); err != nil {
			return ResolutionView{}, err
		}
	}
	id, err := st.RecordResolution(in)
	if err != nil {
		return ResolutionView{}, err
	}
	all, err := s.List()
	if err != nil {
		return ResolutionView{}, err
	}
	for _, v := range all {
		if v.ID == id {
			return v, nil
		}
	}
	return ResolutionView{}, ledger.Refuse("record.not_found", "what", "resolution", "id", id)
}

// Publish records the date a resolution's notice (公告) was posted.
func (s *ResolutionService) Publish(id int64, date string) error {
	st, err := s.sess.Store()
	if err != nil {
		return err
	}
	return st.PublishResolution(id, strings.TrimSpace(date))
}

func itoa64(n int64) string { return strconv.FormatInt(n, 10) }
