"""``cryptography.hazmat.primitives.asymmetric.x448``: X448 key exchange (RFC 7748).

The key interfaces are real ABCs (API shape: type hints, ``isinstance``,
the key-type unions of ``asymmetric.types``). cryptogo does not implement
X448 yet: the constructors (``generate``, ``from_private_bytes``,
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

__all__ = ["Buffer", "UnsupportedAlgorithm", "X448PrivateKey", "X448PublicKey"]

_PK = _Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM


class X448PublicKey(metaclass=abc.ABCMeta):
    from_public_bytes = classmethod(_unsupported.function(__name__, "X448PublicKey.from_public_bytes", _PK))

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
    def __copy__(self) -> X448PublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> X448PublicKey:
        """A copy of the key."""


class X448PrivateKey(metaclass=abc.ABCMeta):
    generate = classmethod(_unsupported.function(__name__, "X448PrivateKey.generate", _PK))
    from_private_bytes = classmethod(_unsupported.function(__name__, "X448PrivateKey.from_private_bytes", _PK))

    @abc.abstractmethod
    def public_key(self) -> X448PublicKey:
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
    def __copy__(self) -> X448PrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> X448PrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def exchange(self, peer_public_key: X448PublicKey) -> bytes:
        """The shared secret with ``peer_public_key``."""
