"""``cryptography.hazmat.backends``: ``default_backend()``.

pyca no longer uses backends (every ``backend=`` argument is ignored), but
much code still calls ``default_backend()`` and passes the result around.
cryptogo's returns :data:`cryptogo.hazmat.backends.openssl.backend`, an
opaque token: it loads nothing and answers no capability questions (pyca's
``Backend`` has ``cipher_supported`` and friends; cryptogo's has none, so
code that asks gets an ``AttributeError`` rather than a wrong yes).
"""

from __future__ import annotations

import typing

__all__ = ["default_backend"]


def default_backend() -> typing.Any:
    from cryptogo.hazmat.backends.openssl.backend import backend

    return backend
