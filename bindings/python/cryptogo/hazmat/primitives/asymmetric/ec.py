"""``cryptography.hazmat.primitives.asymmetric.ec``: elliptic curves.

API shape is real: the key and curve interfaces are ABCs, the curve classes
carry pyca's ``name`` / ``key_size`` / ``group_order``, ``EllipticCurveOID``
and ``get_curve_for_oid`` map curves to their registered OIDs, and
``ECDSA`` / ``ECDH`` are the plain algorithm markers pyca passes to
``sign`` / ``exchange``. The keys are libcrypto-go's (:mod:`._ec_impl`):
``generate_private_key``, ``derive_private_key``, the numbers'
``public_key()`` / ``private_key()`` and
``EllipticCurvePublicKey.from_encoded_point`` make them on SECP224R1,
SECP256R1, SECP384R1 and SECP521R1; any other curve raises
``UnsupportedAlgorithm`` (``_Reasons.UNSUPPORTED_ELLIPTIC_CURVE``), as pyca
does for a curve its backend lacks.
"""

from __future__ import annotations

import abc
import typing

from cryptogo import _buffers
from cryptogo.exceptions import UnsupportedAlgorithm
from cryptogo.hazmat._oid import ObjectIdentifier
from cryptogo.hazmat.primitives import _serialization, hashes
from cryptogo.hazmat.primitives.asymmetric import utils as asym_utils
from cryptogo.utils import Buffer

__all__ = [
    "ECDH",
    "ECDSA",
    "SECP192R1",
    "SECP224R1",
    "SECP256K1",
    "SECP256R1",
    "SECP384R1",
    "SECP521R1",
    "BrainpoolP256R1",
    "BrainpoolP384R1",
    "BrainpoolP512R1",
    "EllipticCurve",
    "EllipticCurveOID",
    "EllipticCurvePrivateKey",
    "EllipticCurvePrivateKeyWithSerialization",
    "EllipticCurvePrivateNumbers",
    "EllipticCurvePublicKey",
    "EllipticCurvePublicKeyWithSerialization",
    "EllipticCurvePublicNumbers",
    "EllipticCurveSignatureAlgorithm",
    "ObjectIdentifier",
    "UnsupportedAlgorithm",
    "derive_private_key",
    "generate_private_key",
    "get_curve_for_oid",
]


class EllipticCurveOID:
    SECP192R1 = ObjectIdentifier("1.2.840.10045.3.1.1")
    SECP224R1 = ObjectIdentifier("1.3.132.0.33")
    SECP256K1 = ObjectIdentifier("1.3.132.0.10")
    SECP256R1 = ObjectIdentifier("1.2.840.10045.3.1.7")
    SECP384R1 = ObjectIdentifier("1.3.132.0.34")
    SECP521R1 = ObjectIdentifier("1.3.132.0.35")
    BRAINPOOLP256R1 = ObjectIdentifier("1.3.36.3.3.2.8.1.1.7")
    BRAINPOOLP384R1 = ObjectIdentifier("1.3.36.3.3.2.8.1.1.11")
    BRAINPOOLP512R1 = ObjectIdentifier("1.3.36.3.3.2.8.1.1.13")


class EllipticCurve(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def name(self) -> str:
        """The curve's name, e.g. "secp256r1"."""

    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of the curve's base point order."""

    @property
    @abc.abstractmethod
    def group_order(self) -> int:
        """The order of the curve's group."""


class EllipticCurveSignatureAlgorithm(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def algorithm(self) -> asym_utils.Prehashed | hashes.HashAlgorithm:
        """The digest algorithm of the signature."""


class EllipticCurvePrivateKey(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def exchange(self, algorithm: ECDH, peer_public_key: EllipticCurvePublicKey) -> bytes:
        """The ECDH shared secret with ``peer_public_key``."""

    @abc.abstractmethod
    def public_key(self) -> EllipticCurvePublicKey:
        """The matching public key."""

    @property
    @abc.abstractmethod
    def curve(self) -> EllipticCurve:
        """The key's curve."""

    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The curve's key size in bits."""

    @abc.abstractmethod
    def sign(self, data: Buffer, signature_algorithm: EllipticCurveSignatureAlgorithm) -> bytes:
        """Signs ``data``."""

    @abc.abstractmethod
    def private_numbers(self) -> EllipticCurvePrivateNumbers:
        """The key's numbers."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """The serialized private key."""

    @abc.abstractmethod
    def __copy__(self) -> EllipticCurvePrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> EllipticCurvePrivateKey:
        """A copy of the key."""


EllipticCurvePrivateKeyWithSerialization = EllipticCurvePrivateKey


class EllipticCurvePublicKey(metaclass=abc.ABCMeta):
    @classmethod
    def from_encoded_point(cls, curve: EllipticCurve, data: bytes) -> EllipticCurvePublicKey:
        """The public key of an X9.62 point (compressed or uncompressed)."""
        from cryptogo.hazmat.primitives.asymmetric import _ec_impl

        if not isinstance(data, bytes):
            raise TypeError("data must be bytes")
        data = _buffers.exact(data)  # a subclass's __len__ is not trusted
        if len(data) == 0:
            raise ValueError("data must not be an empty byte string")
        if data[0] not in (0x02, 0x03, 0x04):
            raise ValueError("Unsupported elliptic curve point type")
        return _ec_impl.from_encoded_point(curve, data)

    @property
    @abc.abstractmethod
    def curve(self) -> EllipticCurve:
        """The key's curve."""

    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The curve's key size in bits."""

    @abc.abstractmethod
    def public_numbers(self) -> EllipticCurvePublicNumbers:
        """The key's numbers."""

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The serialized public key."""

    @abc.abstractmethod
    def verify(
        self,
        signature: Buffer,
        data: Buffer,
        signature_algorithm: EllipticCurveSignatureAlgorithm,
    ) -> None:
        """Raises InvalidSignature unless ``signature`` is valid for ``data``."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Whether both are the same key."""

    @abc.abstractmethod
    def __copy__(self) -> EllipticCurvePublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> EllipticCurvePublicKey:
        """A copy of the key."""


EllipticCurvePublicKeyWithSerialization = EllipticCurvePublicKey


class _Curve(EllipticCurve):
    # The curves are constants: name, key size (bits of the group order) and
    # group order, as pyca reports them.
    _NAME = ""
    _KEY_SIZE = 0
    _ORDER = 0

    @property
    def name(self) -> str:
        return self._NAME

    @property
    def key_size(self) -> int:
        return self._KEY_SIZE

    @property
    def group_order(self) -> int:
        return self._ORDER


class SECP192R1(_Curve):
    _NAME, _KEY_SIZE = "secp192r1", 192
    _ORDER = 0xFFFFFFFFFFFFFFFFFFFFFFFF99DEF836146BC9B1B4D22831


class SECP224R1(_Curve):
    _NAME, _KEY_SIZE = "secp224r1", 224
    _ORDER = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFF16A2E0B8F03E13DD29455C5C2A3D


class SECP256K1(_Curve):
    _NAME, _KEY_SIZE = "secp256k1", 256
    _ORDER = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141


class SECP256R1(_Curve):
    _NAME, _KEY_SIZE = "secp256r1", 256
    _ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


class SECP384R1(_Curve):
    _NAME, _KEY_SIZE = "secp384r1", 384
    _ORDER = int(
        "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973",
        16,
    )


class SECP521R1(_Curve):
    _NAME, _KEY_SIZE = "secp521r1", 521
    _ORDER = int(
        "1FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFA51868783BF2F966B7FCC0148F709A"
        "5D03BB5C9B8899C47AEBB6FB71E91386409",
        16,
    )


class BrainpoolP256R1(_Curve):
    _NAME, _KEY_SIZE = "brainpoolP256r1", 256
    _ORDER = 0xA9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7


class BrainpoolP384R1(_Curve):
    _NAME, _KEY_SIZE = "brainpoolP384r1", 384
    _ORDER = int(
        "8CB91E82A3386D280F5D6F7E50E641DF152F7109ED5456B31F166E6CAC0425A7CF3AB6AF6B7FC3103B883202E9046565",
        16,
    )


class BrainpoolP512R1(_Curve):
    _NAME, _KEY_SIZE = "brainpoolP512r1", 512
    _ORDER = int(
        "AADD9DB8DBE9C48B3FD4E6AE33C9FC07CB308DB3B3C9D20ED6639CCA70330870553E5C414CA92619418661197FAC1047"
        "1DB1D381085DDADDB58796829CA90069",
        16,
    )


_OID_TO_CURVE: dict[ObjectIdentifier, type[EllipticCurve]] = {
    EllipticCurveOID.SECP192R1: SECP192R1,
    EllipticCurveOID.SECP224R1: SECP224R1,
    EllipticCurveOID.SECP256K1: SECP256K1,
    EllipticCurveOID.SECP256R1: SECP256R1,
    EllipticCurveOID.SECP384R1: SECP384R1,
    EllipticCurveOID.SECP521R1: SECP521R1,
    EllipticCurveOID.BRAINPOOLP256R1: BrainpoolP256R1,
    EllipticCurveOID.BRAINPOOLP384R1: BrainpoolP384R1,
    EllipticCurveOID.BRAINPOOLP512R1: BrainpoolP512R1,
}


def get_curve_for_oid(oid: ObjectIdentifier) -> type[EllipticCurve]:
    """The curve class registered under ``oid``; LookupError if none."""
    try:
        return _OID_TO_CURVE[oid]
    except KeyError:
        raise LookupError("The provided object identifier has no matching elliptic curve class") from None


# OpenSSL's curve names (with its two aliases) to curves, as pyca keeps them
# (its tests read this private table).
_CURVE_TYPES: dict[str, EllipticCurve] = {
    "prime192v1": SECP192R1(),
    "prime256v1": SECP256R1(),
    "secp192r1": SECP192R1(),
    "secp224r1": SECP224R1(),
    "secp256r1": SECP256R1(),
    "secp384r1": SECP384R1(),
    "secp521r1": SECP521R1(),
    "secp256k1": SECP256K1(),
    "brainpoolP256r1": BrainpoolP256R1(),
    "brainpoolP384r1": BrainpoolP384R1(),
    "brainpoolP512r1": BrainpoolP512R1(),
}


class ECDSA(EllipticCurveSignatureAlgorithm):
    """ECDSA with ``algorithm`` as digest (RFC 6979 when
    ``deterministic_signing``), passed to ``sign`` / ``verify``."""

    def __init__(
        self,
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm,
        deterministic_signing: bool = False,
    ) -> None:
        self._algorithm = algorithm
        self._deterministic_signing = deterministic_signing

    @property
    def algorithm(self) -> asym_utils.Prehashed | hashes.HashAlgorithm:
        return self._algorithm

    @property
    def deterministic_signing(self) -> bool:
        return self._deterministic_signing


class ECDH:
    """The ECDH key-exchange marker passed to ``EllipticCurvePrivateKey.exchange``."""


def generate_private_key(curve: EllipticCurve, backend: typing.Any = None) -> EllipticCurvePrivateKey:
    """A new private key on ``curve`` (an instance)."""
    from cryptogo.hazmat.primitives.asymmetric import _ec_impl

    return _ec_impl.generate(curve)


def derive_private_key(
    private_value: int,
    curve: EllipticCurve,
    backend: typing.Any = None,
) -> EllipticCurvePrivateKey:
    """The private key whose private value is ``private_value``."""
    from cryptogo.hazmat.primitives.asymmetric import _ec_impl

    if not isinstance(private_value, int):
        raise TypeError("private_value must be an integer type.")
    if private_value <= 0:
        raise ValueError("private_value must be a positive integer.")
    return _ec_impl.derive(private_value, curve, "Invalid EC key (key out of range, infinity, etc.)")


class EllipticCurvePublicNumbers:
    """A point (x, y) on a curve, as pyca's value class."""

    def __init__(self, x: int, y: int, curve: EllipticCurve) -> None:
        for v in (x, y):
            if not isinstance(v, int):
                raise TypeError(f"'{type(v).__name__}' object is not an instance of 'int'")
        if not isinstance(curve, EllipticCurve):
            raise TypeError("curve must provide the EllipticCurve interface.")
        self._x = x
        self._y = y
        self._curve = curve

    @property
    def x(self) -> int:
        return self._x

    @property
    def y(self) -> int:
        return self._y

    @property
    def curve(self) -> EllipticCurve:
        return self._curve

    def public_key(self, backend: typing.Any = None) -> EllipticCurvePublicKey:
        from cryptogo.hazmat.primitives.asymmetric import _ec_impl

        return _ec_impl.public_key_from_numbers(self)

    def _key(self) -> tuple[int, int, str, int]:
        return (self._x, self._y, self._curve.name, self._curve.key_size)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EllipticCurvePublicNumbers):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"<EllipticCurvePublicNumbers(curve={self._curve.name}, x={self._x}, y={self._y})>"


class EllipticCurvePrivateNumbers:
    """A private value with its public numbers, as pyca's value class."""

    def __init__(self, private_value: int, public_numbers: EllipticCurvePublicNumbers) -> None:
        if not isinstance(private_value, int):
            raise TypeError(f"'{type(private_value).__name__}' object is not an instance of 'int'")
        if not isinstance(public_numbers, EllipticCurvePublicNumbers):
            name = type(public_numbers).__name__
            raise TypeError(f"'{name}' object is not an instance of 'EllipticCurvePublicNumbers'")
        self._private_value = private_value
        self._public_numbers = public_numbers

    @property
    def private_value(self) -> int:
        return self._private_value

    @property
    def public_numbers(self) -> EllipticCurvePublicNumbers:
        return self._public_numbers

    def private_key(self, backend: typing.Any = None) -> EllipticCurvePrivateKey:
        from cryptogo.hazmat.primitives.asymmetric import _ec_impl

        return _ec_impl.private_key_from_numbers(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EllipticCurvePrivateNumbers):
            return NotImplemented
        return self._private_value == other._private_value and self._public_numbers == other._public_numbers

    def __hash__(self) -> int:
        return hash((self._private_value, self._public_numbers))
