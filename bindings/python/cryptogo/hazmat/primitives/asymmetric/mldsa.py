"""``cryptography.hazmat.primitives.asymmetric.mldsa``: ML-DSA signatures (FIPS 204).

The key interfaces are real ABCs (API shape: type hints, ``isinstance``,
the key-type unions of ``asymmetric.types``). cryptogo does not implement
ML-DSA yet: the constructors (``generate``, ``from_seed_bytes``,
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
    "MLDSA44PrivateKey",
    "MLDSA44PublicKey",
    "MLDSA65PrivateKey",
    "MLDSA65PublicKey",
    "MLDSA87PrivateKey",
    "MLDSA87PublicKey",
    "UnsupportedAlgorithm",
]

_PK = _Reasons.UNSUPPORTED_PUBLIC_KEY_ALGORITHM


class MLDSA44PublicKey(metaclass=abc.ABCMeta):
    from_public_bytes = classmethod(_unsupported.function(__name__, "MLDSA44PublicKey.from_public_bytes", _PK))

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
    def __copy__(self) -> MLDSA44PublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLDSA44PublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def verify(self, signature: Buffer, data: Buffer, context: Buffer | None = None) -> None:
        """Raises InvalidSignature unless ``signature`` is valid for ``data``."""

    @abc.abstractmethod
    def verify_mu(self, signature: Buffer, mu: Buffer) -> None:
        """Raises InvalidSignature unless ``signature`` is valid for mu."""


class MLDSA44PrivateKey(metaclass=abc.ABCMeta):
    generate = classmethod(_unsupported.function(__name__, "MLDSA44PrivateKey.generate", _PK))
    from_seed_bytes = classmethod(_unsupported.function(__name__, "MLDSA44PrivateKey.from_seed_bytes", _PK))

    @abc.abstractmethod
    def public_key(self) -> MLDSA44PublicKey:
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
    def __copy__(self) -> MLDSA44PrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLDSA44PrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def sign(self, data: Buffer, context: Buffer | None = None) -> bytes:
        """Signs ``data`` (with an optional context string)."""

    @abc.abstractmethod
    def sign_mu(self, mu: Buffer) -> bytes:
        """Signs a precomputed message representative mu."""


class MLDSA65PublicKey(metaclass=abc.ABCMeta):
    from_public_bytes = classmethod(_unsupported.function(__name__, "MLDSA65PublicKey.from_public_bytes", _PK))

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
    def __copy__(self) -> MLDSA65PublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLDSA65PublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def verify(self, signature: Buffer, data: Buffer, context: Buffer | None = None) -> None:
        """Raises InvalidSignature unless ``signature`` is valid for ``data``."""

    @abc.abstractmethod
    def verify_mu(self, signature: Buffer, mu: Buffer) -> None:
        """Raises InvalidSignature unless ``signature`` is valid for mu."""


class MLDSA65PrivateKey(metaclass=abc.ABCMeta):
    generate = classmethod(_unsupported.function(__name__, "MLDSA65PrivateKey.generate", _PK))
    from_seed_bytes = classmethod(_unsupported.function(__name__, "MLDSA65PrivateKey.from_seed_bytes", _PK))

    @abc.abstractmethod
    def public_key(self) -> MLDSA65PublicKey:
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
    def __copy__(self) -> MLDSA65PrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLDSA65PrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def sign(self, data: Buffer, context: Buffer | None = None) -> bytes:
        """Signs ``data`` (with an optional context string)."""

    @abc.abstractmethod
    def sign_mu(self, mu: Buffer) -> bytes:
        """Signs a precomputed message representative mu."""


class MLDSA87PublicKey(metaclass=abc.ABCMeta):
    from_public_bytes = classmethod(_unsupported.function(__name__, "MLDSA87PublicKey.from_public_bytes", _PK))

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
    def __copy__(self) -> MLDSA87PublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLDSA87PublicKey:
        """A copy of the key."""

    @abc.abstractmethod
    def verify(self, signature: Buffer, data: Buffer, context: Buffer | None = None) -> None:
        """Raises InvalidSignature unless ``signature`` is valid for ``data``."""

    @abc.abstractmethod
    def verify_mu(self, signature: Buffer, mu: Buffer) -> None:
        """Raises InvalidSignature unless ``signature`` is valid for mu."""


class MLDSA87PrivateKey(metaclass=abc.ABCMeta):
    generate = classmethod(_unsupported.function(__name__, "MLDSA87PrivateKey.generate", _PK))
    from_seed_bytes = classmethod(_unsupported.function(__name__, "MLDSA87PrivateKey.from_seed_bytes", _PK))

    @abc.abstractmethod
    def public_key(self) -> MLDSA87PublicKey:
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
    def __copy__(self) -> MLDSA87PrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict[int, object]) -> MLDSA87PrivateKey:
        """A copy of the key."""

    @abc.abstractmethod
    def sign(self, data: Buffer, context: Buffer | None = None) -> bytes:
        """Signs ``data`` (with an optional context string)."""

    @abc.abstractmethod
    def sign_mu(self, mu: Buffer) -> bytes:
        """Signs a precomputed message representative mu."""


# The incremental mu = H(tr || M') hasher of FIPS 204 (for sign_mu / verify_mu).
MLDSAMuHasher = _unsupported.cls(__name__, "MLDSAMuHasher", _PK)
__all__ += ["MLDSAMuHasher"]
