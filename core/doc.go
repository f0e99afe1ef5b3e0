// Package core is the root of libcrypto-go's cryptography in Go, with the
// semantics of Python's `cryptography` package (pyca). It holds what every
// family shares: the sentinel errors (errors.go) and the version. The
// cryptography lives in one package per family, as Go's crypto/* and
// golang.org/x/crypto are laid out:
//
//	core/fernet   Fernet and MultiFernet (cryptography.fernet)
//	core/aead     AES-GCM and ChaCha20-Poly1305 (ciphers.aead)
//	core/hash     hashes (SHA-1, SHA-2, SHA-3, SHAKE, BLAKE2, MD5, SM3) and HMAC
//	core/kdf      key derivation: PBKDF2-HMAC
//	core/random   secure random bytes (os.urandom)
//	core/rsa      RSA keys, generation, OAEP, PKCS #1 v1.5, PSS
//	core/keys     PEM/DER serialization (PKCS #8, PKCS #1, SubjectPublicKeyInfo,
//	              encrypted or not) and the generic key layer: load any key,
//	              tell its type, dump it; OpenSSH public-key lines
//	core/dss      DSA/ECDSA signature DER (asymmetric.utils encode/decode_dss_signature)
//	core/dsa      DSA over crypto/dsa: parameters, keys, sign/verify (legacy, variable time)
//
// and, not importable from outside core, core/internal: the password-based
// encryption of keys (pbe), RC2 (rc2), pyca-compatible base64 (b64), overlap
// checks (alias), buffer helpers (buffer), error helpers (errs) and wiping
// (wipe).
//
// Every primitive comes from the Go standard library or golang.org/x/crypto;
// core builds only what they lack (Fernet, encrypted PKCS #8, legacy PEM
// encryption, PSS salt rules) from their parts, plus one speed path: RSA
// public-key operations (verify, encrypt; public values only, variable time)
// run over Montgomery constants cached in the key, with a multiply-accumulate
// kernel in Go assembly on amd64 (core/rsa/mont_amd64.s; pure Go on other
// architectures and with -tags purego). Private-key operations stay in
// crypto/rsa's constant-time code. core never imports "C": the C ABI lives in
// capi, which only translates.
//
// Subpackages import core for its errors; core imports none of them. Errors
// are the sentinel values in errors.go, possibly wrapped with detail; test
// them with errors.Is. All functions and methods are safe for concurrent use
// unless their documentation says otherwise.
package core
