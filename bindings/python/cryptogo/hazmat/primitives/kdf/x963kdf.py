"""``cryptography.hazmat.primitives.kdf.x963kdf``: the ANSI X9.63 KDF. Placeholders for now:
instantiating one raises ``UnsupportedAlgorithm`` (``_Reasons.UNSUPPORTED_HASH``).
"""

from __future__ import annotations

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat.primitives.kdf import KeyDerivationFunction

__all__ = ["X963KDF", "KeyDerivationFunction"]

X963KDF = _unsupported.cls(__name__, "X963KDF", _Reasons.UNSUPPORTED_HASH, (KeyDerivationFunction,))
