package app

import (
	"encoding/json"

	"jiayuan/app/i18n"
	"jiayuan/app/ops"
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
	refused, key, args := ops.Explain(err)
	code := "internal"
	if refused {
		code = "refused"
	}
	return Error{Code: code, Key: key, Args: args, Message: cat.T(i18n.ZH, key, args), MessageEn: cat.T(i18n.EN, key, args)}
}

// ErrorFormatter returns the function main.go gives to Wails as options.App.ErrorFormatter.
// It returns a JSON string: Wails ≥ 2.13 wraps objects in Error and loses them.
func ErrorFormatter(cat i18n.Catalog) func(error) any {
	return func(err error) any {
		b, _ := json.Marshal(NewError(cat, err))
		return string(b)
	}
}
