"""Key loading, as ``cryptography.hazmat.primitives.serialization.base``.

The library loads whichever algorithm the data holds
(``cryptogo_private_key_load`` / ``cryptogo_public_key_load``) and the key
comes back as the class registered for its type (see
:mod:`cryptogo.hazmat.primitives.asymmetric._keys`). Today that is RSA
(PKCS#8, traditional OpenSSL/PKCS#1 and SPKI, in PEM or DER, PKCS#8 and PEM
encryption); any other key type raises UnsupportedAlgorithm.
"""

from __future__ import annotations

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
    return _load_private(data, password, "CRYPTOGO_ENCODING_PEM")


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
