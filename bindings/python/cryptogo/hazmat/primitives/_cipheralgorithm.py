"""Cipher algorithm interfaces (kept apart to break an import cycle, as in
pyca); reached through ``ciphers``."""

from __future__ import annotations

import abc


class CipherAlgorithm(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def name(self) -> str:
        """The algorithm's name, e.g. "AES"."""

    @property
    @abc.abstractmethod
    def key_sizes(self) -> frozenset[int]:
        """The key sizes (bits) the algorithm accepts."""

    @property
    @abc.abstractmethod
    def key_size(self) -> int:
        """This instance's key size in bits."""


class BlockCipherAlgorithm(CipherAlgorithm):
    key: bytes

    @property
    @abc.abstractmethod
    def block_size(self) -> int:
        """The block size in bits."""
