package app

import (
	"encoding/json"
	"errors"
	"log"

	"jiayuan/app/i18n"
	"jiayuan/store/ledger"
)

// Error is what reaches the frontend when a bound method fails: a code, the message key and its
// arguments, and the message already translated into both languages so the UI never shows raw
// Go text. It crosses the Wails bridge as a JSON string (see FormatError).
type Error struct {
	Code      string            `json:"code"` // "refused" (a rule or validation), "notFound", "internal"
	Key       string            `json:"key"`
	Args      map[string]string `json:"args,omitempty"`
	Message   string            `json:"message"`   // zh-CN
	MessageEn string            `json:"messageEn"` // en
}

// NewError translates a refusal or an unexpected error into an Error. Unexpected errors are
// logged with their details and shown as a generic message.
func NewError(cat i18n.Catalog, err error) Error {
	var le *ledger.Error
	if errors.As(err, &le) {
		return Error{Code: "refused", Key: le.Key, Args: le.Args,
			Message: cat.T(i18n.ZH, le.Key, le.Args), MessageEn: cat.T(i18n.EN, le.Key, le.Args)}
	}
	log.Printf("internal error: %v", err)
	args := map[string]string{"detail": err.Error()}
	return Error{Code: "internal", Key: "error.internal", Args: args,
		Message: cat.T(i18n.ZH, "error.internal", args), MessageEn: cat.T(i18n.EN, "error.internal", args)}
}

// ErrorFormatter returns the function main.go gives to Wails as options.App.ErrorFormatter.
// It returns a JSON string: Wails ≥ 2.13 wraps objects in Error and loses them.
func ErrorFormatter(cat i18n.Catalog) func(error) any {
	return func(err error) any {
		b, _ := json.Marshal(NewError(cat, err))
		return string(b)
	}
}
