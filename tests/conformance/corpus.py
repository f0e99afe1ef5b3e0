"""Deterministic key corpus for the conformance harness.

RSA keys are generated here from the seed (random.Random-driven prime search,
Miller-Rabin), so the same seed always yields the same keys without shipping
key files. Their serializations are made by pyca `cryptography` (unencrypted
and BestAvailableEncryption) and by the `openssl` command line (the other
PKCS#8 encryption schemes, legacy PEM ciphers and an unsupported cipher).
Encrypted blobs embed random salts, so the whole corpus is cached per seed
under build/conformance-cache/ and reused: the same seed gives the same bytes.

    build/venv/bin/python tests/conformance/corpus.py --seed 1 [--quick]
writes (or shows the path of) the cached corpus.
"""

import base64
import hashlib
import json
import os
import random
import subprocess
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CACHE = os.path.join(ROOT, "build", "conformance-cache")
CORPUS_VERSION = 4

SMALL_PRIMES = [p for p in range(3, 2000) if all(p % d for d in range(2, int(p**0.5) + 1))]

QUICK_KEYS = [(1024, 65537), (1024, 3), (2048, 65537)]
FULL_KEYS = QUICK_KEYS + [(2048, 3), (3072, 65537), (4096, 65537), (4096, 3)]


def _is_probable_prime(n, rng, rounds=12):
    if n < 2:
        return False
    for p in SMALL_PRIMES:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for _ in range(rounds):
        a = rng.randrange(2, n - 2)
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def _prime(rng, bits, e):
    while True:
        c = rng.getrandbits(bits) | (3 << (bits - 2)) | 1
        if any(c % p == 0 for p in SMALL_PRIMES):
            continue
        if (c - 1) % e == 0:  # e must be invertible mod p-1 (e is prime)
            continue
        if _is_probable_prime(c, rng):
            return c


def rsa_numbers(seed, bits, e):
    """A deterministic RSA key: dict of ints n, e, d, p, q, dmp1, dmq1, iqmp."""
    rng = random.Random(f"{seed}:rsa:{bits}:{e}")
    while True:
        p = _prime(rng, bits // 2, e)
        q = _prime(rng, bits - bits // 2, e)
        if p == q:
            continue
        if p < q:
            p, q = q, p
        n = p * q
        if n.bit_length() != bits:
            continue
        lam = (p - 1) * (q - 1) // _gcd(p - 1, q - 1)
        d = pow(e, -1, lam)
        return {"n": n, "e": e, "d": d, "p": p, "q": q, "dmp1": d % (p - 1), "dmq1": d % (q - 1), "iqmp": pow(q, -1, p)}


def _gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def hexnums(k):
    return {f: format(v, "x").zfill((len(format(v, "x")) + 1) // 2 * 2) for f, v in k.items()}


def _openssl(args, data=b""):
    p = subprocess.run(["openssl"] + args, input=data, capture_output=True)
    if p.returncode != 0:
        raise RuntimeError(f"openssl {' '.join(args)}: {p.stderr.decode(errors='replace')[:300]}")
    return p.stdout


def build(seed, quick):
    from cryptography.hazmat.primitives import serialization as ser
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

    rng = random.Random(f"{seed}:corpus")
    keys = []
    entries = []
    tmp = tempfile.mkdtemp(prefix="conformance-corpus-")
    pw = b"correct horse"
    wrong = b"wrong horse"

    def add(name, kind, encoding, data, password=None, key=None, divergent=None, tags=()):
        e = {
            "name": name,
            "kind": kind,
            "encoding": encoding,
            "data": data.hex(),
            "password": password.hex() if password is not None else None,
            "key": key,
            "tags": list(tags),
        }
        if divergent:
            e["divergent"] = divergent
        entries.append(e)

    sizes = QUICK_KEYS if quick else FULL_KEYS
    for idx, (bits, e) in enumerate(sizes):
        k = rsa_numbers(seed, bits, e)
        name = f"rsa{bits}e{e}"
        keys.append({"name": name, "bits": bits, **hexnums(k)})
        pub = rsa.RSAPublicNumbers(k["e"], k["n"])
        priv = rsa.RSAPrivateNumbers(k["p"], k["q"], k["d"], k["dmp1"], k["dmq1"], k["iqmp"], pub).private_key()
        pk = priv.public_key()
        for enc_name, enc in (("pem", ser.Encoding.PEM), ("der", ser.Encoding.DER)):
            add(
                f"{name}/pkcs8/{enc_name}",
                "private",
                enc_name,
                priv.private_bytes(enc, ser.PrivateFormat.PKCS8, ser.NoEncryption()),
                key=name,
            )
            add(
                f"{name}/traditional/{enc_name}",
                "private",
                enc_name,
                priv.private_bytes(enc, ser.PrivateFormat.TraditionalOpenSSL, ser.NoEncryption()),
                key=name,
            )
            add(
                f"{name}/spki/{enc_name}",
                "public",
                enc_name,
                pk.public_bytes(enc, ser.PublicFormat.SubjectPublicKeyInfo),
                key=name,
            )
            add(
                f"{name}/pkcs1-public/{enc_name}",
                "public",
                enc_name,
                pk.public_bytes(enc, ser.PublicFormat.PKCS1),
                key=name,
            )
            enc8 = priv.private_bytes(enc, ser.PrivateFormat.PKCS8, ser.BestAvailableEncryption(pw))
            add(f"{name}/pkcs8-encrypted/{enc_name}", "private", enc_name, enc8, pw, key=name)
            if idx == 0 or not quick:
                add(
                    f"{name}/pkcs8-encrypted/{enc_name}/wrong-password",
                    "private",
                    enc_name,
                    enc8,
                    wrong,
                    tags=["wrong-password"],
                )
                add(
                    f"{name}/pkcs8-encrypted/{enc_name}/no-password",
                    "private",
                    enc_name,
                    enc8,
                    None,
                    tags=["password-required"],
                )
                add(
                    f"{name}/pkcs8/{enc_name}/unexpected-password",
                    "private",
                    enc_name,
                    priv.private_bytes(enc, ser.PrivateFormat.PKCS8, ser.NoEncryption()),
                    pw,
                    tags=["password-unexpected"],
                )
        trad = priv.private_bytes(
            ser.Encoding.PEM, ser.PrivateFormat.TraditionalOpenSSL, ser.BestAvailableEncryption(pw)
        )
        add(f"{name}/traditional-encrypted/pem", "private", "pem", trad, pw, key=name)
        if idx == 0 or not quick:
            add(
                f"{name}/traditional-encrypted/pem/wrong-password",
                "private",
                "pem",
                trad,
                wrong,
                tags=["wrong-password"],
            )
            add(
                f"{name}/traditional-encrypted/pem/empty-password", "private", "pem", trad, b"", tags=["wrong-password"]
            )

        # Other encryption schemes, made by the openssl command line.
        if idx == 0 or not quick:
            der = priv.private_bytes(ser.Encoding.DER, ser.PrivateFormat.TraditionalOpenSSL, ser.NoEncryption())
            kf = os.path.join(tmp, f"{name}.der")
            with open(kf, "wb") as f:
                f.write(der)
            pwf = os.path.join(tmp, "pw")
            with open(pwf, "wb") as f:
                f.write(pw)
            schemes = [
                ("pbes2-aes128-cbc", ["-v2", "aes-128-cbc"]),
                ("pbes2-des3", ["-v2", "des3"]),
                ("pbes2-aes256-hmacsha1", ["-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA1"]),
                ("pbes2-scrypt", ["-scrypt"]),
                ("pbes1-sha1-3des", ["-v1", "PBE-SHA1-3DES"]),
            ]
            for sname, sargs in schemes:
                for enc_name in ("pem", "der"):
                    data = _openssl(
                        [
                            "pkcs8",
                            "-topk8",
                            "-inform",
                            "DER",
                            "-in",
                            kf,
                            "-passout",
                            "file:" + pwf,
                            "-outform",
                            enc_name.upper(),
                        ]
                        + sargs
                    )
                    add(f"{name}/pkcs8-{sname}/{enc_name}", "private", enc_name, data, pw, key=name)
            for cname in ("des3", "aes128"):
                data = _openssl(
                    ["rsa", "-traditional", "-inform", "DER", "-in", kf, "-passout", "file:" + pwf, "-" + cname]
                )
                add(f"{name}/traditional-{cname}/pem", "private", "pem", data, pw, key=name)
            ref = "pyca rejects an unknown PKCS#8 cipher; openssl supports Camellia"
            for enc_name in ("pem", "der"):
                data = _openssl(
                    [
                        "pkcs8",
                        "-topk8",
                        "-inform",
                        "DER",
                        "-in",
                        kf,
                        "-passout",
                        "file:" + pwf,
                        "-outform",
                        enc_name.upper(),
                        "-v2",
                        "camellia-256-cbc",
                    ]
                )
                add(
                    f"{name}/pkcs8-camellia256/{enc_name}",
                    "private",
                    enc_name,
                    data,
                    pw,
                    tags=["unsupported-cipher"],
                    divergent={"openssl": ref, "node:crypto": ref},
                )

        # Malformed inputs derived from this key.
        if idx == 0 or not quick:
            der8 = priv.private_bytes(ser.Encoding.DER, ser.PrivateFormat.PKCS8, ser.NoEncryption())
            pem8 = priv.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.PKCS8, ser.NoEncryption())
            spki = pk.public_bytes(ser.Encoding.DER, ser.PublicFormat.SubjectPublicKeyInfo)
            cut = rng.randrange(10, len(der8) - 10)
            add(f"{name}/pkcs8/der/truncated", "private", "der", der8[:cut], tags=["malformed"])
            add(f"{name}/pkcs8/pem/truncated", "private", "pem", pem8[: len(pem8) // 2], tags=["malformed"])
            add(f"{name}/spki/der/truncated", "public", "der", spki[: len(spki) - 7], tags=["malformed"])
            trail = "OpenSSL's DER decoder ignores trailing bytes; pyca rejects them"
            add(
                f"{name}/pkcs8/der/trailing-byte",
                "private",
                "der",
                der8 + b"\x00",
                tags=["malformed"],
                divergent={"openssl": trail, "node:crypto": trail},
            )
            body = pem8.split(b"\n")
            body[3] = base64.b64encode(bytes(rng.getrandbits(8) for _ in range(48)))[:64]
            add(f"{name}/pkcs8/pem/garbage-body", "private", "pem", b"\n".join(body), tags=["malformed"])
            bad = dict(k)
            bad["d"] = k["d"] + 2
            inc = _der_seq(
                *[
                    _der_int(v)
                    for v in [
                        0,
                        bad["n"],
                        bad["e"],
                        bad["d"],
                        bad["p"],
                        bad["q"],
                        bad["dmp1"],
                        bad["dmq1"],
                        bad["iqmp"],
                    ]
                ]
            )
            add(f"{name}/traditional/der/inconsistent-d", "private", "der", inc, tags=["inconsistent"])
            badq = dict(k)
            badq["iqmp"] = (k["iqmp"] + 1) % k["p"]
            inc = _der_seq(
                *[_der_int(v) for v in [0, k["n"], k["e"], k["d"], k["p"], k["q"], k["dmp1"], k["dmq1"], badq["iqmp"]]]
            )
            add(f"{name}/traditional/der/inconsistent-iqmp", "private", "der", inc, tags=["inconsistent"])
            add(f"{name}/spki-as-private/der", "private", "der", spki, tags=["malformed"])
            add(f"{name}/pkcs8-as-public/der", "public", "der", der8, tags=["malformed"])

    # Keys of other types: a valid key that is not RSA -> UnsupportedAlgorithm.
    eck = ec.derive_private_key(rng.getrandbits(255) | 1, ec.SECP256R1())
    edk = ed25519.Ed25519PrivateKey.from_private_bytes(bytes(rng.getrandbits(8) for _ in range(32)))
    for tname, k in (("ec-p256", eck), ("ed25519", edk)):
        for enc_name, enc in (("pem", ser.Encoding.PEM), ("der", ser.Encoding.DER)):
            add(
                f"{tname}/pkcs8/{enc_name}",
                "private",
                enc_name,
                k.private_bytes(enc, ser.PrivateFormat.PKCS8, ser.NoEncryption()),
                tags=["not-rsa"],
            )
            add(
                f"{tname}/spki/{enc_name}",
                "public",
                enc_name,
                k.public_key().public_bytes(enc, ser.PublicFormat.SubjectPublicKeyInfo),
                tags=["not-rsa"],
            )
    add("empty/der", "private", "der", b"", tags=["malformed"])
    add("empty/pem", "public", "pem", b"", tags=["malformed"])
    add("garbage/der", "private", "der", bytes(rng.getrandbits(8) for _ in range(100)), tags=["malformed"])
    add(
        "garbage/pem",
        "public",
        "pem",
        b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
        tags=["malformed"],
    )
    return {"version": CORPUS_VERSION, "seed": seed, "quick": quick, "keys": keys, "entries": entries}


def _der_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def _der_int(i):
    b = i.to_bytes(max(1, (i.bit_length() + 8) // 8), "big")
    return b"\x02" + _der_len(len(b)) + b


def _der_seq(*items):
    body = b"".join(items)
    return b"\x30" + _der_len(len(body)) + body


def load(seed, quick):
    """The corpus for this seed: from the cache, or built and cached."""
    os.makedirs(CACHE, exist_ok=True)
    path = os.path.join(CACHE, f"corpus-v{CORPUS_VERSION}-seed{seed}-{'quick' if quick else 'full'}.json")
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f), path
    c = build(seed, quick)
    tmp = path + f".{os.getpid()}.tmp"
    with open(tmp, "w") as f:
        json.dump(c, f)
    os.replace(tmp, path)
    return c, path


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    c, p = load(a.seed, a.quick)
    print(p, len(c["keys"]), "keys", len(c["entries"]), "entries")
    print(hashlib.sha256(json.dumps(c["keys"], sort_keys=True).encode()).hexdigest())
