"""Hash algorithms and ``Hash``, as ``cryptography.hazmat.primitives.hashes``.

The algorithm classes are plain Python like pyca's. ``Hash`` keeps its state
in libcrypto-go; a hash fed with a single ``bytes`` chunk is computed with one
C call at ``finalize()`` (no native state is created at all).
"""

from __future__ import annotations

import abc
import sys
import typing

from cryptogo import _fast, _handles, _native
from cryptogo._native import lib
from cryptogo.exceptions import AlreadyFinalized, UnsupportedAlgorithm, _Reasons
from cryptogo.hazmat.primitives._lazystate import LazyContext, lazy_context
from cryptogo.utils import Buffer

__all__ = [
    "MD5",
    "SHA1",
    "SHA3_224",
    "SHA3_256",
    "SHA3_384",
    "SHA3_512",
    "SHA224",
    "SHA256",
    "SHA384",
    "SHA512",
    "SHA512_224",
    "SHA512_256",
    "SHAKE128",
    "SHAKE256",
    "SM3",
    "BLAKE2b",
    "BLAKE2s",
    "ExtendableOutputFunction",
    "Hash",
    "HashAlgorithm",
    "HashContext",
]


class HashAlgorithm(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def name(self) -> str:
        """A string naming this algorithm (e.g. "sha256", "md5")."""

    @property
    @abc.abstractmethod
    def digest_size(self) -> int:
        """The size of the resulting digest in bytes."""

    @property
    @abc.abstractmethod
    def block_size(self) -> int | None:
        """The internal block size of the hash function, or None if the hash
        function does not use blocks internally (e.g. SHA3)."""


class HashContext(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def algorithm(self) -> HashAlgorithm:
        """A HashAlgorithm that will be used by this context."""

    @abc.abstractmethod
    def update(self, data: Buffer) -> None:
        """Processes the provided bytes through the hash."""

    @abc.abstractmethod
    def finalize(self) -> bytes:
        """Finalizes the hash context and returns the hash digest as bytes."""

    @abc.abstractmethod
    def copy(self) -> HashContext:
        """Return a HashContext that is a copy of the current context."""


class ExtendableOutputFunction(metaclass=abc.ABCMeta):  # noqa: B024 -- a marker ABC, as pyca declares it
    """An interface for extendable output functions."""


class _FixedHash(HashAlgorithm):
    """A fixed-output hash: every instance of one class is equal to every
    other (as pyca's classes compare), so padding objects compare by value."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, type(self)):
            return NotImplemented
        return True


class SHA1(_FixedHash):
    name = "sha1"
    digest_size = 20
    block_size = 64


class SHA512_224(_FixedHash):  # noqa: N801 -- pyca\'s class name
    name = "sha512-224"
    digest_size = 28
    block_size = 128


class SHA512_256(_FixedHash):  # noqa: N801 -- pyca\'s class name
    name = "sha512-256"
    digest_size = 32
    block_size = 128


class SHA224(_FixedHash):
    name = "sha224"
    digest_size = 28
    block_size = 64


class SHA256(_FixedHash):
    name = "sha256"
    digest_size = 32
    block_size = 64


class SHA384(_FixedHash):
    name = "sha384"
    digest_size = 48
    block_size = 128


class SHA512(_FixedHash):
    name = "sha512"
    digest_size = 64
    block_size = 128


class SHA3_224(_FixedHash):  # noqa: N801 -- pyca\'s class name
    name = "sha3-224"
    digest_size = 28
    block_size = None


class SHA3_256(_FixedHash):  # noqa: N801 -- pyca\'s class name
    name = "sha3-256"
    digest_size = 32
    block_size = None


class SHA3_384(_FixedHash):  # noqa: N801 -- pyca\'s class name
    name = "sha3-384"
    digest_size = 48
    block_size = None


class SHA3_512(_FixedHash):  # noqa: N801 -- pyca\'s class name
    name = "sha3-512"
    digest_size = 64
    block_size = None


class MD5(_FixedHash):
    name = "md5"
    digest_size = 16
    block_size = 64


class SM3(HashAlgorithm):
    """SM3 (GB/T 32905-2016): hashing, HMAC and PBKDF2 (libcrypto-go's own
    implementation, core/hash/sm3.go). RSA signatures with SM3 are not
    implemented (UnsupportedAlgorithm)."""

    name = "sm3"
    digest_size = 32
    block_size = 64

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, type(self)):
            return NotImplemented
        return True


class _Shake(HashAlgorithm, ExtendableOutputFunction):
    block_size = None

    def __init__(self, digest_size: int):
        if not isinstance(digest_size, int):
            raise TypeError("digest_size must be an integer")
        if digest_size < 1:
            raise ValueError("digest_size must be a positive integer")
        self._digest_size = digest_size

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, type(self)):
            return NotImplemented
        return self._digest_size == other._digest_size

    @property
    def digest_size(self) -> int:
        return self._digest_size

    @classmethod
    def xof(cls) -> typing.Any:
        return cls(sys.maxsize)


class SHAKE128(_Shake):
    name = "shake128"


class SHAKE256(_Shake):
    name = "shake256"


class BLAKE2b(HashAlgorithm):
    name = "blake2b"
    _max_digest_size = 64
    _min_digest_size = 1
    block_size = 128

    def __init__(self, digest_size: int):
        if digest_size != 64:
            raise ValueError("Digest size must be 64")
        self._digest_size = digest_size

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BLAKE2b):
            return NotImplemented
        return self._digest_size == other._digest_size

    @property
    def digest_size(self) -> int:
        return self._digest_size


class BLAKE2s(HashAlgorithm):
    name = "blake2s"
    block_size = 64
    _max_digest_size = 32
    _min_digest_size = 1

    def __init__(self, digest_size: int):
        if digest_size != 32:
            raise ValueError("Digest size must be 32")
        self._digest_size = digest_size

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BLAKE2s):
            return NotImplemented
        return self._digest_size == other._digest_size

    @property
    def digest_size(self) -> int:
        return self._digest_size


# ---------------------------------------------------------------------------
# Algorithm -> C enum (cryptogo_hash_alg), from the ABI description.

_IDS: dict[str, int] = {}


def _load_ids() -> None:
    enum = _native.abi()["enums"]["cryptogo_hash_alg"]
    for cname, value in enum.items():
        _IDS[cname[len("CRYPTOGO_HASH_") :].lower()] = int(value)


def _unsupported(algorithm: typing.Any) -> UnsupportedAlgorithm:
    return UnsupportedAlgorithm(
        f"{algorithm.name} is not a supported hash on this backend",
        _Reasons.UNSUPPORTED_HASH,
    )


def _hash_id(algorithm: HashAlgorithm) -> int:
    """The C enum value for `algorithm`; UnsupportedAlgorithm if libcrypto-go
    has none (user-defined algorithms)."""
    if not _IDS:
        _load_ids()
    name = getattr(algorithm, "name", None)
    alg = _IDS.get(name.replace("-", "_")) if isinstance(name, str) else None
    if alg is None:
        raise _unsupported(algorithm)
    # A user-defined class that borrows a known name is not that algorithm.
    if type(algorithm) not in _KNOWN:
        raise _unsupported(algorithm)
    return alg


_KNOWN: frozenset[type[HashAlgorithm]] = frozenset(
    {
        SHA1,
        SHA224,
        SHA256,
        SHA384,
        SHA512,
        SHA512_224,
        SHA512_256,
        SHA3_224,
        SHA3_256,
        SHA3_384,
        SHA3_512,
        SHAKE128,
        SHAKE256,
        BLAKE2b,
        BLAKE2s,
        MD5,
        SM3,
    }
)


def _check_algorithm(algorithm: object) -> None:
    if not isinstance(algorithm, HashAlgorithm):
        raise TypeError("Expected instance of hashes.HashAlgorithm.")


_NativeObject = _handles.NativeObject

# Hot-path state (see _fast.fast): the fast-path values Hash uses live in
# _lazystate (rebound by _bind_lazy); _FAST mirrors whether they are enabled.
_FAST = False
# Algorithm class -> C enum value, for the classes libcrypto-go implements
# (a lookup by exact type replaces isinstance + _hash_id on the hot path).
_BY_TYPE: dict[type, int] = {}

_lazy_base, _bind_lazy = lazy_context("hash", "cryptogo_hash_digest", keyed=False)
if typing.TYPE_CHECKING:
    # The base class is made at run time; to the type checker it is the
    # interface every such class implements.
    _LazyHash = LazyContext
else:
    _LazyHash = _lazy_base


def _bind(fast: typing.Any) -> None:
    global _FAST
    enum = (fast.abi.get("enums") or {}).get("cryptogo_hash_alg") or {}
    ids = {c[len("CRYPTOGO_HASH_") :].lower(): int(v) for c, v in enum.items()}
    _BY_TYPE.clear()
    for cls in _KNOWN:
        # Each concrete class sets `name` as a str class attribute (the
        # abstract property only describes instances).
        i = ids.get(typing.cast(str, cls.name).replace("-", "_"))
        if i is not None:
            _BY_TYPE[cls] = i
    _bind_lazy(fast)
    _FAST = fast.enabled


class Hash(_LazyHash, HashContext):
    """A hash context (``cryptography.hazmat.primitives.hashes.Hash``)."""

    __slots__ = ("_algorithm",)

    def __init__(self, algorithm: HashAlgorithm, backend: typing.Any = None) -> None:
        alg = _BY_TYPE.get(type(algorithm))
        if alg is None:
            if not isinstance(algorithm, HashAlgorithm):
                raise TypeError("Expected instance of hashes.HashAlgorithm.")
            alg = _hash_id(algorithm)  # loads the library (then _BY_TYPE is set)
        self._alg = alg
        self._size = algorithm.digest_size
        self._algorithm = algorithm
        self._pending = None  # the first chunk, while it is the only one
        self._h = None
        self._fin = None
        self._done = False

    @property
    def algorithm(self) -> HashAlgorithm:
        return self._algorithm

    def _new_handle(self) -> int:
        return _handles.new_handle(lib.cryptogo_hash_new, self._alg, self._size)

    def copy(self) -> Hash:
        if self._done:
            raise AlreadyFinalized("Context was already finalized.")
        c = self._copy_as(Hash)
        c._algorithm = self._algorithm
        return c

    @staticmethod
    def hash(algorithm: HashAlgorithm, data: Buffer) -> bytes:
        """One-shot digest of `data` (pyca 47+ ``Hash.hash``)."""
        h = Hash(algorithm)
        h.update(data)
        return h.finalize()

    def __reduce__(self) -> typing.NoReturn:
        raise TypeError("cannot pickle 'Hash' object")


_fast.bind(_bind)


# --- pyca-surface (issue 18 item 5): pyca names cryptogo does not implement yet.
# Kept as one block at the end so merges with other work on this module stay trivial.
from cryptogo import _unsupported as _placeholders  # noqa: E402

# Incremental extendable output (squeeze) for SHAKE: not in cryptogo yet.
XOFHash = _placeholders.cls(__name__, "XOFHash", _Reasons.UNSUPPORTED_HASH)
__all__ += ["XOFHash"]
