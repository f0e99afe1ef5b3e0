"""Hashes, HMAC, constant_time and PBKDF2 against pyca: identical outputs."""

from __future__ import annotations

import functools
import os

import pytest
from conftest import OURS, PYCA

H = OURS.hashes
P = PYCA.hashes

FIXED = [
    "SHA1",
    "SHA224",
    "SHA256",
    "SHA384",
    "SHA512",
    "SHA512_224",
    "SHA512_256",
    "SHA3_224",
    "SHA3_256",
    "SHA3_384",
    "SHA3_512",
    "MD5",
]
VARIABLE = [("SHAKE128", 1), ("SHAKE128", 64), ("SHAKE256", 100), ("BLAKE2b", 64), ("BLAKE2s", 32)]
ALGS = [(n, None) for n in FIXED] + VARIABLE


def alg(api, name, size):
    cls = getattr(api.hashes, name)
    return cls() if size is None else cls(size)


@pytest.mark.parametrize("name,size", ALGS)
def test_algorithm_attributes_match_pyca(name, size):
    a, b = alg(OURS, name, size), alg(PYCA, name, size)
    assert (a.name, a.digest_size, a.block_size) == (b.name, b.digest_size, b.block_size)
    assert isinstance(a, H.HashAlgorithm)
    assert a == alg(OURS, name, size)


@pytest.mark.parametrize("name,size", ALGS)
@pytest.mark.parametrize(
    "chunks", [[], [b""], [b"abc"], [b"a" * 200, bytearray(b"b" * 3), memoryview(b"xyz" * 50)], [os.urandom(1000)] * 3]
)
def test_hash_identical(name, size, chunks):
    ours = H.Hash(alg(OURS, name, size))
    ref = P.Hash(alg(PYCA, name, size))
    for c in chunks:
        ours.update(c)
        ref.update(c)
    mid_o, mid_r = ours.copy(), ref.copy()
    assert ours.finalize() == ref.finalize()
    mid_o.update(b"tail")
    mid_r.update(b"tail")
    assert mid_o.finalize() == mid_r.finalize()


def test_hash_one_shot_and_algorithm():
    assert H.Hash.hash(H.SHA256(), b"abc") == P.Hash.hash(P.SHA256(), b"abc")
    h = H.Hash(H.SHA256())
    assert isinstance(h.algorithm, H.SHA256)
    assert isinstance(h, H.HashContext)


def test_hash_finalized_states():
    from cryptogo.exceptions import AlreadyFinalized

    for first in ([], [b"x"], [b"x", b"y"]):
        h = H.Hash(H.SHA256())
        for c in first:
            h.update(c)
        h.finalize()
        for op in (h.finalize, functools.partial(h.update, b""), h.copy):
            with pytest.raises(AlreadyFinalized, match="Context was already finalized."):
                op()


def test_hash_unsupported():
    from cryptogo.exceptions import UnsupportedAlgorithm

    class Custom(H.HashAlgorithm):
        name = "sha256"  # a known name does not make it SHA-256
        digest_size = 32
        block_size = 64

    with pytest.raises(UnsupportedAlgorithm):
        H.Hash(Custom())


def test_hash_large_input():
    data = os.urandom(3 << 20)
    assert H.Hash.hash(H.SHA256(), data) == P.Hash.hash(P.SHA256(), data)
    h = H.Hash(H.SHA512())
    h.update(data[:10])
    h.update(memoryview(data)[10:])
    assert h.finalize() == P.Hash.hash(P.SHA512(), data)


# ---------------------------------------------------------------------------
# HMAC

HMAC_ALGS = [(n, None) for n in FIXED] + [("BLAKE2b", 64), ("BLAKE2s", 32)]


@pytest.mark.parametrize("name,size", HMAC_ALGS)
@pytest.mark.parametrize("key", [b"", b"k", os.urandom(200), bytearray(b"key")])
@pytest.mark.parametrize("chunks", [[], [b"msg"], [b"a", memoryview(b"b"), b"c" * 300]])
def test_hmac_identical(name, size, key, chunks):
    o = OURS.hmac.HMAC(key, alg(OURS, name, size))
    r = PYCA.hmac.HMAC(key, alg(PYCA, name, size))
    for c in chunks:
        o.update(c)
        r.update(c)
    oc = o.copy()
    tag = r.finalize()
    assert o.finalize() == tag
    oc.verify(tag)


@pytest.mark.parametrize("chunks", [[], [b"x"], [b"x", b"y"]])
def test_hmac_verify_and_finalized(chunks):
    from cryptogo.exceptions import AlreadyFinalized, InvalidSignature

    h = OURS.hmac.HMAC(b"k", H.SHA256())
    for c in chunks:
        h.update(c)
    with pytest.raises(InvalidSignature, match="Signature did not match digest."):
        h.verify(b"\x00" * 32)
    for op in (h.finalize, lambda: h.update(b""), h.copy, lambda: h.verify(b"")):
        with pytest.raises(AlreadyFinalized):
            op()


def test_hmac_key_snapshot_for_mutable_key():
    # The key is captured at construction, as pyca does, even if the caller
    # mutates its buffer before the first update.
    key = bytearray(b"secret")
    h = OURS.hmac.HMAC(key, H.SHA256())
    key[0] = 0
    h.update(b"m")
    r = PYCA.hmac.HMAC(b"secret", P.SHA256())
    r.update(b"m")
    assert h.finalize() == r.finalize()


def test_constant_time():
    ct = OURS.constant_time
    assert ct.bytes_eq(b"a", b"a") and not ct.bytes_eq(b"a", b"b")
    with pytest.raises(TypeError, match="a and b must be bytes."):
        ct.bytes_eq("a", b"a")


# ---------------------------------------------------------------------------
# PBKDF2


@pytest.mark.parametrize("name", ["SHA1", "SHA256", "SHA512", "SHA3_256", "MD5"])
@pytest.mark.parametrize(
    "length,salt,iterations,password",
    [
        (32, b"salt", 1, b"password"),
        (0, b"", 1, b""),
        (1, b"s" * 100, 50, b"p" * 300),
        (100, os.urandom(16), 1000, bytearray(b"pw")),
    ],
)
def test_pbkdf2_identical(name, length, salt, iterations, password):
    o = OURS.pbkdf2.PBKDF2HMAC(getattr(H, name)(), length, salt, iterations).derive(password)
    r = PYCA.pbkdf2.PBKDF2HMAC(getattr(P, name)(), length, salt, iterations).derive(password)
    assert o == r
    OURS.pbkdf2.PBKDF2HMAC(getattr(H, name)(), length, salt, iterations).verify(password, r)
    buf = bytearray(length)
    assert OURS.pbkdf2.PBKDF2HMAC(getattr(H, name)(), length, salt, iterations).derive_into(password, buf) == length
    assert bytes(buf) == r


def test_pbkdf2_single_use_and_verify_failure():
    from cryptogo.exceptions import AlreadyFinalized, InvalidKey

    k = OURS.pbkdf2.PBKDF2HMAC(H.SHA256(), 32, b"s", 10)
    k.derive(b"p")
    with pytest.raises(AlreadyFinalized):
        k.derive(b"p")
    with pytest.raises(InvalidKey, match="Keys do not match."):
        OURS.pbkdf2.PBKDF2HMAC(H.SHA256(), 32, b"s", 10).verify(b"p", b"\x00" * 32)
    with pytest.raises(InvalidKey):
        OURS.pbkdf2.PBKDF2HMAC(H.SHA256(), 32, b"s", 10).verify(b"p", b"\x00" * 5)
    from cryptogo.hazmat.primitives.kdf import KeyDerivationFunction

    assert isinstance(k, KeyDerivationFunction)


def test_contexts_cannot_be_pickled():
    import pickle

    with pytest.raises(TypeError):
        pickle.dumps(H.Hash(H.SHA256()))
    with pytest.raises(TypeError):
        pickle.dumps(OURS.hmac.HMAC(b"k", H.SHA256()))
