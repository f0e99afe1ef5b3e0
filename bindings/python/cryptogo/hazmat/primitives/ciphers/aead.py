"""AEAD ciphers, as ``cryptography.hazmat.primitives.ciphers.aead``.

The key lives in libcrypto-go behind a handle created in ``__init__``; each
encrypt/decrypt is one C call that writes straight into the returned bytes
object. Objects are safe to share between threads (the GIL is released during
the call). ``close()`` or a ``with`` block frees the key early.
"""

from __future__ import annotations

import ctypes
import os
import typing

from cryptogo import _native
from cryptogo._native import NativeObject, lib
from cryptogo.exceptions import InvalidTag
from cryptogo.utils import Buffer

__all__ = ["AESGCM", "ChaCha20Poly1305"]

_buf = _native.buf
_check = _native.check
_SINK = _native.SINK
_MAX = 2**31 - 1  # pyca's limit for data and associated data
_TAG = 16


def _overflow() -> OverflowError:
    return OverflowError("Data or associated data too long. Max 2**31 - 1 bytes")


def _key(key: typing.Any) -> tuple[typing.Any, int]:
    return (key, len(key)) if type(key) is bytes else _buf(key)


def _into(buf: typing.Any, need: int) -> typing.Any:
    try:
        mv = memoryview(buf)
    except TypeError:
        raise _native._type_error(buf) from None
    if mv.readonly:
        raise TypeError("Buffer is not writable.")
    if mv.nbytes != need:
        raise ValueError(f"buffer must be {need} bytes")
    return (ctypes.c_char * need).from_buffer(mv.cast("B")) if need else None


# The functions are looked up by name at each call (not cached on the
# instance) so that the fork guard, which swaps them in this dict, sees every
# call.
_fns: dict[str, typing.Any] = lib.__dict__
_ZERO = _native.ZERO
_BIG = _native.BIG
_alloc = _native.alloc


class _AEAD(NativeObject):
    __slots__ = ()
    _new: typing.ClassVar[str]
    _enc: typing.ClassVar[str]
    _dec: typing.ClassVar[str]

    def _nonce_error(self, nonce_len: int) -> ValueError:
        raise NotImplementedError

    def _key_error(self) -> ValueError:
        raise NotImplementedError

    def __init__(self, key: Buffer) -> None:
        p, n = _key(key)
        h = ctypes.c_void_p()
        rc = getattr(lib, self._new)(ctypes.byref(h), p, n)  # loads the library
        if rc == _native.const("CRYPTOGO_ERR_INVALID_ARGUMENT"):
            raise self._key_error()
        if rc:
            _check(rc)
        self._adopt(h.value)  # type: ignore[arg-type]

    def _fail(self, rc: int, nonce_len: int) -> typing.NoReturn:
        if rc == _native.const("CRYPTOGO_ERR_INVALID_ARGUMENT"):
            raise self._nonce_error(nonce_len)
        if rc == _native.const("CRYPTOGO_ERR_OVERFLOW"):
            raise _overflow()
        _check(rc)
        raise AssertionError("unreachable")

    def encrypt(
        self,
        nonce: Buffer,
        data: Buffer,
        associated_data: Buffer | None,
    ) -> bytes:
        if type(data) is bytes:
            dn = len(data)
        else:
            data, dn = _buf(data)
        if type(nonce) is bytes:
            nn = len(nonce)
        else:
            nonce, nn = _buf(nonce)
        if associated_data is None:
            an = 0
        elif type(associated_data) is bytes:
            an = len(associated_data)
        else:
            associated_data, an = _buf(associated_data)
        if dn > _MAX or an > _MAX:
            raise _overflow()
        n = dn + _TAG
        out = _ZERO * n if n < _BIG else _alloc(n)
        rc = _fns[self._enc](out, n, _SINK, data, dn, associated_data, an, nonce, nn, self._h)
        if rc:
            self._fail(rc, nn)
        return out

    def decrypt(
        self,
        nonce: Buffer,
        data: Buffer,
        associated_data: Buffer | None,
    ) -> bytes:
        if type(data) is bytes:
            dn = len(data)
        else:
            data, dn = _buf(data)
        if type(nonce) is bytes:
            nn = len(nonce)
        else:
            nonce, nn = _buf(nonce)
        if associated_data is None:
            an = 0
        elif type(associated_data) is bytes:
            an = len(associated_data)
        else:
            associated_data, an = _buf(associated_data)
        if dn > _MAX or an > _MAX:
            raise _overflow()
        n = dn - _TAG
        if n < 0:
            self._check_nonce(nn)
            raise InvalidTag
        out = _ZERO * n if 1 < n < _BIG else _alloc(n)
        rc = _fns[self._dec](out, n, _SINK, data, dn, associated_data, an, nonce, nn, self._h)
        if rc:
            self._fail(rc, nn)
        return out

    def encrypt_into(
        self,
        nonce: Buffer,
        data: Buffer,
        associated_data: Buffer | None,
        buf: Buffer,
    ) -> int:
        data, dn = _buf(data)
        nonce, nn = _buf(nonce)
        associated_data, an = _native.opt_buf(associated_data)
        if dn > _MAX or an > _MAX:
            raise _overflow()
        n = dn + _TAG
        dst = _into(buf, n)
        rc = _fns[self._enc](dst, n, _SINK, data, dn, associated_data, an, nonce, nn, self._h)
        if rc:
            self._fail(rc, nn)
        return n

    def decrypt_into(
        self,
        nonce: Buffer,
        data: Buffer,
        associated_data: Buffer | None,
        buf: Buffer,
    ) -> int:
        data, dn = _buf(data)
        nonce, nn = _buf(nonce)
        associated_data, an = _native.opt_buf(associated_data)
        if dn > _MAX or an > _MAX:
            raise _overflow()
        n = dn - _TAG
        if n < 0:
            self._check_nonce(nn)
            raise InvalidTag
        dst = _into(buf, n)
        rc = _fns[self._dec](dst, n, _SINK, data, dn, associated_data, an, nonce, nn, self._h)
        if rc:
            self._fail(rc, nn)
        return n

    def _check_nonce(self, nn: int) -> None:
        raise NotImplementedError


class AESGCM(_AEAD):
    """AES-GCM (NIST SP 800-38D) with a 128/192/256-bit key and a 16-byte tag.
    Nonces of 8 to 128 bytes (12 recommended)."""

    __slots__ = ()
    _free_name = "cryptogo_aesgcm_free"
    _new = "cryptogo_aesgcm_new"

    _enc = "cryptogo_aesgcm_encrypt"
    _dec = "cryptogo_aesgcm_decrypt"

    @staticmethod
    def generate_key(bit_length: int) -> bytes:
        if not isinstance(bit_length, int):
            raise TypeError(
                f"'{type(bit_length).__name__}' object cannot be interpreted as an integer"
            )
        if bit_length not in (128, 192, 256):
            raise ValueError("bit_length must be 128, 192, or 256")
        return os.urandom(bit_length // 8)

    def _key_error(self) -> ValueError:
        return ValueError("AESGCM key must be 128, 192, or 256 bits.")

    def _nonce_error(self, nonce_len: int) -> ValueError:
        return ValueError("Nonce must be between 8 and 128 bytes")

    def _check_nonce(self, nn: int) -> None:
        if nn < 8 or nn > 128:
            raise self._nonce_error(nn)


class ChaCha20Poly1305(_AEAD):
    """ChaCha20-Poly1305 (RFC 8439): 32-byte key, 12-byte nonce, 16-byte tag."""

    __slots__ = ()
    _free_name = "cryptogo_chacha20poly1305_free"
    _new = "cryptogo_chacha20poly1305_new"

    _enc = "cryptogo_chacha20poly1305_encrypt"
    _dec = "cryptogo_chacha20poly1305_decrypt"

    @staticmethod
    def generate_key() -> bytes:
        return os.urandom(32)

    def _key_error(self) -> ValueError:
        return ValueError("ChaCha20Poly1305 key must be 32 bytes.")

    def _nonce_error(self, nonce_len: int) -> ValueError:
        return ValueError("Nonce must be 12 bytes")

    def _check_nonce(self, nn: int) -> None:
        if nn != 12:
            raise self._nonce_error(nn)
