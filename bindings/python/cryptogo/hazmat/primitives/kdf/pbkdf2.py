"""PBKDF2-HMAC (RFC 8018), as ``cryptography.hazmat.primitives.kdf.pbkdf2``."""

from __future__ import annotations

import ctypes
import typing

from cryptogo import _buffers, _errors
from cryptogo._native import lib
from cryptogo.exceptions import AlreadyFinalized, InvalidKey
from cryptogo.hazmat.primitives import hashes
from cryptogo.hazmat.primitives.kdf import KeyDerivationFunction
from cryptogo.utils import Buffer

__all__ = ["PBKDF2HMAC"]

_buf = _buffers.buf
_check = _errors.check


def _not_instance(value: object, what: str) -> TypeError:
    return TypeError(f"'{type(value).__name__}' object is not an instance of '{what}'")


def _uint(value: object) -> int:
    if not isinstance(value, int):
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    if value < 0:
        raise OverflowError("can't convert negative int to unsigned")
    return int(value)


class PBKDF2HMAC(KeyDerivationFunction):
    """PBKDF2 with HMAC over `algorithm`. An instance derives once."""

    def __init__(
        self,
        algorithm: hashes.HashAlgorithm,
        length: int,
        salt: bytes,
        iterations: int,
        backend: typing.Any = None,
    ) -> None:
        # pyca's order: the arguments' types, iterations, then the hash,
        # which must be one the library has (UnsupportedAlgorithm here, not
        # at derive). SHAKE passes here and fails at derive, as with pyca.
        length = _uint(length)
        if not isinstance(salt, bytes):
            raise _not_instance(salt, "bytes")
        iterations = _uint(iterations)
        if iterations < 1:
            raise ValueError("iterations must be greater than or equal to 1.")
        if not isinstance(algorithm, hashes.HashAlgorithm):
            raise TypeError("Expected instance of hashes.HashAlgorithm.")
        if not isinstance(algorithm, hashes.ExtendableOutputFunction):
            hashes._hash_id(algorithm)
        self._algorithm = algorithm
        self._length = length
        self._salt = _buffers.exact(salt)  # a subclass's __len__ is not trusted
        self._iterations = iterations
        self._used = False

    def _start(self) -> int:
        if self._used:
            raise AlreadyFinalized("Context was already finalized.")
        self._used = True
        return hashes._hash_id(self._algorithm)

    def derive(self, key_material: Buffer) -> bytes:
        p, n = _buf(key_material)
        alg = self._start()
        length = self._length
        out = bytes(length)
        salt = self._salt
        rc = lib.cryptogo_pbkdf2_hmac_derive(
            out if length else None, length, p, n, salt, len(salt), self._iterations, alg
        )
        if rc:
            _check(rc)
        return out

    def derive_into(self, key_material: Buffer, buffer: Buffer) -> int:
        p, n = _buf(key_material)
        try:
            mv = memoryview(buffer)
        except TypeError:
            raise _buffers.type_error(buffer) from None
        if mv.readonly:
            raise TypeError("Buffer is not writable.")
        if mv.nbytes != self._length:
            raise ValueError(f"buffer must be {self._length} bytes")
        alg = self._start()
        dst = (ctypes.c_char * mv.nbytes).from_buffer(mv.cast("B")) if mv.nbytes else None
        salt = self._salt
        rc = lib.cryptogo_pbkdf2_hmac_derive(dst, self._length, p, n, salt, len(salt), self._iterations, alg)
        if rc:
            _check(rc)
        return self._length

    def verify(self, key_material: bytes, expected_key: bytes) -> None:
        p, n = _buf(key_material)
        e, en = _buf(expected_key)
        alg = self._start()
        if en != self._length:
            # pyca derives and compares: a different length never matches.
            raise InvalidKey("Keys do not match.")
        if en == 0:
            # PBKDF2HMAC(length=0): pyca derives b"" and compares it with
            # b"", a match. The library refuses an empty expected key (it
            # would match every password), so the answer is given here.
            return
        salt = self._salt
        rc = lib.cryptogo_pbkdf2_hmac_verify(e, en, p, n, salt, len(salt), self._iterations, alg)
        if rc:
            _check(rc, "Keys do not match.")
