package store

// The master data added for R1 in the statute's order (migration 0004): each is logged and
// chained like the rest, and verify finds its rows edited, added or removed outside the app.
var replenishLogged = map[string]string{
	"fund_policy":          "fund_policy",
	"replenishment_terms":  "replenishment_terms",
	"replenishment_demand": "replenishment_demands",
	"unit_owner_change":    "unit_owner_changes",
	"project_emergency":    "project_emergency",
}

func init() {
	for entity, table := range replenishLogged {
		snapshotters[entity] = tableRow(table)
		trackedTables[entity] = table
	}
}
