"""AESGCM and ChaCha20Poly1305 against pyca."""

from __future__ import annotations

import os

import pytest
from conftest import OURS, PYCA, require_exports

CASES = [
    ("AESGCM", 16, 12),
    ("AESGCM", 24, 12),
    ("AESGCM", 32, 12),
    ("AESGCM", 16, 8),
    ("AESGCM", 32, 128),
    ("AESGCM", 16, 16),
    ("ChaCha20Poly1305", 32, 12),
]


@pytest.fixture(autouse=True)
def _exports():
    require_exports("cryptogo_aesgcm_new", "cryptogo_chacha20poly1305_new")


def pair(name, key):
    return getattr(OURS.aead, name)(key), getattr(PYCA.aead, name)(key)


@pytest.mark.parametrize("name,klen,nlen", CASES)
@pytest.mark.parametrize("size", [0, 1, 15, 16, 64, 1000, 70000])
@pytest.mark.parametrize("ad", [None, b"", b"header", os.urandom(300)])
def test_identical_and_cross(name, klen, nlen, size, ad):
    key, nonce, data = os.urandom(klen), os.urandom(nlen), os.urandom(size)
    o, r = pair(name, key)
    ct = o.encrypt(nonce, data, ad)
    assert ct == r.encrypt(nonce, data, ad)  # fixed nonce: byte-identical
    assert r.decrypt(nonce, ct, ad) == data  # pyca reads ours
    assert o.decrypt(nonce, ct, ad) == data  # we read ours (and so pyca's)


@pytest.mark.parametrize("name,klen,nlen", CASES[:1] + CASES[-1:])
def test_bytes_like_inputs_and_into(name, klen, nlen):
    key, nonce, data = os.urandom(klen), os.urandom(nlen), os.urandom(100)
    o, r = pair(name, bytearray(key))
    ct = r.encrypt(nonce, data, b"ad")
    assert o.encrypt(bytearray(nonce), memoryview(data), bytearray(b"ad")) == ct
    assert o.decrypt(memoryview(nonce), bytearray(ct), memoryview(b"ad")) == data
    buf = bytearray(len(ct))
    assert o.encrypt_into(nonce, data, b"ad", buf) == len(ct) and bytes(buf) == ct
    out = bytearray(len(data))
    assert o.decrypt_into(nonce, ct, b"ad", out) == len(data) and bytes(out) == data


@pytest.mark.parametrize("name,klen,nlen", CASES[:1] + CASES[-1:])
def test_tampering_raises_invalid_tag_and_input_untouched(name, klen, nlen):
    from cryptogo.exceptions import InvalidTag

    key, nonce, data = os.urandom(klen), os.urandom(nlen), os.urandom(50)
    o, _ = pair(name, key)
    ct = o.encrypt(nonce, data, b"ad")
    snapshot = bytes(ct)
    for bad in (ct[:-1] + bytes([ct[-1] ^ 1]), bytes([ct[0] ^ 1]) + ct[1:], ct[:15], b""):
        with pytest.raises(InvalidTag):
            o.decrypt(nonce, bad, b"ad")
    with pytest.raises(InvalidTag):
        o.decrypt(nonce, ct, b"other")
    with pytest.raises(InvalidTag):
        o.decrypt(bytes(nlen), ct, b"ad")
    assert ct == snapshot


def test_generate_key():
    A, C = OURS.aead.AESGCM, OURS.aead.ChaCha20Poly1305
    for bits in (128, 192, 256):
        assert len(A.generate_key(bits)) == bits // 8
    assert len(C.generate_key()) == 32
    assert A.generate_key(128) != A.generate_key(128)


def test_close_and_context_manager():
    a = OURS.aead.AESGCM(bytes(16))
    with a:
        a.encrypt(bytes(12), b"x", None)
    with pytest.raises(ValueError):
        a.encrypt(bytes(12), b"x", None)
    a.close()  # idempotent
