"""``cryptography.hazmat.primitives.ciphers.algorithms``: the algorithms for
:class:`~cryptogo.hazmat.primitives.ciphers.Cipher`.

cryptogo has no ``Cipher`` yet, so every algorithm here is a placeholder
(``UnsupportedAlgorithm``, ``_Reasons.UNSUPPORTED_CIPHER``, on
instantiation) that keeps pyca's base class. AES-GCM and ChaCha20-Poly1305
are available as AEADs in ``ciphers.aead``. The legacy names pyca still
re-exports here (moved to ``hazmat.decrepit``) are the same objects.
"""

from __future__ import annotations

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat.decrepit.ciphers.algorithms import (
    ARC4 as ARC4,
)
from cryptogo.hazmat.decrepit.ciphers.algorithms import (
    CAST5 as CAST5,
)
from cryptogo.hazmat.decrepit.ciphers.algorithms import (
    IDEA as IDEA,
)
from cryptogo.hazmat.decrepit.ciphers.algorithms import (
    SEED as SEED,
)
from cryptogo.hazmat.decrepit.ciphers.algorithms import (
    Blowfish as Blowfish,
)
from cryptogo.hazmat.decrepit.ciphers.algorithms import (
    Camellia as Camellia,
)
from cryptogo.hazmat.decrepit.ciphers.algorithms import (
    TripleDES as TripleDES,
)
from cryptogo.hazmat.primitives._cipheralgorithm import (
    BlockCipherAlgorithm,
    CipherAlgorithm,
)

__all__ = [
    "AES",
    "AES128",
    "AES256",
    "ARC4",
    "CAST5",
    "IDEA",
    "SEED",
    "SM4",
    "BlockCipherAlgorithm",
    "Blowfish",
    "Camellia",
    "ChaCha20",
    "CipherAlgorithm",
    "TripleDES",
]

_CIPHER = _Reasons.UNSUPPORTED_CIPHER

AES = _unsupported.cls(__name__, "AES", _CIPHER, (BlockCipherAlgorithm,))


# AES128 and AES256 are named in a typing union
# (serialization.pkcs7.ContentEncryptionAlgorithm), so they are class
# statements rather than _unsupported.cls(...) values.
class AES128(_unsupported.Placeholder, BlockCipherAlgorithm):
    _cryptogo_placeholder = f"{__name__}.AES128"
    _cryptogo_reason = _CIPHER
    # pyca's class constants (API shape, readable without an instance)
    name = "AES"
    block_size = 128
    key_sizes = frozenset([128])
    key_size = 128


class AES256(_unsupported.Placeholder, BlockCipherAlgorithm):
    _cryptogo_placeholder = f"{__name__}.AES256"
    _cryptogo_reason = _CIPHER
    name = "AES"
    block_size = 128
    key_sizes = frozenset([256])
    key_size = 256


SM4 = _unsupported.cls(__name__, "SM4", _CIPHER, (BlockCipherAlgorithm,))
ChaCha20 = _unsupported.cls(__name__, "ChaCha20", _CIPHER, (CipherAlgorithm,))
