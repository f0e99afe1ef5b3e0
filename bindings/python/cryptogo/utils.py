"""Small helpers shaped like ``cryptography.utils``."""

from __future__ import annotations

import enum
import typing

__all__ = ["Buffer", "CryptographyDeprecationWarning", "Enum", "int_to_bytes"]


class CryptographyDeprecationWarning(UserWarning):
    pass


# Anything with the buffer protocol; these three are what cryptogo accepts
# wherever pyca accepts a bytes-like object.
Buffer = typing.Union[bytes, bytearray, memoryview]  # noqa: UP007 -- evaluated at import: X | Y needs 3.10, the package installs on 3.9


def int_to_bytes(integer: int, length: int | None = None) -> bytes:
    if length == 0:
        raise ValueError("length argument can't be 0")
    return integer.to_bytes(length or (integer.bit_length() + 7) // 8 or 1, "big")


class Enum(enum.Enum):
    """pyca's utils.Enum: Python 3.9's repr and str on every Python."""

    def __repr__(self) -> str:
        return f"<{self.__class__.__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self) -> str:
        return f"{self.__class__.__name__}.{self._name_}"


# --- pyca-surface (issue 18 item 5): the rest of pyca's public utils namespace
# (utils.Enum is above). Kept as one block at the end so
# merges with other work on this module stay trivial.
import sys as _sys  # noqa: E402
import types as _types  # noqa: E402
import warnings as _warnings  # noqa: E402

# pyca's per-release deprecation categories; all one warning class, as in pyca.
DeprecatedIn36 = CryptographyDeprecationWarning
DeprecatedIn40 = CryptographyDeprecationWarning
DeprecatedIn41 = CryptographyDeprecationWarning
DeprecatedIn42 = CryptographyDeprecationWarning
DeprecatedIn43 = CryptographyDeprecationWarning
DeprecatedIn47 = CryptographyDeprecationWarning
DeprecatedIn50 = CryptographyDeprecationWarning


class InterfaceNotImplemented(Exception):
    pass


class _DeprecatedValue:
    def __init__(self, value: object, message: str, warning_class: type[Warning]) -> None:
        self.value = value
        self.message = message
        self.warning_class = warning_class


class _ModuleWithDeprecations(_types.ModuleType):
    """Stands in for a module in sys.modules; reading a deprecated name warns
    and returns its value, every other name reads through."""

    def __init__(self, module: _types.ModuleType) -> None:
        super().__init__(module.__name__)
        self.__dict__["_module"] = module

    def __getattr__(self, attr: str) -> object:
        obj = getattr(self._module, attr)
        if isinstance(obj, _DeprecatedValue):
            _warnings.warn(obj.message, obj.warning_class, stacklevel=2)
            obj = obj.value
        return obj

    def __setattr__(self, attr: str, value: object) -> None:
        setattr(self._module, attr, value)

    def __delattr__(self, attr: str) -> None:
        obj = getattr(self._module, attr)
        if isinstance(obj, _DeprecatedValue):
            _warnings.warn(obj.message, obj.warning_class, stacklevel=2)
        delattr(self._module, attr)

    def __dir__(self) -> list[str]:
        return ["_module", *dir(self._module)]


def deprecated(
    value: object,
    module_name: str,
    message: str,
    warning_class: type[Warning],
    name: str | None = None,
) -> _DeprecatedValue:
    """Marks ``value`` deprecated: reading ``module_name.name`` warns with
    ``message`` (``warning_class``). Returns the wrapper; with ``name`` it is
    also bound in the module."""
    module = _sys.modules[module_name]
    if not isinstance(module, _ModuleWithDeprecations):
        _sys.modules[module_name] = module = _ModuleWithDeprecations(module)
    dv = _DeprecatedValue(value, message, warning_class)
    if name is not None:
        setattr(module, name, dv)
    return dv


__all__ += [
    "DeprecatedIn36",
    "DeprecatedIn40",
    "DeprecatedIn41",
    "DeprecatedIn42",
    "DeprecatedIn43",
    "DeprecatedIn47",
    "DeprecatedIn50",
    "InterfaceNotImplemented",
    "deprecated",
]
