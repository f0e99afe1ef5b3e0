"""``cryptography.x509.base``: certificates, CRLs, CSRs and their builders.

Real: ``Version``, the exceptions and ``random_serial_number``. cryptogo
parses and builds no X.509 objects yet: the object classes, builders and
loaders are placeholders (``UnsupportedAlgorithm``,
``_Reasons.UNSUPPORTED_X509``, when called or instantiated).
"""

from __future__ import annotations

import enum
import os

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat._oid import ObjectIdentifier
from cryptogo.hazmat.primitives.asymmetric.types import (
    CertificateIssuerPrivateKeyTypes,
    CertificatePublicKeyTypes,
)
from cryptogo.x509.extensions import Extension, ExtensionType
from cryptogo.x509.name import Name

__all__ = [
    "Attribute",
    "AttributeNotFound",
    "Attributes",
    "Certificate",
    "CertificateBuilder",
    "CertificateIssuerPrivateKeyTypes",
    "CertificatePublicKeyTypes",
    "CertificateRevocationList",
    "CertificateRevocationListBuilder",
    "CertificateSigningRequest",
    "CertificateSigningRequestBuilder",
    "Extension",
    "ExtensionType",
    "InvalidVersion",
    "Name",
    "ObjectIdentifier",
    "RevokedCertificate",
    "RevokedCertificateBuilder",
    "Version",
    "load_der_x509_certificate",
    "load_der_x509_crl",
    "load_der_x509_csr",
    "load_pem_x509_certificate",
    "load_pem_x509_certificates",
    "load_pem_x509_crl",
    "load_pem_x509_csr",
    "random_serial_number",
]

_X509 = _Reasons.UNSUPPORTED_X509


class AttributeNotFound(Exception):
    def __init__(self, msg: str, oid: ObjectIdentifier) -> None:
        super().__init__(msg)
        self.oid = oid


class InvalidVersion(Exception):
    def __init__(self, msg: str, parsed_version: int) -> None:
        super().__init__(msg)
        self.parsed_version = parsed_version


class Version(enum.Enum):
    v1 = 0
    v3 = 2


def random_serial_number() -> int:
    """A random positive serial number of at most 159 bits (RFC 5280 allows 20 octets)."""
    return int.from_bytes(os.urandom(20), "big") >> 1


Attribute = _unsupported.cls(__name__, "Attribute", _X509)
Attributes = _unsupported.cls(__name__, "Attributes", _X509)
Certificate = _unsupported.cls(__name__, "Certificate", _X509)
RevokedCertificate = _unsupported.cls(__name__, "RevokedCertificate", _X509)
CertificateRevocationList = _unsupported.cls(__name__, "CertificateRevocationList", _X509)
CertificateSigningRequest = _unsupported.cls(__name__, "CertificateSigningRequest", _X509)
CertificateBuilder = _unsupported.cls(__name__, "CertificateBuilder", _X509)
CertificateRevocationListBuilder = _unsupported.cls(__name__, "CertificateRevocationListBuilder", _X509)
CertificateSigningRequestBuilder = _unsupported.cls(__name__, "CertificateSigningRequestBuilder", _X509)
RevokedCertificateBuilder = _unsupported.cls(__name__, "RevokedCertificateBuilder", _X509)

load_pem_x509_certificate = _unsupported.function(__name__, "load_pem_x509_certificate", _X509)
load_pem_x509_certificates = _unsupported.function(__name__, "load_pem_x509_certificates", _X509)
load_der_x509_certificate = _unsupported.function(__name__, "load_der_x509_certificate", _X509)
load_pem_x509_csr = _unsupported.function(__name__, "load_pem_x509_csr", _X509)
load_der_x509_csr = _unsupported.function(__name__, "load_der_x509_csr", _X509)
load_pem_x509_crl = _unsupported.function(__name__, "load_pem_x509_crl", _X509)
load_der_x509_crl = _unsupported.function(__name__, "load_der_x509_crl", _X509)
