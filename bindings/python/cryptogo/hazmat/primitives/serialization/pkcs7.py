"""``cryptography.hazmat.primitives.serialization.pkcs7``: PKCS#7 / S/MIME.

Real: ``PKCS7Options`` and the type unions. Everything that reads, writes,
signs or encrypts PKCS#7 is a placeholder until cryptogo has X.509
(``UnsupportedAlgorithm``, ``_Reasons.UNSUPPORTED_SERIALIZATION``, on use).
"""

from __future__ import annotations

import enum
import typing

from cryptogo import _unsupported
from cryptogo.exceptions import UnsupportedAlgorithm, _Reasons
from cryptogo.hazmat.primitives import hashes
from cryptogo.hazmat.primitives.asymmetric import ec, rsa
from cryptogo.hazmat.primitives.ciphers import algorithms

__all__ = [
    "ContentEncryptionAlgorithm",
    "OpenSSLMimePart",
    "PKCS7EnvelopeBuilder",
    "PKCS7HashTypes",
    "PKCS7Options",
    "PKCS7PrivateKeyTypes",
    "PKCS7SignatureBuilder",
    "UnsupportedAlgorithm",
    "load_der_pkcs7_certificates",
    "load_pem_pkcs7_certificates",
    "pkcs7_decrypt_der",
    "pkcs7_decrypt_pem",
    "pkcs7_decrypt_smime",
    "serialize_certificates",
]

_SER = _Reasons.UNSUPPORTED_SERIALIZATION

# Evaluated at import, so typing.Union rather than X | Y (the package installs on 3.9).
PKCS7HashTypes = typing.Union[  # noqa: UP007
    hashes.SHA224,
    hashes.SHA256,
    hashes.SHA384,
    hashes.SHA512,
]
PKCS7PrivateKeyTypes = typing.Union[rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey]  # noqa: UP007
ContentEncryptionAlgorithm = typing.Union[type[algorithms.AES128], type[algorithms.AES256]]  # noqa: UP007


class PKCS7Options(enum.Enum):
    Text = "Add text/plain MIME type"
    Binary = "Don't translate input data into canonical MIME format"
    DetachedSignature = "Don't embed data in the PKCS7 structure"
    NoCapabilities = "Don't embed SMIME capabilities"
    NoAttributes = "Don't embed authenticatedAttributes"
    NoCerts = "Don't embed signer certificate"


PKCS7SignatureBuilder = _unsupported.cls(__name__, "PKCS7SignatureBuilder", _SER)
PKCS7EnvelopeBuilder = _unsupported.cls(__name__, "PKCS7EnvelopeBuilder", _SER)
OpenSSLMimePart = _unsupported.cls(__name__, "OpenSSLMimePart", _SER)
serialize_certificates = _unsupported.function(__name__, "serialize_certificates", _SER)
load_pem_pkcs7_certificates = _unsupported.function(__name__, "load_pem_pkcs7_certificates", _SER)
load_der_pkcs7_certificates = _unsupported.function(__name__, "load_der_pkcs7_certificates", _SER)
pkcs7_decrypt_der = _unsupported.function(__name__, "pkcs7_decrypt_der", _SER)
pkcs7_decrypt_pem = _unsupported.function(__name__, "pkcs7_decrypt_pem", _SER)
pkcs7_decrypt_smime = _unsupported.function(__name__, "pkcs7_decrypt_smime", _SER)
