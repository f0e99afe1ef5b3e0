"""The generic key layer: libcrypto-go's ``cryptogo_private_key`` /
``cryptogo_public_key`` handles, as pyca's ``load_pem_private_key`` and
friends see them.

The library loads whatever algorithm PEM or DER data holds
(``cryptogo_private_key_load`` / ``cryptogo_public_key_load``) and says which
(``cryptogo_*_key_type``, a ``cryptogo_key_type`` enum value). The Python
class for that value comes from one registry: each algorithm's implementation
module calls :func:`register` with its handle-backed private and public
classes (RSA in ``_rsa_impl``), and is named in :data:`_IMPLEMENTATIONS` so
that loading a key imports it. What every key class shares lives here:
adopting a handle, ``key_size`` (``cryptogo_*_key_bits``), ``public_key()``,
serialization (``cryptogo_*_key_dump``) and public-key equality
(``cryptogo_public_key_equal``).
"""

from __future__ import annotations

import ctypes
import importlib
import typing

from cryptogo import _buffers, _errors, _handles, _native
from cryptogo._handles import NativeObject
from cryptogo._native import lib
from cryptogo.exceptions import InternalError, UnsupportedAlgorithm, _Reasons
from cryptogo.hazmat.primitives import _serialization
from cryptogo.utils import Buffer

__all__ = [
    "PrivateKeyHandle",
    "PublicKeyHandle",
    "encoding_value",
    "load_private",
    "load_public",
    "register",
    "wrap_private",
    "wrap_public",
]

_check = _errors.check

# Modules (under cryptogo.hazmat.primitives.asymmetric) whose import registers
# a key type. A new algorithm adds its module here and calls register().
_IMPLEMENTATIONS = ("_rsa_impl", "_edx_impl", "_ec_impl", "_dsa_impl")

_K = typing.TypeVar("_K", bound="_KeyHandle")


class _KeyHandle(NativeObject):
    """What both handle kinds share: adopting a handle, and ``key_size``
    asked once of ``cryptogo_<kind>_key_bits``."""

    _bits_name: typing.ClassVar[str]
    _bits: int

    @classmethod
    def _wrap(cls: type[_K], handle: int | None, bits: int = 0) -> _K:
        k = cls.__new__(cls)
        k._bits = bits
        k._adopt(handle)
        return k

    @property
    def key_size(self) -> int:
        if not self._bits:
            n = ctypes.c_size_t()
            _check(getattr(lib, self._bits_name)(ctypes.byref(n), self._h))
            self._bits = n.value
        return self._bits


class PrivateKeyHandle(_KeyHandle):
    """Base of the handle-backed private-key classes: a
    ``cryptogo_private_key`` handle and the calls every algorithm answers."""

    _free_name = "cryptogo_private_key_free"
    _bits_name = "cryptogo_private_key_bits"

    def public_key(self) -> typing.Any:
        h = _handles.new_handle(lib.cryptogo_private_key_public_key, self._h)
        pub = wrap_public(h)
        pub._bits = self._bits
        return pub

    def _dump(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        password: bytes | None,
        cap: int,
    ) -> bytes:
        """``cryptogo_private_key_dump``: `cap` is a first guess of the
        output size (the library asks for more when it needs it)."""
        pw, pwn = (None, 0) if password is None else _buffers.buf(password)
        return _handles.call_variable(
            lib.cryptogo_private_key_dump,
            cap,
            encoding_value(encoding),
            _private_format_value(format),
            pw,
            pwn,
            self._h,
        )


class PublicKeyHandle(_KeyHandle):
    """Base of the handle-backed public-key classes: a
    ``cryptogo_public_key`` handle and the calls every algorithm answers."""

    _free_name = "cryptogo_public_key_free"
    _bits_name = "cryptogo_public_key_bits"

    def _dump(self, encoding: _serialization.Encoding, format: _serialization.PublicFormat, cap: int) -> bytes:
        """``cryptogo_public_key_dump`` (`cap` as in the private one)."""
        return _handles.call_variable(
            lib.cryptogo_public_key_dump, cap, encoding_value(encoding), _public_format_value(format), self._h
        )

    def __eq__(self, other: object) -> bool:
        """pyca's public-key equality: the same algorithm and the same key
        (keys of different algorithms are unequal); anything that is not a
        cryptogo key is NotImplemented, as pyca's keys answer."""
        if not isinstance(other, PublicKeyHandle):
            return NotImplemented
        eq = ctypes.c_int()
        _check(lib.cryptogo_public_key_equal(ctypes.byref(eq), self._h, other._h))
        return bool(eq.value)

    __hash__ = None  # type: ignore[assignment]  # unhashable, as pyca's


# ---------------------------------------------------------------------------
# pyca's serialization enums -> the C enums (values from the ABI description).

_ENCODINGS = {
    _serialization.Encoding.PEM: "CRYPTOGO_ENCODING_PEM",
    _serialization.Encoding.DER: "CRYPTOGO_ENCODING_DER",
    _serialization.Encoding.Raw: "CRYPTOGO_ENCODING_RAW",
    _serialization.Encoding.X962: "CRYPTOGO_ENCODING_X962",
    _serialization.Encoding.OpenSSH: "CRYPTOGO_ENCODING_OPENSSH",
    _serialization.Encoding.SMIME: "CRYPTOGO_ENCODING_SMIME",
}
_PRIVATE_FORMATS = {
    _serialization.PrivateFormat.PKCS8: "CRYPTOGO_PRIVATE_FORMAT_PKCS8",
    _serialization.PrivateFormat.TraditionalOpenSSL: "CRYPTOGO_PRIVATE_FORMAT_TRADITIONAL_OPENSSL",
    _serialization.PrivateFormat.Raw: "CRYPTOGO_PRIVATE_FORMAT_RAW",
    _serialization.PrivateFormat.OpenSSH: "CRYPTOGO_PRIVATE_FORMAT_OPENSSH",
    _serialization.PrivateFormat.PKCS12: "CRYPTOGO_PRIVATE_FORMAT_PKCS12",
}
_PUBLIC_FORMATS = {
    _serialization.PublicFormat.SubjectPublicKeyInfo: "CRYPTOGO_PUBLIC_FORMAT_SUBJECT_PUBLIC_KEY_INFO",
    _serialization.PublicFormat.PKCS1: "CRYPTOGO_PUBLIC_FORMAT_PKCS1",
    _serialization.PublicFormat.Raw: "CRYPTOGO_PUBLIC_FORMAT_RAW",
    _serialization.PublicFormat.CompressedPoint: "CRYPTOGO_PUBLIC_FORMAT_COMPRESSED_POINT",
    _serialization.PublicFormat.UncompressedPoint: "CRYPTOGO_PUBLIC_FORMAT_UNCOMPRESSED_POINT",
    _serialization.PublicFormat.OpenSSH: "CRYPTOGO_PUBLIC_FORMAT_OPENSSH",
}


def encoding_value(encoding: _serialization.Encoding) -> int:
    """The ``cryptogo_encoding`` value of a pyca Encoding."""
    return _native.const(_ENCODINGS[encoding])


def _private_format_value(format: _serialization.PrivateFormat) -> int:
    return _native.const(_PRIVATE_FORMATS[format])


def _public_format_value(format: _serialization.PublicFormat) -> int:
    return _native.const(_PUBLIC_FORMATS[format])


# ---------------------------------------------------------------------------
# The registry: cryptogo_key_type value -> (private class, public class).

_REGISTRY: dict[str, tuple[type[PrivateKeyHandle], type[PublicKeyHandle]]] = {}
_imported = False


def register(type_name: str, private_cls: type[PrivateKeyHandle], public_cls: type[PublicKeyHandle]) -> None:
    """Make `private_cls`/`public_cls` the classes of keys whose
    ``cryptogo_*_key_type`` is the ``cryptogo_key_type`` enum member
    `type_name` (``"CRYPTOGO_KEY_RSA"``). Needs no loaded library."""
    _REGISTRY[type_name] = (private_cls, public_cls)


def _type_name(value: int) -> str:
    for name, v in (_native.abi().get("enums") or {}).get("cryptogo_key_type", {}).items():
        if int(v) == value:
            return str(name)
    return f"key type {value}"


def _classes(value: int) -> tuple[type[PrivateKeyHandle], type[PublicKeyHandle]]:
    global _imported
    if not _imported:
        for module in _IMPLEMENTATIONS:
            importlib.import_module(f"{__package__}.{module}")
        _imported = True
    name = _type_name(value)
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnsupportedAlgorithm(
            f"{name} keys are not supported by this version of cryptogo",
            _Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM,
        ) from None


def _adopt_typed(handle: int, type_fn: typing.Any, free_name: str, private: bool) -> typing.Any:
    """The registered object for a new handle; the handle is freed when no
    class takes it."""
    try:
        t = ctypes.c_int()
        _check(type_fn(ctypes.byref(t), handle))
        cls = _classes(t.value)[0 if private else 1]
    except BaseException:
        _handles.free_handle(free_name, handle)
        raise
    return cls._wrap(handle)


def wrap_private(handle: int) -> typing.Any:
    """The Python object for a new ``cryptogo_private_key`` handle, of the
    class registered for its type (the object owns the handle)."""
    return _adopt_typed(handle, lib.cryptogo_private_key_type, "cryptogo_private_key_free", True)


def wrap_public(handle: int) -> typing.Any:
    """The Python object for a new ``cryptogo_public_key`` handle."""
    return _adopt_typed(handle, lib.cryptogo_public_key_type, "cryptogo_public_key_free", False)


def load_private(data: Buffer, password: Buffer | None, encoding: str) -> typing.Any:
    """A private key of whichever algorithm PEM or DER `data` holds
    (`encoding` names the C enum member)."""
    p, n = _buffers.buf(data)
    if password is None:
        pw, pwn = None, 0
    else:
        pw, pwn = _buffers.buf(password)
        if pw is None:
            pw = b""  # b"" is an empty password, not None
    enc = _native.const(encoding)
    h = ctypes.c_void_p()
    rc = lib.cryptogo_private_key_load(ctypes.byref(h), p, n, pw, pwn, enc)
    if rc:
        _raise_load_error(rc, lib.cryptogo_private_key_load_reason, p, n, pw, pwn, enc)
    return wrap_private(_handle_value(h))


def load_public(data: Buffer, encoding: str) -> typing.Any:
    """A public key of whichever algorithm PEM or DER `data` holds."""
    p, n = _buffers.buf(data)
    enc = _native.const(encoding)
    h = ctypes.c_void_p()
    rc = lib.cryptogo_public_key_load(ctypes.byref(h), p, n, enc)
    if rc:
        _raise_load_error(rc, lib.cryptogo_public_key_load_reason, p, n, enc)
    return wrap_public(_handle_value(h))


def _handle_value(h: ctypes.c_void_p) -> int:
    if not h.value:
        raise InternalError("libcrypto-go returned a NULL handle", [])
    return h.value


# pyca's messages for the failures the library qualifies with a
# cryptogo_key_load_reason (cryptogo_*_key_load_reason).
_REASON_MESSAGES = {
    "CRYPTOGO_KEY_LOAD_REASON_EC_POINT_AT_INFINITY": "Cannot load an EC public key where the point is at infinity",
    "CRYPTOGO_KEY_LOAD_REASON_EC_EXPLICIT_CURVE": (
        "ECDSA keys with explicit parameters are only supported when they map to secp256r1, "
        "secp384r1, or secp521r1. No custom curves are supported."
    ),
    "CRYPTOGO_KEY_LOAD_REASON_EC_PRIVATE_VALUE_LENGTH": (
        "EC private key is not encoded properly: private key value is too short. Please file an "
        "issue at https://github.com/pyca/cryptography/issues explaining how your private key was created."
    ),
    "CRYPTOGO_KEY_LOAD_REASON_EC_INVALID_KEY": "Invalid key",
}


def _raise_load_error(rc: int, reason_fn: typing.Any, *args: typing.Any) -> typing.NoReturn:
    """Raise the exception of a failed load: pyca's precise message where
    the library gives a reason (asked only now, on the error path)."""
    msg = None
    if rc in (_errors.code("CRYPTOGO_ERR_BAD_KEY_DATA"), _errors.code("CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM")):
        reason = ctypes.c_int(0)
        if reason_fn(ctypes.byref(reason), *args) == 0 and reason.value:
            for name, text in _REASON_MESSAGES.items():
                if _native.const(name) == reason.value:
                    msg = text
    if msg is not None and rc == _errors.code("CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM"):
        raise UnsupportedAlgorithm(msg, _Reasons.UNSUPPORTED_ELLIPTIC_CURVE)
    _errors.raise_for(rc, msg)
