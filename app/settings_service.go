package app

import (
	"strconv"
	"strings"

	"jiayuan/app/i18n"
	"jiayuan/app/ops"
	"jiayuan/store"
	"jiayuan/store/ledger"

	"github.com/shopspring/decimal"
)

// CommunityInput is the community's details as the forms show them: plain strings, dates
// "YYYY-MM-DD" ("" for an unknown committee term).
type CommunityInput struct {
	Name         string `json:"name"`
	Address      string `json:"address"`
	District     string `json:"district"`
	AssemblyCode string `json:"assemblyCode"`
	FundBank     string `json:"fundBank"`
	FundAccount  string `json:"fundAccount"`
	TermStart    string `json:"termStart"`
	TermEnd      string `json:"termEnd"`
	StartDate    string `json:"startDate"`
	// AssemblyOpened is the day the owners' assembly account was opened ("" = the start date):
	// audit periods count from it (R7).
	AssemblyOpened string `json:"assemblyOpened"`
}

// PolicyInput is the rule settings of DESIGN.md §3 as people read and type them: ratios in
// percent ("30", "50"), days and months as typed ("90"). Go parses and refuses them.
type PolicyInput struct {
	ReplenishThreshold string `json:"replenishThreshold"` // R1, percent
	ReplenishTarget    string `json:"replenishTarget"`    // R1, percent
	DecisionDays       string `json:"decisionDays"`
	PaymentDays        string `json:"paymentDays"`
	TriggerLevel       string `json:"triggerLevel"`      // community, building, unit
	TransferThreshold  string `json:"transferThreshold"` // R2, percent
	TransferShare      string `json:"transferShare"`     // R2, percent
	TransferStrict     bool   `json:"transferStrict"`
	TransferMode       string `json:"transferMode"`      // R2: "always" (the statute) or "below_threshold"; "" = always
	TransferGraceDays  string `json:"transferGraceDays"` // R2: days after a quarter before its transfer is overdue; "" = 30
	// Statutory (read only): the R2 settings meet Shanghai's statute (every quarter, more than 50%).
	Statutory               bool   `json:"statutory"`
	FundDisclosureMonths    string `json:"fundDisclosureMonths"`
	PublicDisclosureMonths  string `json:"publicDisclosureMonths"`
	WorkingDisclosureMonths string `json:"workingDisclosureMonths"`
	DisclosureGraceDays     string `json:"disclosureGraceDays"`

	// R1: garages and other non-residential units count in the ratio (default: accounted
	// separately, 单独核算)
	IncludeNonResidential bool `json:"includeNonResidential"`
}

// CommunitySettings is the settings screen's community part.
type CommunitySettings struct {
	Community CommunityInput `json:"community"`
	Policy    PolicyInput    `json:"policy"`
	// StartDateFixed: the ledger has vouchers, so the first day of the books can no longer change.
	StartDateFixed bool `json:"startDateFixed"`
}

// Preferences are the user's own settings, kept in the config, not in a ledger.
type Preferences struct {
	Language string `json:"language"` // zh-CN or en
	UserName string `json:"userName"`
}

// SettingsService reads and changes the user's preferences and the open ledger's community
// details and rule settings. It is bound to the frontend.
type SettingsService struct {
	sess *Session
}

// NewSettingsService builds the service.
func NewSettingsService(sess *Session) *SettingsService { return &SettingsService{sess: sess} }

// Preferences returns the language and the user's name.
func (s *SettingsService) Preferences() Preferences {
	c := s.sess.cfg.Load()
	return Preferences{Language: string(i18n.ParseLang(c.Language)), UserName: c.UserName}
}

// SetLanguage remembers the UI language, so texts the Go side shows (dialog titles) follow it.
func (s *SettingsService) SetLanguage(lang string) (Preferences, error) {
	l := string(i18n.ParseLang(lang))
	if err := s.sess.cfg.Update(func(c *ops.Config) { c.Language = l }); err != nil {
		return Preferences{}, err
	}
	return s.Preferences(), nil
}

// SetUserName remembers who the change log names and applies it to the open ledger at once.
func (s *SettingsService) SetUserName(name string) (Preferences, error) {
	name = strings.TrimSpace(name)
	if len([]rune(name)) > 40 {
		return Preferences{}, ledger.Refuse("settings.user_name_too_long", "field", "userName")
	}
	if err := s.sess.cfg.Update(func(c *ops.Config) { c.UserName = name }); err != nil {
		return Preferences{}, err
	}
	s.sess.mu.RLock()
	if s.sess.st != nil {
		s.sess.st.SetActor(name)
	}
	s.sess.mu.RUnlock()
	return s.Preferences(), nil
}

// Community returns the open ledger's community details and rule settings.
func (s *SettingsService) Community() (CommunitySettings, error) {
	st, err := s.sess.Store()
	if err != nil {
		return CommunitySettings{}, err
	}
	return communitySettings(st)
}

func communitySettings(st *store.Store) (CommunitySettings, error) {
	c, err := st.Community()
	if err != nil {
		return CommunitySettings{}, err
	}
	vouchers := 0
	for _, b := range ledger.Books {
		_, n, err := st.Vouchers(store.VoucherFilter{Book: b, Limit: 1})
		if err != nil {
			return CommunitySettings{}, err
		}
		vouchers += n
	}
	return CommunitySettings{Community: communityInputOf(c), Policy: PolicyInputOf(c.Policy), StartDateFixed: vouchers > 0}, nil
}

// UpdateCommunity changes the community's details and rule settings; the store logs the
// change (before → after) in the change log.
func (s *SettingsService) UpdateCommunity(in CommunitySettings) (CommunitySettings, error) {
	st, err := s.sess.Store()
	if err != nil {
		return CommunitySettings{}, err
	}
	c, err := parseCommunity(in.Community)
	if err != nil {
		return CommunitySettings{}, err
	}
	if c.Policy, err = ParsePolicy(in.Policy); err != nil {
		return CommunitySettings{}, err
	}
	if err := st.UpdateCommunity(c); err != nil {
		return CommunitySettings{}, err
	}
	return communitySettings(st)
}

// PolicyDefaults returns the Shanghai defaults (DESIGN.md §3).
func (s *SettingsService) PolicyDefaults() PolicyInput { return PolicyInputOf(ledger.DefaultPolicy()) }

func communityInputOf(c store.Community) CommunityInput {
	return CommunityInput{Name: c.Name, Address: c.Address, District: c.District, AssemblyCode: c.AssemblyCode,
		FundBank: c.FundBank, FundAccount: c.FundAccount, TermStart: c.TermStart, TermEnd: c.TermEnd, StartDate: c.StartDate,
		AssemblyOpened: c.AssemblyOpened}
}

// parseCommunity checks the details with the field at fault named in the refusal (args
// "field"), so a form can mark it.
func parseCommunity(in CommunityInput) (store.Community, error) {
	return ops.CheckCommunity(store.Community{Name: in.Name, Address: in.Address, District: in.District,
		AssemblyCode: in.AssemblyCode, FundBank: in.FundBank, FundAccount: in.FundAccount, TermStart: in.TermStart,
		TermEnd: in.TermEnd, StartDate: in.StartDate, AssemblyOpened: in.AssemblyOpened, Policy: ledger.DefaultPolicy()})
}

// PolicyInputOf writes settings as the forms show them.
func PolicyInputOf(p ledger.Policy) PolicyInput {
	pct := func(d decimal.Decimal) string { return d.Shift(2).String() }
	return PolicyInput{ReplenishThreshold: pct(p.ReplenishThreshold), ReplenishTarget: pct(p.ReplenishTarget),
		DecisionDays: strconv.Itoa(p.DecisionDays), PaymentDays: strconv.Itoa(p.PaymentDays), TriggerLevel: p.TriggerLevel,
		TransferThreshold: pct(p.TransferThreshold), TransferShare: pct(p.TransferShare), TransferStrict: p.TransferStrict,
		FundDisclosureMonths: strconv.Itoa(p.FundDisclosureMonths), PublicDisclosureMonths: strconv.Itoa(p.PublicDisclosureMonths),
		WorkingDisclosureMonths: strconv.Itoa(p.WorkingDisclosureMonths), DisclosureGraceDays: strconv.Itoa(p.DisclosureGraceDays),
		IncludeNonResidential: p.IncludeNonResidential,
		TransferMode:          p.TransferMode, TransferGraceDays: strconv.Itoa(p.TransferGraceDays), Statutory: p.Statutory()}
}

// ParsePolicy reads settings as typed: percentages ("30", "30%", "３０") and whole numbers
// of days and months. A refusal names the field (args "field").
func ParsePolicy(in PolicyInput) (ledger.Policy, error) {
	var p ledger.Policy
	var err error
	if strings.TrimSpace(in.TransferGraceDays) == "" {
		in.TransferGraceDays = strconv.Itoa(ledger.DefaultPolicy().TransferGraceDays)
	}
	for _, f := range []struct {
		field string
		in    string
		dst   *decimal.Decimal
	}{
		{"replenishThreshold", in.ReplenishThreshold, &p.ReplenishThreshold},
		{"replenishTarget", in.ReplenishTarget, &p.ReplenishTarget},
		{"transferThreshold", in.TransferThreshold, &p.TransferThreshold},
		{"transferShare", in.TransferShare, &p.TransferShare},
	} {
		if *f.dst, err = parsePercent(f.in, f.field); err != nil {
			return p, err
		}
	}
	for _, f := range []struct {
		field    string
		in       string
		dst      *int
		min, max int
	}{
		{"decisionDays", in.DecisionDays, &p.DecisionDays, 1, 3650},
		{"paymentDays", in.PaymentDays, &p.PaymentDays, 1, 3650},
		{"disclosureGraceDays", in.DisclosureGraceDays, &p.DisclosureGraceDays, 0, 365},
		{"transferGraceDays", in.TransferGraceDays, &p.TransferGraceDays, 0, 366},
		{"fundDisclosureMonths", in.FundDisclosureMonths, &p.FundDisclosureMonths, 1, 12},
		{"publicDisclosureMonths", in.PublicDisclosureMonths, &p.PublicDisclosureMonths, 1, 12},
		{"workingDisclosureMonths", in.WorkingDisclosureMonths, &p.WorkingDisclosureMonths, 1, 12},
	} {
		if *f.dst, err = parseWhole(f.in, f.field, f.min, f.max); err != nil {
			return p, err
		}
	}
	p.TriggerLevel, p.TransferStrict = strings.TrimSpace(in.TriggerLevel), in.TransferStrict
	p.IncludeNonResidential = in.IncludeNonResidential
	if p.TriggerLevel == "" {
		p.TriggerLevel = "community"
	}
	if p.TransferMode = strings.TrimSpace(in.TransferMode); p.TransferMode == "" {
		p.TransferMode = ledger.TransferAlways
	}
	if p.TransferStrict && p.TransferShare.Equal(decimal.NewFromInt(1)) {
		return p, ledger.Refuse("settings.strict_share_100", "field", "transferShare")
	}
	if err := p.Validate(); err != nil {
		switch ledger.KeyOf(err) {
		case "policy.target_below_threshold":
			return p, withArgs(err, "field", "replenishTarget")
		case "policy.disclosure_months":
			return p, withArgs(err, "field", "fundDisclosureMonths")
		case "policy.unknown_level":
			return p, withArgs(err, "field", "triggerLevel")
		case "policy.unknown_transfer_mode":
			return p, withArgs(err, "field", "transferMode")
		}
		return p, err
	}
	return p, nil
}

// normalizeDigits maps full-width digits and punctuation to ASCII.
func normalizeDigits(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
		case r == '．' || r == '。':
			b.WriteByte('.')
		case r == '％':
			b.WriteByte('%')
		case r == '　':
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// parsePercent reads "30", "30%", "30.5" as a fraction (0.3) greater than 0 and at most 1.
func parsePercent(s, field string) (decimal.Decimal, error) {
	t := strings.TrimSpace(strings.TrimSuffix(normalizeDigits(s), "%"))
	if t == "" {
		return decimal.Zero, ledger.Refuse("settings.percent_empty", "field", field)
	}
	for _, r := range t {
		if (r < '0' || r > '9') && r != '.' {
			return decimal.Zero, ledger.Refuse("settings.percent_invalid", "field", field, "input", s)
		}
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return decimal.Zero, ledger.Refuse("settings.percent_invalid", "field", field, "input", s)
	}
	if d.Sign() <= 0 || d.GreaterThan(decimal.NewFromInt(100)) {
		return decimal.Zero, ledger.Refuse("settings.percent_range", "field", field, "input", s)
	}
	if d.Exponent() < -2 {
		return decimal.Zero, ledger.Refuse("settings.percent_decimals", "field", field, "input", s)
	}
	return d.Shift(-2), nil
}

// parseWhole reads a whole number between lo and hi.
func parseWhole(s, field string, lo, hi int) (int, error) {
	t := normalizeDigits(s)
	if t == "" {
		return 0, ledger.Refuse("settings.number_empty", "field", field)
	}
	n, err := strconv.Atoi(t)
	if err != nil {
		return 0, ledger.Refuse("settings.number_invalid", "field", field, "input", s)
	}
	if n < lo || n > hi {
		return 0, ledger.Refuse("settings.number_range", "field", field, "input", s, "min", lo, "max", hi)
	}
	return n, nil
}

// withArgs returns a copy of a refusal with more arguments (a form field, a grid row); other
// errors pass unchanged.
func withArgs(err error, kv ...any) error { return ops.WithArgs(err, kv...) }
