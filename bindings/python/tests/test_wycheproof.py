"""Wycheproof vectors through the Python API: AES-GCM, ChaCha20-Poly1305,
HMAC, PBKDF2, RSA-OAEP decryption and RSA-PSS verification.

Vectors are read where they lie (WYCHEPROOF_DIR, $CRYPTOGO_SHARED/wycheproof,
../shared/wycheproof); "acceptable" results are decided by
tests/wycheproof_policy.json, API size limits by its "api_limits" section.
Every case runs; the one PBKDF2-HMAC-SHA1 case with 16.7M iterations takes
~15-25 s alone: CRYPTOGO_QUICK_PBKDF2=1 defers cases above
PBKDF2_MAX_ITERATIONS (reported as deferred, for quick local runs).
"""

from __future__ import annotations

import glob
import os

import pytest
from conftest import OURS, api_limit, expect_valid, load_vectors, require_exports, vectors_dir

H = OURS.hashes
PBKDF2_MAX_ITERATIONS = 1 << 20

# Every group here iterates a Wycheproof file: `make check` (-m "not vectors")
# leaves them to `make test-python`.
pytestmark = pytest.mark.vectors

HASHES = {
    "SHA-1": H.SHA1,
    "SHA-224": H.SHA224,
    "SHA-256": H.SHA256,
    "SHA-384": H.SHA384,
    "SHA-512": H.SHA512,
    "SHA-512/224": H.SHA512_224,
    "SHA-512/256": H.SHA512_256,
    "SHA3-224": H.SHA3_224,
    "SHA3-256": H.SHA3_256,
    "SHA3-384": H.SHA3_384,
    "SHA3-512": H.SHA3_512,
}


def _files(pattern: str) -> list[str]:
    d = vectors_dir()
    if d is None:
        return [pattern]  # load_vectors skips (or fails) loudly
    names = sorted(os.path.basename(p) for p in glob.glob(str(d / pattern)))
    return names or [pattern]


class Tally:
    def __init__(self, file: str):
        self.file, self.ok, self.total, self.bad, self.notes = file, 0, 0, [], {}

    def check(self, tc: dict, good: bool, detail: str = "") -> None:
        self.total += 1
        if good:
            self.ok += 1
        else:
            self.bad.append(f"tcId {tc['tcId']} ({tc['result']}, {tc['flags']}): {detail}")

    def note(self, what: str) -> None:
        self.notes[what] = self.notes.get(what, 0) + 1

    def done(self) -> None:
        extra = "".join(f", {n} {w}" for w, n in self.notes.items())
        print(f"{self.file}: {self.ok}/{self.total} as expected{extra}")
        assert not self.bad, f"{self.file}: {len(self.bad)} unexpected:\n  " + "\n  ".join(self.bad[:20])
        assert self.total > 0


def _outcome(fn, *args):
    """(fn(*args), None), or (None, the exception it raised)."""
    try:
        return fn(*args), None
    except Exception as e:
        return None, e


def _pbkdf2_verify(alg, length, salt, iterations, pw, dk):
    OURS.pbkdf2.PBKDF2HMAC(alg, length, salt, iterations).verify(pw, dk)


@pytest.mark.parametrize(
    "file,cls,exports",
    [
        ("aes_gcm_test.json", "AESGCM", "cryptogo_aesgcm_new"),
        ("chacha20_poly1305_test.json", "ChaCha20Poly1305", "cryptogo_chacha20poly1305_new"),
    ],
)
def test_aead(file, cls, exports):
    require_exports(exports)
    from cryptogo.exceptions import InvalidTag

    data = load_vectors(file)
    limits = api_limit(file)
    lo, hi = limits.get("nonce_bytes", [0, 1 << 30])
    A = getattr(OURS.aead, cls)
    t = Tally(file)
    for g in data["testGroups"]:
        for tc in g["tests"]:
            key, iv = bytes.fromhex(tc["key"]), bytes.fromhex(tc["iv"])
            aad, msg = bytes.fromhex(tc["aad"]), bytes.fromhex(tc["msg"])
            ct, tag = bytes.fromhex(tc["ct"]), bytes.fromhex(tc["tag"])
            aead, err = _outcome(A, key)
            if err is not None:
                t.check(
                    tc,
                    isinstance(err, ValueError) and not expect_valid(file, tc["result"], tc["flags"]),
                    f"key: {err!r}",
                )
                continue
            if not lo <= len(iv) <= hi:
                _, e1 = _outcome(aead.decrypt, iv, ct + tag, aad)
                _, e2 = _outcome(aead.encrypt, iv, msg, aad)
                t.check(tc, isinstance(e1, ValueError) and isinstance(e2, ValueError), f"{e1!r} {e2!r}")
                t.note("rejected by API nonce limit")
                continue
            pt, err = _outcome(aead.decrypt, iv, ct + tag, aad)
            if expect_valid(file, tc["result"], tc["flags"]):
                good = err is None and pt == msg and aead.encrypt(iv, msg, aad) == ct + tag
                t.check(tc, good, repr(err))
            else:
                t.check(tc, isinstance(err, InvalidTag), repr(err))
    t.done()


@pytest.mark.parametrize("file", _files("hmac_sha*_test.json"))
def test_hmac(file):
    require_exports("cryptogo_hmac_compute")
    from cryptogo.exceptions import InvalidSignature

    data = load_vectors(file)
    name = file[len("hmac_") : -len("_test.json")].upper().replace("SHA3_", "SHA3-").replace("SHA512_", "SHA-512/")
    name = {"SHA1": "SHA-1", "SHA224": "SHA-224", "SHA256": "SHA-256", "SHA384": "SHA-384", "SHA512": "SHA-512"}.get(
        name, name
    )
    alg = HASHES[name]
    t = Tally(file)
    for g in data["testGroups"]:
        n = g["tagSize"] // 8
        for tc in g["tests"]:
            key, msg, tag = bytes.fromhex(tc["key"]), bytes.fromhex(tc["msg"]), bytes.fromhex(tc["tag"])
            h = OURS.hmac.HMAC(key, alg())
            h.update(msg)
            full = n == alg.digest_size
            if full:
                _, err = _outcome(h.verify, tag)
                ok = err is None
                if err is not None and not isinstance(err, InvalidSignature):
                    t.check(tc, False, repr(err))
                    continue
            else:
                ok = h.finalize()[:n] == tag  # truncated tag: compare the prefix
                t.note("truncated-tag cases (prefix compare)")
            t.check(tc, ok == expect_valid(file, tc["result"], tc["flags"]), f"verify={ok}")
    t.done()


@pytest.mark.parametrize("file", _files("pbkdf2_hmacsha*_test.json"))
def test_pbkdf2(file):
    require_exports("cryptogo_pbkdf2_hmac_derive")
    from cryptogo.exceptions import InvalidKey

    data = load_vectors(file)
    name = "SHA-" + file[len("pbkdf2_hmacsha") : -len("_test.json")]
    alg = HASHES[name]
    quick = os.environ.get("CRYPTOGO_QUICK_PBKDF2") == "1"
    t = Tally(file)
    for g in data["testGroups"]:
        for tc in g["tests"]:
            it = tc["iterationCount"]
            if it > PBKDF2_MAX_ITERATIONS and quick:
                t.note(f"deferred by CRYPTOGO_QUICK_PBKDF2 (> {PBKDF2_MAX_ITERATIONS} iterations)")
                continue
            pw, salt, dk = bytes.fromhex(tc["password"]), bytes.fromhex(tc["salt"]), bytes.fromhex(tc["dk"])
            # verify() derives and compares in one C call (constant time).
            _, err = _outcome(_pbkdf2_verify, alg(), tc["dkLen"], salt, it, pw, dk)
            if err is not None and not isinstance(err, InvalidKey):
                t.check(tc, False, repr(err))
                continue
            if it <= 1000:  # derive() too, on the cheap cases
                out = OURS.pbkdf2.PBKDF2HMAC(alg(), tc["dkLen"], salt, it).derive(pw)
                if (out == dk) != (err is None):
                    t.check(tc, False, "derive and verify disagree")
                    continue
            t.check(tc, (err is None) == expect_valid(file, tc["result"], tc["flags"]), repr(err))
    t.done()


@pytest.mark.parametrize("file", _files("rsa_oaep_*_test.json"))
def test_rsa_oaep(file):
    require_exports("cryptogo_rsa_decrypt_oaep", "cryptogo_private_key_load")
    data = load_vectors(file)
    pad = OURS.padding
    t = Tally(file)
    for g in data["testGroups"]:
        if g["mgf"] != "MGF1" or g["sha"] not in HASHES or g["mgfSha"] not in HASHES:
            for _ in g["tests"]:
                t.note("skipped: hash not offered by pyca's OAEP")
            continue
        key = OURS.serialization.load_pem_private_key(g["privateKeyPem"].encode(), None)
        for tc in g["tests"]:
            label = bytes.fromhex(tc["label"]) or None
            p = pad.OAEP(pad.MGF1(HASHES[g["mgfSha"]]()), HASHES[g["sha"]](), label)
            pt, err = _outcome(key.decrypt, bytes.fromhex(tc["ct"]), p)
            if expect_valid(file, tc["result"], tc["flags"]):
                t.check(tc, err is None and pt == bytes.fromhex(tc["msg"]), repr(err))
            else:
                t.check(tc, isinstance(err, ValueError), repr(err))
    t.done()


@pytest.mark.parametrize("file", [f for f in _files("rsa_pss_*_test.json") if "shake" not in f])
def test_rsa_pss(file):
    require_exports("cryptogo_rsa_verify_pss", "cryptogo_rsa_public_key_from_numbers")
    from cryptogo.exceptions import InvalidSignature

    data = load_vectors(file)
    pad = OURS.padding
    t = Tally(file)
    for g in data["testGroups"]:
        if g["mgf"] != "MGF1" or g["sha"] not in HASHES or g["mgfSha"] not in HASHES:
            for _ in g["tests"]:
                t.note("skipped: hash not offered by pyca's PSS")
            continue
        pk = g["publicKey"]
        pub = OURS.rsa.RSAPublicNumbers(int(pk["publicExponent"], 16), int(pk["modulus"], 16)).public_key()
        p = pad.PSS(pad.MGF1(HASHES[g["mgfSha"]]()), g["sLen"])
        for tc in g["tests"]:
            _, err = _outcome(pub.verify, bytes.fromhex(tc["sig"]), bytes.fromhex(tc["msg"]), p, HASHES[g["sha"]]())
            if err is not None and not isinstance(err, InvalidSignature):
                t.check(tc, False, repr(err))
                continue
            t.check(tc, (err is None) == expect_valid(file, tc["result"], tc["flags"]), repr(err))
    t.done()


def _recovered(pub, sig, padding, algorithm):
    """("ok", data) or the exception's class name: comparable across pyca and us."""
    try:
        return "ok", pub.recover_data_from_signature(sig, padding, algorithm)
    except Exception as e:
        return type(e).__name__, b""


@pytest.mark.parametrize("file", _files("rsa_signature_*_test.json"))
def test_rsa_recover_pkcs1v15(file):
    """recover_data_from_signature (cryptogo_rsa_recover_pkcs1v15) on every
    PKCS#1 v1.5 signature vector, with the vector's hash and with None: the
    same answer as pyca, and the message's digest for each valid case."""
    require_exports("cryptogo_rsa_recover_pkcs1v15", "cryptogo_public_key_load")
    from cryptography.hazmat.primitives import hashes as phashes
    from cryptography.hazmat.primitives import serialization as pserialization
    from cryptography.hazmat.primitives.asymmetric import padding as ppadding

    data = load_vectors(file)
    t = Tally(file)
    for g in data["testGroups"]:
        if g["sha"] not in HASHES:
            for _ in g["tests"]:
                t.note("skipped: hash not offered")
            continue
        der = bytes.fromhex(g["publicKeyDer"])
        ours = OURS.serialization.load_der_public_key(der)
        theirs = pserialization.load_der_public_key(der)
        ours_alg = HASHES[g["sha"]]()
        theirs_alg = getattr(phashes, type(ours_alg).__name__)()
        for tc in g["tests"]:
            sig = bytes.fromhex(tc["sig"])
            got = _recovered(ours, sig, OURS.padding.PKCS1v15(), ours_alg)
            want = _recovered(theirs, sig, ppadding.PKCS1v15(), theirs_alg)
            raw = _recovered(ours, sig, OURS.padding.PKCS1v15(), None)
            raw_want = _recovered(theirs, sig, ppadding.PKCS1v15(), None)
            if got != want or raw != raw_want:
                t.check(tc, False, f"ours {got[0]}/{raw[0]}, pyca {want[0]}/{raw_want[0]}")
                continue
            if tc["result"] == "valid":
                digest = phashes.Hash.hash(theirs_alg, bytes.fromhex(tc["msg"]))
                t.check(tc, got == ("ok", digest), "valid signature, digest not recovered")
                continue
            t.check(tc, True)
    t.done()
