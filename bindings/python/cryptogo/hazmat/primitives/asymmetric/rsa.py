"""RSA, as ``cryptography.hazmat.primitives.asymmetric.rsa``.

The pyca-shaped part: the abstract key interfaces RSAPrivateKey and
RSAPublicKey, the RSAPrivateNumbers/RSAPublicNumbers value classes and the
module functions (key generation and pyca's pure CRT arithmetic). The keys
themselves live in libcrypto-go behind handles: their classes, in
:mod:`cryptogo.hazmat.primitives.asymmetric._rsa_impl`, implement these
interfaces.
"""

from __future__ import annotations

import abc
import random
import typing
from math import gcd, lcm

from cryptogo.hazmat.primitives import _serialization, hashes
from cryptogo.hazmat.primitives._asymmetric import AsymmetricPadding
from cryptogo.hazmat.primitives.asymmetric import utils as asym_utils

__all__ = [
    "RSAPrivateKey",
    "RSAPrivateKeyWithSerialization",
    "RSAPrivateNumbers",
    "RSAPublicKey",
    "RSAPublicKeyWithSerialization",
    "RSAPublicNumbers",
    "generate_private_key",
    "rsa_crt_dmp1",
    "rsa_crt_dmq1",
    "rsa_crt_iqmp",
    "rsa_recover_prime_factors",
    "rsa_recover_private_exponent",
]


class RSAPrivateKey(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def decrypt(self, ciphertext: bytes, padding: AsymmetricPadding) -> bytes:
        """Decrypts the provided ciphertext."""

    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of the public modulus."""

    @abc.abstractmethod
    def public_key(self) -> RSAPublicKey:
        """The RSAPublicKey associated with this private key."""

    @abc.abstractmethod
    def sign(
        self,
        data: bytes,
        padding: AsymmetricPadding,
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm | asym_utils.NoDigestInfo,
    ) -> bytes:
        """Signs the data."""

    @abc.abstractmethod
    def private_numbers(self) -> RSAPrivateNumbers:
        """Returns an RSAPrivateNumbers."""

    @abc.abstractmethod
    def private_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PrivateFormat,
        encryption_algorithm: _serialization.KeySerializationEncryption,
    ) -> bytes:
        """Returns the key serialized as bytes."""

    @abc.abstractmethod
    def __copy__(self) -> RSAPrivateKey:
        """Returns a copy."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> RSAPrivateKey:
        """Returns a deep copy."""


RSAPrivateKeyWithSerialization = RSAPrivateKey


class RSAPublicKey(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def encrypt(self, plaintext: bytes, padding: AsymmetricPadding) -> bytes:
        """Encrypts the given plaintext."""

    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """The bit length of the public modulus."""

    @abc.abstractmethod
    def public_numbers(self) -> RSAPublicNumbers:
        """Returns an RSAPublicNumbers."""

    @abc.abstractmethod
    def public_bytes(
        self,
        encoding: _serialization.Encoding,
        format: _serialization.PublicFormat,
    ) -> bytes:
        """Returns the key serialized as bytes."""

    @abc.abstractmethod
    def verify(
        self,
        signature: bytes,
        data: bytes,
        padding: AsymmetricPadding,
        algorithm: asym_utils.Prehashed | hashes.HashAlgorithm,
    ) -> None:
        """Verifies the signature of the data."""

    @abc.abstractmethod
    def recover_data_from_signature(
        self,
        signature: bytes,
        padding: AsymmetricPadding,
        algorithm: hashes.HashAlgorithm | asym_utils.NoDigestInfo | None,
    ) -> bytes:
        """Recovers the original data from the signature."""

    @abc.abstractmethod
    def __eq__(self, other: object) -> bool:
        """Checks equality."""

    @abc.abstractmethod
    def __copy__(self) -> RSAPublicKey:
        """Returns a copy."""

    @abc.abstractmethod
    def __deepcopy__(self, memo: dict) -> RSAPublicKey:
        """Returns a deep copy."""


RSAPublicKeyWithSerialization = RSAPublicKey


def _not_instance(value: object, what: str) -> TypeError:
    return TypeError(f"'{type(value).__name__}' object is not an instance of '{what}'")


def _check_int(value: object) -> None:
    if not isinstance(value, int):
        raise _not_instance(value, "int")


# ---------------------------------------------------------------------------
# Numbers.


class RSAPublicNumbers:
    def __init__(self, e: int, n: int):
        _check_int(e)
        _check_int(n)
        self._e = e
        self._n = n

    @property
    def e(self) -> int:
        return self._e

    @property
    def n(self) -> int:
        return self._n

    def public_key(self, backend: typing.Any = None) -> RSAPublicKey:
        e, n = self._e, self._n
        # pyca converts n, then e, to unsigned numbers before its checks.
        for v in (n, e):
            if v < 0:
                raise OverflowError("can't convert negative int to unsigned")
        if n < 3:
            raise ValueError("n must be >= 3.")
        if e < 3 or e >= n:
            raise ValueError("e must be >= 3 and < n.")
        if e & 1 == 0:
            raise ValueError("e must be odd.")
        from cryptogo.hazmat.primitives.asymmetric import _rsa_impl

        return _rsa_impl.public_key_from_numbers(e, n)

    def __repr__(self) -> str:
        return f"<RSAPublicNumbers(e={self._e}, n={self._n})>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RSAPublicNumbers):
            return NotImplemented
        return self._e == other._e and self._n == other._n

    def __hash__(self) -> int:
        return hash((self._e, self._n))


class RSAPrivateNumbers:
    def __init__(
        self,
        p: int,
        q: int,
        d: int,
        dmp1: int,
        dmq1: int,
        iqmp: int,
        public_numbers: RSAPublicNumbers,
    ):
        for v in (p, q, d, dmp1, dmq1, iqmp):
            _check_int(v)
        if not isinstance(public_numbers, RSAPublicNumbers):
            raise _not_instance(public_numbers, "RSAPublicNumbers")
        self._p = p
        self._q = q
        self._d = d
        self._dmp1 = dmp1
        self._dmq1 = dmq1
        self._iqmp = iqmp
        self._public_numbers = public_numbers

    p = property(lambda self: self._p)
    q = property(lambda self: self._q)
    d = property(lambda self: self._d)
    dmp1 = property(lambda self: self._dmp1)
    dmq1 = property(lambda self: self._dmq1)
    iqmp = property(lambda self: self._iqmp)
    public_numbers = property(lambda self: self._public_numbers)

    def private_key(
        self,
        backend: typing.Any = None,
        *,
        unsafe_skip_rsa_key_validation: bool = False,
    ) -> RSAPrivateKey:
        n, e = self._public_numbers.n, self._public_numbers.e
        checks = [
            (n < 3, "modulus must be >= 3."),
            (self._p >= n, "p must be < modulus."),
            (self._q >= n, "q must be < modulus."),
            (self._dmp1 >= n, "dmp1 must be < modulus."),
            (self._dmq1 >= n, "dmq1 must be < modulus."),
            (self._iqmp >= n, "iqmp must be < modulus."),
            (self._d >= n, "private_exponent must be < modulus."),
            (e < 3 or e >= n, "public_exponent must be >= 3 and < modulus."),
            (e & 1 == 0, "public_exponent must be odd."),
            (self._dmp1 & 1 == 0, "dmp1 must be odd."),
            (self._dmq1 & 1 == 0, "dmq1 must be odd."),
            (self._p * self._q != n, "p*q must equal modulus."),
        ]
        for bad, msg in checks:
            if bad:
                raise ValueError(msg)
        # Then (pyca's order) each number is converted to an unsigned one:
        # a negative value is an OverflowError.
        for v in (n, e, self._d, self._p, self._q, self._dmp1, self._dmq1, self._iqmp):
            if v < 0:
                raise OverflowError("can't convert negative int to unsigned")
        from cryptogo.hazmat.primitives.asymmetric import _rsa_impl

        return _rsa_impl.private_key_from_numbers(n, e, self._d, self._p, self._q, self._dmp1, self._dmq1, self._iqmp)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RSAPrivateNumbers):
            return NotImplemented
        return (
            self._p == other._p
            and self._q == other._q
            and self._d == other._d
            and self._dmp1 == other._dmp1
            and self._dmq1 == other._dmq1
            and self._iqmp == other._iqmp
            and self._public_numbers == other._public_numbers
        )

    def __hash__(self) -> int:
        return hash((self._p, self._q, self._d, self._dmp1, self._dmq1, self._iqmp, self._public_numbers))


# ---------------------------------------------------------------------------
# Module functions (pure arithmetic, as pyca).


def generate_private_key(
    public_exponent: int,
    key_size: int,
    backend: typing.Any = None,
) -> RSAPrivateKey:
    _verify_rsa_parameters(public_exponent, key_size)
    from cryptogo.hazmat.primitives.asymmetric import _rsa_impl

    return _rsa_impl.generate(public_exponent, key_size)


def _verify_rsa_parameters(public_exponent: int, key_size: int) -> None:
    if public_exponent not in (3, 65537):
        raise ValueError(
            "public_exponent must be either 3 (for legacy compatibility) or "
            "65537. Almost everyone should choose 65537 here!"
        )

    if key_size < 1024:
        raise ValueError("key_size must be at least 1024-bits.")


def _modinv(e: int, m: int) -> int:
    """Modular Multiplicative Inverse. Returns x such that: (x*e) mod m == 1"""
    x1, x2 = 1, 0
    a, b = e, m
    while b > 0:
        q, r = divmod(a, b)
        xn = x1 - q * x2
        a, b, x1, x2 = b, r, x2, xn
    return x1 % m


def rsa_crt_iqmp(p: int, q: int) -> int:
    """Compute the CRT (q ** -1) % p value from RSA primes p and q."""
    if p <= 1 or q <= 1:
        raise ValueError("Values can't be <= 1")
    return _modinv(q, p)


def rsa_crt_dmp1(private_exponent: int, p: int) -> int:
    """Compute the CRT private_exponent % (p - 1) value from the RSA
    private_exponent (d) and p."""
    if private_exponent <= 1 or p <= 1:
        raise ValueError("Values can't be <= 1")
    return private_exponent % (p - 1)


def rsa_crt_dmq1(private_exponent: int, q: int) -> int:
    """Compute the CRT private_exponent % (q - 1) value from the RSA
    private_exponent (d) and q."""
    if private_exponent <= 1 or q <= 1:
        raise ValueError("Values can't be <= 1")
    return private_exponent % (q - 1)


def rsa_recover_private_exponent(e: int, p: int, q: int) -> int:
    """Compute the RSA private_exponent (d) given the public exponent (e)
    and the RSA primes p and q (Carmichael totient, as pyca)."""
    if e <= 1 or p <= 1 or q <= 1:
        raise ValueError("Values can't be <= 1")
    return _modinv(e, lcm(p - 1, q - 1))


_MAX_RECOVERY_ATTEMPTS = 500


def rsa_recover_prime_factors(n: int, e: int, d: int) -> tuple[int, int]:
    """Compute factors p and q from the private exponent d (n with two
    factors), as pyca."""
    if d <= 1 or e <= 1:
        raise ValueError("d, e can't be <= 1")
    if 17 != pow(17, e * d, n):
        raise ValueError("n, d, e don't match")
    ktot = d * e - 1
    t = ktot
    while t % 2 == 0:
        t = t // 2
    spotted = False
    tries = 0
    while not spotted and tries < _MAX_RECOVERY_ATTEMPTS:
        a = random.randint(2, n - 1)
        tries += 1
        k = t
        while k < ktot:
            cand = pow(a, k, n)
            if cand != 1 and cand != (n - 1) and pow(cand, 2, n) == 1:
                p = gcd(cand + 1, n)
                spotted = True
                break
            k *= 2
    if not spotted:
        raise ValueError("Unable to compute factors p and q from exponent d.")
    q, r = divmod(n, p)
    assert r == 0
    p, q = sorted((p, q), reverse=True)
    return (p, q)
