"""``cryptography.hazmat.primitives.twofactor.hotp``: HOTP (RFC 4226).
``HOTP`` is a placeholder for now (``UnsupportedAlgorithm``,
``_Reasons.UNSUPPORTED_MAC``, on instantiation); the hash union is real."""

from __future__ import annotations

import typing

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat.primitives.hashes import SHA1, SHA256, SHA512
from cryptogo.hazmat.primitives.twofactor import InvalidToken
from cryptogo.utils import Buffer

__all__ = ["Buffer", "HOTP", "SHA1", "SHA256", "SHA512", "HOTPHashTypes", "InvalidToken"]

HOTPHashTypes = typing.Union[SHA1, SHA256, SHA512]  # noqa: UP007 -- evaluated at import (3.9)

HOTP = _unsupported.cls(__name__, "HOTP", _Reasons.UNSUPPORTED_MAC)
