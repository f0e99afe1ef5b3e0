"""Serialization enums and encryption choices (kept apart to break an import
cycle, as in pyca); reached through ``serialization``."""

from __future__ import annotations

import abc
import enum

from cryptogo.hazmat.primitives.hashes import HashAlgorithm


class _Enum(enum.Enum):
    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"

    __str__ = __repr__


class Encoding(_Enum):
    PEM = "PEM"
    DER = "DER"
    OpenSSH = "OpenSSH"
    Raw = "Raw"
    X962 = "ANSI X9.62"
    SMIME = "S/MIME"


class PrivateFormat(_Enum):
    PKCS8 = "PKCS8"
    TraditionalOpenSSL = "TraditionalOpenSSL"
    Raw = "Raw"
    OpenSSH = "OpenSSH"
    PKCS12 = "PKCS12"

    def encryption_builder(self) -> KeySerializationEncryptionBuilder:
        if self not in (PrivateFormat.OpenSSH, PrivateFormat.PKCS12):
            raise ValueError("encryption_builder only supported with PrivateFormat.OpenSSH and PrivateFormat.PKCS12")
        return KeySerializationEncryptionBuilder(self)


class PublicFormat(_Enum):
    SubjectPublicKeyInfo = "X.509 subjectPublicKeyInfo with PKCS#1"
    PKCS1 = "Raw PKCS#1"
    OpenSSH = "OpenSSH"
    Raw = "Raw"
    CompressedPoint = "X9.62 Compressed Point"
    UncompressedPoint = "X9.62 Uncompressed Point"


class ParameterFormat(_Enum):
    PKCS3 = "PKCS3"


class KeySerializationEncryption(metaclass=abc.ABCMeta):  # noqa: B024 -- abstract without methods, as pyca declares it
    pass


class BestAvailableEncryption(KeySerializationEncryption):
    def __init__(self, password: bytes):
        if not isinstance(password, bytes) or len(password) == 0:
            raise ValueError("Password must be 1 or more bytes.")

        self.password = password


class NoEncryption(KeySerializationEncryption):
    pass


class KeySerializationEncryptionBuilder:
    """pyca's builder, for API compatibility: libcrypto-go serializes only
    PKCS8 and TraditionalOpenSSL, so what it builds (OpenSSH/PKCS12
    encryption) is rejected by ``private_bytes``."""

    def __init__(
        self,
        format: PrivateFormat,
        *,
        _kdf_rounds: int | None = None,
        _hmac_hash: HashAlgorithm | None = None,
    ) -> None:
        self._format = format
        self._kdf_rounds = _kdf_rounds
        self._hmac_hash = _hmac_hash

    def kdf_rounds(self, rounds: int) -> KeySerializationEncryptionBuilder:
        if self._kdf_rounds is not None:
            raise ValueError("kdf_rounds already set")
        if not isinstance(rounds, int):
            raise TypeError("kdf_rounds must be an integer")
        if rounds < 1:
            raise ValueError("kdf_rounds must be a positive integer")
        return KeySerializationEncryptionBuilder(self._format, _kdf_rounds=rounds, _hmac_hash=self._hmac_hash)

    def build(self, password: bytes) -> KeySerializationEncryption:
        if not isinstance(password, bytes) or len(password) == 0:
            raise ValueError("Password must be 1 or more bytes.")
        return _KeySerializationEncryption(self._format, password, kdf_rounds=self._kdf_rounds)


class _KeySerializationEncryption(KeySerializationEncryption):
    def __init__(self, format: PrivateFormat, password: bytes, *, kdf_rounds: int | None):
        self._format = format
        self.password = password
        self._kdf_rounds = kdf_rounds
