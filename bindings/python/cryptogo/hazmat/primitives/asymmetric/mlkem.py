"""``cryptography.hazmat.primitives.asymmetric.mlkem``: ML-KEM key encapsulation (FIPS 203).

The key interfaces are real ABCs (API shape: type hints, ``isinstance``,
the key-type unions of ``asymmetric.types``). cryptogo does not implement
ML-KEM yet: the constructors (``generate``, ``from_seed_bytes``,
``from_public_bytes``) raise ``UnsupportedAlgorithm``
(``_Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM``), as pyca does when its
backend lacks the algorithm.
"""

from __future__ import annotations

import abc

from cryptogo import _unsupported
from cryptogo.exceptions import UnsupportedAlgorithm, _Reasons
from cryptogo.hazmat.primitives import _serialization
from cryptogo.utils import Buffer

__all__ = [
    "MLKEM1024PrivateKey",
    "MLKEM1024PublicKey",
    "MLKEM768PrivateKey",
    "MLKEM768PublicKey",
    "UnsupportedAlgorithm",
]

_PK = _Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM


class MLKEM768PublicKey(metaclass=abc.ABCMeta):
    from_public_bytes = classmethod(_unsupported.function(__name__, "MLKEM768PublicKey.from_public_bytes", _PK))

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The serialized public key."""

    @abc.abstractmethod
    def public_bytes_raw(self) -> bytes:
        """The raw public key bytes."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Whether both are the same key."""

    @abc.abstractmethod
    def __copy__(self) -> MLKEM768PublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLKEM768PublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def encapsulate(self) -> tuple[bytes, bytes]:
        """A fresh (shared secret, ciphertext) pair."""


class MLKEM768PrivateKey(metaclass=abc.ABCMeta):
    generate = classmethod(_unsupported.function(__name__, "MLKEM768PrivateKey.generate", _PK))
    from_seed_bytes = classmethod(_unsupported.function(__name__, "MLKEM768PrivateKey.from_seed_bytes", _PK))

    @abc.abstractmethod
    def public_key(self) -> MLKEM768PublicKey:
        """The matching public key."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """The serialized private key."""

    @abc.abstractmethod
    def private_bytes_raw(self) -> bytes:
        """The raw private key bytes."""

    @abc.abstractmethod
    def __copy__(self) -> MLKEM768PrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLKEM768PrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def decapsulate(self, ciphertext: Buffer) -> bytes:
        """The shared secret ``ciphertext`` encapsulates."""


class MLKEM1024PublicKey(metaclass=abc.ABCMeta):
    from_public_bytes = classmethod(_unsupported.function(__name__, "MLKEM1024PublicKey.from_public_bytes", _PK))

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """The serialized public key."""

    @abc.abstractmethod
    def public_bytes_raw(self) -> bytes:
        """The raw public key bytes."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Whether both are the same key."""

    @abc.abstractmethod
    def __copy__(self) -> MLKEM1024PublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLKEM1024PublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def encapsulate(self) -> tuple[bytes, bytes]:
        """A fresh (shared secret, ciphertext) pair."""


class MLKEM1024PrivateKey(metaclass=abc.ABCMeta):
    generate = classmethod(_unsupported.function(__name__, "MLKEM1024PrivateKey.generate", _PK))
    from_seed_bytes = classmethod(_unsupported.function(__name__, "MLKEM1024PrivateKey.from_seed_bytes", _PK))

    @abc.abstractmethod
    def public_key(self) -> MLKEM1024PublicKey:
        """The matching public key."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """The serialized private key."""

    @abc.abstractmethod
    def private_bytes_raw(self) -> bytes:
        """The raw private key bytes."""

    @abc.abstractmethod
    def __copy__(self) -> MLKEM1024PrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLKEM1024PrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def decapsulate(self, ciphertext: Buffer) -> bytes:
        """The shared secret ``ciphertext`` encapsulates."""
