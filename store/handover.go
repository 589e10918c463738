package store

import (
	"strings"
	"unicode/utf8"

	"jiayuan/store/ledger"
)

func init() {
	snapshotters["handover"] = tableRow("handovers")
	trackedTables["handover"] = "handovers"
}

// HandoverInput is a hand-over between committee terms to record.
type HandoverInput struct {
	Date               string
	Outgoing, Incoming string // the committees' names, e.g. 第二届业主委员会
	Note               string
}

// Handover is a recorded hand-over.
type Handover struct {
	ID int64
	HandoverInput
}

// RecordHandover records that the books were handed over from one committee to the next on a
// date (logged and chained). It may not be dated in the future, nor before the books start,
// and there is one per day; a later hand-over follows the last one.
func (s *Store) RecordHandover(in HandoverInput) (int64, error) {
	in.Outgoing, in.Incoming, in.Note = strings.TrimSpace(in.Outgoing), strings.TrimSpace(in.Incoming), strings.TrimSpace(in.Note)
	d, err := ledger.ParseDate(strings.TrimSpace(in.Date))
	if err != nil {
		return 0, err
	}
	in.Date = ledger.FormatDate(d)
	switch {
	case in.Outgoing == "" || in.Incoming == "":
		return 0, ledger.Refuse("handover.names_empty")
	case in.Outgoing == in.Incoming:
		return 0, ledger.Refuse("handover.same_committee", "name", in.Outgoing)
	case utf8.RuneCountInString(in.Outgoing) > 60 || utf8.RuneCountInString(in.Incoming) > 60:
		return 0, ledger.Refuse("handover.name_too_long")
	}
	if today := ledger.FormatDate(s.now().In(shanghaiZone)); in.Date > today {
		return 0, ledger.Refuse("handover.future", "date", in.Date, "today", today)
	}
	var id int64
	err = s.write(bg, func(t *Tx) error {
		c, err := readCommunity(t)
		if err != nil {
			return err
		}
		if in.Date < c.StartDate {
			return ledger.Refuse("handover.before_start", "date", in.Date, "start", c.StartDate)
		}
		var last string
		t.Get(&last, `SELECT COALESCE(MAX(date), '') FROM handovers`)
		if last != "" && in.Date <= last {
			return ledger.Refuse("handover.not_after_last", "date", in.Date, "last", last)
		}
		id, err = t.insertLogged("handover", `INSERT INTO handovers(date, outgoing, incoming, note) VALUES (?,?,?,?)`,
			in.Date, in.Outgoing, in.Incoming, in.Note)
		return err
	})
	return id, err
}

// Handovers lists the recorded hand-overs in date order.
func (s *Store) Handovers() ([]Handover, error) {
	if !hasTable(s.db, "handovers") {
		return nil, nil
	}
	rows, err := s.db.Query(`SELECT id, date, outgoing, incoming, note FROM handovers ORDER BY date`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Handover
	for rows.Next() {
		var h Handover
		if err := rows.Scan(&h.ID, &h.Date, &h.Outgoing, &h.Incoming, &h.Note); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// Committees returns the hand-overs as the core's CommitteeAt takes them.
func (s *Store) Committees() ([]ledger.Handover, error) {
	hs, err := s.Handovers()
	out := make([]ledger.Handover, len(hs))
	for i, h := range hs {
		out[i] = ledger.Handover{Date: h.Date, Outgoing: h.Outgoing, Incoming: h.Incoming}
	}
	return out, err
}

// CommitteeOfChange names the committee that made a change-log entry (its time, RFC 3339, as
// a Shanghai day), "" before any hand-over was recorded.
func CommitteeOfChange(hs []ledger.Handover, at string) string {
	return ledger.CommitteeAt(hs, shanghaiDay(at))
}
