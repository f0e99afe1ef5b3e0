"""``cryptography.hazmat.primitives.asymmetric.utils``: Prehashed,
NoDigestInfo and the DSS signature DER helpers (encoded and parsed by
libcrypto-go: cryptogo_dss_signature_encode / _decode)."""

from __future__ import annotations

import ctypes

from cryptogo import _buffers, _errors, _handles
from cryptogo._native import lib
from cryptogo.hazmat.primitives import hashes

__all__ = ["NoDigestInfo", "Prehashed", "decode_dss_signature", "encode_dss_signature"]


def _unsigned_bytes(v: object) -> bytes:
    if not isinstance(v, int):
        raise TypeError(f"'{type(v).__name__}' object is not an instance of 'int'")
    if v < 0:
        raise ValueError("Negative integers are not supported")
    return v.to_bytes((v.bit_length() + 7) // 8, "big")


def encode_dss_signature(r: int, s: int) -> bytes:
    """The DER SEQUENCE { r INTEGER, s INTEGER } of a DSA/ECDSA signature."""
    rb, sb = _unsigned_bytes(r), _unsigned_bytes(s)
    return _handles.call_variable(
        lib.cryptogo_dss_signature_encode, len(rb) + len(sb) + 20, rb or None, len(rb), sb or None, len(sb)
    )


def decode_dss_signature(signature: bytes) -> tuple[int, int]:
    """(r, s) from a DER Dss-Sig-Value; ValueError for anything else (strict DER)."""
    if not isinstance(signature, bytes):
        raise TypeError(f"'{type(signature).__name__}' object is not an instance of 'bytes'")
    data = _buffers.exact(signature)  # a subclass's __len__ is not trusted
    out = bytes(len(data)) if data else None
    n, r_len = ctypes.c_size_t(), ctypes.c_size_t()
    rc = lib.cryptogo_dss_signature_decode(out, len(data), n, r_len, data or None, len(data))
    if rc == _errors.code("CRYPTOGO_ERR_INVALID_ARGUMENT"):
        raise ValueError("error parsing asn1 value: the signature is not a DER Dss-Sig-Value")
    if rc:
        _errors.check(rc)
    assert out is not None
    return int.from_bytes(out[: r_len.value], "big"), int.from_bytes(out[r_len.value : n.value], "big")


class NoDigestInfo:
    pass


class Prehashed:
    def __init__(self, algorithm: hashes.HashAlgorithm):
        if not isinstance(algorithm, hashes.HashAlgorithm):
            raise TypeError("Expected instance of HashAlgorithm.")

        self._algorithm = algorithm
        self._digest_size = algorithm.digest_size

    @property
    def digest_size(self) -> int:
        return self._digest_size
