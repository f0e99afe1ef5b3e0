"""``cryptography.hazmat.primitives.keywrap``: AES key wrap (RFC 3394,
RFC 5649). ``InvalidUnwrap`` is real; the functions are placeholders for now
(``UnsupportedAlgorithm``, ``_Reasons.UNSUPPORTED_CIPHER``, when called)."""

from __future__ import annotations

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons

__all__ = [
    "InvalidUnwrap",
    "aes_key_unwrap",
    "aes_key_unwrap_with_padding",
    "aes_key_wrap",
    "aes_key_wrap_with_padding",
]

_CIPHER = _Reasons.UNSUPPORTED_CIPHER


class InvalidUnwrap(Exception):
    pass


aes_key_wrap = _unsupported.function(__name__, "aes_key_wrap", _CIPHER)
aes_key_unwrap = _unsupported.function(__name__, "aes_key_unwrap", _CIPHER)
aes_key_wrap_with_padding = _unsupported.function(__name__, "aes_key_wrap_with_padding", _CIPHER)
aes_key_unwrap_with_padding = _unsupported.function(__name__, "aes_key_unwrap_with_padding", _CIPHER)
