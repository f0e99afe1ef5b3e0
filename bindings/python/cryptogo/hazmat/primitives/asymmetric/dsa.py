"""``cryptography.hazmat.primitives.asymmetric.dsa``: DSA.

The key and parameter interfaces are real ABCs (API shape). cryptogo has no
DSA: generating parameters or keys and the numbers classes raise
``UnsupportedAlgorithm`` (``_Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM``).
"""

from __future__ import annotations

import abc
import typing

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
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

_PK = _Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM

DSAParameterNumbers = _unsupported.cls(__name__, "DSAParameterNumbers", _PK)
DSAPublicNumbers = _unsupported.cls(__name__, "DSAPublicNumbers", _PK)
DSAPrivateNumbers = _unsupported.cls(__name__, "DSAPrivateNumbers", _PK)


class DSAParameters(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def generate_private_key(self) -> DSAPrivateKey:
        """A new private key with these parameters."""

    @abc.abstractmethod
    def parameter_numbers(self) -> typing.Any:
        """The parameters' numbers (a DSAParameterNumbers)."""


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
    def private_numbers(self) -> typing.Any:
        """The key's numbers (a DSAPrivateNumbers)."""

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
    def public_numbers(self) -> typing.Any:
        """The key's numbers (a DSAPublicNumbers)."""

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

generate_parameters = _unsupported.function(__name__, "generate_parameters", _PK)
generate_private_key = _unsupported.function(__name__, "generate_private_key", _PK)
