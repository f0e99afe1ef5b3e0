"""The packed-call hot path (cryptogo_invoke through _fast.fast): same results
as the named exports, errors mapped the same, the GIL released for bulk input,
and the fork guard in front of it."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cryptogo import _fast, _handles, _native
from cryptogo.hazmat.primitives import hashes, hmac
from cryptogo.hazmat.primitives.ciphers import aead

PKG_ROOT = Path(__file__).resolve().parent.parent


def _fast_state() -> _fast.Fast:
    _native.abi()  # loads the library
    if not any(f["name"] == "cryptogo_invoke" for f in _native.abi()["functions"]):
        pytest.skip("library without cryptogo_invoke")
    return _fast.fast


def test_fast_path_is_enabled_on_cpython():
    fast = _fast_state()
    if sys.implementation.name == "cpython" and not os.environ.get("CRYPTOGO_NO_FAST"):
        assert fast.enabled
        assert aead._FAST and hashes._FAST and hmac._FAST


def test_bytes_offset_is_the_data_address():
    fast = _fast_state()
    if not fast.enabled:
        pytest.skip("fast path disabled")
    for b in (b"xy", os.urandom(33), bytes(4097)):
        assert id(b) + fast.off == ctypes.cast(ctypes.c_char_p(b), ctypes.c_void_p).value


def test_invoke_ids_follow_the_abi_description():
    fast = _fast_state()
    if not fast.enabled:
        pytest.skip("fast path disabled")
    fns = _native.abi()["functions"]
    ids = [f["invoke_id"] for f in fns if f.get("invoke_id")]
    assert sorted(ids) == list(range(1, len(ids) + 1))
    for f in fns:
        assert bool(f.get("invoke_id")) == (f["return"] == "int" and f["name"] != "cryptogo_invoke"), f["name"]
    bad = _native.const("CRYPTOGO_ERR_INVALID_ARGUMENT")
    one = ctypes.c_size_t(1)
    for small_or_bulk in (fast.small, fast.bulk):
        assert small_or_bulk(0, bytes(8), one) == bad
        assert small_or_bulk(len(ids) + 1, bytes(8), one) == bad
        assert small_or_bulk(-1, bytes(8), one) == bad
        assert small_or_bulk(1, None, one) == bad
    # A call through it: cryptogo_debug_live_handles(size_t *out)
    n = ctypes.c_size_t(12345)
    rc = fast.small(
        fast.ids["cryptogo_debug_live_handles"],
        fast.packs["cryptogo_debug_live_handles"](ctypes.addressof(n)),
        fast.nargs["cryptogo_debug_live_handles"],
    )
    assert rc == 0 and n.value == _handles.live_handles()


@pytest.mark.parametrize("cls", [aead.AESGCM, aead.ChaCha20Poly1305])
def test_aead_fast_and_named_paths_agree(cls, monkeypatch):
    _fast_state()
    key = os.urandom(32)
    k = cls(key)
    nonce = os.urandom(12)
    cases = [(os.urandom(n), ad) for n in (0, 1, 16, 64, 4095, 4096, 70000) for ad in (None, b"", b"ad" * 9)]
    fast = [(k.encrypt(nonce, d, ad), ad) for d, ad in cases]
    for (d, ad), (ct, _) in zip(cases, fast, strict=True):
        assert k.decrypt(nonce, ct, ad) == d
    monkeypatch.setattr(aead, "_FAST", False)
    for (d, ad), (ct, _) in zip(cases, fast, strict=True):
        assert k.encrypt(nonce, d, ad) == ct
        assert k.decrypt(nonce, ct, ad) == d
    monkeypatch.undo()
    bad = bytearray(fast[3][0])
    bad[0] ^= 1
    with pytest.raises(aead.InvalidTag):
        k.decrypt(nonce, bytes(bad), None)
    with pytest.raises(ValueError):
        k.encrypt(b"short", b"x", None)
    with pytest.raises(aead.InvalidTag):
        k.decrypt(nonce, b"x" * 15, None)
    k.close()
    with pytest.raises(ValueError):
        k.encrypt(nonce, b"x", None)
    with pytest.raises(ValueError):
        k.decrypt(nonce, fast[0][0], None)


def test_hash_and_hmac_fast_and_named_paths_agree(monkeypatch):
    _fast_state()
    algs = [
        hashes.SHA1(),
        hashes.SHA256(),
        hashes.SHA512(),
        hashes.SHA3_256(),
        hashes.MD5(),
        hashes.BLAKE2b(64),
        hashes.SHAKE128(20),
    ]

    big = bytes(range(256)) * 20  # 5120 bytes: above GIL_FREE

    def run():
        out = []
        for alg in algs:
            for data in (b"", b"abc", big):
                h = hashes.Hash(alg)
                h.update(data)
                out.append(h.finalize())
                h = hashes.Hash(alg)  # two chunks: a native context
                h.update(data)
                h.update(data)
                out.append(h.finalize())
                if not isinstance(alg, hashes.ExtendableOutputFunction):
                    m = hmac.HMAC(b"key" * 30, alg)
                    m.update(data)
                    out.append(m.finalize())
                    m = hmac.HMAC(b"key", alg)
                    m.update(data)
                    m.update(data)
                    out.append(m.finalize())
        return out

    with_fast = run()
    monkeypatch.setattr(hashes, "_FAST", False)
    monkeypatch.setattr(hmac, "_FAST", False)
    assert run() == with_fast
    monkeypatch.undo()
    from cryptography.hazmat.primitives import hashes as phashes
    from cryptography.hazmat.primitives import hmac as phmac

    for data in (b"", b"abc", big):
        h = hashes.Hash(hashes.SHA256())
        h.update(data)
        p = phashes.Hash(phashes.SHA256())
        p.update(data)
        assert h.finalize() == p.finalize()
        m = hmac.HMAC(b"k" * 32, hashes.SHA256())
        m.update(data)
        pm = phmac.HMAC(b"k" * 32, phashes.SHA256())
        pm.update(data)
        assert m.finalize() == pm.finalize()


def test_bulk_input_releases_the_gil(monkeypatch):
    fast = _fast_state()
    if not fast.enabled:
        pytest.skip("fast path disabled")
    k = aead.AESGCM(bytes(16))
    seen = []

    def spy(which, fn):
        def call(*a):
            seen.append(which)
            return fn(*a)

        return call

    monkeypatch.setattr(aead, "_SMALL", spy("small", fast.small))
    monkeypatch.setattr(aead, "_BULK", spy("bulk", fast.bulk))
    k.encrypt(bytes(12), bytes(_fast.GIL_FREE - 1), None)
    k.encrypt(bytes(12), bytes(_fast.GIL_FREE), None)
    assert seen == ["small", "bulk"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork")
def test_forked_child_gets_runtime_error_on_every_hot_path():
    code = (
        "import os, sys\n"
        "from cryptogo.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305\n"
        "from cryptogo.hazmat.primitives import hashes, hmac\n"
        "a = AESGCM(bytes(16)); c = ChaCha20Poly1305(bytes(32)); ct = a.encrypt(bytes(12), b'x', None)\n"
        "h = hashes.Hash(hashes.SHA256()); h.update(b'a'); h.update(b'b')  # native context\n"
        "from cryptogo.fernet import Fernet\n"
        "f = Fernet(Fernet.generate_key()); tok = f.encrypt(b'x')\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    calls = [lambda: a.encrypt(bytes(12), b'x', None), lambda: a.decrypt(bytes(12), ct, None),\n"
        "             lambda: c.encrypt(bytes(12), bytes(5000), b'ad'), lambda: h.update(b'c'),\n"
        "             lambda: hashes.Hash(hashes.SHA256()).finalize(),\n"
        "             lambda: hmac.HMAC(b'k', hashes.SHA256()).finalize(),\n"
        "             lambda: f.encrypt(b'x'), lambda: f.decrypt(tok), lambda: f.decrypt(tok, ttl=60)]\n"
        "    bad = 0\n"
        "    for call in calls:\n"
        "        try:\n"
        "            call()\n"
        "            bad += 1\n"
        "        except RuntimeError as e:\n"
        "            bad += 'fork' not in str(e)\n"
        "    os._exit(10 + bad)\n"
        "_, status = os.waitpid(pid, 0)\n"
        "assert len(a.encrypt(bytes(12), b'x', None)) == 17  # the parent still works\n"
        "sys.exit(os.waitstatus_to_exitcode(status))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=PKG_ROOT, timeout=60, capture_output=True, text=True)
    assert r.returncode == 10, (r.returncode, r.stderr)


def test_named_path_only_process_works():
    # CRYPTOGO_NO_FAST=1: every call through the named exports.
    code = (
        "import os\n"
        "from cryptogo import _fast\n"
        "from cryptogo.hazmat.primitives.ciphers.aead import AESGCM\n"
        "from cryptogo.hazmat.primitives import hashes, hmac\n"
        "a = AESGCM(bytes(16)); ct = a.encrypt(bytes(12), b'hello', b'ad')\n"
        "assert a.decrypt(bytes(12), ct, b'ad') == b'hello'\n"
        "h = hashes.Hash(hashes.SHA256()); h.update(b'abc')\n"
        "assert h.finalize().hex().startswith('ba7816bf')\n"
        "m = hmac.HMAC(b'k', hashes.SHA256()); m.update(b'abc'); m.finalize()\n"
        "assert not _fast.fast.enabled\n"
        "print(ct.hex())\n"
    )
    env = dict(os.environ, CRYPTOGO_NO_FAST="1")
    r = subprocess.run([sys.executable, "-c", code], cwd=PKG_ROOT, timeout=60, capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    assert bytes.fromhex(r.stdout.strip()) == aead.AESGCM(bytes(16)).encrypt(bytes(12), b"hello", b"ad")


def test_threads_mix_small_and_bulk_calls_on_shared_objects():
    # Small calls hold the GIL inside Go (PyDLL) while bulk calls on the same
    # objects run with it released: no deadlock, right results.
    import threading

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM as PAESGCM

    key = os.urandom(16)
    k, ref = aead.AESGCM(key), PAESGCM(key)
    h = hashes.Hash(hashes.SHA256())
    h.update(b"start")
    h.update(b"!")  # a native context, shared: updates serialize in the library
    errors = []

    def work(i):
        try:
            for j in range(30):
                nonce = i.to_bytes(4, "big") + j.to_bytes(8, "big")
                data = os.urandom(64 if (i + j) % 2 else 1 << 16)
                ct = k.encrypt(nonce, data, b"ad")
                assert ct == ref.encrypt(nonce, data, b"ad")
                assert k.decrypt(nonce, ct, b"ad") == data
                h.update(b"x" * (10 if j % 2 else 8192))
        except BaseException as e:
            errors.append(e)

    ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(60)
    assert not errors
    assert not any(t.is_alive() for t in ts)
    expect = hashes.Hash(hashes.SHA256())
    expect.update(b"start!" + (b"x" * 10 + b"x" * 8192) * 15 * 4)
    assert h.finalize() == expect.finalize()
