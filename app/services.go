package app

// Services builds every service bound to the frontend, one per area of the app. main.go binds
// what this returns; a new area adds its constructor here.
func Services(sess *Session) []any {
	return []any{
		NewLedgerService(sess), NewAboutService(sess),
		NewUnitService(sess), NewSettingsService(sess), NewIntegrityService(sess),
		NewProjectService(sess), NewReplenishService(sess), NewBudgetService(sess), NewRecordsService(sess),
		NewVoucherService(sess), NewPublicIncomeService(sess), NewPeriodService(sess), NewDashboardService(sess),
		NewReportService(sess), NewPaperService(sess), NewResolutionService(sess), NewContractService(sess), NewStatementService(sess),
		NewImportService(sess), NewBankService(sess),
		NewBackupService(sess), NewOpeningService(sess),
	}
}

// Runtime is the part of the Wails runtime the services use, behind an interface so that
// services are tested without a window.
type Runtime interface {
	OpenFileDialog(title string, patterns []FileFilter) (string, error)
	SaveFileDialog(title, defaultName string, patterns []FileFilter) (string, error)
	OpenFilesDialog(title string, patterns []FileFilter) ([]string, error)
	Emit(event string, data ...any)
}

// FileFilter is a file-type filter of a dialog: "账本文件 (*.jiayuan)", "*.jiayuan".
type FileFilter struct {
	Name    string
	Pattern string
}

// noRuntime is the Runtime of the CLI and of tests: no dialogs, events go nowhere.
type noRuntime struct{}

func (noRuntime) OpenFileDialog(string, []FileFilter) (string, error)         { return "", nil }
func (noRuntime) SaveFileDialog(string, string, []FileFilter) (string, error) { return "", nil }
func (noRuntime) OpenFilesDialog(string, []FileFilter) ([]string, error)      { return nil, nil }
func (noRuntime) Emit(string, ...any)                                         {}
