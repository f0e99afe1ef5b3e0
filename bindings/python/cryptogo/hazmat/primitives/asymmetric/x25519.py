"""``cryptography.hazmat.primitives.asymmetric.x25519``: X25519 key exchange (RFC 7748).

The key interfaces are pyca's ABCs, with pyca's constructors on them
(``generate``, ``from_private_bytes``, ``from_public_bytes``); the keys they
return are libcrypto-go key handles (:mod:`._edx_impl`), which
``serialization.load_*`` returns too.
"""

from __future__ import annotations

import abc

from cryptogo.exceptions import UnsupportedAlgorithm
from cryptogo.hazmat.primitives import _serialization
from cryptogo.utils import Buffer as Buffer

__all__ = ["Buffer", "UnsupportedAlgorithm", "X25519PrivateKey", "X25519PublicKey"]


class X25519PublicKey(metaclass=abc.ABCMeta):
    @classmethod
    def from_public_bytes(cls, data: bytes) -> X25519PublicKey:
        from cryptogo.hazmat.primitives.asymmetric import _edx_impl

        key: X25519PublicKey = _edx_impl.public_from_raw(_edx_impl.X25519, data)
        return key

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
    @classmethod
    def generate(cls) -> X25519PrivateKey:
        from cryptogo.hazmat.primitives.asymmetric import _edx_impl

        key: X25519PrivateKey = _edx_impl.generate(_edx_impl.X25519)
        return key

    @classmethod
    def from_private_bytes(cls, data: Buffer) -> X25519PrivateKey:
        from cryptogo.hazmat.primitives.asymmetric import _edx_impl

        key: X25519PrivateKey = _edx_impl.private_from_raw(_edx_impl.X25519, data)
        return key

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
