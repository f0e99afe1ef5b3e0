"""Sizes, limits and bounds come from the library: every value the binding
uses equals what libcrypto-go's size functions report (and the header's
macros), and the split modules keep one table and one loader."""

from __future__ import annotations

import base64
import ctypes

import pytest

from cryptogo import _errors, _fast, _native, exceptions
from cryptogo import fernet as fernet_mod
from cryptogo.fernet import Fernet, InvalidToken, MultiFernet
from cryptogo.hazmat.primitives import hashes
from cryptogo.hazmat.primitives.asymmetric import _rsa_impl, rsa
from cryptogo.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305


def _size_functions() -> list[str]:
    return [
        f["name"]
        for f in _native.abi()["functions"]
        if not f.get("params") and " ".join((f.get("return") or "").split()) == "size_t"
    ]


def test_size_reads_every_size_function_once():
    names = _size_functions()
    assert "cryptogo_aesgcm_tagbytes" in names and "cryptogo_hash_max_digestbytes" in names
    macros = _native.abi()["macros"]
    for name in names:
        short = name[len("cryptogo_") :]
        assert _native.size(short) == getattr(_native.lib, name)(), name
        macro = "CRYPTOGO_" + short.upper()
        if macro in macros:
            assert _native.size(short) == macros[macro], macro


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


@pytest.mark.parametrize("n", [0, 1, 15, 16, 17, 100, 4095, fernet_mod._MEMO - 1, fernet_mod._MEMO, 1 << 20])
def test_fernet_token_size_is_the_librarys(n):
    want = _native.lib.cryptogo_fernet_token_size(n)
    assert fernet_mod._token_size(n) == want
    assert fernet_mod._token_size(n) == want  # memoized answer
    f = Fernet(Fernet.generate_key())
    token = f.encrypt_at_time(bytes(n), 1000)
    assert len(token) == want
    assert fernet_mod._decrypt_cap(len(token)) == _native.lib.cryptogo_fernet_max_plaintext_size(len(token))
    assert f.decrypt_at_time(token, 10, 1001) == bytes(n)
    m = MultiFernet([f])
    assert len(m.rotate(token)) == want


def test_fernet_short_token_has_no_plaintext():
    assert fernet_mod._decrypt_cap(3) == _native.lib.cryptogo_fernet_max_plaintext_size(3) == 0
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
    _errors.check(_native.lib.cryptogo_hash_digest_size(ctypes.byref(out), hashes._hash_id(alg)))
    assert alg.digest_size == out.value
    assert alg.digest_size <= _native.lib.cryptogo_hash_max_digestbytes()
    if alg.block_size is not None:
        _errors.check(_native.lib.cryptogo_hash_block_size(ctypes.byref(out), hashes._hash_id(alg)))
        assert alg.block_size == out.value


def test_hash_max_digestbytes_is_the_largest_fixed_digest():
    assert max(a.digest_size for a in _FIXED) == _native.lib.cryptogo_hash_max_digestbytes()
    assert hashes.BLAKE2b._max_digest_size == _native.lib.cryptogo_hash_max_digestbytes()


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
    assert not hasattr(rsa, "_RSAPrivateKeyImpl")  # rsa.py holds no handle code
    assert not hasattr(rsa, "lib")
    for name in rsa.__all__:
        assert hasattr(rsa, name), name
