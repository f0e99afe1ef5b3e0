"""The handle-backed EC keys behind the pyca interfaces of :mod:`.ec`.

The keys are the generic ``cryptogo_private_key`` / ``cryptogo_public_key``
handles of :mod:`._keys` (which also loads, serializes and compares them);
this module registers ``CRYPTOGO_KEY_EC`` there. Each operation is one
libcrypto-go call: ``cryptogo_ec_generate``, ``cryptogo_ec_derive_private_key``,
``cryptogo_ec_public_key_from_point`` / ``_from_numbers``,
``cryptogo_ecdsa_sign`` / ``_verify``, ``cryptogo_ecdh_exchange``; this module
adds pyca's argument checks, in pyca's order, and pyca's messages.

libcrypto-go has SECP224R1, SECP256R1, SECP384R1 and SECP521R1. Any other
curve (SECP192R1, SECP256K1, the Brainpool curves, a user-defined curve) is
refused with pyca's ``UnsupportedAlgorithm("Curve <name> is not supported",
_Reasons.UNSUPPORTED_ELLIPTIC_CURVE)``, as pyca does for a curve its OpenSSL
lacks.

A key keeps the curve object it was made with, as pyca's do: the one passed
to ``derive_private_key``, ``from_encoded_point`` or the numbers; pyca's
shared instance of ``ec._CURVE_TYPES`` for generated and loaded keys. The
concrete classes carry pyca's class names (``ECPrivateKey``,
``ECPublicKey``), so that messages naming a key's type read the same.
"""

from __future__ import annotations

import ctypes
import typing

from cryptogo import _buffers, _errors, _handles, _native
from cryptogo._native import lib
from cryptogo.exceptions import InvalidSignature, UnsupportedAlgorithm, _Reasons
from cryptogo.hazmat.primitives import _serialization, hashes
from cryptogo.hazmat.primitives.asymmetric import _keys, ec
from cryptogo.hazmat.primitives.asymmetric import utils as asym_utils
from cryptogo.hazmat.primitives.asymmetric._edx_impl import _not_instance
from cryptogo.hazmat.primitives.asymmetric._rsa_impl import _private_password
from cryptogo.utils import int_to_bytes

__all__ = [
    "ECPrivateKey",
    "ECPublicKey",
    "c_curve",
    "derive",
    "from_encoded_point",
    "generate",
    "private_key_from_numbers",
    "public_key_from_numbers",
]

_check = _errors.check

# pyca's curve name -> the cryptogo_ec_curve member.
_C_CURVES = {
    "secp224r1": "CRYPTOGO_EC_SECP224R1",
    "secp256r1": "CRYPTOGO_EC_SECP256R1",
    "secp384r1": "CRYPTOGO_EC_SECP384R1",
    "secp521r1": "CRYPTOGO_EC_SECP521R1",
}

# libcrypto-go's ECDSA takes every hash of cryptogo's hashes, as pyca's
# does (random nonces); deterministic signing takes SHA-1, SHA-2, SHA-3 and
# MD5 (the library's UNSUPPORTED_ALGORITHM otherwise: SM3, which pyca signs
# and Go's RFC 6979 cannot run, and BLAKE2/SHAKE, where pyca's OpenSSL
# fails). A SHAKE digest is computed here (its size is the object's) and
# passed prehashed, as pyca hashes before signing.


def _invalid(rc: int) -> bool:
    return rc == _errors.code("CRYPTOGO_ERR_INVALID_ARGUMENT")


def c_curve(curve: object) -> int:
    """The cryptogo_ec_curve value of a pyca curve *instance*, with pyca's
    TypeError for anything else and its UnsupportedAlgorithm for a curve
    libcrypto-go lacks."""
    if not isinstance(curve, ec.EllipticCurve):
        raise TypeError("curve must be an EllipticCurve instance")
    name = curve.name
    member = _C_CURVES.get(name) if isinstance(name, str) else None
    if member is None:
        raise UnsupportedAlgorithm(f"Curve {name} is not supported", _Reasons.UNSUPPORTED_ELLIPTIC_CURVE)
    value = _VALUES.get(member)
    if value is None:
        value = _VALUES[member] = _native.const(member)
    return value


# cryptogo_ec_curve member -> value, and value -> pyca's shared curve
# instance: filled on first use (the values come from the library's ABI
# description), then plain dict lookups on every key operation.
_VALUES: dict[str, int] = {}
_CURVE_BY_VALUE: dict[int, ec.EllipticCurve] = {}


def _curve_for(value: int) -> ec.EllipticCurve:
    """pyca's shared curve instance for a cryptogo_ec_curve value."""
    c = _CURVE_BY_VALUE.get(value)
    if c is not None:
        return c
    for name, member in _C_CURVES.items():
        if _native.const(member) == value:
            c = _CURVE_BY_VALUE[value] = ec._CURVE_TYPES[name]
            return c
    raise UnsupportedAlgorithm(f"curve {value} is not a supported elliptic curve", _Reasons.UNSUPPORTED_ELLIPTIC_CURVE)


def _digest(data: typing.Any, algorithm: object) -> tuple[typing.Any, int, int, int]:
    """(pointer, length, hash id, prehashed) for ECDSA over `data`: pyca's
    calculate_digest_and_algorithm, its checks in its order."""
    t = type(algorithm)
    if type(data) is bytes and t is not hashes.SHAKE128 and t is not hashes.SHAKE256:
        hid = hashes._BY_TYPE.get(t)
        if hid is not None:  # the hot path: a known fixed-size hash over bytes
            return data, len(data), hid, 0
    prehashed = 0
    if isinstance(algorithm, asym_utils.Prehashed):
        p, n = _buffers.buf(data)
        algorithm = algorithm._algorithm
        if n != algorithm.digest_size:
            raise ValueError("The provided data must be the same length as the hash algorithm's digest size.")
        prehashed = 1
    elif not isinstance(algorithm, hashes.HashAlgorithm):
        raise TypeError("Expected instance of hashes.HashAlgorithm.")
    else:
        p, n = _buffers.buf(data)
        if isinstance(algorithm, hashes.ExtendableOutputFunction):
            h = hashes.Hash(algorithm)
            h.update(data)
            p = h.finalize()
            n, prehashed = len(p), 1
    return p, n, hashes._hash_id(algorithm), prehashed


def _ecdsa(signature_algorithm: object) -> ec.ECDSA:
    if not isinstance(signature_algorithm, ec.ECDSA):
        raise UnsupportedAlgorithm(
            "Unsupported elliptic curve signature algorithm",
            _Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM,
        )
    return signature_algorithm


def _openssh_curve(curve: ec.EllipticCurve) -> None:
    """pyca's ValueError for the one curve OpenSSH has no name for (its
    message says "private key" for public keys too)."""
    if curve.name == "secp224r1":
        raise ValueError(f"Unsupported curve for ssh private key: '{curve.name}'")


def _pem_or_der(encoding: _serialization.Encoding) -> None:
    if encoding not in (_serialization.Encoding.PEM, _serialization.Encoding.DER):
        raise TypeError("encoding must be Encoding.DER or Encoding.PEM")


# ---------------------------------------------------------------------------
# The keys.


class _ECKey:
    """What both EC key classes share: the curve object (asked of the
    library for a loaded key) and key_size from it, as pyca's."""

    _h: int
    _curve: ec.EllipticCurve | None = None
    _curve_fn_name: typing.ClassVar[str]

    @property
    def curve(self) -> ec.EllipticCurve:
        if self._curve is None:
            v = ctypes.c_int()
            _check(getattr(lib, self._curve_fn_name)(ctypes.byref(v), self._h))
            self._curve = _curve_for(v.value)
        return self._curve

    @property
    def key_size(self) -> int:
        size: int = self.curve.key_size
        return size

    @property
    def _byte_len(self) -> int:
        return (self.curve.key_size + 7) // 8


class ECPublicKey(_ECKey, _keys.PublicKeyHandle, ec.EllipticCurvePublicKey):
    _curve_fn_name = "cryptogo_ec_key_curve"

    def verify(
        self, signature: typing.Any, data: typing.Any, signature_algorithm: ec.EllipticCurveSignatureAlgorithm
    ) -> None:
        """InvalidSignature unless `signature` (DER) is this key's ECDSA
        signature of `data` (anything malformed is just invalid, as pyca)."""
        sp, sn = _buffers.buf(signature)
        _buffers.buf(data)
        alg = _ecdsa(signature_algorithm)
        p, n, hash_id, prehashed = _digest(data, alg.algorithm)
        rc = lib.cryptogo_ecdsa_verify(sp, sn, p, n, hash_id, prehashed, self._h)
        if rc:
            if rc == _errors.code("CRYPTOGO_ERR_INVALID_SIGNATURE") or _invalid(rc):
                raise InvalidSignature
            _check(rc)

    def public_numbers(self) -> ec.EllipticCurvePublicNumbers:
        fn = lib.cryptogo_ec_public_key_number
        k = self._byte_len
        x = int.from_bytes(_handles.call_variable(fn, k, 1, self._h), "big")
        y = int.from_bytes(_handles.call_variable(fn, k, 2, self._h), "big")
        return ec.EllipticCurvePublicNumbers(x, y, self.curve)

    def public_bytes(self, encoding: _serialization.Encoding, format: _serialization.PublicFormat) -> bytes:
        """pyca's public_bytes for an EC key (pkey_public_bytes): its checks
        in its order, then cryptogo_public_key_dump."""
        enc, pubf = _serialization.Encoding, _serialization.PublicFormat
        if not isinstance(encoding, enc):
            raise _not_instance(encoding, "Encoding")
        if not isinstance(format, pubf):
            raise _not_instance(format, "PublicFormat")
        k = self._byte_len
        if format is pubf.SubjectPublicKeyInfo:
            _pem_or_der(encoding)
            return self._dump(encoding, format, 2 * k + 256)
        if encoding is enc.X962:
            if format not in (pubf.CompressedPoint, pubf.UncompressedPoint):
                raise ValueError("X962 encoding must be used with CompressedPoint or UncompressedPoint format")
            return self._dump(encoding, format, 2 * k + 1)
        if format is pubf.OpenSSH:
            if encoding is not enc.OpenSSH:
                raise ValueError("OpenSSH format must be used with OpenSSH encoding")
            _openssh_curve(self.curve)
            return self._dump(encoding, format, 4 * k + 128)
        raise ValueError("format is invalid with this key")

    def __copy__(self) -> ECPublicKey:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> ECPublicKey:
        return self


class ECPrivateKey(_ECKey, _keys.PrivateKeyHandle, ec.EllipticCurvePrivateKey):
    _curve_fn_name = "cryptogo_ec_private_key_curve"

    def public_key(self) -> ec.EllipticCurvePublicKey:
        pub: ECPublicKey = super().public_key()
        pub._curve = self.curve
        return pub

    def exchange(self, algorithm: ec.ECDH, peer_public_key: ec.EllipticCurvePublicKey) -> bytes:
        """The ECDH shared secret (the x coordinate, curve-size bytes)."""
        if not isinstance(peer_public_key, ECPublicKey):
            raise _not_instance(peer_public_key, "ECPublicKey")
        if not isinstance(algorithm, ec.ECDH):
            raise UnsupportedAlgorithm(
                "Unsupported EC exchange algorithm",
                _Reasons.UNSUPPORTED_EXCHANGE_ALGORITHM,
            )
        k = self._byte_len
        out = bytes(k)
        got = ctypes.c_size_t()
        rc = lib.cryptogo_ecdh_exchange(out, k, ctypes.byref(got), self._h, peer_public_key._h)
        if _invalid(rc):
            raise ValueError("Error computing shared key.")
        if rc:
            _check(rc)
        return out if got.value == k else out[: got.value]

    def sign(self, data: typing.Any, signature_algorithm: ec.EllipticCurveSignatureAlgorithm) -> bytes:
        """A DER ECDSA signature of `data` (RFC 6979 when the ECDSA object
        asks for deterministic signing)."""
        _buffers.buf(data)
        alg = _ecdsa(signature_algorithm)
        p, n, hash_id, prehashed = _digest(data, alg.algorithm)
        deterministic = 1 if alg.deterministic_signing else 0
        return _handles.call_variable(
            lib.cryptogo_ecdsa_sign, 2 * self._byte_len + 16, p, n, hash_id, prehashed, deterministic, self._h
        )

    def private_numbers(self) -> ec.EllipticCurvePrivateNumbers:
        d = _handles.call_variable(lib.cryptogo_ec_private_key_value, self._byte_len, self._h)
        pub: ECPublicKey = self.public_key()  # type: ignore[assignment]
        return ec.EllipticCurvePrivateNumbers(int.from_bytes(d, "big"), pub.public_numbers())

    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """pyca's private_bytes for an EC key (pkey_private_bytes): its
        checks in its order, then cryptogo_private_key_dump."""
        pf, enc = _serialization.PrivateFormat, _serialization.Encoding
        if not isinstance(encoding, enc):
            raise _not_instance(encoding, "Encoding")
        if not isinstance(format, pf):
            raise _not_instance(format, "PrivateFormat")
        pw = _private_password(format, encryption_algorithm)
        if format is pf.PKCS8:
            _pem_or_der(encoding)
        elif format is pf.TraditionalOpenSSL and encoding in (enc.PEM, enc.DER):
            if pw is not None and encoding is enc.DER:
                raise ValueError("Encryption is not supported for DER encoded traditional OpenSSL keys")
        elif format is pf.OpenSSH:
            if encoding is not enc.PEM:
                raise ValueError("OpenSSH private key format can only be used with PEM encoding")
            _openssh_curve(self.curve)
            raise UnsupportedAlgorithm(
                "OpenSSH private key serialization is not supported by libcrypto-go",
                _Reasons.UNSUPPORTED_SERIALIZATION,
            )
        else:
            raise ValueError("format is invalid with this key")
        return self._dump(encoding, format, pw, 8 * self._byte_len + 1024)

    def __copy__(self) -> ECPrivateKey:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> ECPrivateKey:
        return self


# ---------------------------------------------------------------------------
# Constructors (ec.py calls these; serialization's loaders go through _keys,
# which finds the classes above in its registry).


def _private(h: int | None, curve: ec.EllipticCurve) -> ECPrivateKey:
    k = ECPrivateKey._wrap(h)
    k._curve = curve
    return k


def _public(h: int | None, curve: ec.EllipticCurve) -> ECPublicKey:
    k = ECPublicKey._wrap(h)
    k._curve = curve
    return k


def generate(curve: object) -> ECPrivateKey:
    c = c_curve(curve)
    h = _handles.new_handle(lib.cryptogo_ec_generate, c)
    return _private(h, _curve_for(c))


def derive(private_value: int, curve: object, message: str) -> ECPrivateKey:
    """The key of scalar `private_value` (positive: the caller checked);
    ValueError(`message`) when it is not below the group order."""
    c = c_curve(curve)
    d = int_to_bytes(private_value)
    h = ctypes.c_void_p()
    rc = lib.cryptogo_ec_derive_private_key(ctypes.byref(h), c, d, len(d))
    if _invalid(rc):
        raise ValueError(message)
    if rc:
        _check(rc)
    return _private(h.value, typing.cast(ec.EllipticCurve, curve))


def from_encoded_point(curve: object, data: bytes) -> ECPublicKey:
    c = c_curve(curve)
    data = _buffers.exact(data)  # a subclass's __len__ is not trusted
    h = ctypes.c_void_p()
    rc = lib.cryptogo_ec_public_key_from_point(ctypes.byref(h), c, data, len(data))
    if _invalid(rc):
        raise ValueError("Invalid EC key.")
    if rc:
        _check(rc)
    return _public(h.value, typing.cast(ec.EllipticCurve, curve))


def public_key_from_numbers(numbers: ec.EllipticCurvePublicNumbers) -> ECPublicKey:
    curve = numbers.curve
    c = c_curve(curve)
    x, y = numbers.x, numbers.y
    if x < 0 or y < 0:
        raise ValueError("Invalid EC key. Both x and y must be non-negative.")
    xb, yb = int_to_bytes(x), int_to_bytes(y)
    h = ctypes.c_void_p()
    rc = lib.cryptogo_ec_public_key_from_numbers(ctypes.byref(h), c, xb, len(xb), yb, len(yb))
    if _invalid(rc):
        raise ValueError("Invalid EC key. Point is not on the curve specified.")
    if rc:
        _check(rc)
    return _public(h.value, curve)


def private_key_from_numbers(numbers: ec.EllipticCurvePrivateNumbers) -> ECPrivateKey:
    """pyca's EllipticCurvePrivateNumbers.private_key(): the public numbers
    must be a point of the curve, and the private value's."""
    pub = public_key_from_numbers(numbers.public_numbers)
    d = numbers.private_value
    if d < 0:
        raise OverflowError("can't convert negative int to unsigned")
    if d == 0:
        raise ValueError("Invalid EC key.")
    key = derive(d, pub.curve, "Invalid EC key.")
    if key.public_key() != pub:
        raise ValueError("Invalid EC key.")
    return key


_keys.register("CRYPTOGO_KEY_EC", ECPrivateKey, ECPublicKey)
