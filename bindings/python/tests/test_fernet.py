"""Fernet and MultiFernet against pyca and the Fernet spec vectors."""

from __future__ import annotations

import json
import os
import time

import pytest
from conftest import OURS, PYCA, require_exports, vectors_dir


@pytest.fixture(autouse=True)
def _exports():
    require_exports("cryptogo_fernet_new", "cryptogo_multifernet_new")


F, PF = OURS.fernet.Fernet, PYCA.fernet.Fernet
InvalidToken = OURS.fernet.InvalidToken


@pytest.mark.parametrize("size", [0, 1, 15, 16, 17, 100, 4096, 70000, 1 << 20])
def test_round_trip_and_cross(size):
    key = F.generate_key()
    o, r = F(key), PF(key)
    msg = os.urandom(size)
    tok = o.encrypt(msg)
    assert r.decrypt(tok) == msg
    assert o.decrypt(r.encrypt(msg)) == msg
    assert o.decrypt(tok) == msg
    assert o.decrypt(tok.decode()) == msg  # str tokens, as pyca


def test_deterministic_identical_with_iv():
    key = F.generate_key()
    iv = os.urandom(16)
    for msg in (b"", b"hello", os.urandom(1000)):
        assert F(key)._encrypt_from_parts(msg, 123456789, iv) == PF(key)._encrypt_from_parts(msg, 123456789, iv)


def test_ttl_and_timestamps():
    key = F.generate_key()
    o, r = F(key), PF(key)
    tok = o.encrypt_at_time(b"x", 1000)
    assert o.extract_timestamp(tok) == r.extract_timestamp(tok) == 1000
    assert o.decrypt_at_time(tok, ttl=10, current_time=1005) == b"x"
    for now in (1011, 1000 - 61):
        with pytest.raises(InvalidToken):
            o.decrypt_at_time(tok, ttl=10, current_time=now)
        with pytest.raises(PYCA.fernet.InvalidToken):
            r.decrypt_at_time(tok, ttl=10, current_time=now)
    with pytest.raises(InvalidToken):
        o.decrypt(tok, ttl=10)  # 1970 is long past
    fresh = o.encrypt(b"y")
    assert o.decrypt(fresh, ttl=100) == b"y"
    assert abs(o.extract_timestamp(fresh) - time.time()) < 100
    with pytest.raises(ValueError, match="non-None ttl"):
        o.decrypt_at_time(tok, None, 5)


def test_lenient_tokens_and_keys_like_pyca():
    key = F.generate_key()
    o, r = F(key + b"\n"), PF(key + b"\n")  # trailing newline from a key file
    tok = r.encrypt(b"m")
    for variant in (tok + b"\n", tok + b"\r\n", b" " + tok):
        assert o.decrypt(variant) == r.decrypt(variant) == b"m"
        assert o.extract_timestamp(variant) == r.extract_timestamp(variant)
    assert F(key.decode()).decrypt(tok) == b"m"


def _key_variants(key: bytes) -> list:
    """Keys as users hand them over, and ways of getting them wrong."""
    std = key.replace(b"-", b"+").replace(b"_", b"/")
    return [
        key,
        key.decode(),
        bytearray(key),
        memoryview(key),
        key + b"\n",
        b"  " + key + b"\r\n",
        key[:20] + b"\n" + key[20:],
        key[:10] + b"!*" + key[10:],
        std,
        key + b"AAAA",  # data after the padding
        key + b"=",
        key.rstrip(b"="),  # padding is required
        key[:-2] + b"==",
        key[:40],
        key + key,
        b"",
        b"=" * 44,
        "é" + key.decode(),  # not ASCII
        5,
        None,
        [key],
    ]


def _outcome(fn, *args):
    """None, or (exception name, message) of fn(*args)."""
    try:
        fn(*args)
    except Exception as e:
        return type(e).__name__, str(e)
    return None


def test_keys_decoded_as_pyca():
    """cryptogo_fernet_new decodes keys as pyca's Fernet(key) does (the same
    keys accepted, with the same errors), and an accepted key is the same
    key."""
    # a key whose base64 text has '-' and '_' in it
    key = __import__("base64").urlsafe_b64encode(bytes(range(250, 256)) * 5 + b"\xfb\xff")
    for variant in _key_variants(key):
        assert _outcome(F, variant) == _outcome(PF, variant), variant
        if _outcome(PF, variant) is None:
            assert PF(variant).decrypt(F(variant).encrypt(b"m")) == b"m"
            assert F(key).decrypt(PF(variant).encrypt(b"m")) == b"m"


def test_key_canonicalize_export_is_pycas_decoding():
    """cryptogo_fernet_key_canonicalize accepts exactly the keys pyca (and
    cryptogo_fernet_new) accept and writes the canonical form of the 32
    bytes pyca decodes."""
    import base64
    import ctypes

    from cryptogo import _errors, _native

    require_exports("cryptogo_fernet_key_canonicalize")
    n = _native.size("fernet_keybytes")
    key = base64.urlsafe_b64encode(bytes(range(250, 256)) * 5 + b"\xfb\xff")
    for variant in _key_variants(key):
        if not isinstance(variant, (bytes, bytearray)):
            continue
        kb = bytes(variant)
        out, got = bytes(n), ctypes.c_size_t()
        rc = _native.lib.cryptogo_fernet_key_canonicalize(out, n, got, kb, len(kb))
        try:
            want = base64.urlsafe_b64encode(base64.urlsafe_b64decode(kb))
            if len(base64.urlsafe_b64decode(kb)) != 32:
                want = None
        except ValueError:
            want = None
        if want is None:
            assert _errors.status_name(rc) == "CRYPTOGO_ERR_INVALID_ARGUMENT", variant
        else:
            assert rc == 0 and out[: got.value] == want, variant
    small = bytes(n - 1)
    rc = _native.lib.cryptogo_fernet_key_canonicalize(small, n - 1, got, key, len(key))
    assert _errors.status_name(rc) == "CRYPTOGO_ERR_BUFFER_TOO_SMALL" and got.value == n


def test_tokens_decoded_as_pyca():
    """The library decodes tokens as pyca (base64.urlsafe_b64decode): the
    binding passes them as given, with no retry of its own."""
    key = F.generate_key()
    o, r = F(key), PF(key)
    mf, pmf = OURS.fernet.MultiFernet([o]), PYCA.fernet.MultiFernet([r])
    for msg in (b"", b"m", os.urandom(100)):
        tok = r.encrypt_at_time(msg, 1000)
        std = tok.replace(b"-", b"+").replace(b"_", b"/")
        for variant in (
            tok,
            tok.decode(),
            tok + b"\n",
            b"\t" + tok + b" ",
            tok[:30] + b"\n" + tok[30:],
            tok[:30] + b"!" + tok[30:],
            std,
            tok.rstrip(b"=") if tok.endswith(b"=") else tok[:-1],
            tok + b"=",
            tok + b"AAAA",
            tok[:-4],
            b"",
            "é",
        ):
            assert _outcome(o.decrypt, variant) == _outcome(r.decrypt, variant), variant
            if _outcome(r.decrypt, variant) is None:
                assert o.decrypt(variant) == msg
                assert o.extract_timestamp(variant) == r.extract_timestamp(variant) == 1000
                assert o.decrypt_at_time(variant, 10, 1005) == msg
                assert r.decrypt(mf.rotate(variant)) == msg and pmf.decrypt(mf.rotate(variant)) == msg
            else:
                for ours, theirs in ((o.extract_timestamp, r.extract_timestamp), (mf.rotate, pmf.rotate)):
                    assert _outcome(ours, variant) == _outcome(theirs, variant), variant


def test_invalid_tokens():
    o = F(F.generate_key())
    other = F(F.generate_key()).encrypt(b"m")
    tok = o.encrypt(b"m")
    raw = bytearray(__import__("base64").urlsafe_b64decode(tok))
    raw[-1] ^= 1
    tampered = __import__("base64").urlsafe_b64encode(bytes(raw))
    for bad in (other, tampered, b"", b"garbage", b"gAAAAA", tok[:-4]):
        with pytest.raises(InvalidToken):
            o.decrypt(bad)
        with pytest.raises(InvalidToken):
            o.extract_timestamp(bad)
    with pytest.raises(TypeError, match="token must be bytes or str"):
        o.decrypt(5)
    with pytest.raises(TypeError, match="data must be bytes"):
        o.encrypt("text")


def test_multifernet_rotate_and_decrypt():
    MF, PMF = OURS.fernet.MultiFernet, PYCA.fernet.MultiFernet
    k1, k2 = F.generate_key(), F.generate_key()
    old = PF(k2).encrypt_at_time(b"secret", 4242)
    mf = MF([F(k1), F(k2)])
    assert mf.decrypt(old) == b"secret"
    rotated = mf.rotate(old)
    assert PF(k1).decrypt(rotated) == b"secret"
    assert PF(k1).extract_timestamp(rotated) == 4242  # rotation keeps the timestamp
    assert PMF([PF(k1)]).decrypt(mf.encrypt(b"new")) == b"new"
    assert mf.extract_timestamp(old) == 4242
    assert mf.decrypt_at_time(old, ttl=10, current_time=4250) == b"secret"
    with pytest.raises(InvalidToken):
        MF([F(F.generate_key())]).decrypt(old)
    with pytest.raises(InvalidToken):
        MF([F(F.generate_key())]).rotate(old)
    with pytest.raises(ValueError, match="at least one Fernet"):
        MF([])
    assert mf.rotate(old.decode()) and mf.encrypt_at_time(b"x", 7)


def test_spec_vectors():
    d = vectors_dir("fernet-spec", "FERNET_SPEC_DIR")
    if d is None or not (d / "generate.json").is_file():
        if os.environ.get("CRYPTOGO_REQUIRE_VECTORS") == "1":
            pytest.fail("fernet-spec vectors not found")
        pytest.skip("fernet-spec vectors not found (FERNET_SPEC_DIR / $CRYPTOGO_SHARED/fernet-spec)")
    import datetime

    def ts(s):
        return int(datetime.datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp())

    gen = json.loads((d / "generate.json").read_text())
    for v in gen:
        tok = F(v["secret"])._encrypt_from_parts(v["src"].encode(), ts(v["now"]), bytes(v["iv"]))
        assert tok.decode() == v["token"]
    ver = json.loads((d / "verify.json").read_text())
    for v in ver:
        assert F(v["secret"]).decrypt_at_time(v["token"], v["ttl_sec"], ts(v["now"])) == v["src"].encode()
    invalid = json.loads((d / "invalid.json").read_text())
    for v in invalid:
        with pytest.raises(InvalidToken):
            F(v["secret"]).decrypt_at_time(v["token"], v["ttl_sec"], ts(v["now"]))
    print(f"fernet spec: {len(gen)} generate, {len(ver)} verify, {len(invalid)} invalid as expected")
