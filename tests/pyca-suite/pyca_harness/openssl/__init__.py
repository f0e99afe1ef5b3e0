"""Stand-in for ``cryptography.hazmat.backends.openssl`` (see :mod:`.backend`)."""

from pyca_harness.openssl.backend import backend

__all__ = ["backend"]
