package ops

import (
	"errors"
	"log"

	"jiayuan/store/ledger"
)

// Explain is what a failure says to a person, as a message key and its arguments: a refusal
// (a rule or a check, refused true) names its own; anything else is unexpected, logged here
// with its details and told as "error.internal". The window (app.NewError) and the command
// line translate the key; this is the one place that tells the two kinds apart.
func Explain(err error) (refused bool, key string, args map[string]string) {
	var le *ledger.Error
	if errors.As(err, &le) {
		return true, le.Key, le.Args
	}
	log.Printf("internal error: %v", err)
	return false, "error.internal", map[string]string{"detail": err.Error()}
}
