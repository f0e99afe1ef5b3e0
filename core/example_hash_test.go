package core_test

import (
	"errors"
	"fmt"

	"github.com/cryptogo/libcrypto-go/core"
)

func ExampleDigest() {
	d, _ := core.Digest(core.SHA256, 0, []byte("abc"))
	fmt.Printf("%x\n", d)
	x, _ := core.Digest(core.SHAKE128, 16, []byte("abc")) // SHAKE: the size is required
	fmt.Printf("%x\n", x)
	// Output:
	// ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
	// 5881092dd818bf5cf8a3ddb793fbcba7
}

func ExampleHasher() {
	h, _ := core.NewHasher(core.SHA3_256, 0)
	h.Update([]byte("a"))
	fork, _ := h.Copy() // independent from here on
	h.Update([]byte("bc"))
	d, _ := h.Finalize()
	fmt.Printf("%x\n", d)
	err := h.Update([]byte("more"))
	fmt.Println(errors.Is(err, core.ErrAlreadyFinalized))
	fork.Update([]byte("bc"))
	d2, _ := fork.Finalize()
	fmt.Println(string(d) == string(d2))
	// Output:
	// 3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532
	// true
	// true
}

func ExampleHMAC_Verify() {
	key := []byte("key")
	msg := []byte("The quick brown fox jumps over the lazy dog")
	tag, _ := core.ComputeHMAC(key, core.SHA256, msg)
	fmt.Printf("%x\n", tag)

	m, _ := core.NewHMAC(key, core.SHA256)
	m.Update(msg)
	fmt.Println(m.Verify(tag)) // constant-time; finalizes m

	m, _ = core.NewHMAC(key, core.SHA256)
	m.Update([]byte("forged"))
	fmt.Println(errors.Is(m.Verify(tag), core.ErrInvalidSignature))
	// Output:
	// f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8
	// <nil>
	// true
}

func ExampleDerivePBKDF2HMAC() {
	// RFC 6070, test 2.
	dk, _ := core.DerivePBKDF2HMAC([]byte("password"), []byte("salt"), 2, 20, core.SHA1)
	fmt.Printf("%x\n", dk)
	fmt.Println(core.VerifyPBKDF2HMAC(dk, []byte("password"), []byte("salt"), 2, core.SHA1))
	err := core.VerifyPBKDF2HMAC(dk, []byte("wrong"), []byte("salt"), 2, core.SHA1)
	fmt.Println(errors.Is(err, core.ErrInvalidKey))
	// Output:
	// ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957
	// <nil>
	// true
}
