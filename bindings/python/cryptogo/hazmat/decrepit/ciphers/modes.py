"""``cryptography.hazmat.decrepit.ciphers.modes``: legacy modes, placeholders
(``UnsupportedAlgorithm``, ``_Reasons.UNSUPPORTED_CIPHER``, on use)."""

from __future__ import annotations

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat.primitives._modes import ModeWithInitializationVector

__all__ = ["CFB", "CFB8", "OFB", "ModeWithInitializationVector"]

_CIPHER = _Reasons.UNSUPPORTED_CIPHER

OFB = _unsupported.cls(__name__, "OFB", _CIPHER, (ModeWithInitializationVector,))
CFB = _unsupported.cls(__name__, "CFB", _CIPHER, (ModeWithInitializationVector,))
CFB8 = _unsupported.cls(__name__, "CFB8", _CIPHER, (ModeWithInitializationVector,))
