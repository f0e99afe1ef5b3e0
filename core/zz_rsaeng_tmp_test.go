package core

import (
	"crypto/rand"
	"crypto/rsa"
	"os"
	"fmt"
	"sort"
	"syscall"
	"testing"
	"time"
)

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

type cand struct {
	name string
	fn   func()
}

// compare runs candidates interleaved, rounds of ~20ms CPU, reports median ns/op.
func compare(t *testing.T, title string, rounds int, cs ...cand) []float64 {
	per := make([]int, len(cs))
	for i, c := range cs {
		n := 1
		for {
			s := cpuNow()
			for j := 0; j < n; j++ {
				c.fn()
			}
			if d := cpuNow() - s; d > 10*time.Millisecond {
				per[i] = int(float64(n) * float64(20*time.Millisecond) / float64(d))
				if per[i] < 1 {
					per[i] = 1
				}
				break
			}
			n *= 2
		}
	}
	res := make([][]float64, len(cs))
	for r := 0; r < rounds; r++ {
		for ii := range cs {
			i := (ii + r) % len(cs)
			s := cpuNow()
			for j := 0; j < per[i]; j++ {
				cs[i].fn()
			}
			res[i] = append(res[i], float64(cpuNow()-s)/float64(per[i]))
		}
	}
	out := make([]float64, len(cs))
	line := title + ":"
	for i := range cs {
		sort.Float64s(res[i])
		out[i] = res[i][len(res[i])/2]
		line += fmt.Sprintf("  %s %.1fus", cs[i].name, out[i]/1000)
	}
	t.Log(line)
	return out
}

func TestZZRSAEngCompare(t *testing.T) {
	if os.Getenv("RSAENG_CMP") == "" {
		t.Skip()
	}
	msg := []byte("benchmark message")
	d := sha(SHA256, msg)
	for _, bits := range []int{2048, 3072, 4096} {
		std, _ := rsa.GenerateKey(rand.Reader, bits)
		k, _ := NewRSAPrivateKey(std)
		pub := k.PublicKey()
		pssSig, _ := k.SignPSS(msg, PSSSaltMaxLength, SHA256, SHA256, false)
		_, _, _ = pssSaltLength(PSSSaltMaxLength, bits, 32)
		hh, _ := SHA256.New()
		mh, _ := SHA256.New()
		_ = hh
		_ = mh
		compare(t, fmt.Sprint(bits, " ops"), 11,
			cand{"VerifyPSS", func() {
				if pub.VerifyPSS(pssSig, msg, PSSSaltMaxLength, SHA256, SHA256, false) != nil {
					panic("x")
				}
			}},
			cand{"EncryptOAEP", func() { pub.EncryptOAEP(msg, nil, SHA256, SHA256) }},
			cand{"publicOp", func() { pub.publicOp(pssSig) }},
		)
		_ = d
	}
}
