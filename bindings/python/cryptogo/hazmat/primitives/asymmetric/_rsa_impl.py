"""The handle-backed RSA keys behind the pyca interfaces of
:mod:`cryptogo.hazmat.primitives.asymmetric.rsa`.

The keys are the generic ``cryptogo_private_key`` / ``cryptogo_public_key``
handles of :mod:`._keys` (which also loads, serializes and compares them);
this module registers the RSA classes for ``CRYPTOGO_KEY_RSA`` there. Every
operation is one libcrypto-go call on the key's handle; this module only
maps pyca's arguments (padding objects, hash algorithms, serialization enums)
to the C enums and pyca's errors.
"""

from __future__ import annotations

import ctypes
import typing

from cryptogo import _buffers, _errors, _handles, _native
from cryptogo._native import lib
from cryptogo.exceptions import UnsupportedAlgorithm, _Reasons
from cryptogo.hazmat.primitives import _serialization, hashes
from cryptogo.hazmat.primitives._asymmetric import AsymmetricPadding
from cryptogo.hazmat.primitives.asymmetric import _keys
from cryptogo.hazmat.primitives.asymmetric import utils as asym_utils
from cryptogo.hazmat.primitives.asymmetric.rsa import (
    RSAPrivateKey,
    RSAPrivateNumbers,
    RSAPublicKey,
    RSAPublicNumbers,
    _not_instance,
)
from cryptogo.utils import int_to_bytes

__all__ = [
    "generate",
    "private_key_from_numbers",
    "public_key_from_numbers",
]

_check = _errors.check
_SINK = _buffers.SINK


# ---------------------------------------------------------------------------
# Helpers shared by both key classes.


def _padding_check(padding: object) -> None:
    if not isinstance(padding, AsymmetricPadding):
        raise TypeError("Padding must be an instance of AsymmetricPadding.")


def _unsupported_padding(padding: AsymmetricPadding) -> UnsupportedAlgorithm:
    return UnsupportedAlgorithm(f"{padding.name} is not supported by this backend.", _Reasons.UNSUPPORTED_PADDING)


def _sign_hash(data: typing.Any, algorithm: object) -> tuple[int, int]:
    """(hash id, prehashed flag) for sign/verify."""
    if isinstance(algorithm, asym_utils.Prehashed):
        alg = algorithm._algorithm
        if len(data) != alg.digest_size:
            raise ValueError("The provided data must be the same length as the hash algorithm's digest size.")
        return _signature_hash(alg), 1
    if isinstance(algorithm, asym_utils.NoDigestInfo):
        # PKCS1v15 signs/verifies data itself as the payload; PSS refuses it
        # (_pss_hash) with pyca's TypeError.
        return _native.const("CRYPTOGO_HASH_NONE"), 0
    return _signature_hash(algorithm), 0


def _pss_hash(hash_id: int) -> None:
    """PSS needs a hash: pyca's TypeError for NoDigestInfo (after its MGF1
    check, as pyca orders them)."""
    if hash_id == _native.const("CRYPTOGO_HASH_NONE"):
        raise TypeError("Expected instance of hashes.HashAlgorithm.")


def _signature_hash(alg: object) -> int:
    """The hash id of a signature's hash algorithm, with pyca's errors for
    what is not one or cannot be one."""
    if not isinstance(alg, hashes.HashAlgorithm):
        raise TypeError("Expected instance of hashes.HashAlgorithm.")
    name = alg.name
    if isinstance(alg, (hashes.ExtendableOutputFunction, hashes.BLAKE2b, hashes.BLAKE2s)):
        raise UnsupportedAlgorithm(
            f"{name} is not supported by this backend for RSA signing.",
            _Reasons.UNSUPPORTED_HASH,
        )
    return hashes._hash_id(alg)


def _mgf1_id(padding: typing.Any) -> int:
    from cryptogo.hazmat.primitives.asymmetric.padding import MGF1

    mgf = padding._mgf
    if not isinstance(mgf, MGF1):
        raise UnsupportedAlgorithm("Only MGF1 is supported.", _Reasons.UNSUPPORTED_MGF)
    return hashes._hash_id(mgf._algorithm)


def _salt(padding: typing.Any, verifying: bool) -> int:
    from cryptogo.hazmat.primitives.asymmetric import padding as pad

    s = padding._salt_length
    if isinstance(s, int):
        return s
    if isinstance(s, pad._MaxLength):
        return _native.const("CRYPTOGO_PSS_SALT_MAX_LENGTH")
    if isinstance(s, pad._DigestLength):
        return _native.const("CRYPTOGO_PSS_SALT_DIGEST_LENGTH")
    if not verifying:
        raise ValueError("PSS salt length can only be set to Auto when verifying")
    return _native.const("CRYPTOGO_PSS_SALT_AUTO")


def _oaep_args(padding: typing.Any) -> tuple[int, int, typing.Any, int]:
    label = padding._label
    if label is None:
        lp, ln = None, 0
    elif isinstance(label, (bytes, bytearray)):
        lp, ln = _buffers.buf(label)
        if lp is None:
            lp = b""
    else:
        raise _not_instance(label, "bytes | bytearray")
    hash_id = hashes._hash_id(padding._algorithm)
    return hash_id, _mgf1_id(padding), lp, ln


_OAEP_UNSUPPORTED = "This combination of padding and hash algorithm is not supported"


def _oaep_fail(rc: int) -> typing.NoReturn:
    if rc == _errors.code("CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM"):
        raise UnsupportedAlgorithm(_OAEP_UNSUPPORTED, _Reasons.UNSUPPORTED_PADDING)
    _check(rc)
    raise AssertionError("unreachable")


def _number(fn: typing.Any, component: str, handle: int | None, cap: int) -> int:
    out = _handles.call_variable(fn, cap, _native.const(component), handle)
    return int.from_bytes(out, "big")


def _pem_or_der(encoding: _serialization.Encoding) -> None:
    """pyca's TypeError for a PKCS8/SPKI/PKCS1 output in another encoding."""
    if encoding not in (_serialization.Encoding.PEM, _serialization.Encoding.DER):
        raise TypeError("encoding must be Encoding.DER or Encoding.PEM")


def _private_password(
    format: _serialization.PrivateFormat,
    encryption_algorithm: object,
) -> bytes | None:
    """The password private_bytes encrypts with (None: no encryption), with
    pyca's errors for what it refuses, in pyca's order."""
    if not isinstance(encryption_algorithm, _serialization.KeySerializationEncryption):
        raise TypeError("Encryption algorithm must be a KeySerializationEncryption instance")
    if isinstance(encryption_algorithm, _serialization.NoEncryption):
        return None
    if isinstance(encryption_algorithm, _serialization.BestAvailableEncryption) or (
        isinstance(encryption_algorithm, _serialization._KeySerializationEncryption)
        and encryption_algorithm._format is format
    ):
        password: bytes = _buffers.exact(encryption_algorithm.password)
        if len(password) > 1023:
            raise ValueError("Passwords longer than 1023 bytes are not supported by this backend")
        return password
    raise ValueError("Unsupported encryption type")


# ---------------------------------------------------------------------------
# Concrete keys.


class _RSAPrivateKeyImpl(_keys.PrivateKeyHandle, RSAPrivateKey):
    """An RSA private key: key_size, public_key() and the handle come from
    the generic key layer."""

    def decrypt(self, ciphertext: bytes, padding: AsymmetricPadding) -> bytes:
        from cryptogo.hazmat.primitives.asymmetric.padding import OAEP, PKCS1v15

        _padding_check(padding)
        p, n = _buffers.buf(ciphertext)
        k = (self.key_size + 7) // 8
        if isinstance(padding, OAEP):
            hash_id, mgf_id, lp, ln = _oaep_args(padding)
            if n != k:
                raise ValueError("Ciphertext length must be equal to key size.")
            out = bytes(k)
            got = ctypes.c_size_t()
            rc = lib.cryptogo_rsa_decrypt_oaep(out, k, got, p, n, lp, ln, hash_id, mgf_id, self._h)
            if rc:
                _oaep_fail(rc)
        elif isinstance(padding, PKCS1v15):
            if n != k:
                raise ValueError("Ciphertext length must be equal to key size.")
            out = bytes(k)
            got = ctypes.c_size_t()
            rc = lib.cryptogo_rsa_decrypt_pkcs1v15(out, k, got, p, n, self._h)
            if rc:
                _check(rc)
        else:
            raise _unsupported_padding(padding)
        return out[: got.value]

    def sign(
        self,
        data: bytes,
        padding: AsymmetricPadding,
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm | asym_utils.NoDigestInfo,
    ) -> bytes:
        from cryptogo.hazmat.primitives.asymmetric.padding import PSS, PKCS1v15

        _padding_check(padding)
        p, n = _buffers.buf(data)
        hash_id, prehashed = _sign_hash(data, algorithm)
        k = (self.key_size + 7) // 8
        out = bytes(k)
        if isinstance(padding, PSS):
            mgf_id = _mgf1_id(padding)
            _pss_hash(hash_id)
            salt = _salt(padding, verifying=False)
            rc = lib.cryptogo_rsa_sign_pss(out, k, _SINK, p, n, salt, hash_id, mgf_id, prehashed, self._h)
            if rc == _errors.code("CRYPTOGO_ERR_INVALID_ARGUMENT"):
                raise ValueError(
                    "Digest or salt length too long for key size. Use a larger "
                    "key or shorter salt length if you are specifying a PSS salt"
                )
        elif isinstance(padding, PKCS1v15):
            rc = lib.cryptogo_rsa_sign_pkcs1v15(out, k, _SINK, p, n, hash_id, prehashed, self._h)
            if rc == _errors.code("CRYPTOGO_ERR_INVALID_ARGUMENT"):
                raise ValueError(
                    "Digest or salt length too long for key size. Use a larger "
                    "key or shorter salt length if you are specifying a PSS salt"
                )
        else:
            raise _unsupported_padding(padding)
        if rc:
            _check(rc)
        return out

    def private_numbers(self) -> RSAPrivateNumbers:
        k = (self.key_size + 7) // 8
        fn = lib.cryptogo_rsa_private_key_number
        h = self._h

        def get(c: str) -> int:
            return _number(fn, "CRYPTOGO_RSA_" + c, h, k)

        return RSAPrivateNumbers(
            p=get("P"),
            q=get("Q"),
            d=get("D"),
            dmp1=get("DMP1"),
            dmq1=get("DMQ1"),
            iqmp=get("IQMP"),
            public_numbers=RSAPublicNumbers(get("E"), get("N")),
        )

    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """pyca's private_bytes for an RSA key: its checks in its order
        (pkey_private_bytes), then cryptogo_private_key_dump."""
        pf, enc = _serialization.PrivateFormat, _serialization.Encoding
        if not isinstance(encoding, enc):
            raise _not_instance(encoding, "Encoding")
        if not isinstance(format, pf):
            raise _not_instance(format, "PrivateFormat")
        pw = _private_password(format, encryption_algorithm)
        if format is pf.PKCS8:
            _pem_or_der(encoding)
        elif format is pf.TraditionalOpenSSL and encoding in (enc.PEM, enc.DER):
            if pw is not None and encoding is enc.DER:
                raise ValueError("Encryption is not supported for DER encoded traditional OpenSSL keys")
        elif format is pf.OpenSSH:
            if encoding is not enc.PEM:
                raise ValueError("OpenSSH private key format can only be used with PEM encoding")
            raise UnsupportedAlgorithm(
                "OpenSSH private key serialization is not supported by libcrypto-go",
                _Reasons.UNSUPPORTED_SERIALIZATION,
            )
        else:
            raise ValueError("format is invalid with this key")
        # A first guess of the output size (the library asks for more if needed).
        return self._dump(encoding, format, pw, (self.key_size // 8) * 12 + 1024)

    def __copy__(self) -> _RSAPrivateKeyImpl:
        return self

    def __deepcopy__(self, memo: dict) -> _RSAPrivateKeyImpl:
        return self


class _RSAPublicKeyImpl(_keys.PublicKeyHandle, RSAPublicKey):
    """An RSA public key: key_size, __eq__ and the handle come from the
    generic key layer."""

    def encrypt(self, plaintext: bytes, padding: AsymmetricPadding) -> bytes:
        from cryptogo.hazmat.primitives.asymmetric.padding import OAEP, PKCS1v15

        if not isinstance(plaintext, bytes):
            raise _not_instance(plaintext, "bytes")
        plaintext = _buffers.exact(plaintext)  # a subclass's __len__ is not trusted
        _padding_check(padding)
        k = (self.key_size + 7) // 8
        out = bytes(k)
        if isinstance(padding, OAEP):
            hash_id, mgf_id, lp, ln = _oaep_args(padding)
            rc = lib.cryptogo_rsa_encrypt_oaep(
                out, k, _SINK, plaintext, len(plaintext), lp, ln, hash_id, mgf_id, self._h
            )
            if rc == _errors.code("CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM"):
                _oaep_fail(rc)
        elif isinstance(padding, PKCS1v15):
            rc = lib.cryptogo_rsa_encrypt_pkcs1v15(out, k, _SINK, plaintext, len(plaintext), self._h)
        else:
            raise _unsupported_padding(padding)
        if rc == _errors.code("CRYPTOGO_ERR_INVALID_ARGUMENT"):
            raise ValueError("Encryption failed")
        if rc:
            _check(rc)
        return out

    def verify(
        self,
        signature: bytes,
        data: bytes,
        padding: AsymmetricPadding,
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm | asym_utils.NoDigestInfo,
    ) -> None:
        from cryptogo.hazmat.primitives.asymmetric.padding import PSS, PKCS1v15

        _padding_check(padding)
        sp, sn = _buffers.buf(signature)
        p, n = _buffers.buf(data)
        hash_id, prehashed = _sign_hash(data, algorithm)
        if isinstance(padding, PSS):
            mgf_id = _mgf1_id(padding)
            _pss_hash(hash_id)
            salt = _salt(padding, verifying=True)
            rc = lib.cryptogo_rsa_verify_pss(sp, sn, p, n, salt, hash_id, mgf_id, prehashed, self._h)
        elif isinstance(padding, PKCS1v15):
            rc = lib.cryptogo_rsa_verify_pkcs1v15(sp, sn, p, n, hash_id, prehashed, self._h)
        else:
            raise _unsupported_padding(padding)
        if rc:
            _check(rc)

    def recover_data_from_signature(
        self,
        signature: bytes,
        padding: AsymmetricPadding,
        algorithm: hashes.HashAlgorithm | asym_utils.NoDigestInfo | None,
    ) -> bytes:
        """PKCS#1 v1.5 only, as pyca: the digest (or, with None or
        NoDigestInfo, the whole payload) a signature carries, recovered by
        cryptogo_rsa_recover_pkcs1v15. pyca's errors, in pyca 50's order."""
        from cryptogo.hazmat.primitives.asymmetric.padding import PSS, PKCS1v15

        if not isinstance(signature, bytes):
            raise _not_instance(signature, "bytes")
        signature = _buffers.exact(signature)  # a subclass's __len__ is not trusted
        if isinstance(algorithm, asym_utils.Prehashed):
            raise TypeError(
                "Prehashed is only supported in the sign and verify methods. "
                "It cannot be used with recover_data_from_signature."
            )
        _padding_check(padding)
        if isinstance(padding, PKCS1v15):
            if algorithm is None or isinstance(algorithm, asym_utils.NoDigestInfo):
                hash_id = _native.const("CRYPTOGO_HASH_NONE")
            else:
                hash_id = _signature_hash(algorithm)
        elif isinstance(padding, PSS):
            _signature_hash(algorithm)  # pyca checks the hash first
            raise UnsupportedAlgorithm(
                "EMSA-PSS is not supported for the RSA signature operation", _Reasons.UNSUPPORTED_PADDING
            )
        else:
            raise _unsupported_padding(padding)
        k = (self.key_size + 7) // 8
        out = bytes(k)
        got = ctypes.c_size_t()
        rc = lib.cryptogo_rsa_recover_pkcs1v15(out, k, got, signature, len(signature), hash_id, self._h)
        if rc:
            _check(rc)
        return out[: got.value]

    def public_numbers(self) -> RSAPublicNumbers:
        k = (self.key_size + 7) // 8
        fn = lib.cryptogo_rsa_public_key_number
        return RSAPublicNumbers(
            _number(fn, "CRYPTOGO_RSA_E", self._h, k),
            _number(fn, "CRYPTOGO_RSA_N", self._h, k),
        )

    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """pyca's public_bytes for an RSA key: its checks in its order
        (pkey_public_bytes), then cryptogo_public_key_dump."""
        pubf = _serialization.PublicFormat
        if not isinstance(encoding, _serialization.Encoding):
            raise _not_instance(encoding, "Encoding")
        if not isinstance(format, pubf):
            raise _not_instance(format, "PublicFormat")
        if format in (pubf.SubjectPublicKeyInfo, pubf.PKCS1):
            _pem_or_der(encoding)
        elif format is pubf.OpenSSH:
            if encoding is not _serialization.Encoding.OpenSSH:
                raise ValueError("OpenSSH format must be used with OpenSSH encoding")
        else:
            raise ValueError("format is invalid with this key")
        return self._dump(encoding, format, (self.key_size // 8) * 2 + 256)

    def __copy__(self) -> _RSAPublicKeyImpl:
        return self

    def __deepcopy__(self, memo: dict) -> _RSAPublicKeyImpl:
        return self


# ---------------------------------------------------------------------------
# Constructors (called by rsa.py's numbers and generate_private_key;
# serialization's loaders go through _keys, which finds the classes below in
# its registry).


def generate(public_exponent: int, key_size: int) -> RSAPrivateKey:
    h = _handles.new_handle(lib.cryptogo_rsa_generate, key_size, public_exponent)
    return _RSAPrivateKeyImpl._wrap(h, key_size)


def public_key_from_numbers(e: int, n: int) -> RSAPublicKey:
    nb, eb = int_to_bytes(n), int_to_bytes(e)
    h = _handles.new_handle(lib.cryptogo_rsa_public_key_from_numbers, nb, len(nb), eb, len(eb))
    return _RSAPublicKeyImpl._wrap(h)


def private_key_from_numbers(n: int, e: int, d: int, p: int, q: int, dmp1: int, dmq1: int, iqmp: int) -> RSAPrivateKey:
    args: list[typing.Any] = []
    for x in (n, e, d, p, q, dmp1, dmq1, iqmp):
        b = int_to_bytes(x)
        args += [b, len(b)]
    h = ctypes.c_void_p()
    rc = lib.cryptogo_rsa_private_key_from_numbers(ctypes.byref(h), *args)
    if rc == _errors.code("CRYPTOGO_ERR_INVALID_ARGUMENT"):
        raise ValueError("Invalid private key")
    if rc:
        _check(rc)
    return _RSAPrivateKeyImpl._wrap(h.value)


_keys.register("CRYPTOGO_KEY_RSA", _RSAPrivateKeyImpl, _RSAPublicKeyImpl)
