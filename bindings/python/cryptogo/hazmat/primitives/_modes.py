"""Cipher mode interfaces (kept apart to break an import cycle, as in pyca);
reached through ``ciphers.modes``."""

from __future__ import annotations

import abc

from cryptogo.hazmat.primitives._cipheralgorithm import CipherAlgorithm


class Mode(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def name(self) -> str:
        """The mode's name, e.g. "CBC"."""

    @abc.abstractmethod
    def validate_for_algorithm(self, algorithm: CipherAlgorithm) -> None:
        """Raises when this mode cannot be used with ``algorithm``."""


class ModeWithInitializationVector(Mode, metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def initialization_vector(self) -> bytes:
        """The IV."""


class ModeWithTweak(Mode, metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def tweak(self) -> bytes:
        """The tweak."""


class ModeWithNonce(Mode, metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def nonce(self) -> bytes:
        """The nonce."""


class ModeWithAuthenticationTag(Mode, metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def tag(self) -> bytes | None:
        """The authentication tag (None while encrypting)."""
