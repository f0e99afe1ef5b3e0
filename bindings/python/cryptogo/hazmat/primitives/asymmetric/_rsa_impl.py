"""The handle-backed RSA keys behind the pyca interfaces of
:mod:`cryptogo.hazmat.primitives.asymmetric.rsa`.

Every operation is one libcrypto-go call on the key's handle; this module
only maps pyca's arguments (padding objects, hash algorithms, serialization
enums) to the C enums and pyca's errors.
"""

from __future__ import annotations

import ctypes
import typing

from cryptogo import _buffers, _errors, _handles, _native
from cryptogo._handles import NativeObject
from cryptogo._native import lib
from cryptogo.exceptions import UnsupportedAlgorithm, _Reasons
from cryptogo.hazmat.primitives import _serialization, hashes
from cryptogo.hazmat.primitives._asymmetric import AsymmetricPadding
from cryptogo.hazmat.primitives.asymmetric import utils as asym_utils
from cryptogo.hazmat.primitives.asymmetric.rsa import (
    RSAPrivateKey,
    RSAPrivateNumbers,
    RSAPublicKey,
    RSAPublicNumbers,
    _not_instance,
)
from cryptogo.utils import Buffer

__all__ = [
    "generate",
    "load_private",
    "load_public",
    "private_key_from_numbers",
    "public_key_from_numbers",
]

_check = _errors.check
_SINK = _buffers.SINK


# ---------------------------------------------------------------------------
# Helpers shared by both key classes.


def _int_bytes(x: int) -> bytes:
    return x.to_bytes((x.bit_length() + 7) // 8 or 1, "big")


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
        prehashed = 1
    elif isinstance(algorithm, hashes.HashAlgorithm):
        alg = algorithm
        prehashed = 0
    elif isinstance(algorithm, asym_utils.NoDigestInfo):
        raise UnsupportedAlgorithm(
            "NoDigestInfo signatures are not supported by libcrypto-go",
            _Reasons.UNSUPPORTED_HASH,
        )
    else:
        raise TypeError("Expected instance of hashes.HashAlgorithm.")
    if isinstance(alg, (hashes.ExtendableOutputFunction, hashes.BLAKE2b, hashes.BLAKE2s)):
        raise UnsupportedAlgorithm(
            f"{alg.name} is not supported by this backend for RSA signing.",
            _Reasons.UNSUPPORTED_HASH,
        )
    return hashes._hash_id(alg), prehashed


def _mgf1_id(padding: typing.Any) -> int:
    from cryptogo.hazmat.primitives.asymmetric.padding import MGF1

    mgf = padding._mgf
    if not isinstance(mgf, MGF1):
        raise UnsupportedAlgorithm("Only MGF1 is supported by this backend.", _Reasons.UNSUPPORTED_MGF)
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


def _encoding(encoding: object) -> int:
    if not isinstance(encoding, _serialization.Encoding):
        raise _not_instance(encoding, "Encoding")
    if encoding is _serialization.Encoding.PEM:
        return _native.const("CRYPTOGO_ENCODING_PEM")
    if encoding is _serialization.Encoding.DER:
        return _native.const("CRYPTOGO_ENCODING_DER")
    if encoding is _serialization.Encoding.OpenSSH:
        raise UnsupportedAlgorithm(
            "OpenSSH serialization is not supported by libcrypto-go",
            _Reasons.UNSUPPORTED_SERIALIZATION,
        )
    raise TypeError("encoding must be Encoding.DER or Encoding.PEM")


# ---------------------------------------------------------------------------
# Concrete keys.


class _RSAKeyHandle(NativeObject):
    """What both RSA key classes share: adopting a native handle and the
    (cached) key size."""

    _size_name: typing.ClassVar[str]
    _bits: int

    @classmethod
    def _wrap(cls, handle: int | None) -> typing.Any:
        k = cls.__new__(cls)
        k._bits = 0
        k._adopt(handle)
        return k

    @property
    def key_size(self) -> int:
        if not self._bits:
            n = ctypes.c_size_t()
            _check(getattr(lib, self._size_name)(ctypes.byref(n), self._h))
            self._bits = n.value
        return self._bits


class _RSAPrivateKeyImpl(_RSAKeyHandle, RSAPrivateKey):
    _free_name = "cryptogo_rsa_private_key_free"
    _size_name = "cryptogo_rsa_private_key_size"

    def public_key(self) -> RSAPublicKey:
        h = _handles.new_handle(lib.cryptogo_rsa_private_key_public_key, self._h)
        pub = _RSAPublicKeyImpl._wrap(h)
        pub._bits = self._bits
        return pub

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
            salt = _salt(padding, verifying=False)
            rc = lib.cryptogo_rsa_sign_pss(out, k, _SINK, p, n, salt, hash_id, _mgf1_id(padding), prehashed, self._h)
            if rc == _errors.code("CRYPTOGO_ERR_INVALID_ARGUMENT"):
                raise ValueError(
                    "Digest or salt length too long for key size. Use a larger "
                    "key or shorter salt length if you are specifying a PSS salt"
                )
        elif isinstance(padding, PKCS1v15):
            rc = lib.cryptogo_rsa_sign_pkcs1v15(out, k, _SINK, p, n, hash_id, prehashed, self._h)
            if rc == _errors.code("CRYPTOGO_ERR_INVALID_ARGUMENT"):
                raise ValueError("Digest too big for RSA key size")
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
        pf = _serialization.PrivateFormat
        if not isinstance(encoding, _serialization.Encoding):
            raise _not_instance(encoding, "Encoding")
        if not isinstance(format, pf):
            raise _not_instance(format, "PrivateFormat")
        if not isinstance(encryption_algorithm, _serialization.KeySerializationEncryption):
            raise TypeError("Encryption algorithm must be a KeySerializationEncryption instance")
        if format is pf.PKCS8:
            fmt = _native.const("CRYPTOGO_PRIVATE_FORMAT_PKCS8")
        elif format is pf.TraditionalOpenSSL:
            fmt = _native.const("CRYPTOGO_PRIVATE_FORMAT_TRADITIONAL_OPENSSL")
        elif format in (pf.OpenSSH, pf.PKCS12):
            raise UnsupportedAlgorithm(
                f"{format!r} serialization is not supported by libcrypto-go",
                _Reasons.UNSUPPORTED_SERIALIZATION,
            )
        else:
            raise ValueError("format is invalid with this key")
        enc = _encoding(encoding)
        if isinstance(encryption_algorithm, _serialization.NoEncryption):
            pw, pwn = None, 0
        elif isinstance(encryption_algorithm, _serialization.BestAvailableEncryption):
            pw = encryption_algorithm.password
            pwn = len(pw)
            if format is pf.TraditionalOpenSSL and encoding is _serialization.Encoding.DER:
                raise ValueError("Encryption is not supported for DER encoded traditional OpenSSL keys")
        else:
            raise ValueError("Unsupported encryption type")
        cap = (self.key_size // 8) * 12 + 1024
        return _handles.call_variable(lib.cryptogo_rsa_private_key_dump, cap, enc, fmt, pw, pwn, self._h)

    def __copy__(self) -> _RSAPrivateKeyImpl:
        return self

    def __deepcopy__(self, memo: dict) -> _RSAPrivateKeyImpl:
        return self


class _RSAPublicKeyImpl(_RSAKeyHandle, RSAPublicKey):
    _free_name = "cryptogo_rsa_public_key_free"
    _size_name = "cryptogo_rsa_public_key_size"

    def encrypt(self, plaintext: bytes, padding: AsymmetricPadding) -> bytes:
        from cryptogo.hazmat.primitives.asymmetric.padding import OAEP, PKCS1v15

        if not isinstance(plaintext, bytes):
            raise _not_instance(plaintext, "bytes")
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
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm,
    ) -> None:
        from cryptogo.hazmat.primitives.asymmetric.padding import PSS, PKCS1v15

        _padding_check(padding)
        sp, sn = _buffers.buf(signature)
        p, n = _buffers.buf(data)
        hash_id, prehashed = _sign_hash(data, algorithm)
        if isinstance(padding, PSS):
            salt = _salt(padding, verifying=True)
            rc = lib.cryptogo_rsa_verify_pss(sp, sn, p, n, salt, hash_id, _mgf1_id(padding), prehashed, self._h)
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
        """PKCS#1 v1.5 only, as pyca. Public-key arithmetic on public values,
        so it is done here in Python (no secret is involved)."""
        # TODO(capi): the RSA public operation, the EMSA-PKCS1-v1_5 unpadding
        # and the DigestInfo table (_DIGEST_INFO) belong in core; this method
        # becomes one call once the library exports
        # int cryptogo_rsa_recover_pkcs1v15(uint8_t *out, size_t out_cap,
        #     size_t *out_len, const uint8_t *sig, size_t sig_len,
        #     int hash_alg, cryptogo_rsa_public_key *key)
        # (hash_alg a cryptogo_hash_alg, or a new CRYPTOGO_HASH_NONE for
        # NoDigestInfo/None: the whole unpadded T; CRYPTOGO_ERR_INVALID_SIGNATURE
        # for any failure, CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM for a hash without
        # a DigestInfo).
        from cryptogo.exceptions import InvalidSignature
        from cryptogo.hazmat.primitives.asymmetric.padding import PSS, PKCS1v15

        _padding_check(padding)
        if isinstance(padding, PSS):
            raise TypeError("PSS padding is not supported for data recovery")
        if not isinstance(padding, PKCS1v15):
            raise _unsupported_padding(padding)
        sig = bytes(memoryview(signature))
        nums = self.public_numbers()
        k = (self.key_size + 7) // 8
        s = int.from_bytes(sig, "big")
        if len(sig) != k or s >= nums.n:
            raise InvalidSignature
        em = pow(s, nums.e, nums.n).to_bytes(k, "big")
        if em[:2] != b"\x00\x01":
            raise InvalidSignature
        sep = em.find(b"\x00", 2)
        if sep < 10 or em[2:sep] != b"\xff" * (sep - 2):
            raise InvalidSignature
        t = em[sep + 1 :]
        if algorithm is None or isinstance(algorithm, asym_utils.NoDigestInfo):
            return t
        if not isinstance(algorithm, hashes.HashAlgorithm):
            raise TypeError("Expected instance of hashes.HashAlgorithm.")
        prefix = _DIGEST_INFO.get(algorithm.name)
        if prefix is None:
            raise _unsupported_padding(padding)
        if not t.startswith(prefix) or len(t) != len(prefix) + algorithm.digest_size:
            raise InvalidSignature
        return t[len(prefix) :]

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
        pubf = _serialization.PublicFormat
        if not isinstance(encoding, _serialization.Encoding):
            raise _not_instance(encoding, "Encoding")
        if not isinstance(format, pubf):
            raise _not_instance(format, "PublicFormat")
        if format is pubf.SubjectPublicKeyInfo:
            fmt = _native.const("CRYPTOGO_PUBLIC_FORMAT_SUBJECT_PUBLIC_KEY_INFO")
        elif format is pubf.PKCS1:
            fmt = _native.const("CRYPTOGO_PUBLIC_FORMAT_PKCS1")
        elif format is pubf.OpenSSH:
            raise UnsupportedAlgorithm(
                "OpenSSH serialization is not supported by libcrypto-go",
                _Reasons.UNSUPPORTED_SERIALIZATION,
            )
        else:
            raise ValueError("format is invalid with this key")
        enc = _encoding(encoding)
        cap = (self.key_size // 8) * 2 + 256
        return _handles.call_variable(lib.cryptogo_rsa_public_key_dump, cap, enc, fmt, self._h)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RSAPublicKey):
            return NotImplemented
        return self.public_numbers() == other.public_numbers()

    __hash__ = None  # type: ignore[assignment]  # unhashable, as pyca's

    def __copy__(self) -> _RSAPublicKeyImpl:
        return self

    def __deepcopy__(self, memo: dict) -> _RSAPublicKeyImpl:
        return self


# DER DigestInfo prefixes (RFC 8017 section 9.2, note 1) for
# recover_data_from_signature. TODO(capi): a second copy of a table core has;
# goes away with cryptogo_rsa_recover_pkcs1v15 (see that method).
_DIGEST_INFO = {
    "md5": bytes.fromhex("3020300c06082a864886f70d020505000410"),
    "sha1": bytes.fromhex("3021300906052b0e03021a05000414"),
    "sha224": bytes.fromhex("302d300d06096086480165030402040500041c"),
    "sha256": bytes.fromhex("3031300d060960864801650304020105000420"),
    "sha384": bytes.fromhex("3041300d060960864801650304020205000430"),
    "sha512": bytes.fromhex("3051300d060960864801650304020305000440"),
    "sha512-224": bytes.fromhex("302d300d06096086480165030402050500041c"),
    "sha512-256": bytes.fromhex("3031300d060960864801650304020605000420"),
    "sha3-224": bytes.fromhex("302d300d06096086480165030402070500041c"),
    "sha3-256": bytes.fromhex("3031300d060960864801650304020805000420"),
    "sha3-384": bytes.fromhex("3041300d060960864801650304020905000430"),
    "sha3-512": bytes.fromhex("3051300d060960864801650304020a05000440"),
}


# ---------------------------------------------------------------------------
# Constructors (called by rsa.py's numbers and generate_private_key, and by
# serialization's loaders).


def generate(public_exponent: int, key_size: int) -> RSAPrivateKey:
    h = _handles.new_handle(lib.cryptogo_rsa_generate, public_exponent, key_size)
    k: _RSAPrivateKeyImpl = _RSAPrivateKeyImpl._wrap(h)
    k._bits = key_size
    return k


def public_key_from_numbers(e: int, n: int) -> RSAPublicKey:
    nb, eb = _int_bytes(n), _int_bytes(e)
    h = _handles.new_handle(lib.cryptogo_rsa_public_key_from_numbers, nb, len(nb), eb, len(eb))
    return _RSAPublicKeyImpl._wrap(h)


def private_key_from_numbers(n: int, e: int, d: int, p: int, q: int, dmp1: int, dmq1: int, iqmp: int) -> RSAPrivateKey:
    args: list[typing.Any] = []
    for x in (n, e, d, p, q, dmp1, dmq1, iqmp):
        b = _int_bytes(x)
        args += [b, len(b)]
    h = ctypes.c_void_p()
    rc = lib.cryptogo_rsa_private_key_from_numbers(ctypes.byref(h), *args)
    if rc == _errors.code("CRYPTOGO_ERR_INVALID_ARGUMENT"):
        raise ValueError("Invalid private key")
    if rc:
        _check(rc)
    return _RSAPrivateKeyImpl._wrap(h.value)


def load_private(data: Buffer, password: Buffer | None, encoding: str) -> RSAPrivateKey:
    """A private key from PEM or DER (`encoding` names the C enum value)."""
    p, n = _buffers.buf(data)
    if password is None:
        pw, pwn = None, 0
    else:
        pw, pwn = _buffers.buf(password)
        if pw is None:
            pw = b""  # b"" is an empty password, not None
    h = _handles.new_handle(lib.cryptogo_rsa_private_key_load, p, n, pw, pwn, _native.const(encoding))
    return _RSAPrivateKeyImpl._wrap(h)


def load_public(data: Buffer, encoding: str) -> RSAPublicKey:
    """A public key from PEM or DER (`encoding` names the C enum value)."""
    p, n = _buffers.buf(data)
    h = _handles.new_handle(lib.cryptogo_rsa_public_key_load, p, n, _native.const(encoding))
    return _RSAPublicKeyImpl._wrap(h)
