package kdf

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/cryptogo/libcrypto-go/core/hash"
	"github.com/cryptogo/libcrypto-go/tests/vectors"
)

type pbkdfTestGroup struct {
	Tests []struct {
		TcID           int              `json:"tcId"`
		Comment        string           `json:"comment"`
		Flags          []string         `json:"flags"`
		Password       vectors.HexBytes `json:"password"`
		Salt           vectors.HexBytes `json:"salt"`
		IterationCount int              `json:"iterationCount"`
		DkLen          int              `json:"dkLen"`
		Dk             vectors.HexBytes `json:"dk"`
		Result         string           `json:"result"`
	} `json:"tests"`
}

// Every Wycheproof PBKDF2 file, every case, including RFC 6070's 16777216
// iterations of HMAC-SHA1 (a few seconds; the time per file is logged).
func TestWycheproofPBKDF2(t *testing.T) {
	files := []struct {
		file string
		alg  hash.Algorithm
	}{
		{"pbkdf2_hmacsha1_test.json", hash.SHA1},
		{"pbkdf2_hmacsha224_test.json", hash.SHA224},
		{"pbkdf2_hmacsha256_test.json", hash.SHA256},
		{"pbkdf2_hmacsha384_test.json", hash.SHA384},
		{"pbkdf2_hmacsha512_test.json", hash.SHA512},
	}
	for _, f := range files {
		t.Run(f.file, func(t *testing.T) {
			t.Parallel()
			wf := vectors.Load(t, f.file)
			start := time.Now()
			total, ok := 0, 0
			var slowest time.Duration
			slowestID := 0
			for _, raw := range wf.TestGroups {
				var g pbkdfTestGroup
				if err := json.Unmarshal(raw, &g); err != nil {
					t.Fatal(err)
				}
				for _, tc := range g.Tests {
					total++
					if testing.Short() && tc.IterationCount >= 1<<20 {
						// -short (the -race run): the full run covers it.
						t.Logf("tcId %d: %d iterations skipped under -short", tc.TcID, tc.IterationCount)
						ok++
						continue
					}
					want := vectors.Expect(t, f.file, tc.Result, tc.Flags)
					t0 := time.Now()
					dk, err := DerivePBKDF2HMAC(tc.Password, tc.Salt, tc.IterationCount, tc.DkLen, f.alg)
					got := err == nil && bytes.Equal(dk, tc.Dk)
					if got && tc.IterationCount < 1<<20 {
						// Verify agrees (not repeated for the 2^24-iteration case).
						if err := VerifyPBKDF2HMAC(tc.Dk, tc.Password, tc.Salt, tc.IterationCount, f.alg); err != nil {
							t.Errorf("tcId %d: Verify = %v", tc.TcID, err)
						}
					}
					if d := time.Since(t0); d > slowest {
						slowest, slowestID = d, tc.TcID
					}
					if got != want {
						t.Errorf("tcId %d (%s, flags %v): derived %x, %v; want %x (result %s)", tc.TcID, tc.Comment, tc.Flags, dk, err, tc.Dk, tc.Result)
					} else {
						ok++
					}
				}
			}
			if total != wf.NumberOfTests {
				t.Errorf("ran %d of %d tests", total, wf.NumberOfTests)
			}
			t.Logf("%s: %d/%d as expected in %v (slowest tcId %d: %v)", f.file, ok, total,
				time.Since(start).Round(time.Millisecond), slowestID, slowest.Round(time.Millisecond))
		})
	}
}
