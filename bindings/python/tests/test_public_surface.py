"""Guard: every public module path and name of pyca ``cryptography`` imports
from ``cryptogo`` (issue 18 item 5).

The list is not written by hand: it is walked from the real ``cryptography``
installed in the test venv (pinned in requirements-test.txt), so a pyca
upgrade that adds a name makes this test name it.

What counts as public (decided here, applied to both packages):

* **Modules**: every module ``pkgutil.walk_packages`` finds under
  ``cryptography`` whose dotted path has no ``_``-prefixed component, minus
  ``cryptography.hazmat.bindings`` (pyca's internal Rust/OpenSSL bindings,
  which pyca documents as not public).
* **Names**: in each such module, every attribute ``dir(module)`` lists that
  does not start with ``_``, with pyca's deprecated names unwrapped (pyca
  serves them through a module wrapper), except

  - submodules (``from cryptography.hazmat.primitives import hashes`` binds a
    module; the module itself is checked on its own);
  - objects merely imported from the standard library (``typing.Any``,
    ``math.gcd``, ``dataclasses.dataclass``, ``from __future__ import
    annotations``), found by identity with the standard-library attribute;
  - builtin types re-exported through ``types`` (``NoneType``);
  - ``typing.TypeVar`` objects (generic helpers, not API).

  Plus every name in the module's ``__all__`` when it has one, private or not
  (pyca lists ``_KeySerializationEncryption``).
* **Kinds** (checked, not just presence): exception class, enum (an
  ``enum.Enum`` subclass, or a class whose public attributes are instances of
  itself, as pyca's Rust-defined ``Encoding``; same member names), other class, function (any non-class
  callable), typing alias (``Union[...]``: ours must be one too), constant
  (same type name; ``ObjectIdentifier`` constants must have the same dotted
  string). A class pyca defines as an ABC must be an ABC in cryptogo with the
  same abstract methods, not a placeholder.
"""

from __future__ import annotations

import abc
import enum
import importlib
import inspect
import os
import pkgutil
import subprocess
import sys
import types
import typing
import warnings
from pathlib import Path

import pytest

pyca = pytest.importorskip("cryptography")

import cryptogo  # noqa: E402
from cryptogo import _unsupported  # noqa: E402
from cryptogo.exceptions import UnsupportedAlgorithm, _Reasons  # noqa: E402

PYCA_TOP = "cryptography"
OURS_TOP = "cryptogo"
PRIVATE_PREFIX = "cryptography.hazmat.bindings"


def _public_modules() -> list[str]:
    names = [PYCA_TOP]
    for info in pkgutil.walk_packages(pyca.__path__, PYCA_TOP + "."):
        if info.name.startswith(PRIVATE_PREFIX):
            continue
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        names.append(info.name)
    return sorted(names)


def _unwrap(obj: object) -> object:
    # pyca's utils.deprecated() wraps a value; the module wrapper unwraps it on
    # attribute access, but dir() + getattr on the inner module may not.
    if type(obj).__name__ == "_DeprecatedValue":
        return obj.value  # type: ignore[attr-defined]
    return obj


def _getattr(module: types.ModuleType, name: str) -> object:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _unwrap(getattr(module, name))


def _stdlib_import(obj: object) -> bool:
    if obj is __import__("__future__").annotations:
        return True
    mod = getattr(obj, "__module__", None)
    name = getattr(obj, "__name__", None)
    if not isinstance(mod, str) or not isinstance(name, str):
        return False
    if mod == "builtins" and getattr(types, name, None) is obj:
        return True  # types.NoneType and friends
    if mod.split(".")[0] not in sys.stdlib_module_names or mod not in sys.modules:
        return False
    return getattr(sys.modules[mod], name, None) is obj


def _public_names(modname: str) -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        module = importlib.import_module(modname)
    names = set()
    for name in dir(module):
        if name.startswith("_"):
            continue
        obj = _getattr(module, name)
        if isinstance(obj, types.ModuleType) or isinstance(obj, typing.TypeVar) or _stdlib_import(obj):
            continue
        names.add(name)
    names.update(getattr(module, "__all__", ()))
    return sorted(names)


def members(cls: type) -> set[str]:
    """An enum's member names: an ``enum.Enum``'s, or those of a class whose
    public class attributes are instances of itself (pyca 50 defines some
    enums, e.g. ``serialization.Encoding``, in Rust)."""
    if issubclass(cls, enum.Enum):
        return set(cls.__members__)
    return {k for k, v in vars(cls).items() if not k.startswith("_") and isinstance(v, cls)}


def kind(obj: object) -> str:
    if isinstance(obj, type):
        if issubclass(obj, BaseException):
            return "exception"
        if members(obj):
            return "enum"
        return "class"
    if typing.get_origin(obj) is not None:
        return "alias"
    if callable(obj):
        return "function"
    return "constant"


def _ours(modname: str) -> str:
    return OURS_TOP + modname[len(PYCA_TOP) :]


MODULES = _public_modules()
NAMES = [(m, n) for m in MODULES for n in _public_names(m)]


def test_surface_is_not_empty() -> None:
    # A guard that silently walks nothing guards nothing.
    assert len(MODULES) > 60
    assert len(NAMES) > 700


@pytest.mark.parametrize("modname", MODULES)
def test_module_imports(modname: str) -> None:
    importlib.import_module(_ours(modname))


def _abstract(cls: type) -> set[str]:
    return set(getattr(cls, "__abstractmethods__", ()))


@pytest.mark.parametrize(("modname", "name"), NAMES, ids=[f"{m}:{n}" for m, n in NAMES])
def test_name_exists_with_same_kind(modname: str, name: str) -> None:
    theirs_mod = importlib.import_module(modname)
    ours_mod = importlib.import_module(_ours(modname))
    assert hasattr(ours_mod, name), f"{_ours(modname)} has no {name}"
    # `from cryptogo.x import name` is what user code does; check that path too.
    exec(f"from {_ours(modname)} import {name}", {})

    theirs = _getattr(theirs_mod, name)
    ours = _getattr(ours_mod, name)
    assert kind(ours) == kind(theirs), f"{name}: ours is {kind(ours)}, pyca's is {kind(theirs)}"

    if kind(theirs) == "enum":
        assert isinstance(ours, type) and isinstance(theirs, type)
        assert members(ours) == members(theirs)
    elif kind(theirs) == "constant":
        assert type(ours).__name__ == type(theirs).__name__
        if type(theirs).__name__ == "ObjectIdentifier":
            assert ours.dotted_string == theirs.dotted_string  # type: ignore[attr-defined]
    elif kind(theirs) == "class" and isinstance(theirs, abc.ABCMeta) and _abstract(theirs):
        assert isinstance(ours, type)
        assert not _unsupported.is_placeholder(ours), f"{name} is an interface: an ABC, not a placeholder"
        assert _abstract(ours) == _abstract(theirs)


# --- placeholders -----------------------------------------------------------


def _our_modules() -> list[types.ModuleType]:
    mods = [cryptogo]
    for info in pkgutil.walk_packages(cryptogo.__path__, OURS_TOP + "."):
        mods.append(importlib.import_module(info.name))
    return mods


def _placeholders() -> dict[str, object]:
    """Every placeholder reachable from cryptogo's modules: module-level
    classes and functions, and placeholder methods of real classes
    (``Ed25519PrivateKey.generate``)."""
    found: dict[str, object] = {}
    for module in _our_modules():
        for name, obj in vars(module).items():
            if _unsupported.is_placeholder(obj):
                found.setdefault(f"{obj.__module__}.{obj.__qualname__}", obj)  # type: ignore[attr-defined]
            elif isinstance(obj, type) and obj.__module__ == module.__name__:
                for attr, value in vars(obj).items():
                    fn = value.__func__ if isinstance(value, (classmethod, staticmethod)) else value
                    if _unsupported.is_placeholder(fn):
                        found[f"{module.__name__}.{name}.{attr}"] = getattr(obj, attr)
    return found


PLACEHOLDERS = _placeholders()


def test_placeholders_found() -> None:
    assert len(PLACEHOLDERS) > 100


@pytest.mark.parametrize("qualname", sorted(PLACEHOLDERS))
def test_placeholder_raises_unsupported_on_use(qualname: str) -> None:
    obj = PLACEHOLDERS[qualname]
    assert callable(obj)
    before = _unsupported.touches()
    with pytest.raises(UnsupportedAlgorithm) as info:
        obj(b"\x00" * 32)
    assert isinstance(info.value._reason, _Reasons)
    assert _unsupported.touches() == before + 1
    if isinstance(obj, type):
        # isinstance/issubclass checks are not uses.
        assert not isinstance(object(), obj)
        assert issubclass(obj, obj)
        assert _unsupported.touches() == before + 1


def test_cipher_construction_raises() -> None:
    from cryptogo.hazmat.primitives.ciphers import Cipher, algorithms, modes

    with pytest.raises(UnsupportedAlgorithm) as info:
        Cipher(algorithms.AES(b"\x00" * 16), modes.CBC(b"\x00" * 16))
    assert info.value._reason is _Reasons.UNSUPPORTED_CIPHER


def test_importing_everything_does_not_load_the_library() -> None:
    """Importing every cryptogo module (and using API-shape names: OIDs,
    enums, curves, default_backend) must not load libcrypto-go."""
    pkg_root = Path(__file__).resolve().parent.parent
    code = (
        "import importlib, pkgutil, sys, cryptogo\n"
        "for i in pkgutil.walk_packages(cryptogo.__path__, 'cryptogo.'):\n"
        "    importlib.import_module(i.name)\n"
        "from cryptogo import x509\n"
        "from cryptogo.x509.oid import NameOID\n"
        "from cryptogo.hazmat.backends import default_backend\n"
        "from cryptogo.hazmat.primitives.asymmetric import ec\n"
        "assert NameOID.COMMON_NAME.dotted_string == '2.5.4.3'\n"
        "assert ec.SECP256R1().key_size == 256\n"
        "default_backend()\n"
        "from cryptogo import _native\n"
        "assert not _native.is_loaded(), 'library loaded'\n"
        "maps = open('/proc/self/maps').read() if sys.platform == 'linux' else ''\n"
        "assert 'libcrypto-go' not in maps, 'library mapped'\n"
        "print(len(sys.modules))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(pkg_root))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr


def test_pyca_not_imported_by_cryptogo() -> None:
    """cryptogo's modules never import pyca (the pyca-suite run has none)."""
    pkg_root = Path(__file__).resolve().parent.parent
    code = (
        "import importlib, pkgutil, sys, cryptogo\n"
        "for i in pkgutil.walk_packages(cryptogo.__path__, 'cryptogo.'):\n"
        "    importlib.import_module(i.name)\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'cryptography']\n"
    )
    env = dict(os.environ, PYTHONPATH=str(pkg_root))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr


def test_signature_shape_of_key_interfaces() -> None:
    """The abstract key interfaces take the same parameters as pyca's."""
    from cryptography.hazmat.primitives.asymmetric import ec as pyca_ec
    from cryptography.hazmat.primitives.asymmetric import ed25519 as pyca_ed

    from cryptogo.hazmat.primitives.asymmetric import ec, ed25519

    for ours, theirs in [
        (ec.EllipticCurvePrivateKey, pyca_ec.EllipticCurvePrivateKey),
        (ec.EllipticCurvePublicKey, pyca_ec.EllipticCurvePublicKey),
        (ed25519.Ed25519PrivateKey, pyca_ed.Ed25519PrivateKey),
        (ed25519.Ed25519PublicKey, pyca_ed.Ed25519PublicKey),
    ]:
        for name in _abstract(theirs):
            a, b = inspect.getattr_static(ours, name), inspect.getattr_static(theirs, name)
            if isinstance(b, property):
                assert isinstance(a, property), name
            else:
                assert list(inspect.signature(a).parameters) == list(inspect.signature(b).parameters), name
