"""``cryptography.hazmat.primitives.serialization.ssh``: OpenSSH keys and
certificates.

Real: the key-type unions and ``SSHCertificateType``. cryptogo reads and
writes no OpenSSH key or certificate format yet: the loaders, serializers
and certificate classes are placeholders (``UnsupportedAlgorithm``,
``_Reasons.UNSUPPORTED_SERIALIZATION``, on use).
"""

from __future__ import annotations

import enum
import typing

from cryptogo import _unsupported
from cryptogo.exceptions import UnsupportedAlgorithm, _Reasons
from cryptogo.hazmat.primitives._serialization import (
    Encoding,
    KeySerializationEncryption,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)
from cryptogo.hazmat.primitives.asymmetric import dsa, ec, ed25519, rsa
from cryptogo.hazmat.primitives.ciphers import AEADDecryptionContext, Cipher

__all__ = [
    "AEADDecryptionContext",
    "Cipher",
    "Encoding",
    "KeySerializationEncryption",
    "NoEncryption",
    "PrivateFormat",
    "PublicFormat",
    "SSHCertPrivateKeyTypes",
    "SSHCertPublicKeyTypes",
    "SSHCertificate",
    "SSHCertificateBuilder",
    "SSHCertificateType",
    "SSHPrivateKeyTypes",
    "SSHPublicKeyTypes",
    "UnsupportedAlgorithm",
    "load_application",
    "load_ssh_private_key",
    "load_ssh_public_identity",
    "load_ssh_public_key",
    "serialize_ssh_public_key",
    "ssh_key_fingerprint",
]

_SER = _Reasons.UNSUPPORTED_SERIALIZATION

# Evaluated at import, so typing.Union rather than X | Y (the package installs on 3.9).
SSHPrivateKeyTypes = typing.Union[  # noqa: UP007
    ec.EllipticCurvePrivateKey,
    rsa.RSAPrivateKey,
    dsa.DSAPrivateKey,
    ed25519.Ed25519PrivateKey,
]
SSHPublicKeyTypes = typing.Union[  # noqa: UP007
    ec.EllipticCurvePublicKey,
    rsa.RSAPublicKey,
    dsa.DSAPublicKey,
    ed25519.Ed25519PublicKey,
]
SSHCertPublicKeyTypes = typing.Union[  # noqa: UP007
    ec.EllipticCurvePublicKey,
    rsa.RSAPublicKey,
    ed25519.Ed25519PublicKey,
]
SSHCertPrivateKeyTypes = typing.Union[  # noqa: UP007
    ec.EllipticCurvePrivateKey,
    rsa.RSAPrivateKey,
    ed25519.Ed25519PrivateKey,
]


class SSHCertificateType(enum.Enum):
    USER = 1
    HOST = 2


SSHCertificate = _unsupported.cls(__name__, "SSHCertificate", _SER)
SSHCertificateBuilder = _unsupported.cls(__name__, "SSHCertificateBuilder", _SER)
load_application = _unsupported.function(__name__, "load_application", _SER)
load_ssh_private_key = _unsupported.function(__name__, "load_ssh_private_key", _SER)
load_ssh_public_identity = _unsupported.function(__name__, "load_ssh_public_identity", _SER)
load_ssh_public_key = _unsupported.function(__name__, "load_ssh_public_key", _SER)
serialize_ssh_public_key = _unsupported.function(__name__, "serialize_ssh_public_key", _SER)
ssh_key_fingerprint = _unsupported.function(__name__, "ssh_key_fingerprint", _SER)
