"""``cryptography.hazmat.primitives.asymmetric.dsa``: DSA (FIPS 186-4).

The key and parameter interfaces are ABCs, as pyca's; the keys are
libcrypto-go's (:mod:`._dsa_impl`, over Go's crypto/dsa): ``generate_parameters``,
``generate_private_key``, ``DSAParameters.generate_private_key`` and the
numbers' ``parameters()`` / ``public_key()`` / ``private_key()`` make them,
with pyca's checks (p of 1024, 2048, 3072 or 4096 bits, q of 160, 224 or 256
bits, 1 < g < p, 0 < x < q, y = g^x mod p) and pyca's ValueError.

DSA is a legacy algorithm (pyca's docs say so too), and Go's crypto/dsa is
not constant time (math/big): do not sign where an attacker can time it.
"""

from __future__ import annotations

import abc
import typing

from cryptogo.hazmat.primitives import _serialization, hashes
from cryptogo.hazmat.primitives.asymmetric import utils as asym_utils
from cryptogo.utils import Buffer

__all__ = [
    "DSAParameterNumbers",
    "DSAParameters",
    "DSAParametersWithNumbers",
    "DSAPrivateKey",
    "DSAPrivateKeyWithSerialization",
    "DSAPrivateNumbers",
    "DSAPublicKey",
    "DSAPublicKeyWithSerialization",
    "DSAPublicNumbers",
    "generate_parameters",
    "generate_private_key",
]


def _int(name: str, v: object) -> int:
    if not isinstance(v, int) or isinstance(v, bool):
        raise TypeError(f"{name} must be an integer.")
    return v


class DSAParameterNumbers:
    """The parameters p, q, g, as pyca's value class."""

    def __init__(self, p: int, q: int, g: int) -> None:
        self._p = _int("p", p)
        self._q = _int("q", q)
        self._g = _int("g", g)

    @property
    def p(self) -> int:
        return self._p

    @property
    def q(self) -> int:
        return self._q

    @property
    def g(self) -> int:
        return self._g

    def parameters(self, backend: typing.Any = None) -> DSAParameters:
        """The parameters, after pyca's checks (ValueError)."""
        from cryptogo.hazmat.primitives.asymmetric import _dsa_impl

        return _dsa_impl.parameters_from_numbers(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DSAParameterNumbers):
            return NotImplemented
        return (self._p, self._q, self._g) == (other._p, other._q, other._g)

    def __hash__(self) -> int:
        return hash((self._p, self._q, self._g))

    def __repr__(self) -> str:
        return f"<DSAParameterNumbers(p={self._p}, q={self._q}, g={self._g})>"


class DSAPublicNumbers:
    """The public value y with its parameters, as pyca's value class."""

    def __init__(self, y: int, parameter_numbers: DSAParameterNumbers) -> None:
        self._y = _int("y", y)
        if not isinstance(parameter_numbers, DSAParameterNumbers):
            raise TypeError("parameter_numbers must be a DSAParameterNumbers instance.")
        self._parameter_numbers = parameter_numbers

    @property
    def y(self) -> int:
        return self._y

    @property
    def parameter_numbers(self) -> DSAParameterNumbers:
        return self._parameter_numbers

    def public_key(self, backend: typing.Any = None) -> DSAPublicKey:
        """The public key, after pyca's checks of the parameters (ValueError)."""
        from cryptogo.hazmat.primitives.asymmetric import _dsa_impl

        return _dsa_impl.public_key_from_numbers(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DSAPublicNumbers):
            return NotImplemented
        return self._y == other._y and self._parameter_numbers == other._parameter_numbers

    def __hash__(self) -> int:
        return hash((self._y, self._parameter_numbers))

    def __repr__(self) -> str:
        return f"<DSAPublicNumbers(y={self._y}, parameter_numbers={self._parameter_numbers!r})>"


class DSAPrivateNumbers:
    """The private value x with its public numbers, as pyca's value class."""

    def __init__(self, x: int, public_numbers: DSAPublicNumbers) -> None:
        self._x = _int("x", x)
        if not isinstance(public_numbers, DSAPublicNumbers):
            raise TypeError("public_numbers must be a DSAPublicNumbers instance.")
        self._public_numbers = public_numbers

    @property
    def x(self) -> int:
        return self._x

    @property
    def public_numbers(self) -> DSAPublicNumbers:
        return self._public_numbers

    def private_key(self, backend: typing.Any = None) -> DSAPrivateKey:
        """The private key, after pyca's checks (ValueError)."""
        from cryptogo.hazmat.primitives.asymmetric import _dsa_impl

        return _dsa_impl.private_key_from_numbers(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, DSAPrivateNumbers):
            return NotImplemented
        return self._x == other._x and self._public_numbers == other._public_numbers

    def __hash__(self) -> int:
        return hash((self._x, self._public_numbers))


class DSAParameters(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def generate_private_key(self) -> DSAPrivateKey:
        """A new private key with these parameters."""

    @abc.abstractmethod
    def parameter_numbers(self) -> DSAParameterNumbers:
        """The parameters' numbers."""


DSAParametersWithNumbers = DSAParameters


class DSAPrivateKey(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of the prime modulus."""

    @abc.abstractmethod
    def public_key(self) -> DSAPublicKey:
        """The matching public key."""

    @abc.abstractmethod
    def parameters(self) -> DSAParameters:
        """The key's parameters."""

    @abc.abstractmethod
    def sign(self, data: Buffer, algorithm: asym_utils.Prehashed | hashes.HashAlgorithm) -> bytes:
        """Signs ``data``."""

    @abc.abstractmethod
    def private_numbers(self) -> DSAPrivateNumbers:
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
    def __copy__(self) -> DSAPrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> DSAPrivateKey:
        """A copy of the key."""


DSAPrivateKeyWithSerialization = DSAPrivateKey


class DSAPublicKey(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of the prime modulus."""

    @abc.abstractmethod
    def parameters(self) -> DSAParameters:
        """The key's parameters."""

    @abc.abstractmethod
    def public_numbers(self) -> DSAPublicNumbers:
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
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm,
    ) -> None:
        """Raises InvalidSignature unless ``signature`` is valid for ``data``."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Whether both are the same key."""

    @abc.abstractmethod
    def __copy__(self) -> DSAPublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> DSAPublicKey:
        """A copy of the key."""


DSAPublicKeyWithSerialization = DSAPublicKey


def generate_parameters(key_size: int, backend: typing.Any = None) -> DSAParameters:
    """New parameters with a p of `key_size` bits (1024, 2048, 3072 or 4096;
    q of 160 bits for 1024, 256 for the others, as pyca on OpenSSL)."""
    from cryptogo.hazmat.primitives.asymmetric import _dsa_impl

    return _dsa_impl.generate_parameters(key_size)


def generate_private_key(key_size: int, backend: typing.Any = None) -> DSAPrivateKey:
    """A new key with new parameters of `key_size` bits."""
    from cryptogo.hazmat.primitives.asymmetric import _dsa_impl

    return _dsa_impl.generate(key_size)
