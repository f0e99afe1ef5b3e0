#!/usr/bin/env python3
"""Regenerate the key serialization fixtures of core/keys_test.go.

Run from anywhere with a Python that has pyca `cryptography` (50.x) and with
the `openssl` command (3.x) on PATH:

    python3 -m venv /tmp/keysvenv && /tmp/keysvenv/bin/pip install cryptography==50.0.2
    /tmp/keysvenv/bin/python core/testdata/keys/make_fixtures.py

It writes, next to itself:

  rsa2048.*, rsa1024e3.*   unencrypted serializations written by pyca, in every
                           format; keys_test.go requires ours to be identical.
  enc_*                    encrypted private keys written by pyca
                           (BestAvailableEncryption) and by the openssl CLI.
  other_*                  keys that are not RSA, RSA-PSS keys.
  cases.json               for every fixture and for mutated inputs (truncated,
                           garbage, bad headers...), with each password tried,
                           the verdict of pyca's load_*_key: "ok" (with the
                           SHA-256 of the modulus), "nonrsa" (pyca returned
                           another key type), or the exception pyca raised.

The keys are fresh each run: regenerate everything together.
"""

import base64
import hashlib
import json
import os
import subprocess
import sys

import cryptography
from cryptography.hazmat.primitives import serialization as s
from cryptography.hazmat.primitives.asymmetric import dsa, rsa

HERE = os.path.dirname(os.path.abspath(__file__))
PASSWORD = b"correct horse"
UTF8_PASSWORD = "pässwörd €".encode()


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def read(name):
    with open(os.path.join(HERE, name), "rb") as f:
        return f.read()


def openssl(*args, data=None):
    r = subprocess.run(["openssl", *args], input=data, capture_output=True)
    if r.returncode != 0:
        raise RuntimeError(f"openssl {' '.join(args)}: {r.stderr.decode()}")
    return r.stdout


def n_hash(key):
    n = key.public_key().public_numbers().n if hasattr(key, "public_key") else key.public_numbers().n
    return hashlib.sha256(n.to_bytes((n.bit_length() + 7) // 8, "big")).hexdigest()


def verdict(fn, *args):
    """What pyca does with this input."""
    try:
        key = fn(*args)
    except BaseException as e:  # pyca panics (PanicException) on some bad IVs
        name = type(e).__name__
        msg = str(e)
        if name == "TypeError":
            return "TypeError:required" if "not given" in msg else "TypeError:unexpected"
        return name
    if isinstance(key, (rsa.RSAPrivateKey, rsa.RSAPublicKey)):
        return "ok:" + n_hash(key)
    return "nonrsa"


def pem_body(pem):
    lines = [line for line in pem.split(b"\n") if line and not line.startswith(b"-----") and b":" not in line]
    return base64.b64decode(b"".join(lines))


def main():
    files = {}  # name -> encoding
    # ---- unencrypted, written by pyca -------------------------------------
    for name, e, bits in (("rsa2048", 65537, 2048), ("rsa1024e3", 3, 1024)):
        k = rsa.generate_private_key(e, bits)
        for enc, ext in ((s.Encoding.PEM, "pem"), (s.Encoding.DER, "der")):
            write(f"{name}.pkcs8.{ext}", k.private_bytes(enc, s.PrivateFormat.PKCS8, s.NoEncryption()))
            write(f"{name}.pkcs1.{ext}", k.private_bytes(enc, s.PrivateFormat.TraditionalOpenSSL, s.NoEncryption()))
            write(f"{name}.spki.{ext}", k.public_key().public_bytes(enc, s.PublicFormat.SubjectPublicKeyInfo))
            write(f"{name}.pkcs1pub.{ext}", k.public_key().public_bytes(enc, s.PublicFormat.PKCS1))
            for f in ("pkcs8", "pkcs1"):
                files[f"{name}.{f}.{ext}"] = ext
        write(f"{name}.ssh.pub", k.public_key().public_bytes(s.Encoding.OpenSSH, s.PublicFormat.OpenSSH))
        if name == "rsa1024e3":
            small = k

    # ---- encrypted, written by pyca ---------------------------------------
    best = s.BestAvailableEncryption(PASSWORD)
    write("enc_pyca_pkcs8.pem", small.private_bytes(s.Encoding.PEM, s.PrivateFormat.PKCS8, best))
    write("enc_pyca_pkcs8.der", small.private_bytes(s.Encoding.DER, s.PrivateFormat.PKCS8, best))
    write("enc_pyca_trad.pem", small.private_bytes(s.Encoding.PEM, s.PrivateFormat.TraditionalOpenSSL, best))
    files.update({"enc_pyca_pkcs8.pem": "pem", "enc_pyca_pkcs8.der": "der", "enc_pyca_trad.pem": "pem"})

    # ---- encrypted, written by the openssl CLI ----------------------------
    plain = small.private_bytes(s.Encoding.PEM, s.PrivateFormat.PKCS8, s.NoEncryption())
    pw = "pass:" + PASSWORD.decode()
    legacy = ("-provider", "legacy", "-provider", "default")
    variants = {
        "enc_ossl_aes128_sha1.pem": ("-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA1"),
        "enc_ossl_aes192_sha224.pem": ("-v2", "aes-192-cbc", "-v2prf", "hmacWithSHA224"),
        "enc_ossl_aes256_sha384.pem": ("-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA384"),
        "enc_ossl_aes128_sha512.pem": ("-v2", "aes-128-cbc", "-v2prf", "hmacWithSHA512"),
        "enc_ossl_des3.pem": ("-v2", "des3"),
        "enc_ossl_scrypt.pem": ("-scrypt",),
        "enc_ossl_rc2.pem": ("-v2", "rc2-cbc") + legacy,
        "enc_ossl_camellia.pem": ("-v2", "camellia-128-cbc"),
        "enc_ossl_pbes1_sha1_3des.pem": ("-v1", "PBE-SHA1-3DES"),
        "enc_ossl_pbes1_md5_des.pem": ("-v1", "PBE-MD5-DES") + legacy,
        "enc_ossl_pbes1_sha1_rc2_40.pem": ("-v1", "PBE-SHA1-RC2-40") + legacy,
        "enc_ossl_pbes1_sha1_rc4_128.pem": ("-v1", "PBE-SHA1-RC4-128") + legacy,
        "enc_ossl_pbes1_md5_rc2.pem": ("-v1", "PBE-MD5-RC2-64") + legacy,
    }
    for fname, opts in variants.items():
        write(fname, openssl("pkcs8", "-topk8", "-passout", pw, *opts, data=plain))
        files[fname] = "pem"
    write(
        "enc_ossl_aes256.der",
        openssl("pkcs8", "-topk8", "-outform", "DER", "-passout", pw, "-v2", "aes-256-cbc", data=plain),
    )
    files["enc_ossl_aes256.der"] = "der"
    utf8pw = "pass:" + UTF8_PASSWORD.decode()
    write(
        "enc_ossl_utf8pw_pbes1_sha1_3des.pem",
        openssl("pkcs8", "-topk8", "-passout", utf8pw, "-v1", "PBE-SHA1-3DES", data=plain),
    )
    write(
        "enc_ossl_utf8pw_aes256.pem", openssl("pkcs8", "-topk8", "-passout", utf8pw, "-v2", "aes-256-cbc", data=plain)
    )
    files["enc_ossl_utf8pw_pbes1_sha1_3des.pem"] = "pem"
    files["enc_ossl_utf8pw_aes256.pem"] = "pem"
    for c in ("aes128", "aes192", "aes256", "des3", "camellia128"):
        fname = f"enc_ossl_legacy_{c}.pem"
        write(fname, openssl("rsa", "-traditional", f"-{c}", "-passout", pw, data=plain))
        files[fname] = "pem"

    # ---- other key types --------------------------------------------------
    ec = openssl("ecparam", "-genkey", "-name", "prime256v1", "-noout")
    write("other_ec_sec1.pem", ec)
    write("other_ec_pkcs8.pem", openssl("pkcs8", "-topk8", "-nocrypt", data=ec))
    write("other_ec_pkcs8.der", openssl("pkcs8", "-topk8", "-nocrypt", "-outform", "DER", data=ec))
    write("other_ec_sec1.der", openssl("ec", "-outform", "DER", data=ec))
    write("other_ec_spki.pem", openssl("ec", "-pubout", data=ec))
    ed = openssl("genpkey", "-algorithm", "ed25519")
    write("other_ed25519.pem", ed)
    write("other_ed25519_spki.pem", openssl("pkey", "-pubout", data=ed))
    write("other_ed25519_enc.pem", openssl("pkcs8", "-topk8", "-passout", pw, "-v2", "aes-256-cbc", data=ed))
    dsa_key = dsa.generate_private_key(1024)
    for enc, ext in ((s.Encoding.PEM, "pem"), (s.Encoding.DER, "der")):
        write(f"other_dsa_trad.{ext}", dsa_key.private_bytes(enc, s.PrivateFormat.TraditionalOpenSSL, s.NoEncryption()))
    pss = openssl("genpkey", "-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:1024")
    write("other_rsapss.pem", pss)
    write("other_rsapss_spki.pem", openssl("pkey", "-pubout", data=pss))
    for fname in (
        "other_ec_sec1.pem",
        "other_ec_pkcs8.pem",
        "other_ed25519.pem",
        "other_ed25519_enc.pem",
        "other_dsa_trad.pem",
        "other_rsapss.pem",
    ):
        files[fname] = "pem"
    for fname in ("other_ec_pkcs8.der", "other_ec_sec1.der", "other_dsa_trad.der"):
        files[fname] = "der"

    # ---- verdicts ---------------------------------------------------------
    passwords = {"none": None, "empty": b"", "correct": PASSWORD, "wrong": b"wrong password", "utf8": UTF8_PASSWORD}
    private = []

    def add_private(name, data, enc, inline=False):
        fn = s.load_pem_private_key if enc == "pem" else s.load_der_private_key
        case = {
            "name": name,
            "encoding": enc,
            "expect": {pname: verdict(fn, data, p) for pname, p in passwords.items()},
        }
        if inline:
            case["data"] = base64.b64encode(data).decode()
        else:
            case["file"] = name
        private.append(case)

    for fname, enc in sorted(files.items()):
        add_private(fname, read(fname), enc)

    # Mutated inputs.
    trad = read("rsa1024e3.pkcs1.pem")
    p8 = read("rsa1024e3.pkcs8.pem")
    p8der = read("rsa1024e3.pkcs8.der")
    encp8 = read("enc_pyca_pkcs8.pem")
    encp8der = read("enc_pyca_pkcs8.der")
    leg = read("enc_pyca_trad.pem")
    leg_lines = leg.split(b"\n")
    dek = leg_lines[2]  # DEK-Info: AES-256-CBC,<hex>
    iv_hex = dek.split(b",")[1]

    def trunc_pem(pem, keep=4):
        lines = pem.rstrip(b"\n").split(b"\n")
        return b"\n".join(lines[:keep] + lines[-1:]) + b"\n"

    spki_pem = read("rsa1024e3.spki.pem")
    mutations = {
        "garbage": (b"hello world", "pem"),
        "empty_pem": (b"", "pem"),
        "empty_der": (b"", "der"),
        "garbage_der": (b"\x30\x03\x02\x01\x00", "der"),
        "leading_text": (b"Bag Attributes\n  friendlyName: x\n" + trad, "pem"),
        "trailing_text": (trad + b"trailing junk\n", "pem"),
        "crlf": (trad.replace(b"\n", b"\r\n"), "pem"),
        "two_keys": (trad + read("rsa2048.pkcs8.pem"), "pem"),
        "public_label": (spki_pem, "pem"),
        "cert_then_key": (b"-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n" + trad, "pem"),
        "pkcs8_as_rsa_label": (p8.replace(b"PRIVATE KEY", b"RSA PRIVATE KEY"), "pem"),
        "pkcs1_as_pkcs8_label": (trad.replace(b"RSA PRIVATE KEY", b"PRIVATE KEY"), "pem"),
        "pkcs8_as_encrypted_label": (p8.replace(b"PRIVATE KEY", b"ENCRYPTED PRIVATE KEY"), "pem"),
        "encrypted_as_pkcs8_label": (encp8.replace(b"ENCRYPTED PRIVATE KEY", b"PRIVATE KEY"), "pem"),
        "truncated_pem_body": (trunc_pem(trad), "pem"),
        "truncated_pem_no_end": (trad[: len(trad) // 2], "pem"),
        "bad_base64": (trad.replace(trad.split(b"\n")[3][:4], b"!!!!", 1), "pem"),
        "truncated_der": (p8der[:-10], "der"),
        "trailing_der": (p8der + b"\x00", "der"),
        "pem_given_to_der": (trad, "der"),
        "der_given_to_pem": (p8der, "pem"),
        "truncated_encrypted_pem": (trunc_pem(encp8), "pem"),
        "truncated_encrypted_der": (encp8der[:-16], "der"),
        "encrypted_der_trailing": (encp8der + b"\x00", "der"),
        "encrypted_der_flipped_last": (encp8der[:-1] + bytes([encp8der[-1] ^ 1]), "der"),
        "legacy_truncated": (trunc_pem(leg, 6), "pem"),
        "legacy_bad_iv_hex": (leg.replace(dek, b"DEK-Info: AES-256-CBC,ZZ"), "pem"),
        "legacy_short_iv": (leg.replace(dek, b"DEK-Info: AES-256-CBC,0011"), "pem"),
        "legacy_7byte_iv": (leg.replace(dek, b"DEK-Info: AES-256-CBC," + iv_hex[:14]), "pem"),
        # pyca 50 panics (PanicException) on an AES IV of 8 to 15 bytes.
        "legacy_8byte_iv": (leg.replace(dek, b"DEK-Info: AES-256-CBC," + iv_hex[:16]), "pem"),
        "legacy_long_iv": (leg.replace(dek, dek + iv_hex), "pem"),
        "legacy_lower_iv": (leg.replace(iv_hex, iv_hex.lower()), "pem"),
        "legacy_no_dekinfo": (leg.replace(dek + b"\n", b""), "pem"),
        "legacy_dekinfo_no_comma": (leg.replace(dek, b"DEK-Info: AES-256-CBC"), "pem"),
        "legacy_bad_proctype": (leg.replace(b"4,ENCRYPTED", b"4,FOO"), "pem"),
        "legacy_unknown_cipher": (leg.replace(b"AES-256-CBC", b"FOO-CBC"), "pem"),
        "legacy_as_pkcs8_label": (leg.replace(b"RSA PRIVATE KEY", b"PRIVATE KEY"), "pem"),
        "proctype_on_pkcs8": (
            p8.replace(b"-----\n", b"-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC," + iv_hex + b"\n\n", 1),
            "pem",
        ),
    }
    for name, (data, enc) in mutations.items():
        add_private("mut_" + name, data, enc, inline=True)

    public = []

    def add_public(name, data, enc, inline=False):
        fn = s.load_pem_public_key if enc == "pem" else s.load_der_public_key
        case = {"name": name, "encoding": enc, "expect": verdict(fn, data)}
        if inline:
            case["data"] = base64.b64encode(data).decode()
        else:
            case["file"] = name
        public.append(case)

    for name in ("rsa2048", "rsa1024e3"):
        for f in ("spki", "pkcs1pub"):
            for ext in ("pem", "der"):
                add_public(f"{name}.{f}.{ext}", read(f"{name}.{f}.{ext}"), ext)
    for fname in ("other_ec_spki.pem", "other_ed25519_spki.pem", "other_rsapss_spki.pem"):
        add_public(fname, read(fname), "pem")
    pk1 = read("rsa1024e3.pkcs1pub.pem")
    spki_der = read("rsa1024e3.spki.der")
    pub_mutations = {
        "spki_as_rsa_label": (spki_pem.replace(b"PUBLIC KEY", b"RSA PUBLIC KEY"), "pem"),
        "pkcs1_as_spki_label": (pk1.replace(b"RSA PUBLIC KEY", b"PUBLIC KEY"), "pem"),
        "ec_as_rsa_label": (read("other_ec_spki.pem").replace(b"PUBLIC KEY", b"RSA PUBLIC KEY"), "pem"),
        "private_key_pem": (trad, "pem"),
        "garbage": (b"xx", "pem"),
        "trailing_junk": (spki_pem + b"junk", "pem"),
        "leading_text": (b"some text\n" + spki_pem, "pem"),
        "truncated_pem": (trunc_pem(spki_pem, 2), "pem"),
        "der_garbage": (b"\x30\x00", "der"),
        "der_empty": (b"", "der"),
        "der_trailing": (spki_der + b"\x00", "der"),
        "der_truncated": (spki_der[:-3], "der"),
        "der_private_key": (p8der, "der"),
        "ec_spki_der": (pem_body(read("other_ec_spki.pem")), "der"),
    }
    for name, (data, enc) in pub_mutations.items():
        add_public("mut_" + name, data, enc, inline=True)

    out = {
        "comment": (
            f"Generated by make_fixtures.py with pyca cryptography {cryptography.__version__} "
            f"and {openssl('version').decode().strip()}. Verdicts are pyca's."
        ),
        "passwords": {k: None if v is None else v.hex() for k, v in passwords.items()},
        "private": private,
        "public": public,
    }
    with open(os.path.join(HERE, "cases.json"), "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {len(private)} private and {len(public)} public cases", file=sys.stderr)


if __name__ == "__main__":
    main()
