"""``cryptography.x509.name``: distinguished names. Placeholders until
cryptogo has X.509 (``UnsupportedAlgorithm``, ``_Reasons.UNSUPPORTED_X509``,
on instantiation); the OIDs are real."""

from __future__ import annotations

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat._oid import NameOID, ObjectIdentifier

__all__ = ["Name", "NameAttribute", "NameOID", "ObjectIdentifier", "RelativeDistinguishedName"]

_X509 = _Reasons.UNSUPPORTED_X509

NameAttribute = _unsupported.cls(__name__, "NameAttribute", _X509)
RelativeDistinguishedName = _unsupported.cls(__name__, "RelativeDistinguishedName", _X509)
Name = _unsupported.cls(__name__, "Name", _X509)
