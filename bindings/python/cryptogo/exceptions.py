"""Exceptions raised by cryptogo, named and shaped like
``cryptography.exceptions`` (pyca/cryptography 50)."""

from __future__ import annotations

import enum
import typing

__all__ = [
    "AlreadyFinalized",
    "AlreadyUpdated",
    "InternalError",
    "InvalidKey",
    "InvalidSignature",
    "InvalidTag",
    "NotYetFinalized",
    "UnsupportedAlgorithm",
]


class UnsupportedAlgorithm(Exception):
    def __init__(self, message: str, reason: typing.Any = None) -> None:
        super().__init__(message)
        self._reason = reason


class AlreadyFinalized(Exception):
    pass


class AlreadyUpdated(Exception):
    pass


class NotYetFinalized(Exception):
    pass


class InvalidTag(Exception):
    pass


class InvalidSignature(Exception):
    pass


class InternalError(Exception):
    """A bug in libcrypto-go (a recovered panic) or in this binding."""

    def __init__(self, msg: str, err_code: list[typing.Any] | None = None) -> None:
        super().__init__(msg)
        self.err_code = err_code if err_code is not None else []


class InvalidKey(Exception):
    pass


class _Reasons(enum.Enum):
    BACKEND_MISSING_INTERFACE = 0
    UNSUPPORTED_HASH = 1
    UNSUPPORTED_CIPHER = 2
    UNSUPPORTED_PADDING = 3
    UNSUPPORTED_MGF = 4
    UNSUPPORTED_PUBLIC_KEY_ALGORITHM = 5
    UNSUPPORTED_ELLIPTIC_CURVE = 6
    UNSUPPORTED_SERIALIZATION = 7
    UNSUPPORTED_X509 = 8
    UNSUPPORTED_EXCHANGE_ALGORITHM = 9
    UNSUPPORTED_DIFFIE_HELLMAN = 10
    UNSUPPORTED_MAC = 11
