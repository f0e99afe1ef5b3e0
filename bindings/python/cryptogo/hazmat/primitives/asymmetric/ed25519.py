"""``cryptography.hazmat.primitives.asymmetric.ed25519``: Ed25519 signatures (RFC 8032).

The key interfaces are pyca's ABCs, with pyca's constructors on them
(``generate``, ``from_private_bytes``, ``from_public_bytes``); the keys they
return are libcrypto-go key handles (:mod:`._edx_impl`), which
``serialization.load_*`` returns too.
"""

from __future__ import annotations

import abc

from cryptogo.hazmat.primitives import _serialization
from cryptogo.utils import Buffer

__all__ = ["Ed25519PrivateKey", "Ed25519PublicKey"]


class Ed25519PublicKey(metaclass=abc.ABCMeta):
    @classmethod
    def from_public_bytes(cls, data: bytes) -> Ed25519PublicKey:
        from cryptogo.hazmat.primitives.asymmetric import _edx_impl

        key: Ed25519PublicKey = _edx_impl.public_from_raw(_edx_impl.ED25519, data)
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
    def __copy__(self) -> Ed25519PublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> Ed25519PublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def verify(self, signature: Buffer, data: Buffer) -> None:
        """Raises InvalidSignature unless ``signature`` is valid for ``data``."""


class Ed25519PrivateKey(metaclass=abc.ABCMeta):
    @classmethod
    def generate(cls) -> Ed25519PrivateKey:
        from cryptogo.hazmat.primitives.asymmetric import _edx_impl

        key: Ed25519PrivateKey = _edx_impl.generate(_edx_impl.ED25519)
        return key

    @classmethod
    def from_private_bytes(cls, data: Buffer) -> Ed25519PrivateKey:
        from cryptogo.hazmat.primitives.asymmetric import _edx_impl

        key: Ed25519PrivateKey = _edx_impl.private_from_raw(_edx_impl.ED25519, data)
        return key

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
