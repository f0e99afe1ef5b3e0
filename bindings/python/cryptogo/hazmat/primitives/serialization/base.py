"""Key loading, as ``cryptography.hazmat.primitives.serialization.base``.

The library loads whichever algorithm the data holds
(``cryptogo_private_key_load`` / ``cryptogo_public_key_load``) and the key
comes back as the class registered for its type (see
:mod:`cryptogo.hazmat.primitives.asymmetric._keys`). Today that is RSA
(PKCS#8, traditional OpenSSL/PKCS#1 and SPKI, in PEM or DER, PKCS#8 and PEM
encryption); any other key type raises UnsupportedAlgorithm.
"""

from __future__ import annotations

import re
import sys
import typing

from cryptogo.utils import Buffer

if typing.TYPE_CHECKING:
    from cryptogo.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey

__all__ = [
    "load_der_private_key",
    "load_der_public_key",
    "load_pem_private_key",
    "load_pem_public_key",
]


def _load_private(data: Buffer, password: bytes | None, encoding: str) -> RSAPrivateKey:
    from cryptogo.hazmat.primitives.asymmetric import _keys

    key: RSAPrivateKey = _keys.load_private(data, password, encoding)
    return key


def _load_public(data: Buffer, encoding: str) -> RSAPublicKey:
    from cryptogo.hazmat.primitives.asymmetric import _keys

    key: RSAPublicKey = _keys.load_public(data, encoding)
    return key


def load_pem_private_key(
    data: Buffer,
    password: bytes | None,
    backend: typing.Any = None,
    *,
    unsafe_skip_rsa_key_validation: bool = False,
) -> RSAPrivateKey:
    try:
        return _load_private(data, password, "CRYPTOGO_ENCODING_PEM")
    except ValueError as e:
        if sys.version_info >= (3, 11) and _traditional_pem(data):
            e.add_note(_PKCS8_NOTE)
        raise


# pyca's note on a ValueError from a traditional-label PEM block (RSA, EC or
# DSA PRIVATE KEY) whose content does not parse: the usual cause is a PKCS#8
# key under the wrong delimiters.
_PKCS8_NOTE = "If your key is in PKCS#8 format, you must use BEGIN/END PRIVATE KEY PEM delimiters"
_PRIVATE_LABELS = (b"PRIVATE KEY", b"ENCRYPTED PRIVATE KEY", b"RSA PRIVATE KEY", b"EC PRIVATE KEY", b"DSA PRIVATE KEY")


def _traditional_pem(data: Buffer) -> bool:
    """Whether the first private-key PEM block pyca would pick has a
    traditional label and no RFC 1421 encryption header (only the label is
    read here; whether the key parses is the library's answer)."""
    try:
        text = bytes(data)
    except TypeError:
        return False
    for m in re.finditer(rb"-----BEGIN ([A-Z ]+)-----", text):
        label = m.group(1)
        if label in _PRIVATE_LABELS:
            end = text.find(b"-----END " + label + b"-----", m.end())
            block = text[m.end() : end if end >= 0 else len(text)]
            return label in _PRIVATE_LABELS[2:] and b"Proc-Type:" not in block
    return False


def load_der_private_key(
    data: Buffer,
    password: bytes | None,
    backend: typing.Any = None,
    *,
    unsafe_skip_rsa_key_validation: bool = False,
) -> RSAPrivateKey:
    return _load_private(data, password, "CRYPTOGO_ENCODING_DER")


def load_pem_public_key(data: Buffer, backend: typing.Any = None) -> RSAPublicKey:
    return _load_public(data, "CRYPTOGO_ENCODING_PEM")


def load_der_public_key(data: Buffer, backend: typing.Any = None) -> RSAPublicKey:
    return _load_public(data, "CRYPTOGO_ENCODING_DER")


# --- pyca-surface (issue 18 item 5): names pyca has that cryptogo does not implement yet.
# Kept as one block at the end so merges with other work on this module stay trivial.
from cryptogo import _unsupported as _placeholders  # noqa: E402
from cryptogo.exceptions import _Reasons as _R  # noqa: E402

# DH parameter loading (pyca 50 deprecates FFDH): cryptogo has no DH.
load_pem_parameters = _placeholders.function(__name__, "load_pem_parameters", _R.UNSUPPORTED_DIFFIE_HELLMAN)
load_der_parameters = _placeholders.function(__name__, "load_der_parameters", _R.UNSUPPORTED_DIFFIE_HELLMAN)
