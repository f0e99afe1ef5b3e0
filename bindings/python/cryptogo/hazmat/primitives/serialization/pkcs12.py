"""``cryptography.hazmat.primitives.serialization.pkcs12``: PKCS#12.

Real: ``PBES`` and ``PKCS12PrivateKeyTypes``. Loading and writing PKCS#12 is
a placeholder until cryptogo has X.509 (``UnsupportedAlgorithm``,
``_Reasons.UNSUPPORTED_SERIALIZATION``, on use).
"""

from __future__ import annotations

import enum
import typing

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptogo.hazmat.primitives.asymmetric.types import PrivateKeyTypes

__all__ = [
    "PBES",
    "PKCS12Certificate",
    "PKCS12KeyAndCertificates",
    "PKCS12PrivateKeyTypes",
    "PrivateKeyTypes",
    "load_key_and_certificates",
    "load_pkcs12",
    "serialize_java_truststore",
    "serialize_key_and_certificates",
]

_SER = _Reasons.UNSUPPORTED_SERIALIZATION


class PBES(enum.Enum):
    # pyca defines it beside the serialization enums; it is only used here.
    PBESv1SHA1And3KeyTripleDESCBC = "PBESv1 using SHA1 and 3-Key TripleDES"
    PBESv2SHA256AndAES256CBC = "PBESv2 using SHA256 PBKDF2 and AES256 CBC"


# Evaluated at import, so typing.Union rather than X | Y (the package installs on 3.9).
PKCS12PrivateKeyTypes = typing.Union[  # noqa: UP007
    rsa.RSAPrivateKey,
    dsa.DSAPrivateKey,
    ec.EllipticCurvePrivateKey,
    ed25519.Ed25519PrivateKey,
    ed448.Ed448PrivateKey,
]

PKCS12Certificate = _unsupported.cls(__name__, "PKCS12Certificate", _SER)
PKCS12KeyAndCertificates = _unsupported.cls(__name__, "PKCS12KeyAndCertificates", _SER)
load_key_and_certificates = _unsupported.function(__name__, "load_key_and_certificates", _SER)
load_pkcs12 = _unsupported.function(__name__, "load_pkcs12", _SER)
serialize_java_truststore = _unsupported.function(__name__, "serialize_java_truststore", _SER)
serialize_key_and_certificates = _unsupported.function(__name__, "serialize_key_and_certificates", _SER)
