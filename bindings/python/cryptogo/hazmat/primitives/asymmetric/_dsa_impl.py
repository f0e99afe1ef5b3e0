"""The handle-backed DSA keys behind the pyca interfaces of :mod:`.dsa`.

The keys are the generic ``cryptogo_private_key`` / ``cryptogo_public_key``
handles of :mod:`._keys` (which also loads, serializes and compares them);
this module registers ``CRYPTOGO_KEY_DSA`` there. Each operation is one
libcrypto-go call: ``cryptogo_dsa_generate``,
``cryptogo_dsa_generate_from_parameters``, ``cryptogo_dsa_parameters_check``,
``cryptogo_dsa_public_key_from_numbers`` / ``cryptogo_dsa_private_key_from_numbers``,
``cryptogo_dsa_public_key_number`` / ``cryptogo_dsa_private_key_number``,
``cryptogo_dsa_sign`` / ``cryptogo_dsa_verify``; this module adds pyca's
argument checks, in pyca's order, and pyca's messages.

Parameters have no handle: :class:`DSAParameters` holds p, q and g (checked
by the library when made from numbers), as the C ABI passes them. pyca's
``generate_parameters`` is ``cryptogo_dsa_generate`` (new parameters and a
key) keeping the parameters only. Key generation and signing are C calls
through ctypes' ``CDLL``, which releases the GIL for their duration.

pyca's DSA signs the digest of any hash; libcrypto-go takes every fixed-size
hash by its C enum, and a SHAKE digest computed here (``hashes.Hash``) and
passed prehashed.
"""

from __future__ import annotations

import ctypes
import typing
import warnings

from cryptogo import _buffers, _errors, _handles, _native, utils
from cryptogo._native import lib
from cryptogo.exceptions import InvalidSignature, UnsupportedAlgorithm, _Reasons
from cryptogo.hazmat.primitives import _serialization, hashes
from cryptogo.hazmat.primitives.asymmetric import _keys, dsa
from cryptogo.hazmat.primitives.asymmetric import utils as asym_utils
from cryptogo.hazmat.primitives.asymmetric._edx_impl import _not_instance
from cryptogo.hazmat.primitives.asymmetric._rsa_impl import _private_password
from cryptogo.utils import int_to_bytes

__all__ = [
    "DSAParameters",
    "DSAPrivateKey",
    "DSAPublicKey",
    "generate",
    "generate_parameters",
    "parameters_from_numbers",
    "private_key_from_numbers",
    "public_key_from_numbers",
]

_check = _errors.check

_XOF = (hashes.SHAKE128, hashes.SHAKE256)


def _invalid(rc: int) -> bool:
    return rc == _errors.code("CRYPTOGO_ERR_INVALID_ARGUMENT")


def _component(name: str) -> int:
    return _native.const(f"CRYPTOGO_DSA_{name}")


def _b(v: int) -> bytes:
    """A non-negative int as big-endian bytes (0 is b"\\x00")."""
    return int_to_bytes(v)


def _digest(data: typing.Any, algorithm: object) -> tuple[typing.Any, int, int, int]:
    """(pointer, length, hash id, prehashed) for DSA over `data`: pyca's
    calculate_digest_and_algorithm, its checks in its order."""
    if isinstance(algorithm, asym_utils.Prehashed):
        p, n = _buffers.buf(data)
        alg = algorithm._algorithm
        if n != alg.digest_size:
            raise ValueError("The provided data must be the same length as the hash algorithm's digest size.")
        return p, n, hashes._hash_id(alg), 1
    if not isinstance(algorithm, hashes.HashAlgorithm):
        raise TypeError("Expected instance of hashes.HashAlgorithm.")
    if isinstance(algorithm, _XOF):
        h = hashes.Hash(algorithm)
        h.update(data)
        d = h.finalize()
        return d, len(d), hashes._hash_id(algorithm), 1
    p, n = _buffers.buf(data)
    return p, n, hashes._hash_id(algorithm), 0


def _pem_or_der(encoding: _serialization.Encoding) -> None:
    if encoding not in (_serialization.Encoding.PEM, _serialization.Encoding.DER):
        raise TypeError("encoding must be Encoding.DER or Encoding.PEM")


# ---------------------------------------------------------------------------
# Parameters.


class DSAParameters(dsa.DSAParameters):
    """p, q, g (checked): pyca's DSAParameters."""

    def __init__(self, p: int, q: int, g: int) -> None:
        self._p, self._q, self._g = p, q, g

    def parameter_numbers(self) -> dsa.DSAParameterNumbers:
        return dsa.DSAParameterNumbers(self._p, self._q, self._g)

    def generate_private_key(self) -> DSAPrivateKey:
        """A new key with these parameters (x random, y = g^x mod p)."""
        p, q, g = _b(self._p), _b(self._q), _b(self._g)
        h = _handles.new_handle(lib.cryptogo_dsa_generate_from_parameters, p, len(p), q, len(q), g, len(g))
        return typing.cast(DSAPrivateKey, _keys.wrap_private(h))


# The library checks the numbers and answers one code; these are pyca's
# messages for what each check refuses.
_PARAMETERS_MESSAGE = (
    "Invalid DSA parameters: p must be exactly 1024, 2048, 3072, or 4096 bits long, "
    "q must be exactly 160, 224, or 256 bits long, and g, p must satisfy 1 < g < p."
)


def _check_parameters(n: dsa.DSAParameterNumbers) -> tuple[bytes, bytes, bytes]:
    """pyca's checks of the parameters (cryptogo_dsa_parameters_check;
    ValueError); the numbers as bytes."""
    if n.p < 0 or n.q < 0 or n.g < 0:
        raise ValueError(_PARAMETERS_MESSAGE)
    pb, qb, gb = _b(n.p), _b(n.q), _b(n.g)
    rc = lib.cryptogo_dsa_parameters_check(pb, len(pb), qb, len(qb), gb, len(gb))
    if _invalid(rc):
        raise ValueError(_PARAMETERS_MESSAGE)
    if rc:
        _check(rc)
    return pb, qb, gb


def parameters_from_numbers(n: dsa.DSAParameterNumbers) -> DSAParameters:
    _check_parameters(n)
    return DSAParameters(n.p, n.q, n.g)


def generate(key_size: int) -> DSAPrivateKey:
    if not isinstance(key_size, int) or isinstance(key_size, bool):
        raise TypeError("key_size must be an integer.")
    h = ctypes.c_void_p()
    # A size that does not fit size_t is passed as 0: refused like any other.
    fits = ctypes.c_size_t(key_size).value == key_size
    rc = lib.cryptogo_dsa_generate(ctypes.byref(h), key_size if fits else 0)
    if _invalid(rc):
        raise ValueError("Key size must be 1024, 2048, 3072, or 4096 bits.")
    if rc:
        _check(rc)
    return typing.cast(DSAPrivateKey, _keys.wrap_private(typing.cast(int, h.value)))


def generate_parameters(key_size: int) -> dsa.DSAParameters:
    return generate(key_size).parameters()


def public_key_from_numbers(n: dsa.DSAPublicNumbers) -> DSAPublicKey:
    pb, qb, gb = _check_parameters(n.parameter_numbers)
    if n.y < 0:
        raise ValueError("y must be a non-negative integer.")
    yb = _b(n.y)
    h = _handles.new_handle(
        lib.cryptogo_dsa_public_key_from_numbers, pb, len(pb), qb, len(qb), gb, len(gb), yb, len(yb)
    )
    return typing.cast(DSAPublicKey, _keys.wrap_public(h))


def private_key_from_numbers(n: dsa.DSAPrivateNumbers) -> DSAPrivateKey:
    pub = n.public_numbers
    pb, qb, gb = _check_parameters(pub.parameter_numbers)
    if n.x <= 0:
        raise ValueError("x must be > 0 and < q.")
    if pub.y < 0:
        raise ValueError("y must be equal to (g ** x % p).")
    yb, xb = _b(pub.y), _b(n.x)
    h = ctypes.c_void_p()
    rc = lib.cryptogo_dsa_private_key_from_numbers(
        ctypes.byref(h), pb, len(pb), qb, len(qb), gb, len(gb), yb, len(yb), xb, len(xb)
    )
    if _invalid(rc):
        raise ValueError("Invalid DSA private key: x must be > 0 and < q, and y must be equal to (g ** x % p).")
    if rc:
        _check(rc)
    return typing.cast(DSAPrivateKey, _keys.wrap_private(typing.cast(int, h.value)))


# ---------------------------------------------------------------------------
# The keys.


class _DSAKey:
    _h: int
    _number_fn_name: typing.ClassVar[str]
    key_size: int

    def _number(self, name: str) -> int:
        fn = getattr(lib, self._number_fn_name)
        b = _handles.call_variable(fn, (self.key_size + 7) // 8, _component(name), self._h)
        return int.from_bytes(b, "big")

    def parameters(self) -> dsa.DSAParameters:
        return DSAParameters(self._number("P"), self._number("Q"), self._number("G"))

    def _parameter_numbers(self) -> dsa.DSAParameterNumbers:
        return dsa.DSAParameterNumbers(self._number("P"), self._number("Q"), self._number("G"))


class DSAPublicKey(_DSAKey, _keys.PublicKeyHandle, dsa.DSAPublicKey):
    _number_fn_name = "cryptogo_dsa_public_key_number"

    def public_numbers(self) -> dsa.DSAPublicNumbers:
        return dsa.DSAPublicNumbers(self._number("Y"), self._parameter_numbers())

    def verify(
        self,
        signature: typing.Any,
        data: typing.Any,
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm,
    ) -> None:
        """InvalidSignature unless `signature` (DER) is this key's signature
        of `data` (anything malformed is just invalid, as pyca)."""
        sp, sn = _buffers.buf(signature)
        _buffers.buf(data)
        p, n, hash_id, prehashed = _digest(data, algorithm)
        rc = lib.cryptogo_dsa_verify(sp, sn, p, n, hash_id, prehashed, self._h)
        if rc == _errors.code("CRYPTOGO_ERR_INVALID_SIGNATURE"):
            raise InvalidSignature
        if rc:
            _check(rc)

    def public_bytes(self, encoding: _serialization.Encoding, format: _serialization.PublicFormat) -> bytes:
        """pyca's public_bytes for a DSA key: its checks in its order, then
        cryptogo_public_key_dump."""
        enc, pubf = _serialization.Encoding, _serialization.PublicFormat
        if not isinstance(encoding, enc):
            raise _not_instance(encoding, "Encoding")
        if not isinstance(format, pubf):
            raise _not_instance(format, "PublicFormat")
        cap = 3 * ((self.key_size + 7) // 8) + 512
        if format is pubf.SubjectPublicKeyInfo:
            _pem_or_der(encoding)
            return self._dump(encoding, format, 2 * cap)
        if format is pubf.OpenSSH:
            if encoding is not enc.OpenSSH:
                raise ValueError("OpenSSH format must be used with OpenSSH encoding")
            warnings.warn(
                "SSH DSA key support is deprecated and will be removed in a future release",
                utils.DeprecatedIn40,
                stacklevel=2,
            )
            if self.key_size != 1024:
                raise ValueError("SSH supports only 1024 bit DSA keys")
            return self._dump(encoding, format, 2 * cap)
        if format is pubf.PKCS1:
            raise ValueError("PKCS1 works only with RSA keys")
        raise ValueError("format is invalid with this key")

    def __copy__(self) -> DSAPublicKey:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> DSAPublicKey:
        return self


class DSAPrivateKey(_DSAKey, _keys.PrivateKeyHandle, dsa.DSAPrivateKey):
    _number_fn_name = "cryptogo_dsa_private_key_number"

    def public_key(self) -> dsa.DSAPublicKey:
        pub: DSAPublicKey = super().public_key()
        return pub

    def sign(self, data: typing.Any, algorithm: asym_utils.Prehashed | hashes.HashAlgorithm) -> bytes:
        """A DER signature (RFC 3279 Dss-Sig-Value) of `data`, random nonce."""
        _buffers.buf(data)
        p, n, hash_id, prehashed = _digest(data, algorithm)
        try:
            return _handles.call_variable(lib.cryptogo_dsa_sign, 80, p, n, hash_id, prehashed, self._h)
        except ValueError:
            raise ValueError("DSA signing failed: the key cannot sign (invalid parameters)") from None

    def private_numbers(self) -> dsa.DSAPrivateNumbers:
        x = self._number("X")
        pub: DSAPublicKey = self.public_key()  # type: ignore[assignment]
        return dsa.DSAPrivateNumbers(x, pub.public_numbers())

    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """pyca's private_bytes for a DSA key (pkey_private_bytes): its
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
            warnings.warn(
                "SSH DSA keys are deprecated and will be removed in a future release.",
                utils.DeprecatedIn40,
                stacklevel=2,
            )
            if self.key_size != 1024:
                raise ValueError("SSH supports only 1024 bit DSA keys")
            raise UnsupportedAlgorithm(
                "OpenSSH private key serialization is not supported by libcrypto-go",
                _Reasons.UNSUPPORTED_SERIALIZATION,
            )
        else:
            raise ValueError("format is invalid with this key")
        return self._dump(encoding, format, pw, 6 * ((self.key_size + 7) // 8) + 1024)

    def __copy__(self) -> DSAPrivateKey:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> DSAPrivateKey:
        return self


_keys.register("CRYPTOGO_KEY_DSA", DSAPrivateKey, DSAPublicKey)
