package app

// The contracts screen's shapes (合同): amounts are strings ("1,234.50" is never sent; "1234.50"
// is), dates YYYY-MM-DD, quarters "2026Q2".

// ContractQuarterView is one quarter of a contract: what it should have brought and what
// was received on its income account.
type ContractQuarterView struct {
	Quarter  string `json:"quarter"`
	Expected string `json:"expected"`
	Received string `json:"received"`
	Missing  bool   `json:"missing"` // a past quarter that expected income and received none
}

// ContractView is one contract of the register with its income to date and its flags.
type ContractView struct {
	ID                int64                 `json:"id"`
	Counterparty      string                `json:"counterparty"`
	CommonPart        string                `json:"commonPart"`
	BuildingID        int64                 `json:"buildingId"` // 0: the whole community
	Building          string                `json:"building"`   // "3号", "" for the whole community
	Start             string                `json:"start"`
	End               string                `json:"end"`
	Period            string                `json:"period"` // month, quarter, year
	Amount            string                `json:"amount"` // per period
	Collector         string                `json:"collector"`
	AccountCode       string                `json:"accountCode"`
	AccountName       string                `json:"accountName"`
	ResolutionID      int64                 `json:"resolutionId"`
	ResolutionSubject string                `json:"resolutionSubject"`
	ResolutionDate    string                `json:"resolutionDate"`
	Note              string                `json:"note"`
	ManagementShare   string                `json:"managementShare"` // agreed most kept for labour and management, percent; "" none
	Expected          string                `json:"expected"`        // from the start through today's quarter (the whole of it)
	Received          string                `json:"received"`
	Expiring          bool                  `json:"expiring"` // ends within 90 days
	Ended             bool                  `json:"ended"`
	Missing           []string              `json:"missing"` // past quarters without income
	Quarters          []ContractQuarterView `json:"quarters"`
}

// ContractForm is a contract as typed.
type ContractForm struct {
	Counterparty string `json:"counterparty"`
	CommonPart   string `json:"commonPart"`
	BuildingID   int64  `json:"buildingId"` // 0: the whole community
	Start        string `json:"start"`
	End          string `json:"end"`
	Period       string `json:"period"`
	Amount       string `json:"amount"` // per period, yuan
	Collector    string `json:"collector"`
	AccountCode  string `json:"accountCode"`
	ResolutionID int64  `json:"resolutionId"`
	Note         string `json:"note"`
	AttachmentID int64  `json:"attachmentId"` // the signed contract, 0 for none
	// ManagementShare is the most of the gross, in percent, the property company may keep for
	// its labour and management cost (taxes are apart: store.ContractInput); "" when the
	// contract states none.
	ManagementShare string `json:"managementShare"`
}

// ContractOption is a building or an income account the form offers.
type ContractOption struct {
	ID   int64  `json:"id"`
	Code string `json:"code"`
	Name string `json:"name"`
}

// ContractOptions is what the contract form offers.
type ContractOptions struct {
	Today     string           `json:"today"`
	Buildings []ContractOption `json:"buildings"`
	Accounts  []ContractOption `json:"accounts"` // the public book's income accounts
}

// ContractsHeld is what the property company reported and transferred up to today: its
// quarterly statements' gross, deductions and net, what was transferred to the owners'
// assembly's account, and what it still holds (the receivable 应收物业公司公共收益).
type ContractsHeld struct {
	Statements  int    `json:"statements"`
	Gross       string `json:"gross"`
	Deductions  string `json:"deductions"`
	Net         string `json:"net"`
	Transferred string `json:"transferred"`
	Held        string `json:"held"`
}
