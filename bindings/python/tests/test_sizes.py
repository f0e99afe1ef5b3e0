"""Sizes, limits and bounds come from the library: every value the binding
uses equals what libcrypto-go's size functions report (and the header's
macros), and the split modules keep one table and one loader."""

from __future__ import annotations

import ast
import base64
import ctypes

import pytest
from conftest import PKG_ROOT, PYCA

from cryptogo import _buffers, _errors, _fast, _native, exceptions
from cryptogo import fernet as fernet_mod
from cryptogo.fernet import Fernet, InvalidToken, MultiFernet
from cryptogo.hazmat.primitives import hashes
from cryptogo.hazmat.primitives.asymmetric import _keys, _rsa_impl, rsa
from cryptogo.hazmat.primitives.ciphers import aead as aead_mod
from cryptogo.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305


def _size_functions() -> list[str]:
    return [
        f["name"]
        for f in _native.abi()["functions"]
        if not f.get("params") and " ".join((f.get("return") or "").split()) == "size_t"
    ]


def test_size_reads_every_size_function_once():
    names = _size_functions()
    assert "cryptogo_aesgcm_tagbytes" in names and "cryptogo_hash_digestbytes_max" in names
    for new in ("aead_messagebytes_max", "aesgcm_keybytes_min", "aesgcm_keybytes_max", "inputbytes_max"):
        assert "cryptogo_" + new in names, new
    macros = _native.abi()["macros"]
    for name in names:
        short = name[len("cryptogo_") :]
        assert _native.size(short) == getattr(_native.lib, name)(), name
        macro = "CRYPTOGO_" + short.upper()
        if macro in macros:
            assert _native.size(short) == macros[macro], macro


def test_size_names_are_consistent():
    """One style (issue 11): no size function named *_size, sizes in bytes
    fused as libsodium's (tagbytes, digestbytes_max), key sizes in _bits."""
    for f in _native.abi()["functions"]:
        name = f["name"]
        assert not name.endswith("_size"), name
        assert "max_" not in name, name  # _max is a suffix (hash_digestbytes_max)
        for p in f.get("params") or []:
            if not p["type"].rstrip().endswith("*"):
                assert p["name"] != "out_len", name  # an input named out_len


def test_size_of_unknown_function_is_an_attribute_error():
    with pytest.raises(AttributeError, match="cryptogo_no_such_bytes"):
        _native.size("no_such_bytes")


def test_aead_sizes_are_the_librarys():
    lib = _native.lib
    a = AESGCM(bytes(16))
    c = ChaCha20Poly1305(bytes(32))
    assert AESGCM._tagbytes == a._t == lib.cryptogo_aesgcm_tagbytes()
    assert AESGCM._nonce_min == lib.cryptogo_aesgcm_noncebytes_min()
    assert AESGCM._nonce_max == lib.cryptogo_aesgcm_noncebytes_max()
    assert ChaCha20Poly1305._tagbytes == c._t == lib.cryptogo_chacha20poly1305_tagbytes()
    assert ChaCha20Poly1305._keybytes == lib.cryptogo_chacha20poly1305_keybytes()
    assert ChaCha20Poly1305._noncebytes == lib.cryptogo_chacha20poly1305_noncebytes()
    assert len(ChaCha20Poly1305.generate_key()) == lib.cryptogo_chacha20poly1305_keybytes()
    for aead, nonce in ((a, bytes(12)), (c, bytes(12))):
        ct = aead.encrypt(nonce, b"hello", None)
        assert len(ct) == 5 + aead._t
        ct = aead.encrypt(nonce, bytearray(b"hello"), None)  # the named-export path
        assert len(ct) == 5 + aead._t


@pytest.mark.parametrize("data", [b"abc", bytearray(b"abc")])
def test_aesgcm_nonce_range_is_the_librarys(data):
    lo, hi = _native.lib.cryptogo_aesgcm_noncebytes_min(), _native.lib.cryptogo_aesgcm_noncebytes_max()
    a = AESGCM(bytes(32))
    for n in (lo, hi):
        nonce = bytes(n)
        assert a.decrypt(nonce, a.encrypt(nonce, data, None), None) == b"abc"
    for n in (lo - 1, hi + 1):
        with pytest.raises(ValueError, match=f"Nonce must be between {lo} and {hi} bytes"):
            a.encrypt(bytes(n), data, None)
        with pytest.raises(ValueError, match=f"Nonce must be between {lo} and {hi} bytes"):
            a.decrypt(bytes(n), b"short", None)


def test_chacha_nonce_and_key_sizes_are_the_librarys():
    k = _native.lib.cryptogo_chacha20poly1305_keybytes()
    n = _native.lib.cryptogo_chacha20poly1305_noncebytes()
    with pytest.raises(ValueError, match=f"ChaCha20Poly1305 key must be {k} bytes."):
        ChaCha20Poly1305(bytes(k - 1))
    c = ChaCha20Poly1305(bytes(k))
    with pytest.raises(ValueError, match=f"Nonce must be {n} bytes"):
        c.encrypt(bytes(n + 1), b"x", None)


def test_aead_message_bound_is_the_librarys(monkeypatch):
    """pyca's 2**31-1 AEAD limit: cryptogo_aead_messagebytes_max(), checked
    before an output buffer is allocated (on every path)."""
    m = _native.lib.cryptogo_aead_messagebytes_max()
    assert aead_mod._MAX == m == _native.const("CRYPTOGO_AEAD_MESSAGEBYTES_MAX")
    assert m == 2**31 - 1  # the bound pyca's message names
    assert str(aead_mod._overflow()) == "Data or associated data too long. Max 2**31 - 1 bytes"
    a = AESGCM(bytes(16))
    nonce = bytes(12)
    ct = a.encrypt(nonce, bytes(10), None)
    monkeypatch.setattr(aead_mod, "_MAX", 9)  # the binding reads the bound from this global
    # (The bytes fast path of encrypt leaves the check to the library: its
    # output is no larger than the input it was given.)
    with pytest.raises(OverflowError, match="Max 2"):
        a.encrypt(nonce, bytearray(10), None)
    with pytest.raises(OverflowError, match="Max 2"):
        a.encrypt(nonce, bytearray(1), bytearray(10))
    with pytest.raises(OverflowError):
        a.encrypt_into(nonce, bytes(10), None, bytearray(26))
    for data in (ct, bytearray(ct)):
        with pytest.raises(OverflowError):
            a.decrypt(nonce, data, None)
    with pytest.raises(OverflowError):
        a.decrypt_into(nonce, ct, None, bytearray(10))


def test_aesgcm_key_sizes_are_the_librarys():
    lo, hi = _native.lib.cryptogo_aesgcm_keybytes_min(), _native.lib.cryptogo_aesgcm_keybytes_max()
    assert (lo, hi) == (_native.const("CRYPTOGO_AESGCM_KEYBYTES_MIN"), _native.const("CRYPTOGO_AESGCM_KEYBYTES_MAX"))
    assert AESGCM._key_bits == tuple(range(8 * lo, 8 * hi + 1, 64)) == (128, 192, 256)
    assert len(AESGCM.generate_key(8 * lo)) == lo and len(AESGCM.generate_key(8 * hi)) == hi
    PA = PYCA.aead.AESGCM

    def outcome(fn, *args):
        try:
            fn(*args)
        except Exception as e:
            return type(e).__name__, str(e)
        return None

    for bits in [*range(0, 8 * hi + 80, 8), 129, -128]:
        assert outcome(AESGCM.generate_key, bits) == outcome(PA.generate_key, bits), bits
    for n in range(0, hi + 10):
        assert outcome(AESGCM, bytes(n)) == outcome(PA, bytes(n)), n


def test_input_bound_is_the_librarys():
    """The ABI-wide bound on one input buffer: a longer length is refused
    (OverflowError) before the buffer is read."""
    m = _native.lib.cryptogo_inputbytes_max()
    assert m == _native.const("CRYPTOGO_INPUTBYTES_MAX") == _native.size("inputbytes_max") == 2**32 - 1
    out = bytes(32)
    sha256 = hashes._hash_id(hashes.SHA256())
    rc = _native.lib.cryptogo_hash_digest(out, 32, _buffers.SINK, b"x", m + 1, sha256, 32)
    assert _errors.status_name(rc) == "CRYPTOGO_ERR_OVERFLOW"
    with pytest.raises(OverflowError):
        _errors.check(rc)
    assert _native.lib.cryptogo_hash_digest(out, 32, _buffers.SINK, b"x", 1, sha256, 32) == 0


@pytest.mark.parametrize("n", [0, 1, 15, 16, 17, 100, 4095, fernet_mod._MEMO - 1, fernet_mod._MEMO, 1 << 20])
def test_fernet_token_size_is_the_librarys(n):
    want = _native.lib.cryptogo_fernet_tokenbytes(n)
    assert fernet_mod._token_size(n) == want
    assert fernet_mod._token_size(n) == want  # memoized answer
    f = Fernet(Fernet.generate_key())
    token = f.encrypt_at_time(bytes(n), 1000)
    assert len(token) == want
    assert fernet_mod._decrypt_cap(len(token)) == _native.lib.cryptogo_fernet_msgbytes_max(len(token))
    assert f.decrypt_at_time(token, 10, 1001) == bytes(n)
    m = MultiFernet([f])
    assert len(m.rotate(token)) == want


def test_fernet_short_token_has_no_plaintext():
    assert fernet_mod._decrypt_cap(3) == _native.lib.cryptogo_fernet_msgbytes_max(3) == 0
    with pytest.raises(InvalidToken):
        Fernet(Fernet.generate_key()).decrypt(b"abc")


def test_fernet_key_sizes_are_the_librarys():
    key = Fernet.generate_key()
    assert len(key) == _native.lib.cryptogo_fernet_keybytes()
    assert len(base64.urlsafe_b64decode(key)) == _native.lib.cryptogo_fernet_rawkeybytes()
    assert Fernet.generate_key() != key
    short = base64.urlsafe_b64encode(bytes(_native.lib.cryptogo_fernet_rawkeybytes() - 1))
    with pytest.raises(ValueError, match="Fernet key must be 32 url-safe base64-encoded bytes."):
        Fernet(short)


_FIXED = [
    hashes.MD5(),
    hashes.SHA1(),
    hashes.SHA224(),
    hashes.SHA256(),
    hashes.SHA384(),
    hashes.SHA512(),
    hashes.SHA512_224(),
    hashes.SHA512_256(),
    hashes.SHA3_224(),
    hashes.SHA3_256(),
    hashes.SHA3_384(),
    hashes.SHA3_512(),
    hashes.BLAKE2b(64),
    hashes.BLAKE2s(32),
]


@pytest.mark.parametrize("alg", _FIXED, ids=lambda a: a.name)
def test_hash_class_sizes_are_the_librarys(alg):
    """pyca's algorithm classes state their sizes as class attributes (part of
    the API, read without loading the library); they must agree with it."""
    out = ctypes.c_size_t()
    _errors.check(_native.lib.cryptogo_hash_digestbytes(ctypes.byref(out), hashes._hash_id(alg)))
    assert alg.digest_size == out.value
    assert alg.digest_size <= _native.lib.cryptogo_hash_digestbytes_max()
    if alg.block_size is not None:
        _errors.check(_native.lib.cryptogo_hash_blockbytes(ctypes.byref(out), hashes._hash_id(alg)))
        assert alg.block_size == out.value


def test_hash_max_digestbytes_is_the_largest_fixed_digest():
    assert max(a.digest_size for a in _FIXED) == _native.lib.cryptogo_hash_digestbytes_max()
    assert hashes.BLAKE2b._max_digest_size == _native.lib.cryptogo_hash_digestbytes_max()


# ---------------------------------------------------------------------------
# One status table, one loader, one fast-path module.


def test_every_status_has_one_entry_and_round_trips():
    status = _native.abi()["status"]
    assert set(_errors.STATUS_EXCEPTIONS) == {n for n, c in status.items() if c != 0}
    for name, code in status.items():
        assert _errors.status_name(code) == name
        assert _errors.code(name) == code
    assert _errors.status_name(-9999) == "unknown status -9999"


def test_error_messages():
    code = _errors.code
    e = _errors.error(code("CRYPTOGO_ERR_INVALID_SIGNATURE"), "Signature did not match digest.")
    assert type(e) is exceptions.InvalidSignature and str(e) == "Signature did not match digest."
    e = _errors.error(code("CRYPTOGO_ERR_INVALID_TAG"))
    assert type(e) is exceptions.InvalidTag and e.args == ()
    # Vague on purpose: the caller's detail is not passed on.
    e = _errors.error(code("CRYPTOGO_ERR_INVALID_TOKEN"), "detail")
    assert type(e) is InvalidToken and e.args == ()
    e = _errors.error(code("CRYPTOGO_ERR_DECRYPTION_FAILED"), "detail")
    assert type(e) is ValueError and str(e) == "Decryption failed"
    e = _errors.error(code("CRYPTOGO_ERR_INTERNAL"))
    assert type(e) is exceptions.InternalError and e.err_code == [] and "panic" in str(e)
    e = _errors.error(-9999)
    assert type(e) is exceptions.InternalError and "-9999" in str(e)
    with pytest.raises(exceptions.UnsupportedAlgorithm, match="unsupported algorithm"):
        _errors.raise_for(code("CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM"))


def test_only_the_errors_module_maps_codes():
    """The loader and the other modules keep no copy of the table."""
    assert not hasattr(_native, "STATUS_EXCEPTIONS")
    assert not hasattr(_native, "check")
    assert not hasattr(_native, "fast")


def test_bind_after_load_runs_at_once():
    _native.ensure_loaded()
    seen = []
    fn = _fast.bind(seen.append)
    try:
        assert seen == [_fast.fast]
    finally:
        _fast._binders.remove(fn)


def test_rsa_interfaces_apart_from_the_implementation():
    assert rsa.RSAPrivateKey.__abstractmethods__ and rsa.RSAPublicKey.__abstractmethods__
    assert issubclass(_rsa_impl._RSAPrivateKeyImpl, rsa.RSAPrivateKey)
    assert issubclass(_rsa_impl._RSAPublicKeyImpl, rsa.RSAPublicKey)
    assert issubclass(_rsa_impl._RSAPrivateKeyImpl, _keys.PrivateKeyHandle)
    assert issubclass(_rsa_impl._RSAPublicKeyImpl, _keys.PublicKeyHandle)
    assert not hasattr(rsa, "_RSAPrivateKeyImpl")  # rsa.py holds no handle code
    assert not hasattr(rsa, "lib")
    for name in rsa.__all__:
        assert hasattr(rsa, name), name


# ---------------------------------------------------------------------------
# Nothing left that the library does or states.


def _sources():
    return sorted((PKG_ROOT / "cryptogo").rglob("*.py"))


def test_no_todo_capi_left():
    for path in _sources():
        assert "TODO(capi)" not in path.read_text(), path


def test_no_base64_or_restated_bounds_in_the_binding():
    """No format work (base64) and no bound the library exports restated as
    a number: 2**31 - 1 and 2**32 - 1 appear only inside pyca's messages."""
    for path in _sources():
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert not {a.name for a in node.names} & {"base64", "binascii"}, path
            if isinstance(node, ast.ImportFrom):
                assert node.module not in ("base64", "binascii"), path
            if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Pow, ast.LShift)):
                left, right = node.left, node.right
                if isinstance(left, ast.Constant) and isinstance(right, ast.Constant):
                    assert (left.value, right.value) not in ((2, 31), (2, 32), (1, 31), (1, 32)), path
            if isinstance(node, ast.Constant) and isinstance(node.value, int):
                assert node.value not in (2**31 - 1, 2**32 - 1, 0xFFFFFFFF), path
