"""``cryptography.x509.extensions``: X.509 extension types.

Real: the ``ExtensionType`` base, the exceptions, the ``ReasonFlags`` and
``TLSFeatureType`` enums, and each extension class's ``oid``. The value
classes themselves are placeholders until cryptogo has X.509
(``UnsupportedAlgorithm``, ``_Reasons.UNSUPPORTED_X509``, on
instantiation); the extension types keep ``ExtensionType`` as base class.
"""

from __future__ import annotations

import abc
import enum
import typing

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat._oid import (
    CRLEntryExtensionOID,
    ExtensionOID,
    ObjectIdentifier,
    OCSPExtensionOID,
)
from cryptogo.hazmat.primitives.asymmetric.ec import EllipticCurvePublicKey
from cryptogo.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptogo.hazmat.primitives.asymmetric.types import (
    CertificateIssuerPublicKeyTypes,
    CertificatePublicKeyTypes,
)
from cryptogo.x509.certificate_transparency import SignedCertificateTimestamp
from cryptogo.x509.general_name import (
    DirectoryName,
    DNSName,
    GeneralName,
    IPAddress,
    OtherName,
    RegisteredID,
    RFC822Name,
    UniformResourceIdentifier,
)
from cryptogo.x509.name import Name, RelativeDistinguishedName

__all__ = [
    "CRLEntryExtensionOID",
    "CertificateIssuerPublicKeyTypes",
    "CertificatePublicKeyTypes",
    "DNSName",
    "DirectoryName",
    "DuplicateExtension",
    "EllipticCurvePublicKey",
    "ExtensionNotFound",
    "ExtensionOID",
    "ExtensionType",
    "GeneralName",
    "IPAddress",
    "Name",
    "OCSPExtensionOID",
    "ObjectIdentifier",
    "OtherName",
    "RFC822Name",
    "RSAPublicKey",
    "ReasonFlags",
    "RelativeDistinguishedName",
    "RegisteredID",
    "SignedCertificateTimestamp",
    "TLSFeatureType",
    "UniformResourceIdentifier",
]

_X509 = _Reasons.UNSUPPORTED_X509


class DuplicateExtension(Exception):
    def __init__(self, msg: str, oid: ObjectIdentifier) -> None:
        super().__init__(msg)
        self.oid = oid


class ExtensionNotFound(Exception):
    def __init__(self, msg: str, oid: ObjectIdentifier) -> None:
        super().__init__(msg)
        self.oid = oid


class ExtensionType(metaclass=abc.ABCMeta):
    oid: typing.ClassVar[ObjectIdentifier]

    def public_bytes(self) -> bytes:
        """The DER encoding of the extension value."""
        raise NotImplementedError(f"public_bytes is not implemented for extension type {self!r}")


class ReasonFlags(enum.Enum):
    unspecified = "unspecified"
    key_compromise = "keyCompromise"
    ca_compromise = "cACompromise"
    affiliation_changed = "affiliationChanged"
    superseded = "superseded"
    cessation_of_operation = "cessationOfOperation"
    certificate_hold = "certificateHold"
    privilege_withdrawn = "privilegeWithdrawn"
    aa_compromise = "aACompromise"
    remove_from_crl = "removeFromCRL"


class TLSFeatureType(enum.Enum):
    # RFC 6066 status_request and RFC 6961 status_request_v2 (TLS extension numbers).
    status_request = 5
    status_request_v2 = 17


def _extension(name: str, oid: ObjectIdentifier) -> type:
    placeholder = _unsupported.cls(__name__, name, _X509, (ExtensionType,))
    placeholder.oid = oid  # type: ignore[attr-defined]  # pyca's ClassVar, set on the generated class
    return placeholder


def _value(name: str) -> type:
    return _unsupported.cls(__name__, name, _X509)


# Extension types (ExtensionType subclasses with their OID).
AuthorityKeyIdentifier = _extension("AuthorityKeyIdentifier", ExtensionOID.AUTHORITY_KEY_IDENTIFIER)
SubjectKeyIdentifier = _extension("SubjectKeyIdentifier", ExtensionOID.SUBJECT_KEY_IDENTIFIER)
AuthorityInformationAccess = _extension("AuthorityInformationAccess", ExtensionOID.AUTHORITY_INFORMATION_ACCESS)
SubjectInformationAccess = _extension("SubjectInformationAccess", ExtensionOID.SUBJECT_INFORMATION_ACCESS)
BasicConstraints = _extension("BasicConstraints", ExtensionOID.BASIC_CONSTRAINTS)
DeltaCRLIndicator = _extension("DeltaCRLIndicator", ExtensionOID.DELTA_CRL_INDICATOR)
CRLDistributionPoints = _extension("CRLDistributionPoints", ExtensionOID.CRL_DISTRIBUTION_POINTS)
FreshestCRL = _extension("FreshestCRL", ExtensionOID.FRESHEST_CRL)
PolicyConstraints = _extension("PolicyConstraints", ExtensionOID.POLICY_CONSTRAINTS)
CertificatePolicies = _extension("CertificatePolicies", ExtensionOID.CERTIFICATE_POLICIES)
ExtendedKeyUsage = _extension("ExtendedKeyUsage", ExtensionOID.EXTENDED_KEY_USAGE)
OCSPNoCheck = _extension("OCSPNoCheck", ExtensionOID.OCSP_NO_CHECK)
PrecertPoison = _extension("PrecertPoison", ExtensionOID.PRECERT_POISON)
TLSFeature = _extension("TLSFeature", ExtensionOID.TLS_FEATURE)
InhibitAnyPolicy = _extension("InhibitAnyPolicy", ExtensionOID.INHIBIT_ANY_POLICY)
KeyUsage = _extension("KeyUsage", ExtensionOID.KEY_USAGE)
PrivateKeyUsagePeriod = _extension("PrivateKeyUsagePeriod", ExtensionOID.PRIVATE_KEY_USAGE_PERIOD)
NameConstraints = _extension("NameConstraints", ExtensionOID.NAME_CONSTRAINTS)
SubjectAlternativeName = _extension("SubjectAlternativeName", ExtensionOID.SUBJECT_ALTERNATIVE_NAME)
IssuerAlternativeName = _extension("IssuerAlternativeName", ExtensionOID.ISSUER_ALTERNATIVE_NAME)
CertificateIssuer = _extension("CertificateIssuer", CRLEntryExtensionOID.CERTIFICATE_ISSUER)
CRLReason = _extension("CRLReason", CRLEntryExtensionOID.CRL_REASON)
InvalidityDate = _extension("InvalidityDate", CRLEntryExtensionOID.INVALIDITY_DATE)
PrecertificateSignedCertificateTimestamps = _extension(
    "PrecertificateSignedCertificateTimestamps", ExtensionOID.PRECERT_SIGNED_CERTIFICATE_TIMESTAMPS
)
SignedCertificateTimestamps = _extension("SignedCertificateTimestamps", ExtensionOID.SIGNED_CERTIFICATE_TIMESTAMPS)
OCSPNonce = _extension("OCSPNonce", OCSPExtensionOID.NONCE)
OCSPAcceptableResponses = _extension("OCSPAcceptableResponses", OCSPExtensionOID.ACCEPTABLE_RESPONSES)
IssuingDistributionPoint = _extension("IssuingDistributionPoint", ExtensionOID.ISSUING_DISTRIBUTION_POINT)
MSCertificateTemplate = _extension("MSCertificateTemplate", ExtensionOID.MS_CERTIFICATE_TEMPLATE)
Admissions = _extension("Admissions", ExtensionOID.ADMISSIONS)
CRLNumber = _extension("CRLNumber", ExtensionOID.CRL_NUMBER)
# An extension cryptogo does not recognize carries its own OID (per instance).
UnrecognizedExtension = _unsupported.cls(__name__, "UnrecognizedExtension", _X509, (ExtensionType,))

# Value classes used inside extensions, and the containers.
Extensions = _value("Extensions")
Extension = _value("Extension")
GeneralNames = _value("GeneralNames")
AccessDescription = _value("AccessDescription")
DistributionPoint = _value("DistributionPoint")
PolicyInformation = _value("PolicyInformation")
UserNotice = _value("UserNotice")
NoticeReference = _value("NoticeReference")
NamingAuthority = _value("NamingAuthority")
ProfessionInfo = _value("ProfessionInfo")
Admission = _value("Admission")
