package kdf_test

import (
	"errors"
	"fmt"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/core/kdf"
)

func ExampleDerivePBKDF2HMAC() {
	// RFC 6070, test 2.
	dk, _ := kdf.DerivePBKDF2HMAC([]byte("password"), []byte("salt"), 2, 20, hash.SHA1)
	fmt.Printf("%x\n", dk)
	fmt.Println(kdf.VerifyPBKDF2HMAC(dk, []byte("password"), []byte("salt"), 2, hash.SHA1))
	err := kdf.VerifyPBKDF2HMAC(dk, []byte("wrong"), []byte("salt"), 2, hash.SHA1)
	fmt.Println(errors.Is(err, core.ErrInvalidKey))
	// Output:
	// ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957
	// <nil>
	// true
}
