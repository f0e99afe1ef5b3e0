// Package core implements libcrypto-go's cryptography in Go, with the
// semantics of Python's `cryptography` package (pyca): Fernet and MultiFernet,
// hashes, HMAC, PBKDF2, AES-GCM, ChaCha20-Poly1305, RSA (generation, OAEP,
// PKCS #1 v1.5, PSS) and key serialization (PEM/DER in PKCS #8, PKCS #1 and
// SubjectPublicKeyInfo, with or without a password), and secure random bytes.
//
// Every primitive comes from the Go standard library or golang.org/x/crypto;
// core builds only what they lack (Fernet, encrypted PKCS #8, legacy PEM
// encryption, PSS salt rules) from their parts, plus one speed path: RSA
// public-key operations (verify, encrypt; public values only, variable time)
// run over Montgomery constants cached in the key, with a multiply-accumulate
// kernel in Go assembly on amd64 (rsa_amd64.s; pure Go on other
// architectures and with -tags purego). Private-key operations stay in
// crypto/rsa's constant-time code. core never imports "C": the C ABI lives in
// capi, which only translates.
//
// Errors are the sentinel values in errors.go, possibly wrapped with detail;
// test them with errors.Is. All functions and methods are safe for concurrent
// use unless their documentation says otherwise.
package core
