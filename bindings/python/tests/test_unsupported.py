"""cryptogo._unsupported: placeholders import fine, raise pyca's
UnsupportedAlgorithm on every use (instantiation, call, class method), and
count each use for the pyca-suite harness."""

from __future__ import annotations

import abc

import pytest

from cryptogo import _unsupported
from cryptogo.exceptions import UnsupportedAlgorithm, _Reasons


class _Iface(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def op(self) -> int: ...


def test_class_placeholder_keeps_abstract_bases_and_raises_on_use() -> None:
    c = _unsupported.cls("cryptogo.x", "Thing", _Reasons.UNSUPPORTED_MAC, (_Iface,))
    assert issubclass(c, _Iface) and _unsupported.is_placeholder(c)
    assert not isinstance(object(), c)  # isinstance is not a use
    before = _unsupported.touches()
    with pytest.raises(UnsupportedAlgorithm) as exc:
        c()
    assert exc.value._reason is _Reasons.UNSUPPORTED_MAC
    assert "cryptogo.x.Thing" in str(exc.value)
    assert _unsupported.touches() == before + 1


def test_missing_class_method_is_a_placeholder_function() -> None:
    c = _unsupported.cls("cryptogo.x", "Aead", _Reasons.UNSUPPORTED_CIPHER)
    before = _unsupported.touches()
    gen = c.generate_key  # looking it up is not a use
    assert _unsupported.touches() == before
    with pytest.raises(UnsupportedAlgorithm, match=r"cryptogo\.x\.Aead\.generate_key"):
        gen(128)
    assert _unsupported.touches() == before + 1
    assert not hasattr(c, "_private") and not hasattr(c, "__dunder__")


def test_function_placeholder() -> None:
    f = _unsupported.function("cryptogo.x", "load_thing", _Reasons.UNSUPPORTED_X509)
    assert f.__name__ == "load_thing" and _unsupported.is_placeholder(f)
    with pytest.raises(UnsupportedAlgorithm) as exc:
        f(b"data")
    assert exc.value._reason is _Reasons.UNSUPPORTED_X509
