"""``cryptography.hazmat.primitives.kdf.concatkdf``: the NIST SP 800-56A concatenation KDF. Placeholders for now:
instantiating one raises ``UnsupportedAlgorithm`` (``_Reasons.UNSUPPORTED_HASH``).
"""

from __future__ import annotations

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat.primitives.kdf import KeyDerivationFunction

__all__ = ["ConcatKDFHash", "ConcatKDFHMAC", "KeyDerivationFunction"]

ConcatKDFHash = _unsupported.cls(__name__, "ConcatKDFHash", _Reasons.UNSUPPORTED_HASH, (KeyDerivationFunction,))
ConcatKDFHMAC = _unsupported.cls(__name__, "ConcatKDFHMAC", _Reasons.UNSUPPORTED_HASH, (KeyDerivationFunction,))
