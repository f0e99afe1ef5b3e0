"""``cryptography.hazmat.primitives.padding``: block padding (PKCS7,
ANSI X9.23). The context interface is a real ABC; the paddings are
placeholders for now (``UnsupportedAlgorithm``,
``_Reasons.UNSUPPORTED_PADDING``, on instantiation)."""

from __future__ import annotations

import abc

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.utils import Buffer

__all__ = [
    "ANSIX923",
    "PKCS7",
    "ANSIX923PaddingContext",
    "ANSIX923UnpaddingContext",
    "PKCS7PaddingContext",
    "PKCS7UnpaddingContext",
    "PaddingContext",
]


class PaddingContext(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def update(self, data: Buffer) -> bytes:
        """Pads or unpads ``data``; returns the output so far."""

    @abc.abstractmethod
    def finalize(self) -> bytes:
        """Returns the remaining output."""


_PADDING = _Reasons.UNSUPPORTED_PADDING

PKCS7 = _unsupported.cls(__name__, "PKCS7", _PADDING)
ANSIX923 = _unsupported.cls(__name__, "ANSIX923", _PADDING)
PKCS7PaddingContext = _unsupported.cls(__name__, "PKCS7PaddingContext", _PADDING)
PKCS7UnpaddingContext = _unsupported.cls(__name__, "PKCS7UnpaddingContext", _PADDING)
ANSIX923PaddingContext = _unsupported.cls(__name__, "ANSIX923PaddingContext", _PADDING)
ANSIX923UnpaddingContext = _unsupported.cls(__name__, "ANSIX923UnpaddingContext", _PADDING)
