"""HMAC, as ``cryptography.hazmat.primitives.hmac``.

Like :class:`~cryptogo.hazmat.primitives.hashes.Hash`, an HMAC fed with one
``bytes`` chunk is computed with a single C call (no native state).
"""

from __future__ import annotations

import hmac as _pyhmac
import typing

from cryptogo import _buffers, _errors, _fast, _handles
from cryptogo._native import lib
from cryptogo.exceptions import (
    AlreadyFinalized,
    InvalidSignature,
    UnsupportedAlgorithm,
    _Reasons,
)
from cryptogo.hazmat.primitives import hashes
from cryptogo.hazmat.primitives._lazystate import LazyContext, lazy_context
from cryptogo.utils import Buffer

__all__ = ["HMAC"]

_buf = _buffers.buf
_check = _errors.check

# Hot-path state (see _fast.fast): the fast-path values HMAC uses live in
# _lazystate (rebound by _bind_lazy); _FAST mirrors whether they are enabled.
_FAST = False
# Algorithm class -> C enum value for the hashes HMAC takes (no XOF).
_BY_TYPE: dict[type, int] = {}

_lazy_base, _bind_lazy = lazy_context("hmac", "cryptogo_hmac_compute", keyed=True)
if typing.TYPE_CHECKING:
    # The base class is made at run time; to the type checker it is the
    # interface every such class implements.
    _LazyHMAC = LazyContext
else:
    _LazyHMAC = _lazy_base


def _bind(fast: typing.Any) -> None:
    global _FAST
    _BY_TYPE.clear()
    _BY_TYPE.update(
        (cls, i) for cls, i in hashes._BY_TYPE.items() if not issubclass(cls, hashes.ExtendableOutputFunction)
    )
    _bind_lazy(fast)
    _FAST = fast.enabled


def _key_bytes(key: typing.Any) -> bytes:
    if type(key) is bytes:
        return key
    _buf(key)  # pyca's TypeError for str, int, None
    return memoryview(key).tobytes()


class HMAC(_LazyHMAC, hashes.HashContext):
    """HMAC (RFC 2104) keyed with `key` over `algorithm`."""

    __slots__ = ("_algorithm",)

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
                raise UnsupportedAlgorithm("Digest is not supported for HMAC", _Reasons.UNSUPPORTED_HASH)
            alg = hashes._hash_id(algorithm)  # loads the library (then _BY_TYPE is set)
        self._alg = alg
        self._size = algorithm.digest_size
        self._algorithm = algorithm
        self._key = key  # until the native context exists
        self._pending = None
        self._h = None
        self._fin = None
        self._done = False

    @property
    def algorithm(self) -> hashes.HashAlgorithm:
        return self._algorithm

    def _new_handle(self) -> int:
        key = self._key
        assert key is not None
        h = _handles.new_handle(lib.cryptogo_hmac_new, key, len(key), self._alg)
        self._key = None
        return h

    def verify(self, signature: bytes) -> None:
        if not isinstance(signature, bytes):
            raise TypeError(f"'{type(signature).__name__}' object is not an instance of 'bytes'")
        signature = _buffers.exact(signature)  # a subclass's __len__ is not trusted
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
        c = self._copy_as(HMAC)  # with the key, while there is no handle
        c._algorithm = self._algorithm
        return c

    def __reduce__(self) -> typing.NoReturn:
        raise TypeError("cannot pickle 'HMAC' object")


_fast.bind(_bind)
