"""``cryptography.hazmat.primitives.ciphers.base``: the ``Cipher`` front end
and its context interfaces.

The context interfaces are real ABCs (API shape). ``Cipher`` itself is a
placeholder until cryptogo implements block ciphers: constructing one raises
``UnsupportedAlgorithm`` (``_Reasons.UNSUPPORTED_CIPHER``), as pyca does for a
cipher its backend lacks. Authenticated encryption is available through
``ciphers.aead`` (AESGCM, ChaCha20Poly1305).
"""

from __future__ import annotations

import abc

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat.primitives._cipheralgorithm import CipherAlgorithm
from cryptogo.utils import Buffer

__all__ = [
    "AEADCipherContext",
    "AEADDecryptionContext",
    "AEADEncryptionContext",
    "Cipher",
    "CipherAlgorithm",
    "CipherContext",
]


class CipherContext(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def update(self, data: Buffer) -> bytes:
        """Processes ``data`` and returns the output."""

    @abc.abstractmethod
    def update_into(self, data: Buffer, buf: Buffer) -> int:
        """Processes ``data`` into ``buf``; returns the bytes written."""

    @abc.abstractmethod
    def finalize(self) -> bytes:
        """Returns the remaining output; the context is finished."""

    @abc.abstractmethod
    def reset_nonce(self, nonce: bytes) -> None:
        """Resets the nonce (ChaCha20 and CTR only)."""


class AEADCipherContext(CipherContext, metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def authenticate_additional_data(self, data: Buffer) -> None:
        """Adds associated data that is authenticated but not encrypted."""


class AEADDecryptionContext(AEADCipherContext, metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def finalize_with_tag(self, tag: bytes) -> bytes:
        """Finishes decryption, checking ``tag``."""


class AEADEncryptionContext(AEADCipherContext, metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def tag(self) -> bytes:
        """The authentication tag, after ``finalize``."""


Cipher = _unsupported.cls(__name__, "Cipher", _Reasons.UNSUPPORTED_CIPHER)
