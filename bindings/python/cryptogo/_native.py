"""The loader: the one module that finds, loads and declares libcrypto-go.

It finds the shared library, loads it lazily (on the first call, not at
import), declares every C signature from the ABI description generated with
the header (``include/cryptogo_abi.json``), reads the library's size
functions once (:func:`size`) and guards against use after ``fork()``.

Search order for the library:

1. ``$CRYPTOGO_LIBRARY`` (a path to the shared library);
2. the copy bundled inside the installed package (``cryptogo/_lib/``);
3. the source tree's ``build/libcrypto-go.so`` (``make`` at the repository
   root builds it).

The ABI description is read from beside the chosen library, else from the
source tree's ``include/``, else from the bundled copy.

Everything else in the package calls ``lib.cryptogo_<name>(...)``: ``lib`` is a
namespace whose attributes are the ctypes function objects with argtypes and
restype set once. ctypes' ``CDLL`` releases the GIL for the duration of each
call, so threads run Go code in parallel.

The rest of the plumbing lives beside it, one concern per module:
:mod:`cryptogo._errors` (status codes -> exceptions, ``check``),
:mod:`cryptogo._fast` (the ``cryptogo_invoke`` packed-call path of hot
paths), :mod:`cryptogo._buffers` (input and output buffers) and
:mod:`cryptogo._handles` (objects that own a native handle).
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import sys
import threading
import typing
from pathlib import Path

from cryptogo import _fast

__all__ = [
    "FORK_MESSAGE",
    "ABIMismatchError",
    "LibraryNotFoundError",
    "abi",
    "abi_fingerprint",
    "const",
    "ensure_loaded",
    "find_abi",
    "find_library",
    "info",
    "is_forked",
    "is_loaded",
    "lib",
    "size",
]

_PKG_DIR = Path(__file__).resolve().parent
BUNDLED_DIR = _PKG_DIR / "_lib"
LIB_FILENAME = "crypto-go.dll" if sys.platform == "win32" else "libcrypto-go.so"
ABI_FILENAME = "cryptogo_abi.json"


def source_root() -> Path | None:
    """The repository root when this package is imported from the source tree."""
    root = _PKG_DIR.parent.parent.parent
    if (root / "go.mod").is_file() and (root / "capi").is_dir():
        return root
    return None


FORK_MESSAGE = (
    "cryptogo: libcrypto-go was loaded in the parent process (pid {parent}) "
    "and this process (pid {child}) is a fork() of it. A Go runtime cannot "
    "survive fork(): its threads do not exist in the child, so any call would "
    "hang or crash. Use the library only in processes created with the "
    "'spawn' or 'forkserver' start methods (multiprocessing.get_context("
    "'spawn') or multiprocessing.set_start_method('forkserver')), or fork "
    "before the first use of cryptogo."
)

BUILD_HINT = (
    "Build it with `make` at the root of the libcrypto-go repository (it "
    "writes build/libcrypto-go.so), install the package with "
    "`python -m pip install ./bindings/python` (Go is needed to build the "
    "wheel), or point CRYPTOGO_LIBRARY at an existing libcrypto-go.so."
)


class LibraryNotFoundError(ImportError):
    """libcrypto-go's shared library could not be found or loaded."""


class ABIMismatchError(LibraryNotFoundError):
    """The library and the ABI description found for it come from different
    builds (their ABI fingerprints differ): calling through it would call
    functions by the wrong number or with the wrong arguments, so the
    binding refuses to load it (fail closed)."""


def abi_fingerprint(desc: dict[str, typing.Any]) -> str:
    """The ABI fingerprint of an ABI description, recomputed from its
    content: the hex SHA-256 of the canonical text capi/abigen/fingerprint.go
    hashes (keep the two in step)."""
    lines = ["cryptogo-abi-fingerprint-1"]
    for fn in sorted(desc.get("functions") or [], key=lambda f: f["name"]):
        types = ",".join(" ".join(p["type"].split()) for p in (fn.get("params") or []))
        ret = " ".join((fn.get("return") or "").split())
        lines.append(f"fn {fn['name']} {ret} {int(fn.get('invoke_id') or 0)} {types}")
    for name, value in sorted((desc.get("status") or {}).items()):
        lines.append(f"status {name} {int(value)}")
    for enum, values in sorted((desc.get("enums") or {}).items()):
        for name, value in sorted(values.items()):
            lines.append(f"enum {enum} {name} {int(value)}")
    for name, value in sorted((desc.get("macros") or {}).items()):
        lines.append(f"macro {name} {int(value)}")
    for h in sorted(desc.get("handles") or []):
        lines.append(f"handle {h}")
    return hashlib.sha256(("\n".join(lines) + "\n").encode()).hexdigest()


def _check_fingerprint(path: Path, abi_path: Path, cdll: typing.Any, desc: dict[str, typing.Any]) -> None:
    """Fail closed unless the library, the description's stored fingerprint
    and the description's content all name the same ABI."""
    try:
        fp_fn = cdll.cryptogo_abi_fingerprint
    except AttributeError:
        lib_fp = "none (the library predates ABI fingerprints)"
    else:
        fp_fn.argtypes = []
        fp_fn.restype = ctypes.c_char_p
        lib_fp = (fp_fn() or b"").decode("ascii", "replace")
    try:
        ver_fn = cdll.cryptogo_version
        ver_fn.argtypes = []
        ver_fn.restype = ctypes.c_char_p
        lib_ver = (ver_fn() or b"?").decode("ascii", "replace")
    except AttributeError:
        lib_ver = "?"
    stored = str(desc.get("fingerprint") or "none")
    content = abi_fingerprint(desc)
    if lib_fp == stored == content:
        return
    what = (
        "its content does not match the fingerprint it states (edited or corrupted)"
        if stored != content
        else "they come from different builds"
    )
    raise ABIMismatchError(
        f"cryptogo: ABI mismatch, refusing to load: the library {path} (version {lib_ver}, ABI fingerprint "
        f"{lib_fp}) and the ABI description {abi_path} (version {desc.get('version', '?')}, ABI fingerprint "
        f"{stored}; computed from its content: {content}) disagree: {what}. Use the cryptogo_abi.json "
        "generated with the library (CRYPTOGO_ABI_JSON, or beside it). " + BUILD_HINT
    )


class _State:
    def __init__(self) -> None:
        self.loaded = False
        self.forked = False
        self.pid = 0
        self.path: Path | None = None
        self.abi_path: Path | None = None
        self.cdll: typing.Any = None
        self.abi: dict[str, typing.Any] = {}
        self.sizes: dict[str, int] = {}
        self.lock = threading.Lock()


_state = _State()


def _candidates() -> list[tuple[str, Path]]:
    out: list[tuple[str, Path]] = []
    env = os.environ.get("CRYPTOGO_LIBRARY")
    if env:
        out.append(("CRYPTOGO_LIBRARY", Path(env)))
    out.append(("bundled", BUNDLED_DIR / LIB_FILENAME))
    root = source_root()
    if root is not None:
        out.append(("source tree", root / "build" / LIB_FILENAME))
    return out


def find_library() -> Path:
    """Return the path of the library that would be loaded (no loading)."""
    env = os.environ.get("CRYPTOGO_LIBRARY")
    tried = []
    for origin, path in _candidates():
        if path.is_file():
            return path
        tried.append(f"{origin}: {path}")
        if origin == "CRYPTOGO_LIBRARY" and env:
            # An explicit path that does not exist is an error, not a hint.
            raise LibraryNotFoundError(f"cryptogo: CRYPTOGO_LIBRARY={env!r} does not exist. " + BUILD_HINT)
    raise LibraryNotFoundError(
        "cryptogo: libcrypto-go shared library not found (tried " + "; ".join(tried) + "). " + BUILD_HINT
    )


def find_abi(library: Path) -> Path:
    """The ABI description matching `library`."""
    env = os.environ.get("CRYPTOGO_ABI_JSON")
    candidates = [Path(env)] if env else []
    candidates.append(library.parent / ABI_FILENAME)
    root = source_root()
    if root is not None:
        candidates.append(root / "include" / ABI_FILENAME)
    candidates.append(BUNDLED_DIR / ABI_FILENAME)
    for c in candidates:
        if c.is_file():
            return c
    raise LibraryNotFoundError(
        f"cryptogo: {ABI_FILENAME} not found (looked in " + ", ".join(str(c) for c in candidates) + "). " + BUILD_HINT
    )


# ---------------------------------------------------------------------------
# C types of the ABI description -> ctypes.

_SCALARS: dict[str, typing.Any] = {
    "int": ctypes.c_int,
    "unsigned int": ctypes.c_uint,
    "size_t": ctypes.c_size_t,
    "char": ctypes.c_char,
    "int8_t": ctypes.c_int8,
    "uint8_t": ctypes.c_uint8,
    "int16_t": ctypes.c_int16,
    "uint16_t": ctypes.c_uint16,
    "int32_t": ctypes.c_int32,
    "uint32_t": ctypes.c_uint32,
    "int64_t": ctypes.c_int64,
    "uint64_t": ctypes.c_uint64,
    "double": ctypes.c_double,
}


def ctype_of(c: str) -> typing.Any:
    """ctypes type for a C type string of the ABI description.

    Byte buffers (``const uint8_t *``, ``uint8_t *``) and handles
    (``cryptogo_x *``) are ``c_void_p``, which accepts a ``bytes`` object (its
    buffer is passed without a copy), a ctypes array, an address or None.
    """
    c = " ".join(c.split())
    if c == "void":
        return None
    if c.endswith("**"):
        return ctypes.POINTER(ctypes.c_void_p)  # handle out-param / array of handles
    if c.endswith("*"):
        base = c[:-1].strip()
        if base.startswith("const "):
            base = base[len("const ") :]
        if base in ("uint8_t", "cryptogo_in", "void") or base.startswith("cryptogo_"):
            return ctypes.c_void_p
        if base in ("char", "cryptogo_cchar"):
            return ctypes.c_char_p
        if base in _SCALARS:
            return ctypes.POINTER(_SCALARS[base])
        raise TypeError(f"cryptogo: C type {c!r} has no ctypes mapping")
    if c.startswith("const "):
        c = c[len("const ") :]
    if c in _SCALARS:
        return _SCALARS[c]
    raise TypeError(f"cryptogo: C type {c!r} has no ctypes mapping")


class _Functions:
    """The library's exports as attributes. The first attribute access loads
    the library; afterwards attributes are plain instance attributes (one
    dictionary lookup per call)."""

    def __getattr__(self, name: str) -> typing.Any:
        if name.startswith("__"):
            raise AttributeError(name)
        _ensure_loaded()
        try:
            return self.__dict__[name]
        except KeyError:
            raise AttributeError(
                f"cryptogo: libcrypto-go ({_state.path}) has no export {name!r}; "
                "the library is older than this package. " + BUILD_HINT
            ) from None


lib: typing.Any = _Functions()


def _ensure_loaded() -> None:
    if _state.loaded:
        if _state.forked:
            raise RuntimeError(FORK_MESSAGE.format(parent=_state.pid, child=os.getpid()))
        return
    with _state.lock:
        if _state.loaded:
            return
        path = find_library()
        abi_path = find_abi(path)
        with open(abi_path, encoding="utf-8") as fh:
            desc = json.load(fh)
        try:
            cdll = ctypes.CDLL(str(path))
        except OSError as exc:
            raise LibraryNotFoundError(f"cryptogo: could not load {path}: {exc}. " + BUILD_HINT) from exc
        _check_fingerprint(path, abi_path, cdll, desc)  # before anything is declared or called
        fns = {}
        for fn in desc.get("functions") or []:
            name = fn["name"]
            try:
                f = getattr(cdll, name)
            except AttributeError:
                continue  # described but not exported: stale library or JSON
            f.argtypes = [ctype_of(p["type"]) for p in (fn.get("params") or [])]
            f.restype = ctype_of(fn.get("return") or "void")
            fns[name] = f
        _fast.install(str(path), cdll, desc)
        lib.__dict__.update(fns)
        _state.cdll = cdll
        _state.abi = desc
        _state.sizes = _read_sizes(desc, fns)
        _state.path = path
        _state.abi_path = abi_path
        _state.pid = os.getpid()
        _fast.run_binders()  # before `loaded` is visible: hot paths rely on it
        _state.loaded = True


def ensure_loaded() -> None:
    """Load the library now (a no-op once loaded; RuntimeError after fork)."""
    _ensure_loaded()


def _read_sizes(desc: dict[str, typing.Any], fns: dict[str, typing.Any]) -> dict[str, int]:
    """Call every ``size_t cryptogo_<name>(void)`` export once: the sizes,
    limits and bounds the library states (tag and nonce sizes, key sizes,
    ...). Keyed by ``<name>`` (``"aesgcm_tagbytes"``)."""
    out: dict[str, int] = {}
    for fn in desc.get("functions") or []:
        name = fn["name"]
        if fn.get("params") or " ".join((fn.get("return") or "").split()) != "size_t" or name not in fns:
            continue
        out[name[len("cryptogo_") :]] = int(fns[name]())
    return out


def size(name: str) -> int:
    """A size the library exports a function for, by the function's name
    without its ``cryptogo_`` prefix: ``size("aesgcm_tagbytes")`` is
    ``cryptogo_aesgcm_tagbytes()``. Read once, when the library loads (and
    still answered in a forked child: the values are constants)."""
    if not _state.sizes:
        _ensure_loaded()
    try:
        return _state.sizes[name]
    except KeyError:
        raise AttributeError(
            f"cryptogo: libcrypto-go ({_state.path}) has no size function cryptogo_{name}(); "
            "the library is older than this package. " + BUILD_HINT
        ) from None


def abi() -> dict[str, typing.Any]:
    """The loaded ABI description (loads the library)."""
    _ensure_loaded()
    return _state.abi


def info() -> dict[str, typing.Any]:
    """Where the library and its ABI description were found (loads it)."""
    _ensure_loaded()
    return {
        "library": str(_state.path),
        "abi": str(_state.abi_path),
        "version": lib.cryptogo_version().decode(),
        "pid": _state.pid,
    }


def is_loaded() -> bool:
    return _state.loaded


def const(name: str) -> int:
    """A status code, enum value or size macro by its C name."""
    d = abi()
    if name in d.get("status", {}):
        return int(d["status"][name])
    for values in d.get("enums", {}).values():
        if name in values:
            return int(values[name])
    if name in d.get("macros", {}):
        return int(d["macros"][name])
    raise KeyError(name)


# ---------------------------------------------------------------------------
# Fork safety.


def _forked_call(*args: typing.Any, **kwargs: typing.Any) -> typing.NoReturn:
    raise RuntimeError(FORK_MESSAGE.format(parent=_state.pid, child=os.getpid()))


def _after_fork_in_child() -> None:
    _state.lock = threading.Lock()  # the parent's may have been held at fork
    if not _state.loaded or _state.forked:
        return
    _state.forked = True
    for name in list(lib.__dict__):
        lib.__dict__[name] = _forked_call
    _fast.after_fork(_forked_call)


def is_forked() -> bool:
    """True in a forked child of a process that had loaded the library: every
    call raises RuntimeError and finalizers do nothing."""
    return _state.forked


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)
