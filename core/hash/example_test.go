package hash_test

import (
	"errors"
	"fmt"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/hash"
)

func ExampleDigest() {
	d, _ := hash.Digest(hash.SHA256, 0, []byte("abc"))
	fmt.Printf("%x\n", d)
	x, _ := hash.Digest(hash.SHAKE128, 16, []byte("abc")) // SHAKE: the size is required
	fmt.Printf("%x\n", x)
	// Output:
	// ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
	// 5881092dd818bf5cf8a3ddb793fbcba7
}

func ExampleHasher() {
	h, _ := hash.New(hash.SHA3_256, 0)
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
	tag, _ := hash.ComputeHMAC(key, hash.SHA256, msg)
	fmt.Printf("%x\n", tag)

	m, _ := hash.NewHMAC(key, hash.SHA256)
	m.Update(msg)
	fmt.Println(m.Verify(tag)) // constant-time; finalizes m

	m, _ = hash.NewHMAC(key, hash.SHA256)
	m.Update([]byte("forged"))
	fmt.Println(errors.Is(m.Verify(tag), core.ErrInvalidSignature))
	// Output:
	// f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8
	// <nil>
	// true
}
