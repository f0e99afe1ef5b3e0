"""Threads, fork, spawn, finalizers and handle leaks."""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import subprocess
import sys
import threading

import pytest
from conftest import OURS, PKG_ROOT, PYCA, require_exports

from cryptogo import _handles, _native

KEY = bytes(range(16))
NONCE = bytes(12)


def _encrypt_in_child(q):
    from cryptogo.hazmat.primitives.ciphers.aead import AESGCM

    q.put(AESGCM(KEY).encrypt(NONCE, b"from the child", None))


def _try_in_child(q):
    from cryptogo.hazmat.primitives.ciphers.aead import AESGCM

    try:
        AESGCM(KEY).encrypt(NONCE, b"x", None)
        q.put(("ok", ""))
    except RuntimeError as e:
        q.put(("RuntimeError", str(e)))
    except BaseException as e:
        q.put((type(e).__name__, str(e)))


def _expected():
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(KEY).encrypt(NONCE, b"from the child", None)


def _run_child(ctx_name, target):
    ctx = mp.get_context(ctx_name)
    q = ctx.Queue()
    p = ctx.Process(target=target, args=(q,))
    p.start()
    try:
        res = q.get(timeout=60)
    finally:
        p.join(timeout=60)
        if p.is_alive():  # never hang the test suite
            p.kill()
            pytest.fail(f"{ctx_name} child hung")
    return res, p.exitcode


@pytest.fixture(autouse=True)
def _exports():
    require_exports("cryptogo_aesgcm_new")


def test_spawn_works():
    _native.lib.cryptogo_version()  # loaded in the parent: spawn is still fine
    res, code = _run_child("spawn", _encrypt_in_child)
    assert res == _expected() and code == 0


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork")
def test_forkserver_works():
    res, code = _run_child("forkserver", _encrypt_in_child)
    assert res == _expected() and code == 0


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork")
def test_fork_before_first_use_is_fine():
    # A fresh interpreter that imports cryptogo, forks, and uses it in the
    # child only (the library was never loaded in the parent).
    code = (
        "import os, sys\n"
        "from cryptogo.hazmat.primitives.ciphers.aead import AESGCM\n"
        "from cryptogo import _native\n"
        "assert not _native.is_loaded()\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    ct = AESGCM(bytes(16)).encrypt(bytes(12), b'x', None)\n"
        "    os._exit(0 if len(ct) == 17 else 3)\n"
        "_, status = os.waitpid(pid, 0)\n"
        "sys.exit(os.waitstatus_to_exitcode(status))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=PKG_ROOT, timeout=60, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork")
def test_fork_after_load_raises_clear_error():
    code = (
        "import warnings; warnings.simplefilter('ignore')\n"
        "import multiprocessing as mp, sys\n"
        "sys.path.insert(0, 'tests')\n"
        "from cryptogo.hazmat.primitives.ciphers.aead import AESGCM\n"
        "from test_process import _try_in_child\n"
        "AESGCM(bytes(16)).encrypt(bytes(12), b'x', None)  # loads the Go runtime\n"
        "ctx = mp.get_context('fork')\n"
        "q = ctx.Queue(); p = ctx.Process(target=_try_in_child, args=(q,)); p.start()\n"
        "print(repr(q.get(timeout=30))); p.join(30)\n"
        "# the parent still works\n"
        "assert len(AESGCM(bytes(16)).encrypt(bytes(12), b'x', None)) == 17\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=PKG_ROOT, timeout=90, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    kind, msg = eval(r.stdout.strip().splitlines()[-1])
    assert kind == "RuntimeError"
    assert "fork" in msg and "spawn" in msg and "forkserver" in msg


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork")
def test_forked_child_finalizers_do_not_call_go():
    code = (
        "import os, gc, sys\n"
        "from cryptogo.hazmat.primitives.ciphers.aead import AESGCM\n"
        "k = AESGCM(bytes(16))\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    del k; gc.collect()  # finalizer must be a no-op, not a hang\n"
        "    os._exit(0)\n"
        "_, status = os.waitpid(pid, 0)\n"
        "sys.exit(os.waitstatus_to_exitcode(status))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], cwd=PKG_ROOT, timeout=60, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_threads_share_one_key():
    key = os.urandom(32)
    ours = OURS.aead.AESGCM(key)
    ref = PYCA.aead.AESGCM(key)
    data = os.urandom(1 << 18)
    errors = []

    def work(i):
        try:
            for j in range(20):
                nonce = i.to_bytes(4, "big") + j.to_bytes(8, "big")
                ct = ours.encrypt(nonce, data, b"ad")
                assert ours.decrypt(nonce, ct, b"ad") == data
                assert ct == ref.encrypt(nonce, data, b"ad")
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


def test_close_while_other_threads_use_it():
    k = OURS.aead.AESGCM(os.urandom(16))
    stop = threading.Event()
    seen = set()

    def work():
        while not stop.is_set():
            try:
                k.encrypt(NONCE, b"x" * 1000, None)
                seen.add("ok")
            except ValueError:
                seen.add("closed")
                return

    ts = [threading.Thread(target=work) for _ in range(3)]
    for t in ts:
        t.start()
    k.close()
    stop.set()
    for t in ts:
        t.join()
    with pytest.raises(ValueError):
        k.encrypt(NONCE, b"x", None)


def test_finalizers_and_close_free_every_handle():
    require_exports("cryptogo_fernet_new", "cryptogo_hash_new", "cryptogo_hmac_new")
    gc.collect()
    before = _handles.live_handles()
    fkey = OURS.fernet.Fernet.generate_key()
    for i in range(2000):
        a = OURS.aead.AESGCM(KEY)
        a.encrypt(NONCE, b"x", None)
        c = OURS.aead.ChaCha20Poly1305(bytes(32))
        f = OURS.fernet.Fernet(fkey)
        mf = OURS.fernet.MultiFernet([f])
        h = OURS.hashes.Hash(OURS.hashes.SHA256())
        h.update(b"a")
        h.update(b"b")  # materializes a native context
        h2 = h.copy()
        m = OURS.hmac.HMAC(b"k", OURS.hashes.SHA256())
        m.update(b"a")
        m.update(b"b")
        if i % 2:
            h.finalize()
            a.close()
            with c:
                pass
        del a, c, f, mf, h, h2, m
    gc.collect()
    assert _handles.live_handles() == before
