"""Constant-time comparison, as ``cryptography.hazmat.primitives.constant_time``."""

from __future__ import annotations

import hmac

__all__ = ["bytes_eq"]


def bytes_eq(a: bytes, b: bytes) -> bool:
    if not isinstance(a, bytes) or not isinstance(b, bytes):
        raise TypeError("a and b must be bytes.")

    return hmac.compare_digest(a, b)
