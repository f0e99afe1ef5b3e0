"""``cryptography.hazmat.primitives.asymmetric.dh``: finite-field
Diffie-Hellman (deprecated in pyca 50).

The key and parameter interfaces are real ABCs (API shape). cryptogo has no
DH: generating parameters and the numbers classes raise
``UnsupportedAlgorithm`` (``_Reasons.UNSUPPORTED_DIFFIE_HELLMAN``).
"""

from __future__ import annotations

import abc
import typing

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat.primitives import _serialization

__all__ = [
    "DHParameterNumbers",
    "DHParameters",
    "DHParametersWithSerialization",
    "DHPrivateKey",
    "DHPrivateKeyWithSerialization",
    "DHPrivateNumbers",
    "DHPublicKey",
    "DHPublicKeyWithSerialization",
    "DHPublicNumbers",
    "generate_parameters",
]

_DH = _Reasons.UNSUPPORTED_DIFFIE_HELLMAN

generate_parameters = _unsupported.function(__name__, "generate_parameters", _DH)
DHPrivateNumbers = _unsupported.cls(__name__, "DHPrivateNumbers", _DH)
DHPublicNumbers = _unsupported.cls(__name__, "DHPublicNumbers", _DH)
DHParameterNumbers = _unsupported.cls(__name__, "DHParameterNumbers", _DH)


class DHParameters(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def generate_private_key(self) -> DHPrivateKey:
        """A new private key with these parameters."""

    @abc.abstractmethod
    def parameter_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.ParameterFormat,
    ) -> bytes:
        """The serialized parameters."""

    @abc.abstractmethod
    def parameter_numbers(self) -> typing.Any:
        """The parameters' numbers (a DHParameterNumbers)."""


DHParametersWithSerialization = DHParameters


class DHPublicKey(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of the prime modulus."""

    @abc.abstractmethod
    def parameters(self) -> DHParameters:
        """The key's parameters."""

    @abc.abstractmethod
    def public_numbers(self) -> typing.Any:
        """The key's numbers (a DHPublicNumbers)."""

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The serialized public key."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Whether both are the same key."""

    @abc.abstractmethod
    def __copy__(self) -> DHPublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> DHPublicKey:
        """A copy of the key."""


DHPublicKeyWithSerialization = DHPublicKey


class DHPrivateKey(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of the prime modulus."""

    @abc.abstractmethod
    def public_key(self) -> DHPublicKey:
        """The matching public key."""

    @abc.abstractmethod
    def parameters(self) -> DHParameters:
        """The key's parameters."""

    @abc.abstractmethod
    def exchange(self, peer_public_key: DHPublicKey) -> bytes:
        """The shared secret with ``peer_public_key``."""

    @abc.abstractmethod
    def private_numbers(self) -> typing.Any:
        """The key's numbers (a DHPrivateNumbers)."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """The serialized private key."""

    @abc.abstractmethod
    def __copy__(self) -> DHPrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> DHPrivateKey:
        """A copy of the key."""


DHPrivateKeyWithSerialization = DHPrivateKey

# pyca's asymmetric.types names these private aliases (so that importing it
# does not trigger the FFDH deprecation warning).
_DHPublicKey = DHPublicKey
_DHPrivateKey = DHPrivateKey
