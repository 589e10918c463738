package ledger

// Book is one of the community's three books, kept strictly apart (DESIGN.md §1).
type Book string

const (
	BookFund    Book = "fund"    // 专项维修资金
	BookPublic  Book = "public"  // 公共收益
	BookWorking Book = "working" // 业委会工作经费
)

// Books lists the books in display order.
var Books = []Book{BookFund, BookPublic, BookWorking}

// Valid reports whether b is one of the three books.
func (b Book) Valid() bool { return b == BookFund || b == BookPublic || b == BookWorking }

// AllowedTransfer reports whether money may flow from one book to another. The only flows
// are public income → maintenance fund and public income → working expenses.
func AllowedTransfer(from, to Book) bool {
	return from == BookPublic && (to == BookFund || to == BookWorking)
}

// AccountKind says what an account is for, which fixes its normal side and how it counts.
type AccountKind string

const (
	KindAsset       AccountKind = "asset"        // the book's bank account
	KindEquity      AccountKind = "equity"       // opening balance brought forward
	KindIncome      AccountKind = "income"       // deposits, interest, public income by source
	KindDeduction   AccountKind = "deduction"    // documented deductions from gross public income
	KindExpense     AccountKind = "expense"      // spending
	KindTransferOut AccountKind = "transfer_out" // public income sent to another book
	KindTransferIn  AccountKind = "transfer_in"  // received from public income
	// KindReceivable is public income the property company holds for the owners (应收物业公司
	// 公共收益): recognised from its quarterly statement, settled by its transfer to the owners'
	// assembly account. Money of the book, but not in its bank account: the bank-only rules
	// (overdraft, R2's ring fence) and the cash-based reports (the bank balance) do not count
	// it; reports show its increase beside the spending, as money not yet received.
	KindReceivable AccountKind = "receivable"
)

// DebitNormal reports whether an account of this kind normally carries a debit balance.
func (k AccountKind) DebitNormal() bool {
	switch k {
	case KindAsset, KindExpense, KindDeduction, KindTransferOut, KindReceivable:
		return true
	}
	return false
}

// Account is one line of a book's chart of accounts.
type Account struct {
	Book   Book
	Code   string
	Kind   AccountKind
	NameZH string
	NameEN string
	// PerUnit marks fund accounts whose postings are also split over the units' sub-accounts
	// (分户账): deposits, interest, transfers in, repair expenses.
	PerUnit bool
	// Counterpart names the book a transfer account sends to or receives from.
	Counterpart Book
}

// Account codes the rules refer to.
const (
	CodeBank            = "1001"
	CodeOpening         = "3001"
	CodeFundInitial     = "4001" // 首期交存
	CodeFundReplenish   = "4002" // 续筹交存
	CodeFundInterest    = "4003" // 利息收入
	CodeFundTransferIn  = "4004" // 公共收益转入
	CodeFundRepair      = "5001" // 维修工程支出
	CodePublicToFund    = "5101" // 转入维修资金
	CodePublicToWorking = "5102" // 拨付工作经费
	CodePublicOtherUse  = "5209" // 其他支出（业主大会决定）: needs a resolution (R8)
	CodeWorkingIn       = "4001" // 公共收益拨入 (working book)
	CodeReceivable      = "1201" // 应收物业公司公共收益 (public book), added with the first statement
)

// ReceivableAccount is the public book's account for income the property company holds. It
// is not in DefaultChart: the store adds it (logged) with a ledger's first quarterly statement,
// so ledgers whose committee collects everything itself keep the chart they had.
func ReceivableAccount() Account {
	return Account{BookPublic, CodeReceivable, KindReceivable, "应收物业公司公共收益", "Receivable: public income held by the property company", false, ""}
}

// DefaultChart is the chart of accounts every new ledger starts with.
func DefaultChart() []Account {
	return []Account{
		{BookFund, CodeBank, KindAsset, "银行存款（维修资金专户）", "Bank (fund account)", false, ""},
		{BookFund, CodeOpening, KindEquity, "期初结余", "Opening balance", true, ""},
		{BookFund, CodeFundInitial, KindIncome, "首期交存", "Initial deposits", true, ""},
		{BookFund, CodeFundReplenish, KindIncome, "续筹交存", "Replenishment deposits", true, ""},
		{BookFund, CodeFundInterest, KindIncome, "利息收入", "Interest", true, ""},
		{BookFund, CodeFundTransferIn, KindTransferIn, "公共收益转入", "Transfer from public income", true, BookPublic},
		{BookFund, "4009", KindIncome, "其他收入", "Other income", false, ""},
		{BookFund, CodeFundRepair, KindExpense, "维修工程支出", "Repair works", true, ""},
		{BookFund, "5002", KindExpense, "银行手续费", "Bank charges", false, ""},

		{BookPublic, CodeBank, KindAsset, "银行存款（公共收益账户）", "Bank (public income account)", false, ""},
		{BookPublic, CodeOpening, KindEquity, "期初结余", "Opening balance", false, ""},
		{BookPublic, "4001", KindIncome, "停车费收入", "Parking", false, ""},
		{BookPublic, "4002", KindIncome, "广告收入", "Advertising", false, ""},
		{BookPublic, "4003", KindIncome, "场地租金收入", "Rent of common space", false, ""},
		{BookPublic, "4004", KindIncome, "通信基站收入", "Base stations", false, ""},
		{BookPublic, "4009", KindIncome, "其他公共收益", "Other public income", false, ""},
		{BookPublic, "4101", KindIncome, "利息收入", "Interest", false, ""},
		{BookPublic, "5001", KindDeduction, "税费", "Taxes", false, ""},
		{BookPublic, "5002", KindDeduction, "人工成本", "Labour", false, ""},
		{BookPublic, "5003", KindDeduction, "物业管理成本分成", "Agreed management cost", false, ""},
		{BookPublic, CodePublicToFund, KindTransferOut, "转入维修资金", "Transfer to the fund", false, BookFund},
		{BookPublic, CodePublicToWorking, KindTransferOut, "拨付工作经费", "Allocation to working expenses", false, BookWorking},
		{BookPublic, "5201", KindExpense, "审计费", "Audit fees", false, ""},
		{BookPublic, "5209", KindExpense, "其他支出（业主大会决定）", "Other uses decided by the assembly", false, ""},
		{BookPublic, "5301", KindExpense, "银行手续费", "Bank charges", false, ""},

		{BookWorking, CodeBank, KindAsset, "银行存款（工作经费）", "Bank (working expenses)", false, ""},
		{BookWorking, CodeOpening, KindEquity, "期初结余", "Opening balance", false, ""},
		{BookWorking, CodeWorkingIn, KindTransferIn, "公共收益拨入", "Allocation from public income", false, BookPublic},
		{BookWorking, "5001", KindExpense, "办公经费", "Office", false, ""},
		{BookWorking, "5002", KindExpense, "会议经费", "Meetings", false, ""},
		{BookWorking, "5003", KindExpense, "委员津贴", "Members' allowances", false, ""},
		{BookWorking, "5009", KindExpense, "其他工作经费", "Other", false, ""},
	}
}
