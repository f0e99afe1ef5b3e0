"""``cryptography.hazmat.primitives.kdf.scrypt``: scrypt (RFC 7914). Placeholders for now:
instantiating one raises ``UnsupportedAlgorithm`` (``_Reasons.UNSUPPORTED_HASH``).
"""

from __future__ import annotations

import sys

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat.primitives.kdf import KeyDerivationFunction

__all__ = ["Scrypt", "KeyDerivationFunction"]

# pyca's bound on scrypt's memory use (its tests import it).
_MEM_LIMIT = sys.maxsize // 2

Scrypt = _unsupported.cls(__name__, "Scrypt", _Reasons.UNSUPPORTED_HASH, (KeyDerivationFunction,))
