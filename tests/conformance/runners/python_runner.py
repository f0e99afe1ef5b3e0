#!/usr/bin/env python3
"""Conformance runner for a package with pyca `cryptography`'s API.

    python_runner.py --package cryptography   # pyca itself (the reference)
    python_runner.py --package cryptogo       # our Python binding (bindings/python)

Reads JSON-lines requests on stdin and answers one line per request on stdout
(tests/conformance/PROTOCOL.md). The same code drives both packages: cryptogo
mirrors pyca's import paths, so only the top-level package name changes. A
module or name the package does not have (yet) makes the op answer
{"unsupported": true}; every other exception is reported by its pyca name.
"""

import argparse
import importlib
import json
import os
import sys
import traceback

ERROR_KINDS = (
    "InvalidToken",
    "InvalidTag",
    "InvalidSignature",
    "InvalidKey",
    "AlreadyFinalized",
    "UnsupportedAlgorithm",
    "OverflowError",
    "TypeError",
    "ValueError",
)


class Unsupported(Exception):
    pass


PKG = "cryptography"
_mods = {}


def need(modpath, *names):
    """Import PKG.modpath and return the named attributes, or raise Unsupported."""
    full = PKG + ("." + modpath if modpath else "")
    mod = _mods.get(full)
    if mod is None:
        try:
            mod = importlib.import_module(full)
        except ImportError as e:
            raise Unsupported(f"{full}: {e}") from e
        _mods[full] = mod
    if not names:
        return mod
    out = []
    for n in names:
        if not hasattr(mod, n):
            raise Unsupported(f"{full}.{n} missing")
        out.append(getattr(mod, n))
    return out[0] if len(out) == 1 else out


def error_kind(exc):
    for cls in type(exc).__mro__:
        if cls.__name__ in ERROR_KINDS:
            return cls.__name__
    return type(exc).__name__


def hx(b):
    return bytes(b).hex()


def ub(s):
    return bytes.fromhex(s) if s is not None else None


def i2h(i):
    h = format(i, "x")
    return h if len(h) % 2 == 0 else "0" + h


HASHES = {
    "sha1": "SHA1",
    "sha224": "SHA224",
    "sha256": "SHA256",
    "sha384": "SHA384",
    "sha512": "SHA512",
    "sha512-224": "SHA512_224",
    "sha512-256": "SHA512_256",
    "sha3-224": "SHA3_224",
    "sha3-256": "SHA3_256",
    "sha3-384": "SHA3_384",
    "sha3-512": "SHA3_512",
    "shake128": "SHAKE128",
    "shake256": "SHAKE256",
    "blake2b": "BLAKE2b",
    "blake2s": "BLAKE2s",
    "md5": "MD5",
}


def hash_alg(name, length=None):
    need("hazmat.primitives.hashes")  # Unsupported when the module is missing
    if name not in HASHES:
        raise Unsupported(f"hash {name}")
    cls = need("hazmat.primitives.hashes", HASHES[name])
    if name.startswith("shake"):
        return cls(digest_size=length)
    if name == "blake2b":
        return cls(64)
    if name == "blake2s":
        return cls(32)
    return cls()


_keys = {}


def private_key(r):
    k = ("priv",) + tuple(r[f] for f in ("n", "e", "d", "p", "q", "dmp1", "dmq1", "iqmp"))
    if k not in _keys:
        rsa = need("hazmat.primitives.asymmetric.rsa")
        i = [int(x, 16) for x in k[1:]]
        pub = rsa.RSAPublicNumbers(i[1], i[0])
        _keys[k] = rsa.RSAPrivateNumbers(i[3], i[4], i[2], i[5], i[6], i[7], pub).private_key()
    return _keys[k]


def public_key(r):
    k = ("pub", r["n"], r["e"])
    if k not in _keys:
        rsa = need("hazmat.primitives.asymmetric.rsa")
        _keys[k] = rsa.RSAPublicNumbers(int(r["e"], 16), int(r["n"], 16)).public_key()
    return _keys[k]


def pss(r, verify=False):
    padding = need("hazmat.primitives.asymmetric.padding")
    s = r["salt"]
    if s == "max":
        salt = padding.PSS.MAX_LENGTH
    elif s == "digest":
        salt = padding.PSS.DIGEST_LENGTH
    elif s == "auto":
        salt = padding.PSS.AUTO
    else:
        salt = int(s)
    return padding.PSS(mgf=padding.MGF1(hash_alg(r["mgf1_hash"])), salt_length=salt)


def oaep(r):
    padding = need("hazmat.primitives.asymmetric.padding")
    return padding.OAEP(
        mgf=padding.MGF1(hash_alg(r["mgf1_hash"])), algorithm=hash_alg(r["hash"]), label=ub(r.get("label"))
    )


def numbers_out(key, private):
    if private:
        pn = key.private_numbers()
        u = pn.public_numbers
        return {
            "n": i2h(u.n),
            "e": i2h(u.e),
            "d": i2h(pn.d),
            "p": i2h(pn.p),
            "q": i2h(pn.q),
            "dmp1": i2h(pn.dmp1),
            "dmq1": i2h(pn.dmq1),
            "iqmp": i2h(pn.iqmp),
        }
    u = key.public_numbers()
    return {"n": i2h(u.n), "e": i2h(u.e)}


def op_hash(r):
    h = need("hazmat.primitives.hashes", "Hash")(hash_alg(r["alg"], r.get("length")))
    h.update(ub(r["data"]))
    return {"digest": hx(h.finalize())}


def op_hmac(r):
    h = need("hazmat.primitives.hmac", "HMAC")(ub(r["key"]), hash_alg(r["alg"]))
    h.update(ub(r["data"]))
    return {"mac": hx(h.finalize())}


def op_hmac_verify(r):
    h = need("hazmat.primitives.hmac", "HMAC")(ub(r["key"]), hash_alg(r["alg"]))
    h.update(ub(r["data"]))
    h.verify(ub(r["mac"]))
    return {}


def op_pbkdf2(r):
    K = need("hazmat.primitives.kdf.pbkdf2", "PBKDF2HMAC")
    k = K(algorithm=hash_alg(r["alg"]), length=r["length"], salt=ub(r["salt"]), iterations=r["iterations"])
    return {"key": hx(k.derive(ub(r["password"])))}


def aead(name):
    def enc(r):
        cls = need("hazmat.primitives.ciphers.aead", name)
        return {"ct": hx(cls(ub(r["key"])).encrypt(ub(r["nonce"]), ub(r["pt"]), ub(r.get("aad"))))}

    def dec(r):
        cls = need("hazmat.primitives.ciphers.aead", name)
        return {"pt": hx(cls(ub(r["key"])).decrypt(ub(r["nonce"]), ub(r["ct"]), ub(r.get("aad"))))}

    return enc, dec


def op_fernet_encrypt(r):
    F = need("fernet", "Fernet")
    f = F(r["key"].encode())
    iv = ub(r["iv"])
    # pyca has no public "encrypt with this IV"; _encrypt_from_parts is its
    # internal deterministic path (the one its own spec tests use).
    if hasattr(f, "_encrypt_from_parts"):
        tok = f._encrypt_from_parts(ub(r["pt"]), r["time"], iv)
    elif hasattr(f, "encrypt_at_time_with_iv"):
        tok = f.encrypt_at_time_with_iv(ub(r["pt"]), r["time"], iv)
    else:
        raise Unsupported("no deterministic Fernet encryption")
    return {"token": tok.decode()}


def op_fernet_decrypt(r):
    F = need("fernet", "Fernet")
    f = F(r["key"].encode())
    tok = r["token"].encode()
    if r.get("ttl") is None:
        pt = f.decrypt(tok)
    else:
        pt = f.decrypt_at_time(tok, r["ttl"], r["time"])
    return {"pt": hx(pt)}


def op_oaep_encrypt(r):
    return {"ct": hx(public_key(r).encrypt(ub(r["pt"]), oaep(r)))}


def op_oaep_decrypt(r):
    return {"pt": hx(private_key(r).decrypt(ub(r["ct"]), oaep(r)))}


def op_pkcs1_encrypt(r):
    padding = need("hazmat.primitives.asymmetric.padding")
    return {"ct": hx(public_key(r).encrypt(ub(r["pt"]), padding.PKCS1v15()))}


def op_pkcs1_decrypt(r):
    padding = need("hazmat.primitives.asymmetric.padding")
    return {"pt": hx(private_key(r).decrypt(ub(r["ct"]), padding.PKCS1v15()))}


def op_pss_sign(r):
    return {"sig": hx(private_key(r).sign(ub(r["msg"]), pss(r), hash_alg(r["hash"])))}


def op_pss_verify(r):
    public_key(r).verify(ub(r["sig"]), ub(r["msg"]), pss(r, True), hash_alg(r["hash"]))
    return {}


def op_pkcs1_sign(r):
    padding = need("hazmat.primitives.asymmetric.padding")
    return {"sig": hx(private_key(r).sign(ub(r["msg"]), padding.PKCS1v15(), hash_alg(r["hash"])))}


def op_pkcs1_verify(r):
    padding = need("hazmat.primitives.asymmetric.padding")
    public_key(r).verify(ub(r["sig"]), ub(r["msg"]), padding.PKCS1v15(), hash_alg(r["hash"]))
    return {}


def op_key_load(r):
    ser = need("hazmat.primitives.serialization")
    rsa = need("hazmat.primitives.asymmetric.rsa")
    data = ub(r["data"])
    enc = r["encoding"]
    if r["kind"] == "private":
        fn = ser.load_pem_private_key if enc == "pem" else ser.load_der_private_key
        key = fn(data, password=ub(r.get("password")))
        if not isinstance(key, rsa.RSAPrivateKey):
            raise need("exceptions", "UnsupportedAlgorithm")("not an RSA key")
        return numbers_out(key, True)
    fn = ser.load_pem_public_key if enc == "pem" else ser.load_der_public_key
    key = fn(data)
    if not isinstance(key, rsa.RSAPublicKey):
        raise need("exceptions", "UnsupportedAlgorithm")("not an RSA key")
    return numbers_out(key, False)


def op_key_dump(r):
    ser = need("hazmat.primitives.serialization")
    enc = {"pem": ser.Encoding.PEM, "der": ser.Encoding.DER}[r["encoding"]]
    if r["kind"] == "private":
        fmt = {"pkcs8": ser.PrivateFormat.PKCS8, "traditional": ser.PrivateFormat.TraditionalOpenSSL}[r["format"]]
        pw = ub(r.get("password"))
        ea = ser.BestAvailableEncryption(pw) if pw is not None else ser.NoEncryption()
        data = private_key(r).private_bytes(enc, fmt, ea)
    else:
        fmt = {"spki": ser.PublicFormat.SubjectPublicKeyInfo, "pkcs1": ser.PublicFormat.PKCS1}[r["format"]]
        data = public_key(r).public_bytes(enc, fmt)
    return {"data": hx(data)}


def build_ops():
    ge, gd = aead("AESGCM")
    ce, cd = aead("ChaCha20Poly1305")
    return {
        "hash": op_hash,
        "hmac": op_hmac,
        "hmac.verify": op_hmac_verify,
        "pbkdf2": op_pbkdf2,
        "aesgcm.encrypt": ge,
        "aesgcm.decrypt": gd,
        "chacha20poly1305.encrypt": ce,
        "chacha20poly1305.decrypt": cd,
        "fernet.encrypt": op_fernet_encrypt,
        "fernet.decrypt": op_fernet_decrypt,
        "rsa.oaep.encrypt": op_oaep_encrypt,
        "rsa.oaep.decrypt": op_oaep_decrypt,
        "rsa.pkcs1v15.encrypt": op_pkcs1_encrypt,
        "rsa.pkcs1v15.decrypt": op_pkcs1_decrypt,
        "rsa.pss.sign": op_pss_sign,
        "rsa.pss.verify": op_pss_verify,
        "rsa.pkcs1v15.sign": op_pkcs1_sign,
        "rsa.pkcs1v15.verify": op_pkcs1_verify,
        "key.load": op_key_load,
        "key.dump": op_key_dump,
    }


def main():
    global PKG
    ap = argparse.ArgumentParser()
    ap.add_argument("--package", default="cryptography")
    args = ap.parse_args()
    PKG = args.package
    if PKG == "cryptogo":
        root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
        sys.path.insert(0, os.path.join(root, "bindings", "python"))
    ops = build_ops()
    out = sys.stdout
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        req = json.loads(line)
        rid = req.get("id")
        op = req.get("op")
        if op == "hello":
            try:
                ver = need("", "__version__")
            except Unsupported:
                ver = "?"
            resp = {"id": rid, "ok": True, "name": PKG, "version": ver, "errors": "pyca", "ops": sorted(ops)}
        elif op not in ops:
            resp = {"id": rid, "unsupported": True, "message": f"unknown op {op}"}
        else:
            try:
                resp = {"id": rid, "ok": True}
                resp.update(ops[op](req))
            except Unsupported as e:
                resp = {"id": rid, "unsupported": True, "message": str(e)}
            except AttributeError as e:
                # The binding loads the library lazily: a C function the
                # library does not export yet is not a wrong answer.
                if "has no export" in str(e) or "undefined symbol" in str(e):
                    resp = {"id": rid, "unsupported": True, "message": str(e)[:200]}
                else:
                    resp = {"id": rid, "ok": False, "error": "AttributeError", "message": str(e)[:200]}
            except Exception as e:
                kind = error_kind(e)
                resp = {"id": rid, "ok": False, "error": kind, "message": str(e)[:200]}
                if kind not in ERROR_KINDS and os.environ.get("CONFORMANCE_DEBUG"):
                    traceback.print_exc(file=sys.stderr)
        out.write(json.dumps(resp) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
