"""``cryptography.hazmat.primitives.asymmetric.ed25519``: Ed25519 signatures (RFC 8032).

The key interfaces are real ABCs (API shape: type hints, ``isinstance``,
the key-type unions of ``asymmetric.types``). cryptogo does not implement
Ed25519 yet: the constructors (``generate``, ``from_private_bytes``,
``from_public_bytes``) raise ``UnsupportedAlgorithm``
(``_Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM``), as pyca does when its
backend lacks the algorithm.
"""

from __future__ import annotations

import abc

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat.primitives import _serialization
from cryptogo.utils import Buffer

__all__ = ["Ed25519PrivateKey", "Ed25519PublicKey"]

_PK = _Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM


class Ed25519PublicKey(metaclass=abc.ABCMeta):
    from_public_bytes = classmethod(_unsupported.function(__name__, "Ed25519PublicKey.from_public_bytes", _PK))

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
    def __copy__(self) -> Ed25519PublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> Ed25519PublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def verify(self, signature: Buffer, data: Buffer) -> None:
        """Raises InvalidSignature unless ``signature`` is valid for ``data``."""


class Ed25519PrivateKey(metaclass=abc.ABCMeta):
    generate = classmethod(_unsupported.function(__name__, "Ed25519PrivateKey.generate", _PK))
    from_private_bytes = classmethod(_unsupported.function(__name__, "Ed25519PrivateKey.from_private_bytes", _PK))

    @abc.abstractmethod
    def public_key(self) -> Ed25519PublicKey:
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
    def __copy__(self) -> Ed25519PrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> Ed25519PrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def sign(self, data: Buffer) -> bytes:
        """Signs ``data``."""
