package store

import "jiayuan/store/ledger"

// checkBuildingScope: a voucher may belong to one building's owners only when it is public
// income or spending of theirs, or the fund's side of their income's transfer (whose split
// then falls on that building's units). The building must exist.
func (t *Tx) checkBuildingScope(in VoucherInput, kind string) error {
	if in.BuildingID == 0 {
		return nil
	}
	if in.Book != ledger.BookPublic && (in.Book != ledger.BookFund || (kind != "transfer" && kind != "reversal")) {
		return ledger.Refuse("scope.building_public_only")
	}
	var n int
	if err := t.QueryRow(`SELECT count(*) FROM buildings WHERE id = ?`, in.BuildingID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return ledger.Refuse("record.not_found", "what", "building", "id", in.BuildingID)
	}
	return nil
}

// buildingUnitIDs lists a building's units (never nil: a building without units splits
// nothing and is refused by the split).
func (t *Tx) buildingUnitIDs(buildingID int64) ([]int64, error) {
	rows, err := t.Query(`SELECT id FROM units WHERE building_id = ? ORDER BY id`, buildingID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
