"""cryptogo: pyca/cryptography's API over libcrypto-go (Go crypto as a C
shared library, called through ctypes).

A program written for ``cryptography`` runs after changing only its top-level
import from ``cryptography`` to ``cryptogo``. The library is loaded on first
use, not at import (see :mod:`cryptogo._native`).

Every public module and name of pyca ``cryptography`` 50.0.2 imports from
here. What cryptogo does not implement yet is a placeholder
(:mod:`cryptogo._unsupported`): it imports fine and raises
:class:`~cryptogo.exceptions.UnsupportedAlgorithm` when used.
"""

from __future__ import annotations

__all__ = ["__author__", "__copyright__", "__version__"]

__version__ = "0.1.0"
__author__ = "The libcrypto-go developers"
__copyright__ = f"Copyright {__author__}"
