from __future__ import annotations

import abc

# Kept apart to break an import cycle, as in pyca; normally reached through
# the asymmetric padding module.


class AsymmetricPadding(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def name(self) -> str:
        """A string naming this padding (e.g. "PSS", "PKCS1")."""
