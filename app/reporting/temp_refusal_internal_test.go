package reporting

import (
	"errors"
	"fmt"
	"testing"

	"jiayuan/app/report"
	"jiayuan/store/ledger"
)

// A renderer that cannot use the temporary folder is refused with the folder named (in the
// user's language); any other error passes as it is.
func TestTempFolderErrorsAreNamed(t *testing.T) {
	dir := `C:\Users\王 明\AppData\Local\Temp`
	err := tempRefusal(fmt.Errorf("page 7: %w", &report.TempError{Dir: dir, Err: errors.New("no space left on device")}))
	var r *ledger.Error
	if !errors.As(err, &r) || r.Key != "report.temp_unwritable" || r.Args["path"] != dir {
		t.Fatalf("err = %#v, want report.temp_unwritable naming %s", err, dir)
	}
	other := errors.New("boom")
	if tempRefusal(other) != other {
		t.Error("another error was changed")
	}
}
