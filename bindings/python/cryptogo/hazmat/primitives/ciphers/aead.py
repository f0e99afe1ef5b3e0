"""AEAD ciphers, as ``cryptography.hazmat.primitives.ciphers.aead``.

The key lives in libcrypto-go behind a handle created in ``__init__``; each
encrypt/decrypt is one C call that writes straight into the returned bytes
object. Objects are safe to share between threads (the GIL is released during
the call from ``_fast.GIL_FREE`` bytes up). ``close()`` or a ``with`` block
frees the key early.

With bytes arguments (the common case) the call goes through
``cryptogo_invoke`` (see ``_fast.fast``); other buffers take the named
export with ctypes arrays over their memory.
"""

from __future__ import annotations

import ctypes
import os
import typing

from cryptogo import _buffers, _errors, _fast, _native
from cryptogo._handles import NativeObject
from cryptogo._native import lib
from cryptogo.exceptions import InvalidTag
from cryptogo.utils import Buffer

__all__ = ["AESGCM", "ChaCha20Poly1305"]

_buf = _buffers.buf
_check = _errors.check
_SINK = _buffers.SINK
# pyca's limit for data and associated data: cryptogo_aead_messagebytes_max(),
# read by _bind when the library loads (every AEAD object loads it first). The
# library enforces it too (CRYPTOGO_ERR_OVERFLOW, checked first); the binding
# checks it as well so that the OverflowError comes before a 2 GiB output
# buffer is allocated.
_MAX = 0


def _overflow() -> OverflowError:
    # pyca's wording; tests/test_sizes.py checks that it states the library's bound.
    return OverflowError("Data or associated data too long. Max 2**31 - 1 bytes")


def _args(
    nonce: typing.Any, data: typing.Any, ad: typing.Any
) -> tuple[typing.Any, int, typing.Any, int, typing.Any, int]:
    """The general (non-bytes) path's arguments as (pointer-like, length)
    pairs, with pyca's OverflowError for data or associated data over 2**31-1."""
    data, dn = (data, len(data)) if type(data) is bytes else _buf(data)
    nonce, nn = (nonce, len(nonce)) if type(nonce) is bytes else _buf(nonce)
    if ad is None:
        an = 0
    else:
        ad, an = (ad, len(ad)) if type(ad) is bytes else _buf(ad)
    if dn > _MAX or an > _MAX:
        raise _overflow()
    return nonce, nn, data, dn, ad, an


def _key(key: typing.Any) -> tuple[typing.Any, int]:
    return (key, len(key)) if type(key) is bytes else _buf(key)


def _big_out(dn: int, n: int) -> bytes:
    """The n-byte output of a large encryption of dn bytes; pyca's
    OverflowError first."""
    if dn > _MAX:
        raise _overflow()
    return _alloc(n)


_into = _buffers.writable


# The functions are looked up by name at each call (not cached on the
# instance) so that the fork guard, which swaps them in this dict, sees every
# call.
_fns: dict[str, typing.Any] = lib.__dict__
_ZERO = _buffers.ZERO
_BIG = _buffers.BIG
_alloc = _buffers.alloc
_GIL_FREE = _fast.GIL_FREE

# Hot-path state, set by _bind when the library loads (and in a forked child,
# where _SMALL/_BULK raise the fork RuntimeError). AESGCM and ChaCha20Poly1305
# share the parameter layout of their encrypt/decrypt exports, so one pack.
_FAST = False
_SMALL: typing.Any = None
_BULK: typing.Any = None
_OFF = 0
_SINKA = 0
_PACK: typing.Any = None
_NARGS: typing.Any = None  # cryptogo_invoke's nargs (every AEAD export here takes 10)


def _bind(fast: typing.Any) -> None:
    global _FAST, _SMALL, _BULK, _OFF, _SINKA, _PACK, _NARGS, _MAX
    _MAX = _native.size("aead_messagebytes_max")
    for cls in (AESGCM, ChaCha20Poly1305):
        cls._load_sizes()
    _FAST = fast.enabled
    _SMALL, _BULK, _OFF, _SINKA = fast.small, fast.bulk, fast.off, fast.sink
    if _FAST:
        _PACK = fast.packs["cryptogo_aesgcm_encrypt"]
        _NARGS = fast.nargs["cryptogo_aesgcm_encrypt"]
        for cls in (AESGCM, ChaCha20Poly1305):
            cls._enc_id = fast.ids[cls._enc]
            cls._dec_id = fast.ids[cls._dec]


class _AEAD(NativeObject):
    # _e/_d: the invoke ids of this class's encrypt/decrypt, _t its tag size,
    # copied into each instance (a slot reads faster than a class attribute).
    __slots__ = ("_d", "_e", "_t")
    _new: typing.ClassVar[str]
    _enc: typing.ClassVar[str]
    _dec: typing.ClassVar[str]
    _enc_id: typing.ClassVar[int] = 0
    _dec_id: typing.ClassVar[int] = 0
    # Sizes from the library (cryptogo_<family>_tagbytes() ...), read by
    # _load_sizes when it loads; _family is the <family> of the exports.
    _family: typing.ClassVar[str]
    _tagbytes: typing.ClassVar[int] = 0

    @classmethod
    def _load_sizes(cls) -> None:
        cls._tagbytes = _native.size(cls._family + "_tagbytes")

    def _nonce_error(self, nonce_len: int) -> ValueError:
        raise NotImplementedError

    def _key_error(self) -> ValueError:
        raise NotImplementedError

    def __init__(self, key: Buffer) -> None:
        p, n = _key(key)
        h = ctypes.c_void_p()
        rc = getattr(lib, self._new)(ctypes.byref(h), p, n)  # loads the library
        if rc == _errors.code("CRYPTOGO_ERR_INVALID_ARGUMENT"):
            raise self._key_error()
        if rc:
            _check(rc)
        self._adopt(h.value)
        self._e = self._enc_id
        self._d = self._dec_id
        self._t = self._tagbytes

    def _fail(self, rc: int, nonce_len: int) -> typing.NoReturn:
        if rc == _errors.code("CRYPTOGO_ERR_INVALID_ARGUMENT"):
            raise self._nonce_error(nonce_len)
        if rc == _errors.code("CRYPTOGO_ERR_OVERFLOW"):
            raise _overflow()
        _check(rc)
        raise AssertionError("unreachable")

    def encrypt(
        self,
        nonce: Buffer,
        data: Buffer,
        associated_data: Buffer | None,
    ) -> bytes:
        # Hot path: bytes arguments, one packed call. Sizes of 2^31 or more
        # come back as CRYPTOGO_ERR_OVERFLOW (checked first by the library).
        if type(data) is bytes and type(nonce) is bytes and _FAST:
            if associated_data is None:
                a = an = 0
            elif type(associated_data) is bytes:
                a = id(associated_data) + _OFF
                an = len(associated_data)
            else:
                return self._encrypt(nonce, data, associated_data)
            dn = len(data)
            n = dn + self._t
            out = _ZERO * n if n < _BIG else _big_out(dn, n)
            rc = (_SMALL if dn < _GIL_FREE else _BULK)(
                self._e,
                _PACK(id(out) + _OFF, n, _SINKA, id(data) + _OFF, dn, a, an, id(nonce) + _OFF, len(nonce), self._h),
                _NARGS,
            )
            if rc:
                self._fail(rc, len(nonce))
            return out
        return self._encrypt(nonce, data, associated_data)

    def _encrypt(self, nonce: Buffer, data: Buffer, associated_data: Buffer | None) -> bytes:
        nonce, nn, data, dn, associated_data, an = _args(nonce, data, associated_data)
        n = dn + self._t
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
        if type(data) is bytes and type(nonce) is bytes and _FAST:
            if associated_data is None:
                a = an = 0
            elif type(associated_data) is bytes:
                a = id(associated_data) + _OFF
                an = len(associated_data)
            else:
                return self._decrypt(nonce, data, associated_data)
            dn = len(data)
            n = dn - self._t
            if n < 0 or dn > _MAX or an > _MAX:
                return self._decrypt(nonce, data, associated_data)  # raises as pyca
            out = _ZERO * n if 1 < n < _BIG else _alloc(n)
            rc = (_SMALL if dn < _GIL_FREE else _BULK)(
                self._d,
                _PACK(id(out) + _OFF, n, _SINKA, id(data) + _OFF, dn, a, an, id(nonce) + _OFF, len(nonce), self._h),
                _NARGS,
            )
            if rc:
                self._fail(rc, len(nonce))
            return out
        return self._decrypt(nonce, data, associated_data)

    def _decrypt(self, nonce: Buffer, data: Buffer, associated_data: Buffer | None) -> bytes:
        nonce, nn, data, dn, associated_data, an = _args(nonce, data, associated_data)
        n = dn - self._t
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
        associated_data, an = _buffers.opt_buf(associated_data)
        if dn > _MAX or an > _MAX:
            raise _overflow()
        n = dn + self._t
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
        associated_data, an = _buffers.opt_buf(associated_data)
        if dn > _MAX or an > _MAX:
            raise _overflow()
        n = dn - self._t
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
    """AES-GCM (NIST SP 800-38D) with a 128/192/256-bit key
    (cryptogo_aesgcm_keybytes_min()/_max()) and a 16-byte tag
    (cryptogo_aesgcm_tagbytes()). Nonces of 8 to 128 bytes (12 recommended;
    cryptogo_aesgcm_noncebytes_min()/_max())."""

    __slots__ = ()
    _free_name = "cryptogo_aesgcm_free"
    _new = "cryptogo_aesgcm_new"

    _enc = "cryptogo_aesgcm_encrypt"
    _dec = "cryptogo_aesgcm_decrypt"
    _family = "aesgcm"
    _nonce_min: typing.ClassVar[int] = 0
    _nonce_max: typing.ClassVar[int] = 0
    _key_bits: typing.ClassVar[tuple[int, ...]] = ()  # the AES key sizes, in bits

    @classmethod
    def _load_sizes(cls) -> None:
        super()._load_sizes()
        cls._nonce_min = _native.size("aesgcm_noncebytes_min")
        cls._nonce_max = _native.size("aesgcm_noncebytes_max")
        # AES takes keys from cryptogo_aesgcm_keybytes_min() to _max() in
        # steps of 8 bytes (two 32-bit words of its key schedule): 16, 24, 32.
        lo, hi = _native.size("aesgcm_keybytes_min"), _native.size("aesgcm_keybytes_max")
        cls._key_bits = tuple(8 * n for n in range(lo, hi + 1, 8))

    @classmethod
    def _key_sizes_text(cls) -> str:
        """pyca's "128, 192, or 256", from the library's sizes."""
        *rest, last = (str(b) for b in cls._key_bits)
        return f"{', '.join(rest)}, or {last}"

    @staticmethod
    def generate_key(bit_length: int) -> bytes:
        if not isinstance(bit_length, int):
            raise TypeError(f"'{type(bit_length).__name__}' object cannot be interpreted as an integer")
        if bit_length < 0:
            raise OverflowError("can't convert negative int to unsigned")  # as pyca
        if not AESGCM._key_bits:
            _native.ensure_loaded()  # _bind reads the sizes
        if bit_length not in AESGCM._key_bits:
            raise ValueError(f"bit_length must be {AESGCM._key_sizes_text()}")
        return os.urandom(bit_length // 8)

    def _key_error(self) -> ValueError:
        return ValueError(f"AESGCM key must be {self._key_sizes_text()} bits.")

    def _nonce_error(self, nonce_len: int) -> ValueError:
        return ValueError(f"Nonce must be between {self._nonce_min} and {self._nonce_max} bytes")

    def _check_nonce(self, nn: int) -> None:
        if nn < self._nonce_min or nn > self._nonce_max:
            raise self._nonce_error(nn)


class ChaCha20Poly1305(_AEAD):
    """ChaCha20-Poly1305 (RFC 8439): 32-byte key, 12-byte nonce, 16-byte tag
    (cryptogo_chacha20poly1305_keybytes()/_noncebytes()/_tagbytes())."""

    __slots__ = ()
    _free_name = "cryptogo_chacha20poly1305_free"
    _new = "cryptogo_chacha20poly1305_new"

    _enc = "cryptogo_chacha20poly1305_encrypt"
    _dec = "cryptogo_chacha20poly1305_decrypt"
    _family = "chacha20poly1305"
    _keybytes: typing.ClassVar[int] = 0
    _noncebytes: typing.ClassVar[int] = 0

    @classmethod
    def _load_sizes(cls) -> None:
        super()._load_sizes()
        cls._keybytes = _native.size("chacha20poly1305_keybytes")
        cls._noncebytes = _native.size("chacha20poly1305_noncebytes")

    @staticmethod
    def generate_key() -> bytes:
        return os.urandom(_native.size("chacha20poly1305_keybytes"))

    def _key_error(self) -> ValueError:
        return ValueError(f"ChaCha20Poly1305 key must be {self._keybytes} bytes.")

    def _nonce_error(self, nonce_len: int) -> ValueError:
        return ValueError(f"Nonce must be {self._noncebytes} bytes")

    def _check_nonce(self, nn: int) -> None:
        if nn != self._noncebytes:
            raise self._nonce_error(nn)


_fast.bind(_bind)


# --- pyca-surface (issue 18 item 5): pyca's other AEADs, not in cryptogo yet.
# Kept as one block at the end so merges with other work on this module stay trivial.
from cryptogo import _unsupported  # noqa: E402
from cryptogo.exceptions import _Reasons  # noqa: E402

AESCCM = _unsupported.cls(__name__, "AESCCM", _Reasons.UNSUPPORTED_CIPHER)
AESSIV = _unsupported.cls(__name__, "AESSIV", _Reasons.UNSUPPORTED_CIPHER)
AESOCB3 = _unsupported.cls(__name__, "AESOCB3", _Reasons.UNSUPPORTED_CIPHER)
AESGCMSIV = _unsupported.cls(__name__, "AESGCMSIV", _Reasons.UNSUPPORTED_CIPHER)

__all__ += ["AESCCM", "AESGCMSIV", "AESOCB3", "AESSIV"]
