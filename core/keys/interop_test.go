package keys

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// ourEncryptedKeys writes our encrypted outputs to dir and returns their
// file names, encodings, and the unencrypted PKCS #8 DER.
func keysOurEncrypted(t *testing.T, dir string, password []byte) (map[string]Encoding, []byte) {
	k := keysFixtureKey(t, "rsa1024e3")
	files := map[string]Encoding{}
	for _, c := range []struct {
		name   string
		enc    Encoding
		format PrivateFormat
	}{
		{"pkcs8.pem", EncodingPEM, PrivateFormatPKCS8},
		{"pkcs8.der", EncodingDER, PrivateFormatPKCS8},
		{"trad.pem", EncodingPEM, PrivateFormatTraditionalOpenSSL},
	} {
		out, err := PrivateBytes(k, c.enc, c.format, password)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, c.name), out, 0o600); err != nil {
			t.Fatal(err)
		}
		files[c.name] = c.enc
	}
	plain, _ := PrivateBytes(k, EncodingDER, PrivateFormatPKCS8, nil)
	return files, plain
}

// TestKeysOpenSSLReadsOurs: the openssl CLI decrypts what we write.
func TestKeysOpenSSLReadsOurs(t *testing.T) {
	openssl, err := exec.LookPath("openssl")
	if err != nil {
		t.Skip("SKIP: openssl not on PATH")
	}
	dir := t.TempDir()
	password := []byte("pässword with spaces")
	files, _ := keysOurEncrypted(t, dir, password)
	want := fmt.Sprintf("Modulus=%X\n", keysFixtureKey(t, "rsa1024e3").Key().N)
	for name, enc := range files {
		args := []string{"rsa", "-in", filepath.Join(dir, name), "-passin", "pass:" + string(password), "-modulus", "-noout"}
		if enc == EncodingDER {
			args = append(args, "-inform", "DER")
		}
		out, err := exec.Command(openssl, args...).Output()
		if err != nil {
			t.Errorf("openssl cannot read our %s: %v", name, err)
			continue
		}
		if string(out) != want {
			t.Errorf("openssl decrypted our %s to another key: %s", name, out)
		}
		// And a wrong password fails.
		args[4] = "pass:wrong"
		if exec.Command(openssl, args...).Run() == nil {
			t.Errorf("openssl read our %s with a wrong password", name)
		}
	}
}

// pycaPython finds a Python with pyca cryptography: $CRYPTOGO_PYCA_PYTHON,
// the project's build/venv, or python3.
func keysPycaPython(t *testing.T) string {
	candidates := []string{os.Getenv("CRYPTOGO_PYCA_PYTHON"), "../../build/venv/bin/python", "python3"}
	for _, c := range candidates {
		if c == "" {
			continue
		}
		if err := exec.Command(c, "-c", "import cryptography.hazmat.primitives.serialization").Run(); err == nil {
			return c
		}
	}
	t.Skip("SKIP: no Python with pyca cryptography (set CRYPTOGO_PYCA_PYTHON)")
	return ""
}

// TestKeysPycaReadsOurs: pyca decrypts what we write.
func TestKeysPycaReadsOurs(t *testing.T) {
	py := keysPycaPython(t)
	dir := t.TempDir()
	password := []byte("pässword with spaces")
	files, plain := keysOurEncrypted(t, dir, password)
	script := `
import sys
from cryptography.hazmat.primitives import serialization as s
path, enc, pw = sys.argv[1], sys.argv[2], sys.argv[3].encode()
data = open(path, "rb").read()
load = s.load_pem_private_key if enc == "pem" else s.load_der_private_key
k = load(data, pw)
sys.stdout.buffer.write(k.private_bytes(s.Encoding.DER, s.PrivateFormat.PKCS8, s.NoEncryption()))
`
	for name, enc := range files {
		encName := map[Encoding]string{EncodingPEM: "pem", EncodingDER: "der"}[enc]
		out, err := exec.Command(py, "-c", script, filepath.Join(dir, name), encName, string(password)).Output()
		if err != nil {
			t.Errorf("pyca cannot read our %s: %v", name, err)
			continue
		}
		if !bytes.Equal(out, plain) {
			t.Errorf("pyca decrypted our %s to another key", name)
		}
	}
}
