"""``cryptography.hazmat.backends.openssl``: the ``backend`` object (see
:mod:`cryptogo.hazmat.backends`)."""

from __future__ import annotations

from cryptogo.hazmat.backends.openssl.backend import backend

__all__ = ["backend"]
