"""Small helpers shaped like ``cryptography.utils``."""

from __future__ import annotations

import enum
import typing

__all__ = ["Buffer", "CryptographyDeprecationWarning", "Enum", "int_to_bytes"]


class CryptographyDeprecationWarning(UserWarning):
    pass


# Anything with the buffer protocol; these three are what cryptogo accepts
# wherever pyca accepts a bytes-like object.
Buffer = typing.Union[bytes, bytearray, memoryview]  # noqa: UP007 -- evaluated at import: X | Y needs 3.10, the package installs on 3.9


def int_to_bytes(integer: int, length: int | None = None) -> bytes:
    if length == 0:
        raise ValueError("length argument can't be 0")
    return integer.to_bytes(length or (integer.bit_length() + 7) // 8 or 1, "big")


class Enum(enum.Enum):
    """pyca's utils.Enum: Python 3.9's repr and str on every Python."""

    def __repr__(self) -> str:
        return f"<{self.__class__.__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self) -> str:
        return f"{self.__class__.__name__}.{self._name_}"
