"""``cryptography.hazmat.primitives.kdf.hkdf``: HKDF (RFC 5869). Placeholders for now:
instantiating one raises ``UnsupportedAlgorithm`` (``_Reasons.UNSUPPORTED_HASH``).
"""

from __future__ import annotations

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat.primitives.kdf import KeyDerivationFunction

__all__ = ["HKDF", "HKDFExpand", "KeyDerivationFunction"]

HKDF = _unsupported.cls(__name__, "HKDF", _Reasons.UNSUPPORTED_HASH, (KeyDerivationFunction,))
HKDFExpand = _unsupported.cls(__name__, "HKDFExpand", _Reasons.UNSUPPORTED_HASH, (KeyDerivationFunction,))
