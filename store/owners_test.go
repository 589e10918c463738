package store_test

import (
	"testing"

	"jiayuan/store"
)

// An owner is read back as recorded; the same name and phone find the same owner (one head
// in a vote however many units), a different phone or an unknown id does not.
func TestOwnerByIDAndFindOwner(t *testing.T) {
	f := mustCreate(t)
	id, err := f.s.AddOwner(store.Owner{Name: "王建国", Phone: "13800000001"})
	if err != nil {
		t.Fatal(err)
	}
	o, err := f.s.OwnerByID(id)
	if err != nil || o.Name != "王建国" || o.Phone != "13800000001" || o.ID != id {
		t.Errorf("OwnerByID = %+v, %v", o, err)
	}
	f.refuse("owner.not_found", func() error { _, err := f.s.OwnerByID(id + 1000); return err })
	cases := []struct {
		name, phone string
		want        int64
	}{
		{"王建国", "13800000001", id},
		{" 王建国 ", "13800000001 ", id},
		{"王建国", "13800000002", 0},
		{"王建", "13800000001", 0},
	}
	for _, c := range cases {
		if got, err := f.s.FindOwner(c.name, c.phone); err != nil || got != c.want {
			t.Errorf("FindOwner(%q, %q) = %d, %v; want %d", c.name, c.phone, got, err, c.want)
		}
	}
}
