"""``cryptography.hazmat.primitives.twofactor.totp``: TOTP (RFC 6238).
``TOTP`` is a placeholder for now (``UnsupportedAlgorithm``,
``_Reasons.UNSUPPORTED_MAC``, on instantiation)."""

from __future__ import annotations

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat.primitives.twofactor import InvalidToken
from cryptogo.hazmat.primitives.twofactor.hotp import HOTP, HOTPHashTypes
from cryptogo.utils import Buffer

__all__ = ["Buffer", "HOTP", "TOTP", "HOTPHashTypes", "InvalidToken"]

TOTP = _unsupported.cls(__name__, "TOTP", _Reasons.UNSUPPORTED_MAC)
