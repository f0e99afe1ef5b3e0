"""``cryptography.hazmat.primitives.hpke``: Hybrid Public Key Encryption
(RFC 9180). The algorithm choices (``KEM``, ``KDF``, ``AEAD``) are real
enums; ``Suite`` and the hybrid keys are placeholders for now
(``UnsupportedAlgorithm``, ``_Reasons.UNSUPPORTED_EXCHANGE_ALGORITHM``, on
use). Member values are opaque (pyca's enums expose none)."""

from __future__ import annotations

import enum

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons

__all__ = [
    "AEAD",
    "KDF",
    "KEM",
    "MLKEM768X25519PrivateKey",
    "MLKEM768X25519PublicKey",
    "MLKEM1024P384PrivateKey",
    "MLKEM1024P384PublicKey",
    "Suite",
]

_KEX = _Reasons.UNSUPPORTED_EXCHANGE_ALGORITHM


class KEM(enum.Enum):
    X25519 = enum.auto()
    P256 = enum.auto()
    P384 = enum.auto()
    P521 = enum.auto()
    MLKEM768 = enum.auto()
    MLKEM1024 = enum.auto()
    MLKEM768_X25519 = enum.auto()
    MLKEM1024_P384 = enum.auto()


class KDF(enum.Enum):
    HKDF_SHA256 = enum.auto()
    HKDF_SHA384 = enum.auto()
    HKDF_SHA512 = enum.auto()
    SHAKE128 = enum.auto()
    SHAKE256 = enum.auto()


class AEAD(enum.Enum):
    AES_128_GCM = enum.auto()
    AES_256_GCM = enum.auto()
    CHACHA20_POLY1305 = enum.auto()


Suite = _unsupported.cls(__name__, "Suite", _KEX)
MLKEM768X25519PrivateKey = _unsupported.cls(__name__, "MLKEM768X25519PrivateKey", _KEX)
MLKEM768X25519PublicKey = _unsupported.cls(__name__, "MLKEM768X25519PublicKey", _KEX)
MLKEM1024P384PrivateKey = _unsupported.cls(__name__, "MLKEM1024P384PrivateKey", _KEX)
MLKEM1024P384PublicKey = _unsupported.cls(__name__, "MLKEM1024P384PublicKey", _KEX)
