"""cryptogo: pyca/cryptography's API over libcrypto-go (Go crypto as a C
shared library, called through ctypes).

A program written for ``cryptography`` runs after changing only its top-level
import from ``cryptography`` to ``cryptogo``. The library is loaded on first
use, not at import (see :mod:`cryptogo._native`).
"""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
