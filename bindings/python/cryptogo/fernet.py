"""Fernet symmetric encryption, as ``cryptography.fernet``.

Each Fernet instance holds its key in libcrypto-go behind a handle; every
operation (encode, AES-128-CBC, HMAC-SHA256, base64) is one C call. The
library decodes keys and tokens as pyca does (its lenient url-safe base64):
no base64 here.
"""

from __future__ import annotations

import ctypes
import struct
import sys
import time
import typing
from collections.abc import Iterable

from cryptogo import _buffers, _errors, _fast, _handles, _native
from cryptogo._handles import NativeObject
from cryptogo._native import lib

__all__ = ["Fernet", "InvalidToken", "MultiFernet"]


class InvalidToken(Exception):
    pass


_check = _errors.check
_ZERO = _buffers.ZERO
_BIG = _buffers.BIG
_alloc = _buffers.alloc
_exact = _buffers.exact
_size_t = ctypes.c_size_t
_SINK = _buffers.SINK
_fns: dict[str, typing.Any] = lib.__dict__  # looked up per call: see aead.py
_GIL_FREE = _fast.GIL_FREE
_ORDER = sys.byteorder

# Hot-path state (see _fast.fast), set by _bind when the library loads.
# Fernet and MultiFernet exports share their parameter layouts.
_FAST = False
_SMALL: typing.Any = None
_BULK: typing.Any = None
_OFF = 0
_SINKA = 0
_PACK_ENC: typing.Any = None
_PACK_DEC: typing.Any = None
_N_ENC: typing.Any = None  # cryptogo_invoke's nargs for each
_N_DEC: typing.Any = None


def _bind(fast: typing.Any) -> None:
    global _FAST, _SMALL, _BULK, _OFF, _SINKA, _PACK_ENC, _PACK_DEC, _N_ENC, _N_DEC
    _SMALL, _BULK, _OFF, _SINKA = fast.small, fast.bulk, fast.off, fast.sink
    if fast.enabled:
        _PACK_ENC = fast.packs["cryptogo_fernet_encrypt_at_time"]
        _PACK_DEC = fast.packs["cryptogo_fernet_decrypt"]
        _N_ENC = fast.nargs["cryptogo_fernet_encrypt_at_time"]
        _N_DEC = fast.nargs["cryptogo_fernet_decrypt"]
        for cls in (Fernet, MultiFernet):
            p = cls._fns_prefix
            cls._ids = (fast.ids[p + "encrypt_at_time"], fast.ids[p + "decrypt"], fast.ids[p + "decrypt_at_time"])
    _FAST = fast.enabled


# Token and plaintext sizes come from the library (cryptogo_fernet_tokenbytes,
# cryptogo_fernet_msgbytes_max). Its answers for lengths under _MEMO are
# kept (0: not asked yet), so that small messages pay one list index rather
# than a second C call.
_MEMO = 1 << 13
_token_sizes = [0] * _MEMO  # by message length
_plaintext_caps = [-1] * _MEMO  # by token length


def _token_size(n: int) -> int:
    """Exact length of the token for an n-byte message."""
    if n < _MEMO:
        t = _token_sizes[n]
        if not t:
            t = _token_sizes[n] = _fns["cryptogo_fernet_tokenbytes"](n)
        return t
    big: int = _fns["cryptogo_fernet_tokenbytes"](n)
    return big


def _token(token: typing.Any) -> bytes:
    """pyca accepts a token as bytes or str."""
    if isinstance(token, bytes):
        return _exact(token)  # a subclass's __len__ is not trusted
    if isinstance(token, str):
        try:
            return token.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters") from None
    raise TypeError("token must be bytes or str")


def _key_bytes(key: typing.Any) -> bytes:
    """A Fernet key as bytes, with the errors pyca's base64.urlsafe_b64decode
    gives for what is neither bytes-like nor an ASCII str."""
    if isinstance(key, bytes):
        return _exact(key)
    if isinstance(key, str):
        try:
            return key.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters") from None
    try:
        return memoryview(key).tobytes()
    except TypeError:
        raise TypeError(f"argument should be a bytes-like object or ASCII string, not {type(key).__name__!r}") from None


def _decrypt_cap(token_len: int) -> int:
    """The output size decrypting a token of token_len bytes needs (an upper
    bound of the message length; 0 for a token too short to be valid)."""
    if token_len < _MEMO:
        c = _plaintext_caps[token_len]
        if c < 0:
            c = _plaintext_caps[token_len] = _fns["cryptogo_fernet_msgbytes_max"](token_len)
        return c
    big: int = _fns["cryptogo_fernet_msgbytes_max"](token_len)
    return big


def _check_time(value: typing.Any) -> int:
    if not isinstance(value, int):
        raise AttributeError(f"'{type(value).__name__}' object has no attribute 'to_bytes'")
    return value


class _FernetBase(NativeObject):
    """What Fernet and MultiFernet share: the same operations on a handle of
    their own kind (exports cryptogo_fernet_* / cryptogo_multifernet_*)."""

    __slots__ = ()
    _fns_prefix: typing.ClassVar[str]
    _ids: typing.ClassVar[tuple[int, int, int]] = (0, 0, 0)  # invoke ids: encrypt_at_time, decrypt, decrypt_at_time

    def encrypt(self, data: bytes) -> bytes:
        return self.encrypt_at_time(data, int(time.time()))

    def encrypt_at_time(self, data: bytes, current_time: int) -> bytes:
        if type(data) is not bytes:
            if not isinstance(data, bytes):
                raise TypeError("data must be bytes")
            data = _exact(data)  # a subclass's __len__ is not trusted
        if type(current_time) is not int:
            current_time = _check_time(current_time)
        dn = len(data)
        n = _token_size(dn)
        out = _ZERO * n if n < _BIG else _alloc(n)
        try:
            if not _FAST:
                raise struct.error
            args = _PACK_ENC(id(out) + _OFF, n, _SINKA, id(data) + _OFF, dn, current_time, self._h)
        except struct.error:  # no fast path, or a time beyond int64: ctypes decides
            rc = _fns[self._fns_prefix + "encrypt_at_time"](out, n, _SINK, data, dn, current_time, self._h)
        else:
            rc = (_SMALL if dn < _GIL_FREE else _BULK)(self._ids[0], args, _N_ENC)
        if rc:
            _check(rc)
        return out

    def _decrypt(self, token: bytes, ttl: int | None, now: int | None, cap: int = -1) -> bytes:
        if cap < 0:
            cap = _decrypt_cap(len(token))
        out = _ZERO * cap if 1 < cap < _BIG else _alloc(cap)
        tn = len(token)
        try:
            if not _FAST:
                raise struct.error
            # *out_len lands in a fresh 8-byte bytes object (size_t).
            got = _ZERO * 8
            if ttl is None:
                fid, args = (
                    self._ids[1],
                    _PACK_DEC(id(out) + _OFF, cap, id(got) + _OFF, id(token) + _OFF, tn, 0, 0, self._h),
                )
            else:
                fid, args = (
                    self._ids[2],
                    _PACK_DEC(id(out) + _OFF, cap, id(got) + _OFF, id(token) + _OFF, tn, ttl, now, self._h),
                )
        except struct.error:  # no fast path, or a ttl/time beyond int64: ctypes decides
            g = _size_t()
            if ttl is None:
                rc = _fns[self._fns_prefix + "decrypt"](out, cap, g, token, tn, 0, 0, self._h)
            else:
                rc = _fns[self._fns_prefix + "decrypt_at_time"](out, cap, g, token, tn, ttl, now, self._h)
            n = g.value
        else:
            rc = (_SMALL if tn < _GIL_FREE else _BULK)(fid, args, _N_DEC)
            n = int.from_bytes(got, _ORDER)
        if rc:
            if rc == _errors.code("CRYPTOGO_ERR_BUFFER_TOO_SMALL") and n > cap:
                return self._decrypt(token, ttl, now, n)
            _check(rc)
        return out if n == cap else out[:n]

    def decrypt(self, token: bytes | str, ttl: int | None = None) -> bytes:
        if type(token) is not bytes:
            token = _token(token)
        if ttl is None:
            return self._decrypt(token, None, None)
        return self._decrypt(token, ttl, int(time.time()))

    def decrypt_at_time(self, token: bytes | str, ttl: int, current_time: int) -> bytes:
        if ttl is None:
            raise ValueError("decrypt_at_time() can only be used with a non-None ttl")
        return self._decrypt(_token(token), ttl, current_time)

    def extract_timestamp(self, token: bytes | str) -> int:
        token = _token(token)
        ts = ctypes.c_int64()
        rc = _fns[self._fns_prefix + "extract_timestamp"](ctypes.byref(ts), token, len(token), self._h)
        if rc:
            _check(rc)
        return ts.value


class Fernet(_FernetBase):
    """Fernet (https://github.com/fernet/spec) with a 32-byte key given as
    44 bytes of url-safe base64."""

    __slots__ = ()
    _free_name = "cryptogo_fernet_free"
    _fns_prefix = "cryptogo_fernet_"

    def __init__(self, key: bytes | str, backend: typing.Any = None) -> None:
        # cryptogo_fernet_new decodes the key exactly as pyca does (lenient
        # url-safe base64: what cryptogo_fernet_key_canonicalize accepts), so
        # the key goes to it as given: no second call, and no canonical copy
        # of the secret in Python memory.
        kb = _key_bytes(key)
        h = ctypes.c_void_p()
        rc = lib.cryptogo_fernet_new(ctypes.byref(h), kb, len(kb))
        if rc == _errors.code("CRYPTOGO_ERR_INVALID_ARGUMENT"):
            raise ValueError("Fernet key must be 32 url-safe base64-encoded bytes.")
        if rc:
            _check(rc)
        self._adopt(h.value)

    @classmethod
    def generate_key(cls) -> bytes:
        """A new key (32 random bytes as url-safe base64), from the library."""
        n = _native.size("fernet_keybytes")
        out = bytes(n)
        _check(lib.cryptogo_fernet_generate_key(out, n, _SINK))
        return out

    def _encrypt_from_parts(self, data: bytes, current_time: int, iv: bytes) -> bytes:
        """Deterministic encryption with a given IV (pyca's private helper;
        used for the spec vectors and byte-identical comparisons)."""
        if not isinstance(data, bytes):
            raise TypeError("data must be bytes")
        data = _exact(data)
        iv = _exact(iv) if isinstance(iv, bytes) else memoryview(iv).tobytes()
        n = _token_size(len(data))
        out = _ZERO * n if n < _BIG else _alloc(n)
        rc = lib.cryptogo_fernet_encrypt_at_time_with_iv(
            out, n, _SINK, data, len(data), current_time, iv, len(iv), self._h
        )
        if rc:
            _check(rc)
        return out


class MultiFernet(_FernetBase):
    """Several Fernet keys: encrypts with the first, decrypts with any. The
    keys are copied into the native object when it is created."""

    __slots__ = ("_fernets",)
    _free_name = "cryptogo_multifernet_free"
    _fns_prefix = "cryptogo_multifernet_"

    def __init__(self, fernets: Iterable[Fernet]):
        fernets = list(fernets)
        if not fernets:
            raise ValueError("MultiFernet requires at least one Fernet instance")
        for f in fernets:
            if not isinstance(f, Fernet):
                raise TypeError("MultiFernet requires cryptogo.fernet.Fernet instances")
        handles = (ctypes.c_void_p * len(fernets))(*[f._h for f in fernets])
        self._fernets = fernets
        self._adopt(_handles.new_handle(lib.cryptogo_multifernet_new, handles, len(fernets)))

    def rotate(self, msg: bytes | str) -> bytes:
        token = _token(msg)
        # Same plaintext, same length: the new token is as long as the
        # canonical old one; the library says so if not.
        cap = max(len(token), _token_size(0))
        got = _size_t()
        for _ in range(2):
            out = _ZERO * cap if cap < _BIG else _alloc(cap)
            rc = lib.cryptogo_multifernet_rotate(out, cap, got, token, len(token), self._h)
            if rc == _errors.code("CRYPTOGO_ERR_BUFFER_TOO_SMALL") and got.value > cap:
                cap = got.value
                continue
            break
        if rc:
            _check(rc)
        n = got.value
        return out if n == cap else out[:n]


_fast.bind(_bind)


# --- pyca-surface (issue 18 item 5): names pyca's fernet module also exposes
# (its own imports, which code sometimes reaches through it). Kept as one block
# at the end so merges with other work on this module stay trivial.
from cryptogo.exceptions import InvalidSignature as InvalidSignature  # noqa: E402
from cryptogo.hazmat.primitives.ciphers import Cipher as Cipher  # noqa: E402
from cryptogo.hazmat.primitives.hmac import HMAC as HMAC  # noqa: E402
