"""``cryptography.hazmat.decrepit.ciphers.algorithms``: legacy block and
stream ciphers. cryptogo implements none of them: each class is a placeholder
that raises ``UnsupportedAlgorithm`` (``_Reasons.UNSUPPORTED_CIPHER``) when
instantiated, and keeps pyca's base class for ``issubclass`` checks."""

from __future__ import annotations

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat.primitives._cipheralgorithm import (
    BlockCipherAlgorithm,
    CipherAlgorithm,
)

__all__ = [
    "ARC4",
    "CAST5",
    "IDEA",
    "RC2",
    "SEED",
    "BlockCipherAlgorithm",
    "Blowfish",
    "Camellia",
    "CipherAlgorithm",
    "TripleDES",
]

_CIPHER = _Reasons.UNSUPPORTED_CIPHER

ARC4 = _unsupported.cls(__name__, "ARC4", _CIPHER, (CipherAlgorithm,))
TripleDES = _unsupported.cls(__name__, "TripleDES", _CIPHER, (BlockCipherAlgorithm,))
Blowfish = _unsupported.cls(__name__, "Blowfish", _CIPHER, (BlockCipherAlgorithm,))
CAST5 = _unsupported.cls(__name__, "CAST5", _CIPHER, (BlockCipherAlgorithm,))
IDEA = _unsupported.cls(__name__, "IDEA", _CIPHER, (BlockCipherAlgorithm,))
SEED = _unsupported.cls(__name__, "SEED", _CIPHER, (BlockCipherAlgorithm,))
RC2 = _unsupported.cls(__name__, "RC2", _CIPHER, (BlockCipherAlgorithm,))
Camellia = _unsupported.cls(__name__, "Camellia", _CIPHER, (BlockCipherAlgorithm,))


class _DES:
    """pyca's marker for tests (DES itself is not supported, there either)."""

    key_size = 64
