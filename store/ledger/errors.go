package ledger

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Error is a refusal by a rule or a validation. It carries a message key and its arguments,
// never a sentence: the edge (app) translates the key into zh-CN or en.
type Error struct {
	Key  string            // message key, e.g. "voucher.unbalanced"
	Args map[string]string // values for the message's placeholders
}

func (e *Error) Error() string {
	if len(e.Args) == 0 {
		return "ledger: " + e.Key
	}
	keys := make([]string, 0, len(e.Args))
	for k := range e.Args {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + "=" + e.Args[k]
	}
	return "ledger: " + e.Key + " (" + strings.Join(parts, ", ") + ")"
}

// Is makes errors.Is match two refusals with the same key.
func (e *Error) Is(target error) bool {
	var t *Error
	return errors.As(target, &t) && t.Key == e.Key
}

// Refuse builds a refusal; args are key, value pairs.
func Refuse(key string, args ...any) *Error {
	e := &Error{Key: key}
	if len(args) > 0 {
		e.Args = make(map[string]string, len(args)/2)
		for i := 0; i+1 < len(args); i += 2 {
			e.Args[fmt.Sprint(args[i])] = fmt.Sprint(args[i+1])
		}
	}
	return e
}

// KeyOf returns the message key of a refusal, or "" when err is not one.
func KeyOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Key
	}
	return ""
}
