"""``cryptography.hazmat.primitives.cmac``: CMAC. A placeholder for now
(``UnsupportedAlgorithm``, ``_Reasons.UNSUPPORTED_CIPHER`` as pyca raises
for a cipher it cannot CMAC with, on instantiation)."""

from __future__ import annotations

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons

__all__ = ["CMAC"]

CMAC = _unsupported.cls(__name__, "CMAC", _Reasons.UNSUPPORTED_CIPHER)
