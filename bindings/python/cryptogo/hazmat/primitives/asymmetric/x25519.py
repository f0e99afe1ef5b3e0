"""``cryptography.hazmat.primitives.asymmetric.x25519``: X25519 key exchange (RFC 7748).

The key interfaces are real ABCs (API shape: type hints, ``isinstance``,
the key-type unions of ``asymmetric.types``). cryptogo does not implement
X25519 yet: the constructors (``generate``, ``from_private_bytes``,
``from_public_bytes``) raise ``UnsupportedAlgorithm``
(``_Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM``), as pyca does when its
backend lacks the algorithm.
"""

from __future__ import annotations

import abc

from cryptogo import _unsupported
from cryptogo.exceptions import UnsupportedAlgorithm, _Reasons
from cryptogo.hazmat.primitives import _serialization
from cryptogo.utils import Buffer as Buffer

__all__ = ["Buffer", "UnsupportedAlgorithm", "X25519PrivateKey", "X25519PublicKey"]

_PK = _Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM


class X25519PublicKey(metaclass=abc.ABCMeta):
    from_public_bytes = classmethod(_unsupported.function(__name__, "X25519PublicKey.from_public_bytes", _PK))

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
    def __copy__(self) -> X25519PublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> X25519PublicKey:
        """A copy of the key."""


class X25519PrivateKey(metaclass=abc.ABCMeta):
    generate = classmethod(_unsupported.function(__name__, "X25519PrivateKey.generate", _PK))
    from_private_bytes = classmethod(_unsupported.function(__name__, "X25519PrivateKey.from_private_bytes", _PK))

    @abc.abstractmethod
    def public_key(self) -> X25519PublicKey:
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
    def __copy__(self) -> X25519PrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> X25519PrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def exchange(self, peer_public_key: X25519PublicKey) -> bytes:
        """The shared secret with ``peer_public_key``."""
