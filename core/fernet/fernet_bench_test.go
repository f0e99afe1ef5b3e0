package fernet

import (
	"testing"
)

var fernetBenchSizes = []struct {
	name string
	n    int
}{{"100B", 100}, {"4KiB", 4 << 10}, {"1MiB", 1 << 20}}

// BenchmarkFernetEncrypt and BenchmarkFernetDecrypt measure the sizes of the
// Python benchmark (make bench-python), writing into caller buffers as the C
// ABI does.
func BenchmarkFernetEncrypt(b *testing.B) {
	f := mustFernet(b, specKey)
	for _, s := range fernetBenchSizes {
		b.Run(s.name, func(b *testing.B) {
			msg := make([]byte, s.n)
			dst := make([]byte, 0, TokenSize(len(msg)))
			b.SetBytes(int64(len(msg)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := f.EncryptAtTimeTo(dst, msg, 1); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkFernetDecrypt(b *testing.B) {
	f := mustFernet(b, specKey)
	for _, s := range fernetBenchSizes {
		b.Run(s.name, func(b *testing.B) {
			msg := make([]byte, s.n)
			tok, _ := f.EncryptAtTime(msg, 1)
			dst := make([]byte, 0, MaxPlaintextSize(len(tok)))
			b.SetBytes(int64(len(msg)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := f.DecryptTo(dst, tok, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
