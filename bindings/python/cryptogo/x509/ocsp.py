"""``cryptography.x509.ocsp``: OCSP. The enums are real; requests,
responses, builders and loaders are placeholders until cryptogo has X.509
(``UnsupportedAlgorithm``, ``_Reasons.UNSUPPORTED_X509``, on use)."""

from __future__ import annotations

import enum

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat.primitives.asymmetric.types import CertificateIssuerPrivateKeyTypes

__all__ = [
    "CertificateIssuerPrivateKeyTypes",
    "OCSPCertStatus",
    "OCSPRequest",
    "OCSPRequestBuilder",
    "OCSPResponderEncoding",
    "OCSPResponse",
    "OCSPResponseBuilder",
    "OCSPResponseStatus",
    "OCSPSingleResponse",
    "load_der_ocsp_request",
    "load_der_ocsp_response",
]

_X509 = _Reasons.UNSUPPORTED_X509


class OCSPResponderEncoding(enum.Enum):
    HASH = "By Hash"
    NAME = "By Name"


class OCSPResponseStatus(enum.Enum):
    SUCCESSFUL = 0
    MALFORMED_REQUEST = 1
    INTERNAL_ERROR = 2
    TRY_LATER = 3
    SIG_REQUIRED = 5
    UNAUTHORIZED = 6


class OCSPCertStatus(enum.Enum):
    GOOD = 0
    REVOKED = 1
    UNKNOWN = 2


OCSPRequest = _unsupported.cls(__name__, "OCSPRequest", _X509)
OCSPResponse = _unsupported.cls(__name__, "OCSPResponse", _X509)
OCSPSingleResponse = _unsupported.cls(__name__, "OCSPSingleResponse", _X509)
OCSPRequestBuilder = _unsupported.cls(__name__, "OCSPRequestBuilder", _X509)
OCSPResponseBuilder = _unsupported.cls(__name__, "OCSPResponseBuilder", _X509)
load_der_ocsp_request = _unsupported.function(__name__, "load_der_ocsp_request", _X509)
load_der_ocsp_response = _unsupported.function(__name__, "load_der_ocsp_response", _X509)
