package dsa_test

import (
	"fmt"

	"github.com/cryptogo/libcrypto-go/core/dsa"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/keys"
)

// A key with new 1024-bit parameters signs, its public key verifies, and
// it serializes as pyca's private_bytes would.
func Example() {
	k, err := dsa.Generate(1024)
	if err != nil {
		panic(err)
	}
	sig, err := k.Sign([]byte("msg"), hash.SHA256, false)
	if err != nil {
		panic(err)
	}
	fmt.Println(k.Public().Verify(sig, []byte("msg"), hash.SHA256, false))
	pem, _ := keys.PrivateBytes(k, keys.EncodingPEM, keys.PrivateFormatTraditionalOpenSSL, nil)
	fmt.Println(string(pem[:31]))
	// Output:
	// <nil>
	// -----BEGIN DSA PRIVATE KEY-----
}
