"""``cryptography.hazmat.primitives.twofactor``: HOTP and TOTP (RFC 4226,
RFC 6238)."""

from __future__ import annotations

__all__ = ["InvalidToken"]


class InvalidToken(Exception):
    pass
