#!/usr/bin/env python3
"""Conformance runner for the `openssl` command line (a reference implementation).

Every operation shells out to `openssl` (Debian's package); this file only
moves bytes and builds the DER of keys given as numbers. It imports nothing
beyond the standard library. Operations the command line cannot do (AEADs,
Fernet) answer {"unsupported": true}. Protocol: tests/conformance/PROTOCOL.md.
"""

import concurrent.futures
import itertools
import json
import os
import subprocess
import sys
import tempfile
import threading

OPENSSL = os.environ.get("OPENSSL", "openssl")
TMP = tempfile.mkdtemp(prefix="conformance-openssl-")
_counter = itertools.count(1)


class Unsupported(Exception):
    pass


class Kind(Exception):
    def __init__(self, kind, msg=""):
        super().__init__(msg or kind)
        self.kind = kind


def tmpfile(data, suffix=""):
    p = os.path.join(TMP, f"f{next(_counter)}{suffix}")
    with open(p, "wb") as f:
        f.write(data)
    return p


def run(args, stdin=b"", check=True):
    p = subprocess.run([OPENSSL] + args, input=stdin, capture_output=True)
    if check and p.returncode != 0:
        raise Kind("ValueError", p.stderr.decode(errors="replace").strip()[:200])
    return p


# ---- minimal DER ----
def der_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def der_int(i):
    b = i.to_bytes(max(1, (i.bit_length() + 8) // 8), "big")
    return b"\x02" + der_len(len(b)) + b


def der_seq(*items):
    body = b"".join(items)
    return b"\x30" + der_len(len(body)) + body


def der_read(data, pos=0):
    tag = data[pos]
    ln = data[pos + 1]
    pos += 2
    if ln & 0x80:
        k = ln & 0x7F
        ln = int.from_bytes(data[pos : pos + k], "big")
        pos += k
    return tag, data[pos : pos + ln], pos + ln


def der_ints(seq):
    tag, body, _ = der_read(seq)
    out, pos = [], 0
    while pos < len(body):
        t, v, pos = der_read(body, pos)
        out.append(int.from_bytes(v, "big"))
    return out


def h(i):
    s = format(i, "x")
    return s if len(s) % 2 == 0 else "0" + s


def ub(s):
    return bytes.fromhex(s) if s is not None else None


_keyfiles = {}


def priv_file(r):
    k = ("priv", r["n"], r["d"], r["p"])
    if k not in _keyfiles:
        ints = [0] + [int(r[f], 16) for f in ("n", "e", "d", "p", "q", "dmp1", "dmq1", "iqmp")]
        _keyfiles[k] = tmpfile(der_seq(*[der_int(i) for i in ints]), ".der")
    return _keyfiles[k]


def pub_file(r):
    k = ("pub", r["n"], r["e"])
    if k not in _keyfiles:
        pkcs1 = tmpfile(der_seq(der_int(int(r["n"], 16)), der_int(int(r["e"], 16))), ".der")
        spki = run(["rsa", "-RSAPublicKey_in", "-inform", "DER", "-in", pkcs1, "-pubout", "-outform", "DER"]).stdout
        _keyfiles[k] = tmpfile(spki, ".der")
    return _keyfiles[k]


HASHES = {
    "sha1": "sha1",
    "sha224": "sha224",
    "sha256": "sha256",
    "sha384": "sha384",
    "sha512": "sha512",
    "sha512-224": "sha512-224",
    "sha512-256": "sha512-256",
    "sha3-224": "sha3-224",
    "sha3-256": "sha3-256",
    "sha3-384": "sha3-384",
    "sha3-512": "sha3-512",
    "blake2b": "blake2b512",
    "blake2s": "blake2s256",
    "md5": "md5",
}
DIGEST_SIZE = {
    "sha1": 20,
    "sha224": 28,
    "sha256": 32,
    "sha384": 48,
    "sha512": 64,
    "sha512-224": 28,
    "sha512-256": 32,
    "sha3-224": 28,
    "sha3-256": 32,
    "sha3-384": 48,
    "sha3-512": 64,
    "md5": 16,
}


def hname(n):
    if n not in HASHES:
        raise Unsupported(f"hash {n} (openssl dgst has no fixed-length form)")
    return HASHES[n]


def op_hash(r):
    out = run(["dgst", "-" + hname(r["alg"]), "-binary"], ub(r["data"])).stdout
    return {"digest": out.hex()}


def op_hmac(r):
    if r["alg"].startswith("shake"):
        raise Kind("UnsupportedAlgorithm")
    f = tmpfile(ub(r["data"]))
    key = r["key"]
    if not key:
        raise Unsupported("openssl mac cannot take an empty HMAC key")
    out = run(["mac", "-digest", hname(r["alg"]), "-macopt", "hexkey:" + key, "-in", f, "HMAC"]).stdout
    return {"mac": out.decode().strip().lower()}


def op_hmac_verify(r):
    mac = op_hmac(r)["mac"]
    if mac != r["mac"].lower():
        raise Kind("InvalidSignature")
    return {}


def op_pbkdf2(r):
    args = [
        "kdf",
        "-keylen",
        str(r["length"]),
        "-kdfopt",
        "digest:" + hname(r["alg"]).upper(),
        "-kdfopt",
        "hexpass:" + r["password"],
        "-kdfopt",
        "hexsalt:" + r["salt"],
        "-kdfopt",
        "iter:" + str(r["iterations"]),
        "PBKDF2",
    ]
    if not r["password"] or not r["salt"]:
        raise Unsupported("openssl kdf cannot take an empty hex password or salt")
    out = run(args).stdout.decode().strip().replace(":", "").lower()
    return {"key": out}


def oaep_opts(r):
    opts = [
        "-pkeyopt",
        "rsa_padding_mode:oaep",
        "-pkeyopt",
        "rsa_oaep_md:" + hname(r["hash"]),
        "-pkeyopt",
        "rsa_mgf1_md:" + hname(r["mgf1_hash"]),
    ]
    if r.get("label"):
        opts += ["-pkeyopt", "rsa_oaep_label:" + r["label"]]
    return opts


def op_oaep_encrypt(r):
    out = run(
        ["pkeyutl", "-encrypt", "-pubin", "-keyform", "DER", "-inkey", pub_file(r)] + oaep_opts(r), ub(r["pt"])
    ).stdout
    return {"ct": out.hex()}


def op_oaep_decrypt(r):
    p = run(["pkeyutl", "-decrypt", "-keyform", "DER", "-inkey", priv_file(r)] + oaep_opts(r), ub(r["ct"]), check=False)
    if p.returncode != 0:
        raise Kind("ValueError", "Decryption failed")
    return {"pt": p.stdout.hex()}


def op_pkcs1_encrypt(r):
    out = run(
        [
            "pkeyutl",
            "-encrypt",
            "-pubin",
            "-keyform",
            "DER",
            "-inkey",
            pub_file(r),
            "-pkeyopt",
            "rsa_padding_mode:pkcs1",
        ],
        ub(r["pt"]),
    ).stdout
    return {"ct": out.hex()}


def op_pkcs1_decrypt(r):
    p = run(
        ["pkeyutl", "-decrypt", "-keyform", "DER", "-inkey", priv_file(r), "-pkeyopt", "rsa_padding_mode:pkcs1"],
        ub(r["ct"]),
        check=False,
    )
    if p.returncode != 0:
        raise Kind("ValueError", "Decryption failed")
    return {"pt": p.stdout.hex()}


def pss_opts(r, verify):
    s = r["salt"]
    if s == "digest":
        salt = "digest"
    elif s == "max":
        salt = "max"
    elif s == "auto":
        if not verify:
            raise Kind("ValueError", "AUTO is for verification only")
        salt = "auto"
    else:
        salt = str(int(s))
    return [
        "-sigopt",
        "rsa_padding_mode:pss",
        "-sigopt",
        "rsa_pss_saltlen:" + salt,
        "-sigopt",
        "rsa_mgf1_md:" + hname(r["mgf1_hash"]),
    ]


def sign(r, opts):
    out = run(
        ["dgst", "-" + hname(r["hash"]), "-binary", "-keyform", "DER", "-sign", priv_file(r)] + opts, ub(r["msg"])
    ).stdout
    return {"sig": out.hex()}


def verify(r, opts):
    sig = tmpfile(ub(r["sig"]))
    p = run(
        ["dgst", "-" + hname(r["hash"]), "-keyform", "DER", "-verify", pub_file(r), "-signature", sig] + opts,
        ub(r["msg"]),
        check=False,
    )
    if p.returncode != 0:
        raise Kind("InvalidSignature")
    return {}


def is_encrypted(data, encoding):
    if encoding == "pem":
        return b"ENCRYPTED" in data
    try:
        tag, body, _ = der_read(data)
        return tag == 0x30 and body[0] == 0x30
    except (IndexError, ValueError):
        return False


def op_key_load(r):
    data = ub(r["data"])
    enc = r["encoding"].upper()
    f = tmpfile(data)
    if r["kind"] == "public":
        for extra in ([], ["-RSAPublicKey_in"]):
            p = run(
                ["rsa", "-pubin"] + extra + ["-inform", enc, "-in", f, "-RSAPublicKey_out", "-outform", "DER"],
                check=False,
            )
            if p.returncode == 0:
                n, e = der_ints(p.stdout)
                return {"n": h(n), "e": h(e)}
        q = run(["pkey", "-pubin", "-inform", enc, "-in", f, "-noout"], check=False)
        if q.returncode == 0:
            raise Kind("UnsupportedAlgorithm", "not an RSA key")
        raise Kind("ValueError", p.stderr.decode(errors="replace")[:200])
    pw = ub(r.get("password"))
    encrypted = is_encrypted(data, r["encoding"])
    if encrypted and pw is None:
        raise Kind("TypeError", "Password was not given but private key is encrypted")
    if not encrypted and pw is not None:
        raise Kind("TypeError", "Password was given but private key is not encrypted")
    passin = ["-passin", "file:" + tmpfile(pw)] if pw else ["-passin", "pass:"]
    # One call: decrypt, check consistency (pyca checks the key as RSA_check_key
    # does) and write the PKCS#1 DER; -check writes "RSA key ok\n" before it.
    p = run(["rsa", "-inform", enc, "-in", f] + passin + ["-check", "-traditional", "-outform", "DER"], check=False)
    ok_line = b"RSA key ok\n"
    if p.returncode != 0 or not p.stdout.startswith(ok_line):
        err = p.stderr.decode(errors="replace") + p.stdout.decode(errors="replace")
        if "RSA key not ok" in err:
            raise Kind("ValueError", "invalid RSA private key")
        q = run(["pkey", "-inform", enc, "-in", f, "-noout", "-text"] + passin, check=False)
        if q.returncode == 0 and b"modulus:" not in q.stdout:
            raise Kind("UnsupportedAlgorithm", "not an RSA key")
        if "unsupported" in err.lower() and "bad decrypt" not in err.lower():
            raise Kind("UnsupportedAlgorithm", err[:200])
        raise Kind("ValueError", err[:200])
    der = p.stdout[len(ok_line) :]
    ints = der_ints(der)
    if len(ints) != 9:
        raise Kind("ValueError", "multi-prime key")
    names = ("n", "e", "d", "p", "q", "dmp1", "dmq1", "iqmp")
    return {k: h(v) for k, v in zip(names, ints[1:], strict=True)}


def op_key_dump(r):
    enc = r["encoding"].upper()
    if r["kind"] == "public":
        extra = ["-pubout"] if r["format"] == "spki" else ["-RSAPublicKey_out"]
        out = run(["rsa", "-pubin", "-inform", "DER", "-in", pub_file(r), "-outform", enc] + extra).stdout
        return {"data": out.hex()}
    pw = ub(r.get("password"))
    key = priv_file(r)
    if r["format"] == "pkcs8":
        if pw is None:
            args = ["pkcs8", "-topk8", "-nocrypt"]
        else:
            if not pw:
                raise Kind("ValueError", "password must be 1 or more bytes")
            args = [
                "pkcs8",
                "-topk8",
                "-v2",
                "aes-256-cbc",
                "-v2prf",
                "hmacWithSHA256",
                "-passout",
                "file:" + tmpfile(pw),
            ]
        out = run(args + ["-inform", "DER", "-in", key, "-outform", enc]).stdout
        return {"data": out.hex()}
    args = ["rsa", "-traditional", "-inform", "DER", "-in", key, "-outform", enc]
    if pw is not None:
        if enc == "DER":
            raise Kind("ValueError", "encryption is not supported for DER TraditionalOpenSSL")
        if not pw:
            raise Kind("ValueError", "password must be 1 or more bytes")
        args += ["-aes256", "-passout", "file:" + tmpfile(pw)]
    return {"data": run(args).stdout.hex()}


def unsupported(why):
    def f(r):
        raise Unsupported(why)

    return f


OPS = {
    "hash": op_hash,
    "hmac": op_hmac,
    "hmac.verify": op_hmac_verify,
    "pbkdf2": op_pbkdf2,
    "aesgcm.encrypt": unsupported("openssl enc has no AEAD modes"),
    "aesgcm.decrypt": unsupported("openssl enc has no AEAD modes"),
    "chacha20poly1305.encrypt": unsupported("openssl enc has no AEAD modes"),
    "chacha20poly1305.decrypt": unsupported("openssl enc has no AEAD modes"),
    "rsa.oaep.encrypt": op_oaep_encrypt,
    "rsa.oaep.decrypt": op_oaep_decrypt,
    "rsa.pkcs1v15.encrypt": op_pkcs1_encrypt,
    "rsa.pkcs1v15.decrypt": op_pkcs1_decrypt,
    "rsa.pss.sign": lambda r: sign(r, pss_opts(r, False)),
    "rsa.pss.verify": lambda r: verify(r, pss_opts(r, True)),
    "rsa.pkcs1v15.sign": lambda r: sign(r, ["-sigopt", "rsa_padding_mode:pkcs1"]),
    "rsa.pkcs1v15.verify": lambda r: verify(r, ["-sigopt", "rsa_padding_mode:pkcs1"]),
    "key.load": op_key_load,
    "key.dump": op_key_dump,
}
REAL_OPS = sorted(k for k in OPS if "aesgcm" not in k and "chacha" not in k)


def main():
    try:
        ver = run(["version"]).stdout.decode().strip()
    except (OSError, Kind) as e:
        ver = None
        sys.stderr.write(f"openssl not usable: {e}\n")
    lock = threading.Lock()

    def answer(r):
        rid = r.get("id")
        if r.get("op") == "hello":
            resp = {
                "id": rid,
                "ok": ver is not None,
                "name": "openssl",
                "version": ver,
                "errors": "coarse",
                "ops": REAL_OPS,
            }
            if ver is None:
                resp["error"] = "openssl command not found"
        elif r.get("op") not in OPS:
            resp = {"id": rid, "unsupported": True, "message": "unknown op"}
        else:
            try:
                resp = {"id": rid, "ok": True}
                resp.update(OPS[r["op"]](r))
            except Unsupported as e:
                resp = {"id": rid, "unsupported": True, "message": str(e)}
            except Kind as e:
                resp = {"id": rid, "ok": False, "error": e.kind, "message": str(e)[:200]}
            except Exception as e:
                resp = {"id": rid, "ok": False, "error": type(e).__name__, "message": str(e)[:200]}
        with lock:
            sys.stdout.write(json.dumps(resp) + "\n")
            sys.stdout.flush()

    # Each request spawns openssl processes: answer several at once (answers
    # may come out of order; the protocol matches them by id).
    workers = int(os.environ.get("OPENSSL_RUNNER_JOBS", "4"))
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as ex:
        for line in sys.stdin:
            line = line.strip()
            if line:
                ex.submit(answer, json.loads(line))


if __name__ == "__main__":
    try:
        main()
    finally:
        import shutil

        shutil.rmtree(TMP, ignore_errors=True)
