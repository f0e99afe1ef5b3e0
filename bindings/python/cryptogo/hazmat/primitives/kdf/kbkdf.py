"""``cryptography.hazmat.primitives.kdf.kbkdf``: the NIST SP 800-108
key-based KDFs. The ``Mode`` and ``CounterLocation`` enums are real; the
KDFs are placeholders for now (``UnsupportedAlgorithm`` on instantiation:
``_Reasons.UNSUPPORTED_HASH`` for KBKDFHMAC, ``UNSUPPORTED_CIPHER`` for
KBKDFCMAC)."""

from __future__ import annotations

import enum

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat.primitives.kdf import KeyDerivationFunction

__all__ = ["KBKDFCMAC", "KBKDFHMAC", "CounterLocation", "KeyDerivationFunction", "Mode"]


class Mode(enum.Enum):
    CounterMode = "ctr"


class CounterLocation(enum.Enum):
    BeforeFixed = "before_fixed"
    AfterFixed = "after_fixed"
    MiddleFixed = "middle_fixed"


KBKDFHMAC = _unsupported.cls(__name__, "KBKDFHMAC", _Reasons.UNSUPPORTED_HASH, (KeyDerivationFunction,))
KBKDFCMAC = _unsupported.cls(__name__, "KBKDFCMAC", _Reasons.UNSUPPORTED_CIPHER, (KeyDerivationFunction,))
