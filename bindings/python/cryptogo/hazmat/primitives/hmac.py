"""HMAC, as ``cryptography.hazmat.primitives.hmac``.

Like :class:`~cryptogo.hazmat.primitives.hashes.Hash`, an HMAC fed with one
``bytes`` chunk is computed with a single C call (no native state).
"""

from __future__ import annotations

import hmac as _pyhmac
import typing

from cryptogo import _native
from cryptogo._native import lib
from cryptogo.exceptions import (
    AlreadyFinalized,
    InvalidSignature,
    UnsupportedAlgorithm,
    _Reasons,
)
from cryptogo.hazmat.primitives import hashes
from cryptogo.utils import Buffer

__all__ = ["HMAC"]

_buf = _native.buf
_check = _native.check
_SINK = _native.SINK
_ZERO = _native.ZERO
_BIG = _native.BIG
_alloc = _native.alloc
_GIL_FREE = _native.GIL_FREE

# Hot-path state (see _native.fast), set by _bind when the library loads.
_FAST = False
_SMALL: typing.Any = None
_BULK: typing.Any = None
_OFF = 0
_SINKA = 0
_COMPUTE = _UPDATE = 0
_PACK_COMPUTE: typing.Any = None
_PACK_UPDATE: typing.Any = None
# Algorithm class -> C enum value for the hashes HMAC takes (no XOF).
_BY_TYPE: dict[type, int] = {}


def _bind(fast: typing.Any) -> None:
    global _FAST, _SMALL, _BULK, _OFF, _SINKA, _COMPUTE, _UPDATE, _PACK_COMPUTE, _PACK_UPDATE
    _BY_TYPE.clear()
    _BY_TYPE.update(
        (cls, i) for cls, i in hashes._BY_TYPE.items()
        if not issubclass(cls, hashes.ExtendableOutputFunction)
    )
    _SMALL, _BULK, _OFF, _SINKA = fast.small, fast.bulk, fast.off, fast.sink
    if fast.enabled:
        _COMPUTE, _PACK_COMPUTE = fast.ids["cryptogo_hmac_compute"], fast.packs["cryptogo_hmac_compute"]
        _UPDATE, _PACK_UPDATE = fast.ids["cryptogo_hmac_update"], fast.packs["cryptogo_hmac_update"]
    _FAST = fast.enabled


def _key_bytes(key: typing.Any) -> bytes:
    if type(key) is bytes:
        return key
    _buf(key)  # pyca's TypeError for str, int, None
    return memoryview(key).tobytes()


class HMAC(hashes.HashContext):
    """HMAC (RFC 2104) keyed with `key` over `algorithm`."""

    __slots__ = ("_algorithm", "_alg", "_size", "_key", "_pending", "_h", "_fin", "_done")

    def __init__(
        self,
        key: Buffer,
        algorithm: hashes.HashAlgorithm,
        backend: typing.Any = None,
    ) -> None:
        alg = _BY_TYPE.get(type(algorithm))
        if alg is None or type(key) is not bytes:
            if not isinstance(algorithm, hashes.HashAlgorithm):
                raise TypeError("Expected instance of hashes.HashAlgorithm.")
            key = _key_bytes(key)
            if isinstance(algorithm, hashes.ExtendableOutputFunction):
                raise UnsupportedAlgorithm(
                    "Digest is not supported for HMAC", _Reasons.UNSUPPORTED_HASH
                )
            alg = hashes._hash_id(algorithm)  # loads the library (then _BY_TYPE is set)
        self._alg = alg
        self._size = algorithm.digest_size
        self._algorithm = algorithm
        self._key: bytes | None = key  # until the native context exists
        self._pending: bytes | None = None
        self._h: int | None = None
        self._fin: typing.Any = None
        self._done = False

    @property
    def algorithm(self) -> hashes.HashAlgorithm:
        return self._algorithm

    def _materialize(self) -> None:
        key = self._key
        assert key is not None
        h = _native.new_handle(lib.cryptogo_hmac_new, key, len(key), self._alg)
        self._key = None
        self._h = h
        self._fin = _native.weakref.finalize(self, _native.free_handle, "cryptogo_hmac_free", h)
        p = self._pending
        if p is not None:
            self._pending = None
            rc = lib.cryptogo_hmac_update(h, p, len(p))
            if rc:
                _check(rc)

    def update(self, data: Buffer) -> None:
        if self._done:
            raise AlreadyFinalized("Context was already finalized.")
        if type(data) is bytes:
            if self._h is None:
                if self._pending is None:
                    self._pending = data
                    return
                self._materialize()
            n = len(data)
            if _FAST:
                rc = (_SMALL if n < _GIL_FREE else _BULK)(_UPDATE, _PACK_UPDATE(self._h, id(data) + _OFF, n))
            else:
                rc = lib.cryptogo_hmac_update(self._h, data, n)
        else:
            p, n = _buf(data)
            if self._h is None:
                self._materialize()
            rc = lib.cryptogo_hmac_update(self._h, p, n)
        if rc:
            _check(rc)

    def finalize(self) -> bytes:
        if self._done:
            raise AlreadyFinalized("Context was already finalized.")
        self._done = True
        size = self._size
        out = _ZERO * size if 1 < size < _BIG else _alloc(size)
        if self._h is None:
            p = self._pending
            key = self._key
            assert key is not None
            self._pending = self._key = None
            if p is None:
                p = b""
            n = len(p)
            if _FAST:
                rc = (_SMALL if n < _GIL_FREE else _BULK)(_COMPUTE, _PACK_COMPUTE(
                    id(out) + _OFF, size, _SINKA, id(p) + _OFF, n, id(key) + _OFF, len(key), self._alg))
            else:
                rc = lib.cryptogo_hmac_compute(out, size, _SINK, p, n, key, len(key), self._alg)
        else:
            rc = lib.cryptogo_hmac_finalize(self._h, out, size, _SINK)
            self._h = None
            self._fin()
        if rc:
            _check(rc)
        return out

    def verify(self, signature: bytes) -> None:
        if not isinstance(signature, bytes):
            raise TypeError(f"'{type(signature).__name__}' object is not an instance of 'bytes'")
        if self._done:
            raise AlreadyFinalized("Context was already finalized.")
        if self._h is None:
            # One C call computes the tag; compare_digest is constant time.
            if not _pyhmac.compare_digest(self.finalize(), signature):
                raise InvalidSignature("Signature did not match digest.")
            return
        self._done = True
        rc = lib.cryptogo_hmac_verify(self._h, signature, len(signature))
        self._h = None
        self._fin()
        if rc:
            _check(rc, "Signature did not match digest.")

    def copy(self) -> HMAC:
        if self._done:
            raise AlreadyFinalized("Context was already finalized.")
        c = HMAC.__new__(HMAC)
        c._algorithm = self._algorithm
        c._alg = self._alg
        c._size = self._size
        c._done = False
        c._key = self._key
        c._pending = self._pending
        c._h = None
        c._fin = None
        if self._h is not None:
            h = _native.new_handle(lib.cryptogo_hmac_copy, self._h)
            c._h = h
            c._fin = _native.weakref.finalize(c, _native.free_handle, "cryptogo_hmac_free", h)
        return c

    def __reduce__(self) -> typing.NoReturn:
        raise TypeError("cannot pickle 'HMAC' object")


_native.bind(_bind)
