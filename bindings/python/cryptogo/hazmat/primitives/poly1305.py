"""``cryptography.hazmat.primitives.poly1305``: Poly1305. A placeholder for
now: instantiating it and its class methods (``generate_tag``,
``verify_tag``) raise ``UnsupportedAlgorithm`` (``_Reasons.UNSUPPORTED_MAC``,
as pyca does when its backend lacks Poly1305)."""

from __future__ import annotations

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons

__all__ = ["Poly1305"]

_MAC = _Reasons.UNSUPPORTED_MAC


class Poly1305(_unsupported.Placeholder):
    _cryptogo_placeholder = f"{__name__}.Poly1305"
    _cryptogo_reason = _MAC

    generate_tag = classmethod(_unsupported.function(__name__, "Poly1305.generate_tag", _MAC))
    verify_tag = classmethod(_unsupported.function(__name__, "Poly1305.verify_tag", _MAC))
