"""The import hook of the cryptogo environment: ``cryptography.*`` is ``cryptogo.*``.

:class:`CryptographyAlias` is a meta path finder placed first on
``sys.meta_path``. It answers every import of ``cryptography`` or
``cryptography.<rest>`` with the module ``cryptogo.<rest>`` itself (the same
object: ``cryptography.fernet is cryptogo.fernet``), and never returns None for
such a name, so no other finder (a real pyca on the path) is ever asked. A name
cryptogo lacks raises ModuleNotFoundError naming both modules.

Two subtrees are the harness's, not cryptogo's (:data:`OVERRIDES`):

- ``cryptography.hazmat.backends.openssl``: the capability-checking stand-in
  backend pyca's ``tests/conftest.py`` imports (:mod:`pyca_harness.openssl`);
- ``cryptography.hazmat.bindings._rust``: only ``_rust.openssl``'s flags naming
  the OpenSSL flavour whose behaviour the tests expect (:mod:`pyca_harness._rust`).
  Everything else under ``_rust`` is missing, so tests of pyca internals fail.

Their parents (``cryptography.hazmat.backends``, ``cryptography.hazmat.bindings``)
are cryptogo's when cryptogo has them; otherwise an empty package (no names)
stands in, only so that the overridden children can be imported.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import types
from collections.abc import Sequence

PYCA = "cryptography"
OURS = "cryptogo"

OVERRIDES: dict[str, str] = {
    "cryptography.hazmat.backends.openssl": "pyca_harness.openssl",
    "cryptography.hazmat.bindings._rust": "pyca_harness._rust",
}
STUB_PARENTS = frozenset({"cryptography.hazmat.backends", "cryptography.hazmat.bindings"})


class _Existing(importlib.abc.Loader):
    """Loads a module that already exists: the import system binds it under the new name."""

    def __init__(self, module: types.ModuleType) -> None:
        self.module = module

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return self.module

    def exec_module(self, module: types.ModuleType) -> None:
        pass


def target_of(fullname: str) -> str:
    """The module that answers an import of fullname (a ``cryptography`` name)."""
    for prefix, repl in OVERRIDES.items():
        if fullname == prefix or fullname.startswith(prefix + "."):
            return repl + fullname[len(prefix) :]
    return OURS + fullname[len(PYCA) :]


def _stub(fullname: str) -> types.ModuleType:
    mod = types.ModuleType(fullname, "Empty parent package of the harness's overrides (cryptogo has none).")
    mod.__path__ = []
    mod.__cryptogo_harness_stub__ = True  # type: ignore[attr-defined]
    return mod


class CryptographyAlias(importlib.abc.MetaPathFinder):
    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None = None,
        target: types.ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != PYCA and not fullname.startswith(PYCA + "."):
            return None
        name = target_of(fullname)
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name is None or not (name == e.name or name.startswith(e.name + ".")):
                raise  # the module exists but imports something missing: its own error
            if fullname in STUB_PARENTS:
                module = _stub(fullname)
            else:
                raise ModuleNotFoundError(
                    f"No module named {fullname!r} (the pyca-suite import hook maps it to {name!r}, "
                    f"which does not exist: no module named {e.name!r})",
                    name=fullname,
                ) from None
        if not module.__name__.startswith(OURS):
            # an override package: bind the submodules it imported itself under
            # their cryptography names too, so that a later import of one finds
            # it in sys.modules instead of rebinding the package's attribute
            # (pyca's openssl package binds `backend` to the instance, not the module)
            for sub, mod in list(sys.modules.items()):
                if sub.startswith(name + "."):
                    sys.modules.setdefault(fullname + sub[len(name) :], mod)
        return importlib.util.spec_from_loader(fullname, _Existing(module), is_package=hasattr(module, "__path__"))


_FINDER = CryptographyAlias()


def pyca_importable() -> bool:
    """Whether a real ``cryptography`` is importable without the hook."""
    if any(isinstance(f, CryptographyAlias) for f in sys.meta_path):
        raise RuntimeError("ask before install()")
    return importlib.util.find_spec(PYCA) is not None


def install() -> None:
    """Put the finder first on sys.meta_path; refuse when a real pyca is importable."""
    if any(isinstance(f, CryptographyAlias) for f in sys.meta_path):
        return
    if PYCA in sys.modules:
        raise RuntimeError(f"{PYCA} was imported before the pyca-suite hook: {sys.modules[PYCA]!r}")
    if pyca_importable():
        raise RuntimeError(
            f"a real {PYCA} is importable in this environment ({importlib.util.find_spec(PYCA)}); "
            "the cryptogo environment must not have pyca installed"
        )
    sys.meta_path.insert(0, _FINDER)


def audit() -> list[str]:
    """Every ``cryptography`` entry of sys.modules that is not cryptogo's or the harness's module."""
    bad = []
    for name, mod in sorted(sys.modules.items()):
        if name != PYCA and not name.startswith(PYCA + "."):
            continue
        origin = getattr(mod, "__name__", "")
        ok = (
            origin.startswith((OURS + ".", "pyca_harness."))
            or origin == OURS
            or getattr(mod, "__cryptogo_harness_stub__", False)
        )
        if not ok:
            bad.append(f"{name} -> {origin} ({getattr(mod, '__file__', None)})")
    return bad
