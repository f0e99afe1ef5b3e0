"""``cryptography.x509.verification``: certificate path validation.
``VerificationError``, ``Criticality`` and the ``Subject`` union are real; the verifiers,
policies and store are placeholders until cryptogo has X.509
(``UnsupportedAlgorithm``, ``_Reasons.UNSUPPORTED_X509``, on use)."""

from __future__ import annotations

import enum
import typing

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.x509.general_name import DNSName, IPAddress

__all__ = [
    "ClientVerifier",
    "Criticality",
    "ExtensionPolicy",
    "Policy",
    "PolicyBuilder",
    "ServerVerifier",
    "Store",
    "Subject",
    "VerificationError",
    "VerifiedClient",
]

_X509 = _Reasons.UNSUPPORTED_X509


class VerificationError(Exception):
    pass


class Criticality(enum.Enum):
    """How an extension policy treats an extension's critical flag."""

    CRITICAL = enum.auto()
    AGNOSTIC = enum.auto()
    NON_CRITICAL = enum.auto()


Subject = typing.Union[DNSName, IPAddress]  # noqa: UP007 -- evaluated at import (3.9)

Store = _unsupported.cls(__name__, "Store", _X509)
VerifiedClient = _unsupported.cls(__name__, "VerifiedClient", _X509)
ClientVerifier = _unsupported.cls(__name__, "ClientVerifier", _X509)
ServerVerifier = _unsupported.cls(__name__, "ServerVerifier", _X509)
PolicyBuilder = _unsupported.cls(__name__, "PolicyBuilder", _X509)
Policy = _unsupported.cls(__name__, "Policy", _X509)
ExtensionPolicy = _unsupported.cls(__name__, "ExtensionPolicy", _X509)
