package app

import (
	"testing"

	"jiayuan/store"
	"jiayuan/store/ledger"
)

func TestPreferencesPersistAndTheNameSignsTheChangeLog(t *testing.T) {
	sess, _, dir := testSession(t)
	s := NewSettingsService(sess)
	if p := s.Preferences(); p.Language != "zh-CN" || p.UserName != "" {
		t.Fatalf("defaults %+v", p)
	}
	if p, err := s.SetLanguage("en"); err != nil || p.Language != "en" {
		t.Fatalf("set language %+v %v", p, err)
	}
	if sess.lang() != "en" {
		t.Error("Go-side texts do not follow the language")
	}
	if p, _ := s.SetLanguage("klingon"); p.Language != "zh-CN" {
		t.Errorf("an unknown language falls back to zh-CN: %s", p.Language)
	}
	in := goodInput(dir)
	in.Units = nil
	if _, err := NewLedgerService(sess).CreateLedger(in); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetUserName("  陈秘书 "); err != nil {
		t.Fatal(err)
	}
	if NewSettingsService(sess).Preferences().UserName != "陈秘书" {
		t.Error("the name is not kept")
	}
	if _, err := NewUnitService(sess).AddBuilding(BuildingInput{Code: "9号"}); err != nil {
		t.Fatal(err)
	}
	st, _ := sess.Store()
	rows, _, _ := st.Changes(store.ChangeFilter{Entity: "building", Limit: 1})
	if len(rows) != 1 || rows[0].Actor != "陈秘书" {
		t.Errorf("the change log names %+v, want 陈秘书 at once", rows)
	}
}

func TestUpdateCommunityChangesPolicyAndIsLogged(t *testing.T) {
	sess, _, dir := testSession(t)
	in := goodInput(dir)
	in.Units = nil
	if _, err := NewLedgerService(sess).CreateLedger(in); err != nil {
		t.Fatal(err)
	}
	s := NewSettingsService(sess)
	cs, err := s.Community()
	if err != nil {
		t.Fatal(err)
	}
	// a new ledger follows Shanghai's statute for public income: every quarter, more than 50%
	if cs.Policy.ReplenishThreshold != "30" || cs.Policy.TransferShare != "50" || cs.Policy.DecisionDays != "90" || cs.StartDateFixed ||
		cs.Policy.TransferMode != "always" || !cs.Policy.TransferStrict || !cs.Policy.Statutory || cs.Policy.TransferGraceDays != "30" {
		t.Fatalf("settings %+v", cs)
	}
	cs.Policy.ReplenishThreshold = "２５％"
	// the management rules may choose the national list's rule instead
	cs.Policy.TransferStrict = false
	cs.Policy.TransferMode = "below_threshold"
	cs.Community.Address = "新地址"
	got, err := s.UpdateCommunity(cs)
	if err != nil {
		t.Fatal(err)
	}
	if got.Policy.ReplenishThreshold != "25" || got.Policy.TransferStrict || got.Policy.Statutory || got.Policy.TransferMode != "below_threshold" ||
		got.Community.Address != "新地址" {
		t.Errorf("after update %+v", got)
	}
	page, err := NewIntegrityService(sess).Changes(ChangeQuery{Entity: "community", PageSize: 1})
	if err != nil || len(page.Rows) != 1 {
		t.Fatal(page, err)
	}
	fields := map[string]FieldChange{}
	for _, f := range page.Rows[0].Fields {
		fields[f.Field] = f
	}
	if f := fields["replenish_threshold"]; f.Before != "30" || f.After != "25" || f.Kind != "percent" {
		t.Errorf("threshold change %+v", f)
	}
	if f := fields["transfer_strict"]; f.Before != "true" || f.After != "false" || f.Kind != "bool" {
		t.Errorf("strict change %+v", f)
	}
	if f := fields["transfer_mode"]; f.Before != "always" || f.After != "below_threshold" {
		t.Errorf("mode change %+v", f)
	}
	if _, ok := fields["name"]; ok || len(fields) != 4 {
		t.Errorf("only the changed fields are listed: %+v", page.Rows[0].Fields)
	}
	for _, c := range []struct {
		edit  func(*CommunitySettings)
		key   string
		field string
	}{
		{func(c *CommunitySettings) { c.Policy.ReplenishThreshold = "abc" }, "settings.percent_invalid", "replenishThreshold"},
		{func(c *CommunitySettings) { c.Policy.TransferShare = "120" }, "settings.percent_range", "transferShare"},
		{func(c *CommunitySettings) { c.Policy.TransferShare = "100"; c.Policy.TransferStrict = true }, "settings.strict_share_100", "transferShare"},
		{func(c *CommunitySettings) { c.Policy.DecisionDays = "九十" }, "settings.number_invalid", "decisionDays"},
		{func(c *CommunitySettings) { c.Policy.DecisionDays = "0" }, "settings.number_range", "decisionDays"},
		{func(c *CommunitySettings) { c.Policy.PublicDisclosureMonths = "5" }, "policy.disclosure_months", "fundDisclosureMonths"},
		{func(c *CommunitySettings) { c.Community.Name = "" }, "community.name_empty", "name"},
		{func(c *CommunitySettings) { c.Policy.TransferMode = "sometimes" }, "policy.unknown_transfer_mode", "transferMode"},
		{func(c *CommunitySettings) { c.Policy.TransferGraceDays = "400" }, "settings.number_range", "transferGraceDays"},
		{func(c *CommunitySettings) { c.Community.AssemblyOpened = "2024-13-01" }, "date.invalid", "assemblyOpened"},
	} {
		x := got
		c.edit(&x)
		_, err := s.UpdateCommunity(x)
		var le *ledger.Error
		if !asLedgerError(err, &le) || le.Key != c.key || le.Args["field"] != c.field {
			t.Errorf("got %v, want %s on %s", err, c.key, c.field)
		}
	}
	after, _ := s.Community()
	if after.Policy.ReplenishThreshold != "25" {
		t.Error("a refused update changed the settings")
	}
	if d := s.PolicyDefaults(); d.ReplenishThreshold != "30" || d.ReplenishTarget != "50" || d.PaymentDays != "90" || d.FundDisclosureMonths != "6" {
		t.Errorf("defaults %+v", d)
	}
}
