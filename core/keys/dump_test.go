package keys

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
	"golang.org/x/crypto/ssh"

	"github.com/cryptogo/libcrypto-go/core"
	"github.com/cryptogo/libcrypto-go/core/internal/pbe"
)

// TestKeysDumpIdenticalToPyca: unencrypted output is byte for byte pyca's.
func TestKeysDumpIdenticalToPyca(t *testing.T) {
	for _, name := range []string{"rsa2048", "rsa1024e3"} {
		k := keysFixtureKey(t, name)
		for _, enc := range []struct {
			e   Encoding
			ext string
		}{{EncodingPEM, "pem"}, {EncodingDER, "der"}} {
			for _, f := range []struct {
				f    PrivateFormat
				file string
			}{{PrivateFormatPKCS8, "pkcs8"}, {PrivateFormatTraditionalOpenSSL, "pkcs1"}} {
				got, err := PrivateBytes(k, enc.e, f.f, nil)
				if err != nil {
					t.Fatal(err)
				}
				if want := keysReadFile(t, name+"."+f.file+"."+enc.ext); !bytes.Equal(got, want) {
					t.Errorf("%s %s %s: differs from pyca", name, f.file, enc.ext)
				}
			}
			for _, f := range []struct {
				f    PublicFormat
				file string
			}{{PublicFormatSubjectPublicKeyInfo, "spki"}, {PublicFormatPKCS1, "pkcs1pub"}} {
				got, err := PublicBytes(k.PublicKey(), enc.e, f.f)
				if err != nil {
					t.Fatal(err)
				}
				if want := keysReadFile(t, name+"."+f.file+"."+enc.ext); !bytes.Equal(got, want) {
					t.Errorf("%s %s %s: differs from pyca", name, f.file, enc.ext)
				}
			}
		}
	}
}

// TestKeysEncryptedDumpMatchesPyca rebuilds pyca's encrypted outputs
// from their salt and IV: same bytes means same structure, parameters and
// key derivation.
func TestKeysEncryptedDumpMatchesPyca(t *testing.T) {
	password := []byte("correct horse")
	k := keysFixtureKey(t, "rsa1024e3")

	// PKCS #8: EncryptedPrivateKeyInfo -> AlgorithmIdentifier -> PBES2-params
	// -> (PBKDF2 {salt, 2048, hmacWithSHA256 NULL}, AES-256-CBC {iv}).
	want := keysReadFile(t, "enc_pyca_pkcs8.der")
	s := cryptobyte.String(want)
	var epki, alg, params, kdf, kdfParams, enc cryptobyte.String
	var salt, iv []byte
	ok := s.ReadASN1(&epki, cbasn1.SEQUENCE) && epki.ReadASN1(&alg, cbasn1.SEQUENCE) &&
		alg.SkipASN1(cbasn1.OBJECT_IDENTIFIER) && alg.ReadASN1(&params, cbasn1.SEQUENCE) &&
		params.ReadASN1(&kdf, cbasn1.SEQUENCE) && kdf.SkipASN1(cbasn1.OBJECT_IDENTIFIER) &&
		kdf.ReadASN1(&kdfParams, cbasn1.SEQUENCE) &&
		kdfParams.ReadASN1Bytes(&salt, cbasn1.OCTET_STRING) &&
		params.ReadASN1(&enc, cbasn1.SEQUENCE) && enc.SkipASN1(cbasn1.OBJECT_IDENTIFIER) &&
		enc.ReadASN1Bytes(&iv, cbasn1.OCTET_STRING)
	if !ok {
		t.Fatal("cannot parse pyca's EncryptedPrivateKeyInfo")
	}
	if len(salt) != 16 || len(iv) != 16 {
		t.Fatalf("pyca salt %d bytes, IV %d bytes", len(salt), len(iv))
	}
	der, err := PrivateBytes(k, EncodingDER, PrivateFormatPKCS8, nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := pbe.EncryptPKCS8With(der, password, salt, iv)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("encrypted PKCS #8 DER differs from pyca's with the same salt and IV")
	}
	gotPEM := pem.EncodeToMemory(&pem.Block{Type: "ENCRYPTED PRIVATE KEY", Bytes: got})
	if !bytes.Equal(gotPEM, keysReadFile(t, "enc_pyca_pkcs8.pem")) {
		// The PEM fixture was made with another salt; compare its shape.
		blk, _ := pem.Decode(keysReadFile(t, "enc_pyca_pkcs8.pem"))
		if blk == nil || blk.Type != "ENCRYPTED PRIVATE KEY" || len(blk.Bytes) != len(got) || len(blk.Headers) != 0 {
			t.Errorf("encrypted PKCS #8 PEM differs in shape from pyca's")
		}
	}

	// Traditional: DEK-Info IV -> same bytes.
	wantTrad := keysReadFile(t, "enc_pyca_trad.pem")
	blk, _ := pem.Decode(wantTrad)
	_, ivHex, _ := strings.Cut(blk.Headers["DEK-Info"], ",")
	tiv, err := hex.DecodeString(ivHex)
	if err != nil {
		t.Fatal(err)
	}
	pkcs1, _ := PrivateBytes(k, EncodingDER, PrivateFormatTraditionalOpenSSL, nil)
	headers, ct, err := pbe.EncryptLegacyPEMWith(pkcs1, password, tiv)
	if err != nil {
		t.Fatal(err)
	}
	if got := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Headers: headers, Bytes: ct}); !bytes.Equal(got, wantTrad) {
		t.Errorf("encrypted traditional PEM differs from pyca's with the same IV:\n%s\nwant:\n%s", got, wantTrad)
	}
}

// TestKeysPrivateRoundTrip dumps in every combination and loads back, and
// checks the password errors on each.
func TestKeysPrivateRoundTrip(t *testing.T) {
	k := keysFixtureKey(t, "rsa1024e3")
	password := []byte("s3cret")
	for _, enc := range []Encoding{EncodingPEM, EncodingDER} {
		for _, format := range []PrivateFormat{PrivateFormatPKCS8, PrivateFormatTraditionalOpenSSL} {
			for _, pw := range [][]byte{nil, password} {
				name := fmt.Sprintf("enc=%d format=%d encrypted=%v", enc, format, pw != nil)
				out, err := PrivateBytes(k, enc, format, pw)
				if enc == EncodingDER && format == PrivateFormatTraditionalOpenSSL && pw != nil {
					if !errors.Is(err, core.ErrInvalidArgument) {
						t.Errorf("%s: %v, want core.ErrInvalidArgument", name, err)
					}
					continue
				}
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if pw != nil {
					again, _ := PrivateBytes(k, enc, format, pw)
					if len(again) != len(out) || bytes.Equal(again, out) {
						t.Errorf("%s: encrypted output should have a fixed length and fresh randomness", name)
					}
				}
				back, err := LoadRSAPrivateKey(out, pw, enc)
				if err != nil {
					t.Fatalf("%s: load: %v", name, err)
				}
				if !back.Key().Equal(k.Key()) || back.Key().D.Cmp(k.Key().D) != 0 {
					t.Errorf("%s: loaded a different key", name)
				}
				if pw == nil {
					if _, err := LoadRSAPrivateKey(out, []byte("x"), enc); !errors.Is(err, core.ErrPasswordUnexpected) {
						t.Errorf("%s: password for unencrypted key: %v", name, err)
					}
					if _, err := LoadRSAPrivateKey(out, []byte{}, enc); !errors.Is(err, core.ErrPasswordUnexpected) {
						t.Errorf("%s: empty password for unencrypted key: %v", name, err)
					}
					continue
				}
				for _, missing := range [][]byte{nil, {}} {
					if _, err := LoadRSAPrivateKey(out, missing, enc); !errors.Is(err, core.ErrPasswordRequired) {
						t.Errorf("%s: no password (%v): %v", name, missing == nil, err)
					}
				}
				if _, err := LoadRSAPrivateKey(out, []byte("wrong"), enc); !errors.Is(err, core.ErrBadKeyData) {
					t.Errorf("%s: wrong password: %v", name, err)
				}
				if enc == EncodingPEM {
					blk, _ := pem.Decode(out)
					want := map[PrivateFormat]string{PrivateFormatPKCS8: "ENCRYPTED PRIVATE KEY", PrivateFormatTraditionalOpenSSL: "RSA PRIVATE KEY"}[format]
					if blk.Type != want {
						t.Errorf("%s: PEM label %q, want %q", name, blk.Type, want)
					}
					if format == PrivateFormatTraditionalOpenSSL &&
						(blk.Headers["Proc-Type"] != "4,ENCRYPTED" || !strings.HasPrefix(blk.Headers["DEK-Info"], "AES-256-CBC,") ||
							strings.ToUpper(blk.Headers["DEK-Info"]) != blk.Headers["DEK-Info"] || len(blk.Headers["DEK-Info"]) != len("AES-256-CBC,")+32) {
						t.Errorf("%s: headers %v", name, blk.Headers)
					}
				}
			}
		}
	}
}

func TestKeysPublicRoundTrip(t *testing.T) {
	pub := keysFixtureKey(t, "rsa2048").PublicKey()
	for _, enc := range []Encoding{EncodingPEM, EncodingDER} {
		for _, format := range []PublicFormat{PublicFormatSubjectPublicKeyInfo, PublicFormatPKCS1} {
			out, err := PublicBytes(pub, enc, format)
			if err != nil {
				t.Fatal(err)
			}
			back, err := LoadRSAPublicKey(out, enc)
			if err != nil {
				t.Fatalf("enc=%d format=%d: %v", enc, format, err)
			}
			if !back.Key().Equal(pub.Key()) {
				t.Errorf("enc=%d format=%d: different key", enc, format)
			}
		}
	}
}

// TestKeysOpenSSHPublicIdenticalToPyca: public_bytes(OpenSSH, OpenSSH) is
// pyca's "ssh-rsa <base64>" line (no comment, no newline), and OpenSSH pairs
// only with OpenSSH.
func TestKeysOpenSSHPublicIdenticalToPyca(t *testing.T) {
	for _, name := range []string{"rsa2048", "rsa1024e3"} {
		pub := keysFixtureKey(t, name).PublicKey()
		got, err := PublicBytes(pub, EncodingOpenSSH, PublicFormatOpenSSH)
		if err != nil {
			t.Fatal(err)
		}
		if want := keysReadFile(t, name+".ssh.pub"); !bytes.Equal(got, want) {
			t.Errorf("%s: %q, pyca wrote %q", name, got, want)
		}
		// The blob is RFC 4253's: string "ssh-rsa", mpint e, mpint n.
		blob, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(string(got), "ssh-rsa "))
		if err != nil {
			t.Fatal(err)
		}
		sk, err := ssh.ParsePublicKey(blob)
		if err != nil {
			t.Fatal(err)
		}
		if cpk, ok := sk.(ssh.CryptoPublicKey); !ok || !pub.Key().Equal(cpk.CryptoPublicKey()) {
			t.Errorf("%s: the blob holds another key", name)
		}
	}
	pub := keysFixtureKey(t, "rsa1024e3").PublicKey()
	for _, c := range []struct {
		enc Encoding
		f   PublicFormat
	}{
		{EncodingPEM, PublicFormatOpenSSH}, {EncodingDER, PublicFormatOpenSSH}, {EncodingRaw, PublicFormatOpenSSH},
		{EncodingOpenSSH, PublicFormatSubjectPublicKeyInfo}, {EncodingOpenSSH, PublicFormatPKCS1},
		{EncodingOpenSSH, PublicFormatRaw},
	} {
		if _, err := PublicBytes(pub, c.enc, c.f); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("encoding %d format %d: %v, want core.ErrInvalidArgument", c.enc, c.f, err)
		}
	}
}

func TestKeysDumpErrors(t *testing.T) {
	k := keysFixtureKey(t, "rsa1024e3")
	cases := []struct {
		name     string
		enc      Encoding
		format   PrivateFormat
		password []byte
	}{
		{"empty password", EncodingPEM, PrivateFormatPKCS8, []byte{}},
		{"empty password traditional", EncodingPEM, PrivateFormatTraditionalOpenSSL, []byte{}},
		{"1024-byte password", EncodingPEM, PrivateFormatPKCS8, bytes.Repeat([]byte("a"), 1024)},
		{"DER traditional with password", EncodingDER, PrivateFormatTraditionalOpenSSL, []byte("pw")},
		{"unknown encoding", 0, PrivateFormatPKCS8, nil},
		{"unknown encoding 3", 3, PrivateFormatPKCS8, nil},
		{"unknown format", EncodingPEM, 3, nil},
	}
	for _, c := range cases {
		if _, err := PrivateBytes(k, c.enc, c.format, c.password); !errors.Is(err, core.ErrInvalidArgument) {
			t.Errorf("%s: %v, want core.ErrInvalidArgument", c.name, err)
		}
	}
	if _, err := PrivateBytes(k, EncodingDER, PrivateFormatPKCS8, bytes.Repeat([]byte("a"), 1023)); err != nil {
		t.Errorf("1023-byte password: %v", err)
	}
	pub := k.PublicKey()
	if _, err := PublicBytes(pub, 0, PublicFormatPKCS1); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("public unknown encoding: %v", err)
	}
	if _, err := PublicBytes(pub, EncodingPEM, 0); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("public unknown format: %v", err)
	}
	if _, err := LoadRSAPrivateKey(nil, nil, 7); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("load unknown encoding: %v", err)
	}
	if _, err := LoadRSAPublicKey(nil, 7); !errors.Is(err, core.ErrInvalidArgument) {
		t.Errorf("load public unknown encoding: %v", err)
	}
}
