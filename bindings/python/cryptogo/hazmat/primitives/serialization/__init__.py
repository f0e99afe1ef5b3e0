"""Key serialization, as ``cryptography.hazmat.primitives.serialization``
(RSA keys in PEM/DER; no SSH, PKCS#7 or PKCS#12)."""

from __future__ import annotations

from cryptogo.hazmat.primitives._serialization import (
    BestAvailableEncryption,
    Encoding,
    KeySerializationEncryption,
    NoEncryption,
    ParameterFormat,
    PrivateFormat,
    PublicFormat,
    _KeySerializationEncryption,
)
from cryptogo.hazmat.primitives.serialization.base import (
    load_der_private_key,
    load_der_public_key,
    load_pem_private_key,
    load_pem_public_key,
)

__all__ = [
    "BestAvailableEncryption",
    "Encoding",
    "KeySerializationEncryption",
    "NoEncryption",
    "ParameterFormat",
    "PrivateFormat",
    "PublicFormat",
    "_KeySerializationEncryption",
    "load_der_private_key",
    "load_der_public_key",
    "load_pem_private_key",
    "load_pem_public_key",
]


# --- pyca-surface (issue 18 item 5): the rest of pyca's serialization namespace.
# Kept as one block at the end so merges with other work on this module stay trivial.
from cryptogo.hazmat.primitives.serialization.base import (
    load_der_parameters,
    load_pem_parameters,
)
from cryptogo.hazmat.primitives.serialization.ssh import (
    SSHCertificate,
    SSHCertificateBuilder,
    SSHCertificateType,
    SSHCertPrivateKeyTypes,
    SSHCertPublicKeyTypes,
    SSHPrivateKeyTypes,
    SSHPublicKeyTypes,
    load_ssh_private_key,
    load_ssh_public_identity,
    load_ssh_public_key,
    ssh_key_fingerprint,
)

__all__ += [
    "SSHCertPrivateKeyTypes",
    "SSHCertPublicKeyTypes",
    "SSHCertificate",
    "SSHCertificateBuilder",
    "SSHCertificateType",
    "SSHPrivateKeyTypes",
    "SSHPublicKeyTypes",
    "load_der_parameters",
    "load_pem_parameters",
    "load_ssh_private_key",
    "load_ssh_public_identity",
    "load_ssh_public_key",
    "ssh_key_fingerprint",
]
