package keys

import "errors"

// LoadReason says why a key did not load, where pyca's message is more
// precise than the error's kind (a binding picks pyca's text from it); the
// values are the C ABI's enum cryptogo_key_load_reason.
type LoadReason int

// The reasons.
const (
	ReasonNone LoadReason = 0
	// An EC SubjectPublicKeyInfo holding the point at infinity (a single
	// 0x00 byte): "Cannot load an EC public key where the point is at
	// infinity".
	ReasonECPointAtInfinity LoadReason = 1
	// EC explicit parameters (specifiedCurve) that are not those of
	// P-256, P-384 or P-521: pyca's UnsupportedAlgorithm "ECDSA keys with
	// explicit parameters are only supported when they map to ...".
	ReasonECExplicitCurve LoadReason = 2
	// An ECPrivateKey whose privateKey OCTET STRING is not exactly the
	// curve's byte length: "EC private key is not encoded properly: private
	// key value is too short ...".
	ReasonECPrivateValueLength LoadReason = 3
	// An EC private value of 0 or not below the order, or a stored public
	// key that does not match: "Invalid key".
	ReasonECInvalidKey LoadReason = 4
)

type reasonError struct {
	err    error
	reason LoadReason
}

func (e *reasonError) Error() string { return e.err.Error() }
func (e *reasonError) Unwrap() error { return e.err }

func withReason(err error, r LoadReason) error { return &reasonError{err, r} }

// ReasonOf returns the LoadReason an error of LoadPrivateKey or
// LoadPublicKey carries, ReasonNone for any other error (or nil).
func ReasonOf(err error) LoadReason {
	var r *reasonError
	if errors.As(err, &r) {
		return r.reason
	}
	return ReasonNone
}
