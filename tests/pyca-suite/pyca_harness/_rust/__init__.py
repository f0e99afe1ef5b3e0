"""Stand-in for pyca's private ``cryptography.hazmat.bindings._rust``.

Only :mod:`._rust.openssl`'s flavour flags exist: pyca's test modules read
them at import time (``rust_openssl.CRYPTOGRAPHY_IS_BORINGSSL``) to pick the
behaviour they expect. Every other name of pyca's Rust extension is missing on
purpose, so a test that exercises pyca internals fails (``private-api``).
"""

from pyca_harness._rust import openssl

__all__ = ["openssl"]
