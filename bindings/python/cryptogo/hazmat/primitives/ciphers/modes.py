"""``cryptography.hazmat.primitives.ciphers.modes``: the mode interfaces
(real ABCs) and the modes, which are placeholders until cryptogo has
``Cipher`` (``UnsupportedAlgorithm``, ``_Reasons.UNSUPPORTED_CIPHER``, on
instantiation). The legacy modes pyca still re-exports here are the
``hazmat.decrepit`` objects."""

from __future__ import annotations

from cryptogo import _unsupported
from cryptogo.exceptions import UnsupportedAlgorithm, _Reasons
from cryptogo.hazmat.decrepit.ciphers.modes import CFB, CFB8, OFB
from cryptogo.hazmat.primitives._cipheralgorithm import (
    BlockCipherAlgorithm,
    CipherAlgorithm,
)
from cryptogo.hazmat.primitives._modes import (
    Mode,
    ModeWithAuthenticationTag,
    ModeWithInitializationVector,
    ModeWithNonce,
    ModeWithTweak,
)

__all__ = [
    "CBC",
    "CFB",
    "CFB8",
    "CTR",
    "ECB",
    "GCM",
    "OFB",
    "XTS",
    "BlockCipherAlgorithm",
    "CipherAlgorithm",
    "Mode",
    "ModeWithAuthenticationTag",
    "ModeWithInitializationVector",
    "ModeWithNonce",
    "ModeWithTweak",
    "UnsupportedAlgorithm",
]

_CIPHER = _Reasons.UNSUPPORTED_CIPHER

CBC = _unsupported.cls(__name__, "CBC", _CIPHER, (ModeWithInitializationVector,))
XTS = _unsupported.cls(__name__, "XTS", _CIPHER, (ModeWithTweak,))
ECB = _unsupported.cls(__name__, "ECB", _CIPHER, (Mode,))
CTR = _unsupported.cls(__name__, "CTR", _CIPHER, (ModeWithNonce,))
GCM = _unsupported.cls(__name__, "GCM", _CIPHER, (ModeWithInitializationVector, ModeWithAuthenticationTag))
