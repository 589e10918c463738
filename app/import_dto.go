package app

// Types of the Import screen (数据导入) and the bank reconciliation screen (银行对账). Amounts are
// canonical strings ("1234.50"), dates "YYYY-MM-DD".

// ImportInput is what the Import screen chose: the kind of file, the file, and how to read it.
type ImportInput struct {
	Kind  string `json:"kind"` // units, vouchers, bank, statement
	Path  string `json:"path"`
	Sheet string `json:"sheet"` // XLSX: "" = the first sheet
	// Book is the account of a bank statement (required), or the book of a voucher file
	// without a 账簿 column.
	Book string `json:"book"`
	// Mapping overrides the columns guessed: field → the file's header; "" = no column.
	Mapping map[string]string `json:"mapping"`
	// Quarter and Company: a statement's quarter ("" = its 季度 column or the file's name) and
	// the property company that sent it.
	Quarter string `json:"quarter"`
	Company string `json:"company"`
	// The page of rows the preview returns (from 1), and only rows with a problem.
	Page         int  `json:"page"`
	PageSize     int  `json:"pageSize"`
	OnlyProblems bool `json:"onlyProblems"`
}

// ImportFieldDTO is a column the import understands, and the file's column read for it.
type ImportFieldDTO struct {
	Name     string `json:"name"`
	Label    string `json:"label"`   // zh-CN
	LabelEn  string `json:"labelEn"` // en
	Required bool   `json:"required"`
	// AnyOf: one of the fields of the group must be present (a debit or a credit column).
	AnyOf  []string `json:"anyOf"`
	Kind   string   `json:"kind"`   // text, money, date, number
	Column string   `json:"column"` // the file's header read for it; "" = none
	Mapped bool     `json:"mapped"` // the user chose the column
}

// ImportCellDTO is a cell as read: an amount "1234.50", a date "2024-03-15"; OK false when it
// does not read (Value is then the cell as written).
type ImportCellDTO struct {
	Value string `json:"value"`
	OK    bool   `json:"ok"`
}

// ImportRowDTO is a data row of the file: its row number as the spreadsheet shows it, its
// cells in the order of the fields, and whether a problem concerns it.
type ImportRowDTO struct {
	Row     int             `json:"row"`
	Cells   []ImportCellDTO `json:"cells"`
	Problem bool            `json:"problem"`
}

// ImportProblemDTO is what is wrong with a row (Row 0: the file as a whole), translated.
type ImportProblemDTO struct {
	Row       int               `json:"row"`
	Last      int               `json:"last"`   // the last row, when it spans several (a voucher)
	Column    string            `json:"column"` // the file's header concerned, if any
	Key       string            `json:"key"`
	Args      map[string]string `json:"args"`
	Message   string            `json:"message"`
	MessageEn string            `json:"messageEn"`
}

// ImportResultDTO says what an import did, or would do in a dry run.
type ImportResultDTO struct {
	Kind            string             `json:"kind"`
	Book            string             `json:"book"`
	File            string             `json:"file"`
	Rows            int                `json:"rows"`      // data rows read
	Created         int                `json:"created"`   // units, vouchers or bank lines
	Skipped         int                `json:"skipped"`   // already in the ledger
	Buildings       int                `json:"buildings"` // units: buildings created
	Owners          int                `json:"owners"`    // units: owners created
	Transfers       int                `json:"transfers"` // vouchers: transfers between books
	Matched         int                `json:"matched"`   // bank: lines matched to a voucher
	Unmatched       int                `json:"unmatched"`
	AlreadyImported bool               `json:"alreadyImported"`
	PreviousAt      string             `json:"previousAt"` // when the same rows were imported, local time
	DryRun          bool               `json:"dryRun"`
	Warnings        []ImportProblemDTO `json:"warnings"`
	Seconds         string             `json:"seconds"` // how long it took, "1.2"
}

// ImportPreview is how a file reads: its columns and the mapping, a page of its rows, every
// problem (at most MaxImportProblems listed), and what importing it would do.
type ImportPreview struct {
	Kind     string   `json:"kind"`
	Path     string   `json:"path"`
	File     string   `json:"file"`
	Format   string   `json:"format"`   // csv, xlsx
	Encoding string   `json:"encoding"` // csv: utf-8, utf-8-bom, utf-16le, utf-16be, gb18030
	Sheet    string   `json:"sheet"`
	Sheets   []string `json:"sheets"`
	// HeaderRow is the row of the header; when HeaderFound is false, the row most like one.
	HeaderRow   int              `json:"headerRow"`
	HeaderFound bool             `json:"headerFound"`
	Headers     []string         `json:"headers"` // the file's column headers, as written
	Fields      []ImportFieldDTO `json:"fields"`
	DataRows    int              `json:"dataRows"` // data rows read
	Skipped     int              `json:"skipped"`  // total lines, repeated headers, zero bank lines
	// The page of rows asked for, and how many rows the filter selects.
	Rows     []ImportRowDTO `json:"rows"`
	Total    int            `json:"total"`
	Page     int            `json:"page"`
	PageSize int            `json:"pageSize"`
	// FileProblem is a problem of the file as a whole (no header found, no rows), nil when none.
	FileProblem  *ImportProblemDTO  `json:"fileProblem"`
	Problems     []ImportProblemDTO `json:"problems"`
	ProblemCount int                `json:"problemCount"`
	ProblemRows  int                `json:"problemRows"` // rows with a problem
	// Result is what importing would do (a dry run of the store), nil while there are problems.
	Result *ImportResultDTO `json:"result"`
	Ready  bool             `json:"ready"` // clean: Import may run
}

// ReconcileInput is what the bank reconciliation screen chose.
type ReconcileInput struct {
	Book string `json:"book"`
	AsOf string `json:"asOf"`
	From string `json:"from"` // "" = from the first bank line
	// BankBalance is the bank's balance at AsOf, for statements without a balance column.
	BankBalance string `json:"bankBalance"`
	MatchDays   int    `json:"matchDays"` // 0 = the default (5)
}

// BankLinesQuery selects a page of a book's bank lines From..AsOf.
type BankLinesQuery struct {
	Reconcile ReconcileInput `json:"reconcile"`
	Filter    string         `json:"filter"` // all, matched, unmatched
	Page      int            `json:"page"`
	PageSize  int            `json:"pageSize"`
}

// BankLineDTO is a bank statement line and whether a voucher matches it.
type BankLineDTO struct {
	ID           int64  `json:"id"`
	Date         string `json:"date"`
	Amount       string `json:"amount"`
	Balance      string `json:"balance"` // "" when the statement printed none
	Counterparty string `json:"counterparty"`
	Reference    string `json:"reference"`
	Summary      string `json:"summary"`
	Matched      bool   `json:"matched"`
}

// BankLinePage is a page of bank lines.
type BankLinePage struct {
	Rows     []BankLineDTO `json:"rows"`
	Total    int           `json:"total"`
	Page     int           `json:"page"`
	PageSize int           `json:"pageSize"`
}
