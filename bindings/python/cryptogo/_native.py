"""The one module that talks to libcrypto-go.

It finds the shared library, loads it lazily (on the first call, not at
import), declares every C signature from the ABI description generated with
the header (``include/cryptogo_abi.json``), maps status codes to exceptions
(:func:`check`) and guards against use after ``fork()``.

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

Hot paths (small AEAD, hash, HMAC and Fernet calls) go through :data:`fast`
instead: ``cryptogo_invoke(fn_id, args)`` with the arguments packed in one
``bytes`` by a precompiled ``struct.Struct`` (ctypes' cost grows with the
number of arguments: 2 instead of 7-10), called through a ``PyDLL`` function
object (no GIL release, which costs as much as the rest of the call) for small
inputs and through the ``CDLL`` one (GIL released) from :data:`GIL_FREE` bytes
up, so that threads still run bulk work in parallel. ``CRYPTOGO_NO_FAST=1``
turns the hot path off (every call through the named exports).
"""

from __future__ import annotations

import ctypes
import json
import os
import struct
import sys
import threading
import weakref
import typing
from pathlib import Path

from cryptogo.exceptions import (
    AlreadyFinalized,
    InternalError,
    InvalidKey,
    InvalidSignature,
    InvalidTag,
    UnsupportedAlgorithm,
)

__all__ = [
    "FORK_MESSAGE",
    "abi",
    "buf",
    "check",
    "const",
    "info",
    "lib",
    "status_name",
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


class _State:
    loaded = False
    forked = False
    pid = 0
    path: Path | None = None
    abi_path: Path | None = None
    cdll: typing.Any = None
    abi: dict[str, typing.Any] = {}
    lock = threading.Lock()


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
            raise LibraryNotFoundError(
                f"cryptogo: CRYPTOGO_LIBRARY={env!r} does not exist. " + BUILD_HINT
            )
    raise LibraryNotFoundError(
        "cryptogo: libcrypto-go shared library not found (tried "
        + "; ".join(tried)
        + "). "
        + BUILD_HINT
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
        f"cryptogo: {ABI_FILENAME} not found (looked in "
        + ", ".join(str(c) for c in candidates)
        + "). "
        + BUILD_HINT
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
            base = base[len("const "):]
        if base in ("uint8_t", "cryptogo_in", "void") or base.startswith("cryptogo_"):
            return ctypes.c_void_p
        if base in ("char", "cryptogo_cchar"):
            return ctypes.c_char_p
        if base in _SCALARS:
            return ctypes.POINTER(_SCALARS[base])
        raise TypeError(f"cryptogo: C type {c!r} has no ctypes mapping")
    if c.startswith("const "):
        c = c[len("const "):]
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
            raise LibraryNotFoundError(
                f"cryptogo: could not load {path}: {exc}. " + BUILD_HINT
            ) from exc
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
        _build_status_table(desc)
        _install_fast(str(path), cdll, desc)
        lib.__dict__.update(fns)
        _state.cdll = cdll
        _state.abi = desc
        _state.path = path
        _state.abi_path = abi_path
        _state.pid = os.getpid()
        _run_binders()  # before `loaded` is visible: hot paths rely on it
        _state.loaded = True


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
# Packed calls for hot paths: cryptogo_invoke(fn_id, args).
#
# Each argument takes one pointer-sized slot of `args`: a bytes object made
# by struct.Struct(...).pack (one per export, built once from the ABI
# description). A bytes input or output is passed as its address, id(obj) +
# fast.off (CPython: the data of a bytes object lies at a fixed offset from
# the object, and never moves), valid while the caller holds a reference.

GIL_FREE = 4096
"""Inputs of at least this many bytes are processed with the GIL released
(the CDLL entry): holding the GIL is cheaper only while the call is short.
Below it the call costs about 1 us of Go work at most (AES-GCM 4 KiB)."""

_SIGNED = frozenset({"int", "int8_t", "int16_t", "int32_t", "int64_t"})


class _Fast:
    """What hot paths need, filled in when the library loads (modules read
    it in their binder, see :func:`bind`). ``enabled`` is False when the
    library has no cryptogo_invoke or the interpreter is not a 64-bit CPython:
    hot paths then use the named functions of :data:`lib`."""

    enabled = False
    small: typing.Any = None  # PyDLL cryptogo_invoke: the GIL stays held
    bulk: typing.Any = None  # CDLL cryptogo_invoke: the GIL is released
    off = 0  # id(b) + off is the address of a bytes object's data
    sink = 0  # address of SINK
    ids: dict[str, int] = {}
    packs: dict[str, typing.Any] = {}
    abi: dict[str, typing.Any] = {}  # the ABI description (binders run under the load lock: no abi())


fast = _Fast()
_binders: list[typing.Callable[[_Fast], None]] = []


def bind(fn: typing.Callable[[_Fast], None]) -> typing.Callable[[_Fast], None]:
    """Register `fn(fast)`, which copies what a module's hot paths need into
    its globals. It runs when the library loads (at once if it already has)
    and again in a forked child, where ``fast.small``/``fast.bulk`` raise the
    fork RuntimeError."""
    _binders.append(fn)
    if _state.loaded or _state.forked:
        fn(fast)
    return fn


def _run_binders() -> None:
    for fn in _binders:
        fn(fast)


def _bytes_offset() -> int:
    """Offset of a bytes object's data from id(obj), checked on a few
    objects; 0 when it cannot be relied on."""
    if sys.implementation.name != "cpython" or struct.calcsize("P") != 8 or struct.calcsize("N") != 8:
        return 0
    off = bytes.__basicsize__ - 1  # PyBytesObject: header, then ob_sval[1]
    for b in (b"ab", bytes(100), b"\x01" * 5000, os.urandom(7)):
        addr = ctypes.cast(ctypes.c_char_p(b), ctypes.c_void_p).value
        if addr != id(b) + off:
            return 0
    return off


def _install_fast(path: str, cdll: typing.Any, desc: dict[str, typing.Any]) -> None:
    fast.enabled = False
    fast.abi = desc
    off = _bytes_offset()
    try:
        # Own function objects (cdll["x"] is not the cached cdll.x of `lib`).
        bulk = cdll["cryptogo_invoke"]
        small = ctypes.PyDLL(path, handle=cdll._handle)["cryptogo_invoke"]
    except (AttributeError, OSError):
        return
    if not off or os.environ.get("CRYPTOGO_NO_FAST"):
        return
    # No argtypes: an int goes as a C int (fn_id), a bytes object as its data
    # pointer, without per-argument converter calls.
    for f in (bulk, small):
        f.argtypes = None
        f.restype = ctypes.c_int
    ids, packs = {}, {}
    for fn in desc.get("functions") or []:
        i = fn.get("invoke_id")
        if not i:
            continue
        ids[fn["name"]] = int(i)
        # Native ssize_t/size_t ("n"/"N"): pointer-sized, and converted from
        # a multi-digit int (an address) faster than "q"/"Q".
        fmt = "".join("n" if " ".join(p["type"].split()) in _SIGNED else "N" for p in (fn.get("params") or []))
        packs[fn["name"]] = struct.Struct("@" + fmt).pack
    fast.small, fast.bulk = small, bulk
    fast.off, fast.sink = off, ctypes.addressof(SINK)
    fast.ids, fast.packs = ids, packs
    fast.enabled = True


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
    fast.small = fast.bulk = _forked_call
    _run_binders()


def is_forked() -> bool:
    """True in a forked child of a process that had loaded the library: every
    call raises RuntimeError and finalizers do nothing."""
    return _state.forked


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


# ---------------------------------------------------------------------------
# Status codes -> exceptions. Codes and names come from the ABI description.

_status_names: dict[int, str] = {}
_exc_for: dict[int, typing.Any] = {}


def _invalid_token(msg: str | None) -> Exception:
    from cryptogo.fernet import InvalidToken

    return InvalidToken()


_BY_NAME: dict[str, typing.Any] = {
    "CRYPTOGO_ERR_INTERNAL": lambda m: InternalError(
        m or "libcrypto-go internal error (a recovered panic); please report it", []
    ),
    "CRYPTOGO_ERR_INVALID_ARGUMENT": lambda m: ValueError(m or "invalid argument"),
    "CRYPTOGO_ERR_TYPE": lambda m: TypeError(m or "wrong type of argument"),
    "CRYPTOGO_ERR_BUFFER_TOO_SMALL": lambda m: InternalError(
        m or "cryptogo binding bug: output buffer too small", []
    ),
    "CRYPTOGO_ERR_INVALID_HANDLE": lambda m: ValueError(
        m or "this cryptogo object was closed (its native handle is freed)"
    ),
    "CRYPTOGO_ERR_INVALID_TOKEN": _invalid_token,
    "CRYPTOGO_ERR_INVALID_TAG": lambda m: InvalidTag(*((m,) if m else ())),
    "CRYPTOGO_ERR_INVALID_SIGNATURE": lambda m: InvalidSignature(*((m,) if m else ())),
    "CRYPTOGO_ERR_INVALID_KEY": lambda m: InvalidKey(m or "Keys do not match."),
    "CRYPTOGO_ERR_ALREADY_FINALIZED": lambda m: AlreadyFinalized(
        m or "Context was already finalized."
    ),
    "CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM": lambda m: UnsupportedAlgorithm(
        m or "unsupported algorithm"
    ),
    "CRYPTOGO_ERR_DECRYPTION_FAILED": lambda m: ValueError("Decryption failed"),
    "CRYPTOGO_ERR_OVERFLOW": lambda m: OverflowError(m or "input too large"),
    "CRYPTOGO_ERR_PASSWORD_REQUIRED": lambda m: TypeError(
        m or "Password was not given but private key is encrypted"
    ),
    "CRYPTOGO_ERR_PASSWORD_UNEXPECTED": lambda m: TypeError(
        m or "Password was given but private key is not encrypted."
    ),
    "CRYPTOGO_ERR_BAD_KEY_DATA": lambda m: ValueError(
        m
        or "Could not deserialize key data. The data may be in an incorrect "
        "format, the provided password may be incorrect, it may be encrypted "
        "with an unsupported algorithm, or it may be an unsupported key type "
        "(e.g. EC curves with explicit parameters)."
    ),
}

# Exception class each status maps to (for tests and documentation).
STATUS_EXCEPTIONS: dict[str, str] = {
    "CRYPTOGO_ERR_INTERNAL": "InternalError",
    "CRYPTOGO_ERR_INVALID_ARGUMENT": "ValueError",
    "CRYPTOGO_ERR_TYPE": "TypeError",
    "CRYPTOGO_ERR_BUFFER_TOO_SMALL": "InternalError",
    "CRYPTOGO_ERR_INVALID_HANDLE": "ValueError",
    "CRYPTOGO_ERR_INVALID_TOKEN": "InvalidToken",
    "CRYPTOGO_ERR_INVALID_TAG": "InvalidTag",
    "CRYPTOGO_ERR_INVALID_SIGNATURE": "InvalidSignature",
    "CRYPTOGO_ERR_INVALID_KEY": "InvalidKey",
    "CRYPTOGO_ERR_ALREADY_FINALIZED": "AlreadyFinalized",
    "CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM": "UnsupportedAlgorithm",
    "CRYPTOGO_ERR_DECRYPTION_FAILED": "ValueError",
    "CRYPTOGO_ERR_OVERFLOW": "OverflowError",
    "CRYPTOGO_ERR_PASSWORD_REQUIRED": "TypeError",
    "CRYPTOGO_ERR_PASSWORD_UNEXPECTED": "TypeError",
    "CRYPTOGO_ERR_BAD_KEY_DATA": "ValueError",
}


def _build_status_table(desc: dict[str, typing.Any]) -> None:
    _status_names.clear()
    _exc_for.clear()
    for name, code in (desc.get("status") or {}).items():
        _status_names[int(code)] = name
        if name in _BY_NAME:
            _exc_for[int(code)] = _BY_NAME[name]


def status_name(rc: int) -> str:
    _ensure_loaded()
    return _status_names.get(rc, f"unknown status {rc}")


def error(rc: int, msg: str | None = None) -> Exception:
    """The exception for a non-zero status code (not raised)."""
    _ensure_loaded()
    factory = _exc_for.get(rc)
    if factory is None:
        return InternalError(f"libcrypto-go returned unknown status code {rc}", [])
    return factory(msg)


def check(rc: int, msg: str | None = None) -> None:
    """Raise the exception mapped to status `rc` (no-op for CRYPTOGO_OK).

    Hot paths inline the success test: ``if rc: check(rc)``.
    """
    if rc:
        raise error(rc, msg)


# ---------------------------------------------------------------------------
# Buffers.

_c_char = ctypes.c_char


def _type_error(x: object) -> TypeError:
    msg = f'Cannot convert "{type(x)}" instance to a buffer.'
    if isinstance(x, str):
        msg += "\nDid you mean to pass a bytestring instead?"
    return TypeError(msg)


def buf(x: typing.Any) -> tuple[typing.Any, int]:
    """(argument, length) for a bytes-like input, passed to C without a copy
    where possible. Raises pyca's TypeError for anything else (str, int, None).

    Callers inline the common case: ``if type(x) is bytes: p, n = x, len(x)``.
    """
    if isinstance(x, bytes):
        return x, len(x)
    if isinstance(x, bytearray):
        n = len(x)
        if n == 0:
            return None, 0
        return (_c_char * n).from_buffer(x), n
    if isinstance(x, str) or x is None:
        raise _type_error(x)
    try:
        mv = memoryview(x)
    except TypeError:
        raise _type_error(x) from None
    if not mv.c_contiguous:
        raise BufferError("cryptogo: buffer is not contiguous")
    n = mv.nbytes
    if n == 0:
        return None, 0
    if mv.readonly:
        return mv.tobytes(), n
    return (_c_char * n).from_buffer(mv.cast("B") if mv.format != "B" or mv.ndim != 1 else mv), n


def opt_buf(x: typing.Any) -> tuple[typing.Any, int]:
    """buf() that also takes None (as an empty input)."""
    if x is None:
        return None, 0
    return buf(x)


def check_bytes(name: str, value: typing.Any) -> None:
    if not isinstance(value, bytes):
        raise TypeError(f"{name} must be bytes")


def out_len() -> ctypes.c_size_t:
    return ctypes.c_size_t()


def call_variable(fn: typing.Any, first: int, *args: typing.Any) -> bytes:
    """Call an export with (out, out_cap, out_len, *args) whose output size is
    not known in advance: try `first` bytes, and on CRYPTOGO_ERR_BUFFER_TOO_SMALL
    retry once with the size the library asked for."""
    n = ctypes.c_size_t()
    out = bytes(first) if first > 0 else None
    rc = fn(out, first, n, *args)
    if rc == _BUFFER_TOO_SMALL():
        need = n.value
        out = bytes(need) if need > 0 else None
        rc = fn(out, need, n, *args)
    if rc:
        check(rc)
    size = n.value
    if out is None:
        return b""
    if size == len(out):
        return out
    return out[:size]


_buffer_too_small = [0]


def _BUFFER_TOO_SMALL() -> int:  # noqa: N802
    if not _buffer_too_small[0]:
        _buffer_too_small[0] = const("CRYPTOGO_ERR_BUFFER_TOO_SMALL")
    return _buffer_too_small[0]


def new_handle(fn: typing.Any, *args: typing.Any) -> int:
    """Call a constructor export (cryptogo_x **out, *args) and return the handle
    as an int."""
    h = ctypes.c_void_p()
    rc = fn(ctypes.byref(h), *args)
    if rc:
        check(rc)
    if not h.value:
        raise InternalError("libcrypto-go returned a NULL handle", [])
    return h.value


def free_handle(free_fn_name: str, handle: int) -> None:
    """Finalizer body: free a handle unless the process is a fork of the one
    that created it (the Go runtime is gone there) or the library is gone."""
    if _state.forked or not _state.loaded:
        return
    try:
        getattr(lib, free_fn_name)(handle)
    except Exception:  # never raise from a finalizer  # pragma: no cover
        pass


def live_handles() -> int:
    """Number of live native handles (cryptogo_debug_live_handles), for leak tests."""
    n = ctypes.c_size_t()
    check(lib.cryptogo_debug_live_handles(ctypes.byref(n)))
    return n.value


# ---------------------------------------------------------------------------
# Objects that own a native handle.


class NativeObject:
    """Base of every class that owns a libcrypto-go handle.

    The handle is freed by :meth:`close` (or leaving a ``with`` block), and by
    a ``weakref.finalize`` safety net when the object is garbage collected.
    After close, every operation raises ValueError (the library reports the
    handle as invalid). Objects cannot be pickled (a handle is only
    meaningful inside the process that created it).
    """

    __slots__ = ("__weakref__", "_fin", "_h")
    _free_name: typing.ClassVar[str] = ""

    _h: int

    def _adopt(self, handle: int) -> None:
        self._h = handle
        self._fin = weakref.finalize(self, free_handle, self._free_name, handle)

    def close(self) -> None:
        """Free the native handle now. Idempotent. The handle becomes 0 (NULL
        for the library, which reports CRYPTOGO_ERR_INVALID_HANDLE)."""
        self._h = 0
        fin = getattr(self, "_fin", None)
        if fin is not None:
            fin()

    def __enter__(self: _T) -> _T:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __reduce__(self) -> typing.NoReturn:
        raise TypeError(f"cannot pickle {type(self).__name__!r} object")


_T = typing.TypeVar("_T", bound=NativeObject)


# A write-only out_len for calls whose output size is known exactly in
# advance (AEAD, digests): the library stores the size it wrote there and the
# binding never reads it back, so threads may share it.
SINK = ctypes.c_size_t()


# ---------------------------------------------------------------------------
# Output buffers. The library writes straight into a new bytes object that no
# one else references yet (CPython): no second copy of bulk data. Small
# objects come from bytes repetition (fastest), big ones from
# PyBytes_FromStringAndSize(NULL, n), which skips the zero fill.

ZERO = b"\x00"
BIG = 1 << 16
if sys.implementation.name == "cpython":
    _from_size = ctypes.pythonapi.PyBytes_FromStringAndSize
    _from_size.restype = ctypes.py_object
    _from_size.argtypes = (ctypes.c_void_p, ctypes.c_ssize_t)
else:  # pragma: no cover
    _from_size = None


def alloc(n: int) -> bytes:
    """A new bytes object of n bytes for the library to fill. Hot paths
    inline ``ZERO * n if 1 < n < BIG else alloc(n)``: a repeat of at least
    two bytes is always a fresh object; ``b"\\0" * 1`` is not."""
    if n >= BIG and _from_size is not None:
        return _from_size(None, n)  # type: ignore[no-any-return]
    return bytes(n)  # a fresh object for n >= 1; b"" (never written) for 0
