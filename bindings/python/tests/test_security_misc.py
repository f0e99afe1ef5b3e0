"""Regression tests for issue 12's findings at the Python layer (findings 4,
5, 7, 8 and 11): each failed on the code before its fix."""

from __future__ import annotations

import ctypes
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cryptogo import _buffers, _native
from cryptogo.fernet import Fernet, MultiFernet
from cryptogo.hazmat.primitives import hashes, hmac
from cryptogo.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

PKG_ROOT = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------------------
# Finding 4: a bytes subclass whose __len__ lies must never make the binding
# read past the object's end (or short of it): lengths come from the buffer
# protocol, the fast path takes exact bytes only.


def _liar(data: bytes, claimed: int) -> bytes:
    class Liar(bytes):
        def __len__(self) -> int:
            return claimed

    return Liar(data)


@pytest.mark.parametrize("claimed", [0, 1, 200])
def test_finding4_buf_takes_the_buffer_length(claimed):
    obj = _liar(b"abcdef", claimed)
    p, n = _buffers.buf(obj)
    assert n == 6
    assert ctypes.string_at(p, n) == b"abcdef" if isinstance(p, bytes) else bytes(p) == b"abcdef"


@pytest.mark.parametrize("claimed", [0, 3, 200])
def test_finding4_fernet_encrypt_at_time(claimed):
    f = Fernet(Fernet.generate_key())
    token = f.encrypt_at_time(_liar(b"secret", claimed), 1000)
    assert f.decrypt_at_time(token, 100, 1000) == b"secret"
    token = f._encrypt_from_parts(_liar(b"secret", claimed), 1000, bytes(16))
    assert f.decrypt_at_time(token, 100, 1000) == b"secret"


@pytest.mark.parametrize("claimed", [0, 3, 500])
def test_finding4_fernet_token(claimed):
    f = Fernet(Fernet.generate_key())
    token = f.encrypt(b"secret")
    assert f.decrypt(_liar(token, claimed)) == b"secret"
    assert f.decrypt_at_time(_liar(token, claimed), 1000, int(time.time())) == b"secret"
    assert f.extract_timestamp(_liar(token, claimed)) == f.extract_timestamp(token)
    mf = MultiFernet([f])
    assert mf.decrypt(_liar(token, claimed)) == b"secret"
    assert f.decrypt(mf.rotate(_liar(token, claimed))) == b"secret"


@pytest.mark.parametrize("claimed", [0, 16, 300])
def test_finding4_hmac_verify(claimed):
    key = b"k" * 20
    ref = hmac.HMAC(key, hashes.SHA256())
    ref.update(b"ab")
    tag = ref.finalize()
    h = hmac.HMAC(key, hashes.SHA256())
    h.update(b"a")
    h.update(b"b")  # a native handle: the verify goes to cryptogo_hmac_verify
    h.verify(_liar(tag, claimed))
    h = hmac.HMAC(key, hashes.SHA256())
    h.update(b"ab")
    h.verify(_liar(tag, claimed))
    # A true prefix of the tag never verifies, whatever its length claims.
    h = hmac.HMAC(key, hashes.SHA256())
    h.update(b"a")
    h.update(b"b")
    with pytest.raises(Exception):  # noqa: B017 -- InvalidSignature or ValueError
        h.verify(_liar(tag[:16], 32))


@pytest.mark.parametrize("claimed", [0, 3, 300])
def test_finding4_hash_and_hmac_inputs(claimed):
    want = hashes.Hash(hashes.SHA256())
    want.update(b"abcdef")
    digest = want.finalize()
    h = hashes.Hash(hashes.SHA256())
    h.update(_liar(b"abcdef", claimed))
    assert h.finalize() == digest
    h = hashes.Hash(hashes.SHA256())
    h.update(b"x")
    h2 = hashes.Hash(hashes.SHA256())
    h2.update(b"x")
    h.update(_liar(b"abcdef", claimed))
    h2.update(b"abcdef")
    assert h.finalize() == h2.finalize()
    k = hmac.HMAC(_liar(b"key", claimed), hashes.SHA256())
    k.update(b"m")
    k2 = hmac.HMAC(b"key", hashes.SHA256())
    k2.update(b"m")
    assert k.finalize() == k2.finalize()


@pytest.mark.parametrize("claimed", [0, 3, 300])
def test_finding4_pbkdf2_salt(claimed):
    a = PBKDF2HMAC(hashes.SHA256(), 32, _liar(b"saltsalt", claimed), 10).derive(b"pw")
    b = PBKDF2HMAC(hashes.SHA256(), 32, b"saltsalt", 10).derive(b"pw")
    assert a == b


# ---------------------------------------------------------------------------
# Finding 8: the library refuses an empty expected key; the binding keeps
# pyca's answers (length 0 with b"" matches, any other mismatch is InvalidKey).


def test_finding8_library_refuses_empty_expected_key():
    rc = _native.lib.cryptogo_pbkdf2_hmac_verify(
        None, 0, b"any password", 12, b"salt", 4, 1, _native.const("CRYPTOGO_HASH_SHA256")
    )
    assert rc == _native.const("CRYPTOGO_ERR_INVALID_ARGUMENT")


def test_finding8_binding_matches_pyca(pyca):
    from cryptogo.exceptions import InvalidKey

    for mod, exc in ((pyca.pbkdf2, pyca.exceptions.InvalidKey), (None, InvalidKey)):
        cls = PBKDF2HMAC if mod is None else mod.PBKDF2HMAC
        alg = hashes.SHA256() if mod is None else pyca.hashes.SHA256()
        cls(alg, 0, b"salt", 1).verify(b"any password", b"")  # pyca: b"" == b""
        with pytest.raises(exc):
            cls(alg, 32, b"salt", 1).verify(b"any password", b"")
        with pytest.raises(exc):
            cls(alg, 32, b"salt", 1).verify(b"pw", cls(alg, 16, b"salt", 1).derive(b"pw"))
        key = cls(alg, 32, b"salt", 1).derive(b"pw")
        cls(alg, 32, b"salt", 1).verify(b"pw", key)


# ---------------------------------------------------------------------------
# Finding 11: cryptogo_invoke takes an explicit argument count, checked
# against the function's arity, and refuses NULL slots that must not be NULL.


def test_finding11_invoke_checks_count_and_null_slots():
    from cryptogo import _fast

    _native.abi()
    fast = _fast.fast
    if not fast.enabled:
        pytest.skip("fast path disabled")
    bad = _native.const("CRYPTOGO_ERR_INVALID_ARGUMENT")
    fns = [f for f in _native.abi()["functions"] if f.get("invoke_id")]
    assert fns
    for f in fns:
        n = len(f["params"] or [])
        zeros = bytes(8 * max(n, 1))
        # An array of NULLs of the right length is an error, never OK.
        rc = fast.bulk(f["invoke_id"], zeros, ctypes.c_size_t(n))
        assert rc != 0, f["name"]
        # A count other than the arity is refused before anything is read.
        for wrong in (n + 1, max(n - 1, 0) if n else 1, 2**63):
            assert fast.bulk(f["invoke_id"], zeros, ctypes.c_size_t(wrong)) == bad, (f["name"], wrong)
        if n:
            assert fast.bulk(f["invoke_id"], None, ctypes.c_size_t(n)) == bad, f["name"]


def test_finding11_invoke_is_bindings_only():
    root = PKG_ROOT.parent.parent / "include"
    assert "cryptogo_invoke" not in (root / "cryptogo.h").read_text()
    assert "int cryptogo_invoke(int fn_id, void **args, size_t nargs);" in (root / "cryptogo_bindings.h").read_text()
    fns = json.loads((root / "cryptogo_abi.json").read_text())["functions"]
    fn = next(f for f in fns if f["name"] == "cryptogo_invoke")
    assert fn["header"] == "cryptogo_bindings.h"
    assert [p["name"] for p in fn["params"]] == ["fn_id", "args", "nargs"]


# ---------------------------------------------------------------------------
# Finding 7: the library exports its ABI fingerprint, the ABI description
# carries the same value, and the binding refuses a pair that disagree, with
# a message naming both versions.


def test_finding7_library_and_description_agree():
    desc = _native.abi()
    fp = _native.lib.cryptogo_abi_fingerprint().decode()
    assert len(fp) == 64 and fp == desc["fingerprint"]
    assert _native.abi_fingerprint(desc) == fp  # recomputed from the description's content


def _run_with_abi(tmp_path, desc):
    path = tmp_path / "cryptogo_abi.json"
    path.write_text(json.dumps(desc))
    env = dict(os.environ, CRYPTOGO_ABI_JSON=str(path), PYTHONPATH=str(PKG_ROOT))
    code = (
        "from cryptogo.fernet import Fernet\n"
        "try:\n"
        "    Fernet(Fernet.generate_key()).encrypt(b'x')\n"
        "except ImportError as e:\n"
        "    print('REFUSED', type(e).__name__, e)\n"
        "else:\n"
        "    print('LOADED')\n"
    )
    r = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_finding7_mismatched_description_is_refused(tmp_path):
    desc = json.loads(json.dumps(_native.abi()))
    lib_fp = desc["fingerprint"]
    # Another build's description: two exports swap their invoke numbers.
    fns = [f for f in desc["functions"] if f.get("invoke_id")]
    fns[0]["invoke_id"], fns[1]["invoke_id"] = fns[1]["invoke_id"], fns[0]["invoke_id"]
    desc["version"] = "9.9.9"
    desc["fingerprint"] = _native.abi_fingerprint(desc)
    out = _run_with_abi(tmp_path, desc)
    assert out.startswith("REFUSED ABIMismatchError"), out
    assert lib_fp in out and desc["fingerprint"] in out and "9.9.9" in out and "0." in out, out


def test_finding7_hand_edited_description_is_refused(tmp_path):
    desc = json.loads(json.dumps(_native.abi()))
    # Same stored fingerprint, different content (a parameter type changed).
    f = next(f for f in desc["functions"] if f["params"])
    f["params"][0]["type"] = "double" if f["params"][0]["type"] != "double" else "int"
    out = _run_with_abi(tmp_path, desc)
    assert out.startswith("REFUSED ABIMismatchError"), out


def test_finding7_matching_description_loads(tmp_path):
    assert _run_with_abi(tmp_path, _native.abi()) == "LOADED\n"
