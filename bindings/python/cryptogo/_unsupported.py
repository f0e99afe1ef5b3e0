"""Placeholders for the pyca names cryptogo does not implement yet.

Every public module path and name of pyca ``cryptography`` imports from
``cryptogo`` (code written for pyca imports many names it never uses), but a
name whose feature is missing must not pretend to work. Its placeholder
imports fine and raises pyca's :class:`~cryptogo.exceptions.UnsupportedAlgorithm`
(reason ``_Reasons.UNSUPPORTED_...`` as given) the moment it is *used*:
called, instantiated, or subclassed into an instance.

Each use is counted (:func:`touches`), so that a test harness can tell a test
that passed because a placeholder raised the UnsupportedAlgorithm the test
expected from a test that passed on real cryptography: the pyca-suite run
(``make pyca-suite``) counts any test that touched a placeholder as *missing*,
never as passed.

Use :func:`function` for a missing function and :func:`cls` for a missing
class (or subclass :class:`Placeholder`); a class method the placeholder does
not define is a placeholder function too. ``isinstance(x, Placeholder)`` is False for every real object, and
``issubclass`` works, so type unions and isinstance checks that mention a
missing class keep working (and do not count as a use).
"""

from __future__ import annotations

import abc
import threading
import typing

from cryptogo.exceptions import UnsupportedAlgorithm, _Reasons

__all__ = ["Placeholder", "cls", "function", "is_placeholder", "touches"]

_lock = threading.Lock()
_touches = 0


def touches() -> int:
    """How many times any placeholder has been used in this process."""
    return _touches


def _touch(qualname: str, reason: _Reasons) -> UnsupportedAlgorithm:
    global _touches
    with _lock:
        _touches += 1
    return UnsupportedAlgorithm(f"{qualname} is not supported by cryptogo yet.", reason)


class _PlaceholderMeta(abc.ABCMeta):
    """Any public attribute a placeholder class lacks (a class method of
    pyca's such as ``AESCCM.generate_key``) is a placeholder function too,
    so using it raises UnsupportedAlgorithm rather than AttributeError. An
    ABCMeta, so placeholders can keep pyca's abstract bases."""

    def __getattr__(cls, name: str) -> typing.Any:
        if name.startswith("_"):
            raise AttributeError(name)
        qualname = cls.__dict__.get("_cryptogo_placeholder") or f"{cls.__module__}.{cls.__qualname__}"
        return function(cls.__module__, f"{qualname.rsplit('.', 1)[-1]}.{name}", cls._cryptogo_reason)


class Placeholder(metaclass=_PlaceholderMeta):
    """Base of every placeholder class: instantiating one raises, and so does
    calling any class attribute it does not define."""

    _cryptogo_placeholder: typing.ClassVar[str] = ""
    _cryptogo_reason: typing.ClassVar[_Reasons] = _Reasons.UNSUPPORTED_CIPHER

    def __new__(cls, *args: typing.Any, **kwargs: typing.Any) -> typing.Any:
        raise _touch(cls._cryptogo_placeholder or cls.__qualname__, cls._cryptogo_reason)


def cls(
    module: str,
    name: str,
    reason: _Reasons = _Reasons.UNSUPPORTED_CIPHER,
    bases: tuple[type, ...] = (),
) -> type:
    """A placeholder class ``module.name``. ``bases`` lets it keep pyca's
    class hierarchy (e.g. an abstract interface it implements)."""
    qualname = f"{module}.{name}"
    ns = {"__module__": module, "__qualname__": name, "_cryptogo_placeholder": qualname, "_cryptogo_reason": reason}
    return type(name, (Placeholder, *bases), ns)


def function(
    module: str,
    name: str,
    reason: _Reasons = _Reasons.UNSUPPORTED_CIPHER,
) -> typing.Callable[..., typing.NoReturn]:
    """A placeholder function ``module.name``."""
    qualname = f"{module}.{name}"

    def placeholder(*args: typing.Any, **kwargs: typing.Any) -> typing.NoReturn:
        raise _touch(qualname, reason)

    placeholder.__module__ = module
    placeholder.__name__ = placeholder.__qualname__ = name
    placeholder._cryptogo_placeholder = qualname  # type: ignore[attr-defined]  # marker read by is_placeholder
    return placeholder


def is_placeholder(obj: object) -> bool:
    """Whether obj is a placeholder class or function (or an instance of one)."""
    return bool(getattr(obj, "_cryptogo_placeholder", ""))
