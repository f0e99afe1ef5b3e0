"""``cryptography.cobblestone``: pyca's Cobblestone stream encryptors and
decryptors. Placeholders: cryptogo does not implement Cobblestone
(``UnsupportedAlgorithm``, ``_Reasons.UNSUPPORTED_CIPHER``, on
instantiation)."""

from __future__ import annotations

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons

__all__ = [
    "Cobblestone128Decryptor",
    "Cobblestone128Encryptor",
    "Cobblestone256Decryptor",
    "Cobblestone256Encryptor",
]

_CIPHER = _Reasons.UNSUPPORTED_CIPHER

Cobblestone128Decryptor = _unsupported.cls(__name__, "Cobblestone128Decryptor", _CIPHER)
Cobblestone128Encryptor = _unsupported.cls(__name__, "Cobblestone128Encryptor", _CIPHER)
Cobblestone256Decryptor = _unsupported.cls(__name__, "Cobblestone256Decryptor", _CIPHER)
Cobblestone256Encryptor = _unsupported.cls(__name__, "Cobblestone256Encryptor", _CIPHER)
