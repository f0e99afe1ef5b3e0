package fernet

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/tests/vectors"
)

func readFernetSpec(t *testing.T, name string, v any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(vectors.FernetSpecDir(t), name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

func TestFernetSpecGenerate(t *testing.T) {
	var cases []struct {
		Token, Now, Src, Secret string
		IV                      []int // a JSON array of numbers
	}
	readFernetSpec(t, "generate.json", &cases)
	pass := 0
	for _, c := range cases {
		f := mustFernet(t, c.Secret)
		iv := make([]byte, len(c.IV))
		for i, b := range c.IV {
			iv[i] = byte(b)
		}
		tok, err := f.EncryptAtTimeWithIV([]byte(c.Src), specUnix(t, c.Now), iv)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case string(tok) != c.Token:
			t.Errorf("generate %q:\n got %s\nwant %s", c.Src, tok, c.Token)
		case len(tok) != TokenSize(len(c.Src)):
			t.Errorf("token length %d, TokenSize %d", len(tok), TokenSize(len(c.Src)))
		default:
			pass++
		}
	}
	fmt.Printf("fernet-spec generate.json: %d/%d byte-exact\n", pass, len(cases))
}

func TestFernetSpecVerify(t *testing.T) {
	var cases []struct {
		Token, Now, Src, Secret string
		TTL                     int64 `json:"ttl_sec"`
	}
	readFernetSpec(t, "verify.json", &cases)
	pass := 0
	for _, c := range cases {
		f := mustFernet(t, c.Secret)
		msg, err := f.DecryptAtTime([]byte(c.Token), c.TTL, specUnix(t, c.Now))
		if err != nil || string(msg) != c.Src {
			t.Errorf("verify %q: got %q, %v", c.Src, msg, err)
			continue
		}
		pass++
	}
	fmt.Printf("fernet-spec verify.json: %d/%d decrypted\n", pass, len(cases))
}

func TestFernetSpecInvalid(t *testing.T) {
	var cases []struct {
		Desc, Token, Now, Secret string
		TTL                      int64 `json:"ttl_sec"`
	}
	readFernetSpec(t, "invalid.json", &cases)
	pass := 0
	for _, c := range cases {
		f := mustFernet(t, c.Secret)
		msg, err := f.DecryptAtTime([]byte(c.Token), c.TTL, specUnix(t, c.Now))
		if !errors.Is(err, core.ErrInvalidToken) || msg != nil {
			t.Errorf("invalid %q: got %q, %v; want core.ErrInvalidToken", c.Desc, msg, err)
			continue
		}
		// The same through a MultiFernet.
		m, err := NewMultiFernet([]*Fernet{mustFernet(t, specKey), f})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := m.DecryptAtTime([]byte(c.Token), c.TTL, specUnix(t, c.Now)); !errors.Is(err, core.ErrInvalidToken) {
			t.Errorf("MultiFernet invalid %q: %v", c.Desc, err)
			continue
		}
		pass++
	}
	fmt.Printf("fernet-spec invalid.json: %d/%d rejected with core.ErrInvalidToken\n", pass, len(cases))
}
