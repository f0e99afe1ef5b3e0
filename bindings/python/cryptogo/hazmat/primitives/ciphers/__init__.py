"""``cryptography.hazmat.primitives.ciphers``: the names code imports from
the package (``Cipher``, the algorithm and context interfaces).

``Cipher`` is a placeholder for now (see :mod:`.base`); ``algorithms`` and
``modes`` are importable submodules whose classes are placeholders too.
"""

from __future__ import annotations

from cryptogo.hazmat.primitives._cipheralgorithm import (
    BlockCipherAlgorithm,
    CipherAlgorithm,
)
from cryptogo.hazmat.primitives.ciphers.base import (
    AEADCipherContext,
    AEADDecryptionContext,
    AEADEncryptionContext,
    Cipher,
    CipherContext,
)

__all__ = [
    "AEADCipherContext",
    "AEADDecryptionContext",
    "AEADEncryptionContext",
    "BlockCipherAlgorithm",
    "Cipher",
    "CipherAlgorithm",
    "CipherContext",
]
