"""``cryptography.hazmat.primitives.kdf.argon2``: Argon2 (RFC 9106). Placeholders for now:
instantiating one raises ``UnsupportedAlgorithm`` (``_Reasons.UNSUPPORTED_HASH``).
"""

from __future__ import annotations

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat.primitives.kdf import KeyDerivationFunction

__all__ = ["Argon2d", "Argon2i", "Argon2id", "KeyDerivationFunction"]

Argon2d = _unsupported.cls(__name__, "Argon2d", _Reasons.UNSUPPORTED_HASH, (KeyDerivationFunction,))
Argon2i = _unsupported.cls(__name__, "Argon2i", _Reasons.UNSUPPORTED_HASH, (KeyDerivationFunction,))
Argon2id = _unsupported.cls(__name__, "Argon2id", _Reasons.UNSUPPORTED_HASH, (KeyDerivationFunction,))
