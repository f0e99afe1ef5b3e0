"""Key loading, as ``cryptography.hazmat.primitives.serialization.base``.

libcrypto-go loads RSA keys (PKCS#8, traditional OpenSSL/PKCS#1 and SPKI, in
PEM or DER, PKCS#8 and PEM encryption); any other key type raises
UnsupportedAlgorithm.
"""

from __future__ import annotations

import typing

from cryptogo import _buffers, _handles, _native
from cryptogo._native import lib
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
    from cryptogo.hazmat.primitives.asymmetric import rsa

    p, n = _buffers.buf(data)
    if password is None:
        pw, pwn = None, 0
    else:
        pw, pwn = _buffers.buf(password)
        if pw is None:
            pw = b""  # b"" is an empty password, not None
    h = _handles.new_handle(
        lib.cryptogo_rsa_private_key_load, p, n, pw, pwn, _native.const(encoding)
    )
    return rsa._RSAPrivateKeyImpl._wrap(h)


def _load_public(data: Buffer, encoding: str) -> RSAPublicKey:
    from cryptogo.hazmat.primitives.asymmetric import rsa

    p, n = _buffers.buf(data)
    h = _handles.new_handle(lib.cryptogo_rsa_public_key_load, p, n, _native.const(encoding))
    return rsa._RSAPublicKeyImpl._wrap(h)


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
