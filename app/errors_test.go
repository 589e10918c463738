package app_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"jiayuan/app"
	"jiayuan/app/i18n"
	"jiayuan/store/ledger"
)

func TestErrorFormatterSendsTranslatedJSONString(t *testing.T) {
	f := app.ErrorFormatter(i18n.MustLoad())
	s, ok := f(ledger.Refuse("voucher.unbalanced", "debit", "10.00", "credit", "9.99", "difference", "0.01")).(string)
	if !ok {
		t.Fatal("the formatter must return a string: Wails ≥ 2.13 turns objects into [object Object]")
	}
	var e app.Error
	if err := json.Unmarshal([]byte(s), &e); err != nil {
		t.Fatal(err)
	}
	if e.Code != "refused" || e.Key != "voucher.unbalanced" || !strings.Contains(e.Message, "相差 0.01 元") || !strings.Contains(e.MessageEn, "difference 0.01") {
		t.Errorf("%+v", e)
	}
	s = f(errors.New("disk I/O error")).(string)
	json.Unmarshal([]byte(s), &e)
	if e.Code != "internal" || !strings.Contains(e.Message, "账本未被修改") {
		t.Errorf("internal: %+v", e)
	}
}
