"""Objects that own a native handle, and the calls that create, fill and
free them."""

from __future__ import annotations

import ctypes
import typing
import weakref

from cryptogo import _native
from cryptogo._errors import check, code
from cryptogo._native import lib
from cryptogo.exceptions import InternalError

__all__ = ["NativeObject", "call_variable", "free_handle", "live_handles", "new_handle"]


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
    if _native.is_forked() or not _native.is_loaded():
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


_TOO_SMALL: int | None = None  # CRYPTOGO_ERR_BUFFER_TOO_SMALL, looked up on first need


def call_variable(fn: typing.Any, first: int, *args: typing.Any) -> bytes:
    """Call an export with (out, out_cap, out_len, *args) whose output size is
    not known in advance: try `first` bytes, and on CRYPTOGO_ERR_BUFFER_TOO_SMALL
    retry once with the size the library asked for."""
    global _TOO_SMALL
    n = ctypes.c_size_t()
    out = bytes(first) if first > 0 else None
    rc = fn(out, first, n, *args)
    if rc and _TOO_SMALL is None:
        _TOO_SMALL = code("CRYPTOGO_ERR_BUFFER_TOO_SMALL")
    if rc and rc == _TOO_SMALL:
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


_T = typing.TypeVar("_T", bound="NativeObject")


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
    _fin: weakref.finalize[..., typing.Any] | None

    def _adopt(self, handle: int | None) -> None:
        if not handle:
            raise InternalError("libcrypto-go returned a NULL handle", [])
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
