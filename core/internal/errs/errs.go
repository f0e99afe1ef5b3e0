// Package errs builds the errors that core's packages return around the
// sentinel values of package core, so that every family wraps them the same
// way and capi keeps one errors.Is switch.
package errs

import (
	"fmt"

	"github.com/cryptogo/libcrypto-go/core"
)

// Invalid returns a core.ErrInvalidArgument carrying a message.
func Invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", core.ErrInvalidArgument, fmt.Sprintf(format, args...))
}

// WithMessage returns an error whose text is exactly msg (pyca's message)
// while errors.Is still finds kind.
func WithMessage(kind error, msg string) error { return &msgError{kind: kind, msg: msg} }

type msgError struct {
	kind error
	msg  string
}

func (e *msgError) Error() string { return e.msg }
func (e *msgError) Unwrap() error { return e.kind }

// Wiped is returned by every use of a key object after its Wipe.
var ErrWiped = Invalid("the key object was wiped")
