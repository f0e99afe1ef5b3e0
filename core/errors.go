package core

import "errors"

// The errors every package of core returns. Each one corresponds to one
// exception of Python's `cryptography` package (pyca), and to one status code
// of the C ABI; capi maps them with errors.Is, so wrapped errors
// (fmt.Errorf("%w: ...")) keep their kind.
//
// Failures that could help an attacker are deliberately vague: every Fernet
// failure is ErrInvalidToken, every AEAD tag failure ErrInvalidTag, every RSA
// decryption failure ErrDecryption.
var (
	// ErrInvalidArgument is pyca's ValueError: a bad size or value.
	ErrInvalidArgument = errors.New("invalid argument")
	// ErrType is pyca's TypeError: the wrong kind of argument.
	ErrType = errors.New("wrong type of argument")
	// ErrInvalidToken is cryptography.fernet.InvalidToken.
	ErrInvalidToken = errors.New("invalid token")
	// ErrInvalidTag is cryptography.exceptions.InvalidTag.
	ErrInvalidTag = errors.New("invalid tag")
	// ErrInvalidSignature is cryptography.exceptions.InvalidSignature.
	ErrInvalidSignature = errors.New("invalid signature")
	// ErrInvalidKey is cryptography.exceptions.InvalidKey (KDF verification).
	ErrInvalidKey = errors.New("invalid key")
	// ErrAlreadyFinalized is cryptography.exceptions.AlreadyFinalized.
	ErrAlreadyFinalized = errors.New("context was already finalized")
	// ErrUnsupportedAlgorithm is cryptography.exceptions.UnsupportedAlgorithm.
	ErrUnsupportedAlgorithm = errors.New("unsupported algorithm")
	// ErrDecryption is pyca's ValueError("Decryption failed") for RSA.
	ErrDecryption = errors.New("decryption failed")
	// ErrOverflow is pyca's OverflowError: an input over the size pyca accepts.
	ErrOverflow = errors.New("input too large")
	// ErrPasswordRequired is pyca's TypeError for an encrypted key loaded
	// without a password.
	ErrPasswordRequired = errors.New("password was not given but private key is encrypted")
	// ErrPasswordUnexpected is pyca's TypeError for a password given with an
	// unencrypted key.
	ErrPasswordUnexpected = errors.New("password was given but private key is not encrypted")
	// ErrBadKeyData is pyca's ValueError for malformed key data or a wrong
	// password.
	ErrBadKeyData = errors.New("could not deserialize key data")
)
