"""``cryptography.hazmat.backends.openssl.backend``: ``Backend`` and the
``backend`` singleton.

cryptogo's ``Backend`` is an opaque token for code that still passes
``backend=default_backend()`` to pyca's APIs (which ignore it, as cryptogo's
do). It is not OpenSSL and claims nothing: no capability methods, no
library load. The other names are the ones pyca's module exposes through its
own imports.
"""

from __future__ import annotations

from cryptogo.hazmat.primitives._asymmetric import AsymmetricPadding
from cryptogo.hazmat.primitives._cipheralgorithm import CipherAlgorithm
from cryptogo.hazmat.primitives._modes import Mode
from cryptogo.hazmat.primitives.asymmetric.padding import MGF1, OAEP, PSS, PKCS1v15
from cryptogo.hazmat.primitives.ciphers.algorithms import AES
from cryptogo.hazmat.primitives.ciphers.modes import CBC

__all__ = [
    "AES",
    "CBC",
    "MGF1",
    "OAEP",
    "PSS",
    "AsymmetricPadding",
    "Backend",
    "CipherAlgorithm",
    "Mode",
    "PKCS1v15",
    "backend",
]


class Backend:
    """The object ``default_backend()`` returns: accepted wherever pyca takes
    a ``backend`` argument, and otherwise unused."""

    name = "cryptogo"

    def __repr__(self) -> str:
        return "<cryptogo Backend: an opaque token; cryptogo ignores backend arguments>"


backend = Backend()
