"""The handle-backed Ed25519, X25519, Ed448 and X448 keys behind the pyca
interfaces of :mod:`.ed25519`, :mod:`.x25519`, :mod:`.ed448` and :mod:`.x448`.

The keys are the generic ``cryptogo_private_key`` / ``cryptogo_public_key``
handles of :mod:`._keys` (which also loads, serializes and compares them);
this module registers the four families there (``CRYPTOGO_KEY_ED25519``,
``_X25519``, ``_ED448``, ``_X448``). Each operation is one libcrypto-go call:
``cryptogo_private_key_generate``, ``cryptogo_{private,public}_key_from_raw``,
``cryptogo_eddsa_sign`` / ``_verify``, ``cryptogo_xdh_exchange``. Sizes come
from the library's size functions (``cryptogo_ed25519_publickeybytes()``
...); this module only adds pyca's argument checks, in pyca's order, and
pyca's messages.

The concrete classes carry pyca's class names (``Ed25519PublicKey``...), as
pyca's Rust classes do, so that messages naming a key's type read the same.
"""

from __future__ import annotations

import ctypes
import typing

from cryptogo import _buffers, _errors, _handles, _native
from cryptogo._native import lib
from cryptogo.exceptions import InvalidSignature, UnsupportedAlgorithm, _Reasons
from cryptogo.hazmat.primitives import _serialization
from cryptogo.hazmat.primitives.asymmetric import _keys, ed448, ed25519, rsa, x448, x25519
from cryptogo.hazmat.primitives.asymmetric._rsa_impl import _private_password
from cryptogo.utils import Buffer

__all__ = ["generate", "private_from_raw", "public_from_raw"]

_check = _errors.check
_SINK = _buffers.SINK

_RAW_PRIVATE = "When using Raw both encoding and format must be Raw and encryption_algorithm must be NoEncryption()"
_RAW_PUBLIC = "When using Raw both encoding and format must be Raw"
_FORMAT_INVALID = "format is invalid with this key"


def _not_instance(value: object, what: str) -> TypeError:
    """pyca's TypeError for an argument of the wrong type (None is named
    'None', not 'NoneType' object)."""
    if value is None:
        return TypeError(f"'None' is not an instance of '{what}'")
    return rsa._not_instance(value, what)


class _Family:
    """What differs between the four algorithms: the C names, pyca's label
    and which OpenSSH encodings pyca offers for it."""

    def __init__(self, label: str, prefix: str, key_type: str, openssh: bool, signature: bool) -> None:
        self.label = label  # "Ed25519", as pyca's messages name it
        self.prefix = prefix  # the size functions' infix: cryptogo_<prefix>_publickeybytes
        self.key_type = key_type  # cryptogo_key_type member
        self.openssh = openssh  # pyca accepts PrivateFormat/PublicFormat.OpenSSH on the key
        self.signature = signature

    def size(self, what: str) -> int:
        return _native.size(f"{self.prefix}_{what}")

    @property
    def public_size(self) -> int:
        return self.size("publickeybytes")

    @property
    def private_size(self) -> int:
        return self.size("secretkeybytes")


ED25519 = _Family("Ed25519", "ed25519", "CRYPTOGO_KEY_ED25519", openssh=True, signature=True)
X25519 = _Family("X25519", "x25519", "CRYPTOGO_KEY_X25519", openssh=False, signature=False)
ED448 = _Family("Ed448", "ed448", "CRYPTOGO_KEY_ED448", openssh=True, signature=True)
X448 = _Family("X448", "x448", "CRYPTOGO_KEY_X448", openssh=False, signature=False)


def _openssh_unsupported(family: _Family) -> Exception:
    """pyca serializes Ed25519 keys (and refuses Ed448 ones) in OpenSSH
    format; libcrypto-go writes OpenSSH public lines only."""
    if family is ED448:
        return ValueError("Unsupported key type")
    return UnsupportedAlgorithm(
        "OpenSSH private key serialization is not supported by libcrypto-go",
        _Reasons.UNSUPPORTED_SERIALIZATION,
    )


# ---------------------------------------------------------------------------
# What every private / public key of the four families shares.


class _EdXPrivateKey(_keys.PrivateKeyHandle):
    _family: typing.ClassVar[_Family]

    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """pyca's private_bytes for these keys (pkey_private_bytes with Raw
        allowed): its checks in its order, then cryptogo_private_key_dump."""
        enc, pf = _serialization.Encoding, _serialization.PrivateFormat
        if not isinstance(encoding, enc):
            raise _not_instance(encoding, "Encoding")
        if not isinstance(format, pf):
            raise _not_instance(format, "PrivateFormat")
        if not isinstance(encryption_algorithm, _serialization.KeySerializationEncryption):
            raise TypeError("Encryption algorithm must be a KeySerializationEncryption instance")
        if encoding is enc.Raw or format is pf.Raw:
            if (
                encoding is not enc.Raw
                or format is not pf.Raw
                or not isinstance(encryption_algorithm, _serialization.NoEncryption)
            ):
                raise ValueError(_RAW_PRIVATE)
            return self.private_bytes_raw()
        pw = _private_password(format, encryption_algorithm)
        if format is pf.PKCS8:
            if encoding not in (enc.PEM, enc.DER):
                raise TypeError("encoding must be Encoding.DER or Encoding.PEM")
            return self._dump(encoding, format, pw, 1024 if pw is not None else 256)
        if format is pf.OpenSSH and self._family.openssh:
            if encoding is not enc.PEM:
                raise ValueError("OpenSSH private key format can only be used with PEM encoding")
            raise _openssh_unsupported(self._family)
        raise ValueError(_FORMAT_INVALID)

    def private_bytes_raw(self) -> bytes:
        n = self._family.private_size
        return self._dump(_serialization.Encoding.Raw, _serialization.PrivateFormat.Raw, None, n)

    def __copy__(self) -> typing.Self:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> typing.Self:
        return self


class _EdXPublicKey(_keys.PublicKeyHandle):
    _family: typing.ClassVar[_Family]

    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """pyca's public_bytes for these keys (pkey_public_bytes with Raw
        allowed): its checks in its order, then cryptogo_public_key_dump."""
        enc, pubf = _serialization.Encoding, _serialization.PublicFormat
        if not isinstance(encoding, enc):
            raise _not_instance(encoding, "Encoding")
        if not isinstance(format, pubf):
            raise _not_instance(format, "PublicFormat")
        if encoding is enc.Raw or format is pubf.Raw:
            if encoding is not enc.Raw or format is not pubf.Raw:
                raise ValueError(_RAW_PUBLIC)
            return self.public_bytes_raw()
        if format is pubf.SubjectPublicKeyInfo:
            if encoding not in (enc.PEM, enc.DER):
                raise TypeError("encoding must be Encoding.DER or Encoding.PEM")
            return self._dump(encoding, format, 256)
        if format is pubf.OpenSSH and self._family.openssh:
            if encoding is not enc.OpenSSH:
                raise ValueError("OpenSSH format must be used with OpenSSH encoding")
            if self._family is ED448:
                raise ValueError("Unsupported key type")
            return self._dump(encoding, format, 128)
        raise ValueError(_FORMAT_INVALID)

    def public_bytes_raw(self) -> bytes:
        n = self._family.public_size
        return self._dump(_serialization.Encoding.Raw, _serialization.PublicFormat.Raw, n)

    def __copy__(self) -> typing.Self:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> typing.Self:
        return self


class _Signer(_EdXPrivateKey):
    def sign(self, data: Buffer) -> bytes:
        """Pure EdDSA (empty context) over `data`: cryptogo_eddsa_sign."""
        if type(data) is bytes:
            p, n = data, len(data)
        else:
            p, n = _buffers.buf(data)
        size = self._family.size("signaturebytes")
        out = bytes(size)
        rc = lib.cryptogo_eddsa_sign(out, size, _SINK, p, n, self._h)
        if rc:
            _check(rc)
        return out


class _Verifier(_EdXPublicKey):
    def verify(self, signature: Buffer, data: Buffer) -> None:
        """InvalidSignature unless `signature` is this key's signature of
        `data` (a signature of the wrong length is just invalid, as pyca)."""
        sp, sn = _buffers.buf(signature)
        p, n = _buffers.buf(data)
        rc = lib.cryptogo_eddsa_verify(sp, sn, p, n, self._h)
        if rc == _errors.code("CRYPTOGO_ERR_INVALID_ARGUMENT"):
            raise InvalidSignature
        if rc:
            _check(rc)


class _Exchanger(_EdXPrivateKey):
    _peer_cls: typing.ClassVar[type[_EdXPublicKey]]

    def _exchange(self, peer_public_key: object) -> bytes:
        want = self._peer_cls
        if not isinstance(peer_public_key, want):
            raise _not_instance(peer_public_key, want.__name__)
        size = self._family.public_size
        out = bytes(size)
        got = ctypes.c_size_t()
        rc = lib.cryptogo_xdh_exchange(out, size, ctypes.byref(got), self._h, peer_public_key._h)
        if rc == _errors.code("CRYPTOGO_ERR_INVALID_ARGUMENT"):
            raise ValueError("Error computing shared key.")
        if rc:
            _check(rc)
        return out if got.value == size else out[: got.value]


# ---------------------------------------------------------------------------
# Concrete keys, named as pyca's.


class Ed25519PublicKey(_Verifier, ed25519.Ed25519PublicKey):
    _family = ED25519


class Ed25519PrivateKey(_Signer, ed25519.Ed25519PrivateKey):
    _family = ED25519

    def public_key(self) -> ed25519.Ed25519PublicKey:
        pub: ed25519.Ed25519PublicKey = super().public_key()
        return pub


class Ed448PublicKey(_Verifier, ed448.Ed448PublicKey):
    _family = ED448


class Ed448PrivateKey(_Signer, ed448.Ed448PrivateKey):
    _family = ED448

    def public_key(self) -> ed448.Ed448PublicKey:
        pub: ed448.Ed448PublicKey = super().public_key()
        return pub


class X25519PublicKey(_EdXPublicKey, x25519.X25519PublicKey):
    _family = X25519


class X25519PrivateKey(_Exchanger, x25519.X25519PrivateKey):
    _family = X25519
    _peer_cls = X25519PublicKey

    def public_key(self) -> x25519.X25519PublicKey:
        pub: x25519.X25519PublicKey = super().public_key()
        return pub

    def exchange(self, peer_public_key: x25519.X25519PublicKey) -> bytes:
        return self._exchange(peer_public_key)


class X448PublicKey(_EdXPublicKey, x448.X448PublicKey):
    _family = X448


class X448PrivateKey(_Exchanger, x448.X448PrivateKey):
    _family = X448
    _peer_cls = X448PublicKey

    def public_key(self) -> x448.X448PublicKey:
        pub: x448.X448PublicKey = super().public_key()
        return pub

    def exchange(self, peer_public_key: x448.X448PublicKey) -> bytes:
        return self._exchange(peer_public_key)


_CLASSES: dict[_Family, tuple[type[_EdXPrivateKey], type[_EdXPublicKey]]] = {
    ED25519: (Ed25519PrivateKey, Ed25519PublicKey),
    X25519: (X25519PrivateKey, X25519PublicKey),
    ED448: (Ed448PrivateKey, Ed448PublicKey),
    X448: (X448PrivateKey, X448PublicKey),
}


# ---------------------------------------------------------------------------
# Constructors (the interfaces' classmethods call these; serialization's
# loaders go through _keys, which finds the classes above in its registry).


def generate(family: _Family) -> typing.Any:
    h = _handles.new_handle(lib.cryptogo_private_key_generate, _native.const(family.key_type))
    return _CLASSES[family][0]._wrap(h)


def private_from_raw(family: _Family, data: Buffer) -> typing.Any:
    """pyca's from_private_bytes: any bytes-like object of the key size."""
    p, n = _buffers.buf(data)
    h = ctypes.c_void_p()
    rc = lib.cryptogo_private_key_from_raw(ctypes.byref(h), _native.const(family.key_type), p, n)
    if rc == _errors.code("CRYPTOGO_ERR_INVALID_ARGUMENT"):
        raise ValueError(f"An {family.label} private key is {family.private_size} bytes long")
    if rc:
        _check(rc)
    return _CLASSES[family][0]._wrap(h.value)


def public_from_raw(family: _Family, data: bytes) -> typing.Any:
    """pyca's from_public_bytes: bytes only (pyca's TypeError for anything
    else, bytearray included), of the key size."""
    if not isinstance(data, bytes):
        raise _not_instance(data, "bytes")
    data = _buffers.exact(data)  # a subclass's __len__ is not trusted
    h = ctypes.c_void_p()
    rc = lib.cryptogo_public_key_from_raw(ctypes.byref(h), _native.const(family.key_type), data, len(data))
    if rc == _errors.code("CRYPTOGO_ERR_INVALID_ARGUMENT"):
        raise ValueError(f"An {family.label} public key is {family.public_size} bytes long")
    if rc:
        _check(rc)
    return _CLASSES[family][1]._wrap(h.value)


for _fam, (_priv, _pub) in _CLASSES.items():
    _keys.register(_fam.key_type, _priv, _pub)
del _fam, _priv, _pub
