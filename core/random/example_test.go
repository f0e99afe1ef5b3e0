package random_test

import (
	"fmt"

	"github.com/cryptogo/libcrypto-go/core/random"
)

func ExampleBytes() {
	iv := make([]byte, 16)
	random.Bytes(iv) // crypto/rand, like os.urandom
	fmt.Println(len(iv))
	// Output: 16
}
