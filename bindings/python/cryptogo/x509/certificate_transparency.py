"""``cryptography.x509.certificate_transparency``: the SCT enums (real) and
``SignedCertificateTimestamp`` (a placeholder: cryptogo parses no
certificates yet)."""

from __future__ import annotations

import enum

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons

__all__ = ["LogEntryType", "SignatureAlgorithm", "SignedCertificateTimestamp", "Version"]


class LogEntryType(enum.Enum):
    X509_CERTIFICATE = 0
    PRE_CERTIFICATE = 1


class Version(enum.Enum):
    v1 = 0


class SignatureAlgorithm(enum.Enum):
    """The signature algorithms of RFC 5246's SignatureAndHashAlgorithm."""

    ANONYMOUS = 0
    RSA = 1
    DSA = 2
    ECDSA = 3


SignedCertificateTimestamp = _unsupported.cls(__name__, "SignedCertificateTimestamp", _Reasons.UNSUPPORTED_X509)
