"""Buffers at the boundary: inputs passed without a copy, outputs written
straight into new ``bytes`` objects. No library call happens here."""

from __future__ import annotations

import ctypes
import sys
import typing

__all__ = ["BIG", "SINK", "ZERO", "alloc", "buf", "check_bytes", "exact", "opt_buf", "type_error", "writable"]

_c_char = ctypes.c_char


def type_error(x: object) -> TypeError:
    """pyca's TypeError for an argument that is not bytes-like."""
    msg = f'Cannot convert "{type(x)}" instance to a buffer.'
    if isinstance(x, str):
        msg += "\nDid you mean to pass a bytestring instead?"
    return TypeError(msg)


def buf(x: typing.Any) -> tuple[typing.Any, int]:
    """(argument, length) for a bytes-like input, passed to C without a copy
    where possible. Raises pyca's TypeError for anything else (str, int, None).

    Callers inline the common case: ``if type(x) is bytes: p, n = x, len(x)``.
    Only an exact ``bytes`` (or ``bytearray``) is measured with ``len()``: a
    subclass may override ``__len__``, so every other object is measured by
    the buffer protocol (``memoryview(x).nbytes``), which is what C reads.
    """
    if type(x) is bytes:
        return x, len(x)
    if type(x) is bytearray:
        n = len(x)
        if n == 0:
            return None, 0
        return (_c_char * n).from_buffer(x), n
    if isinstance(x, str) or x is None:
        raise type_error(x)
    try:
        mv = memoryview(x)
    except TypeError:
        raise type_error(x) from None
    if not mv.c_contiguous:
        raise BufferError("cryptogo: buffer is not contiguous")
    n = mv.nbytes
    if n == 0:
        return None, 0
    if mv.readonly:
        return mv.tobytes(), n
    return (_c_char * n).from_buffer(mv.cast("B") if mv.format != "B" or mv.ndim != 1 else mv), n


def exact(x: bytes) -> bytes:
    """`x` (a ``bytes`` or a subclass of it) as an exact ``bytes`` object.

    A subclass may override ``__len__`` (and ``__bytes__``) to lie about its
    size; the copy is taken through the buffer protocol, so its length is the
    object's real length. Code that passes ``len(x)`` to C or hands ``x`` to
    the packed-call fast path calls this first (a no-op for exact bytes).
    """
    if type(x) is bytes:
        return x
    return memoryview(x).tobytes()


def opt_buf(x: typing.Any) -> tuple[typing.Any, int]:
    """buf() that also takes None (as an empty input)."""
    if x is None:
        return None, 0
    return buf(x)


def writable(x: typing.Any, need: int) -> typing.Any:
    """A caller's writable buffer of exactly `need` bytes as a C output
    (``*_into`` methods); pyca's errors otherwise."""
    try:
        mv = memoryview(x)
    except TypeError:
        raise type_error(x) from None
    if mv.readonly:
        raise TypeError("Buffer is not writable.")
    if mv.nbytes != need:
        raise ValueError(f"buffer must be {need} bytes")
    return (_c_char * need).from_buffer(mv.cast("B")) if need else None


def check_bytes(name: str, value: typing.Any) -> None:
    if not isinstance(value, bytes):
        raise TypeError(f"{name} must be bytes")


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
_from_size: typing.Any = None
if sys.implementation.name == "cpython":
    _from_size = ctypes.pythonapi.PyBytes_FromStringAndSize
    _from_size.restype = ctypes.py_object
    _from_size.argtypes = (ctypes.c_void_p, ctypes.c_ssize_t)


def alloc(n: int) -> bytes:
    """A new bytes object of n bytes for the library to fill. Hot paths
    inline ``ZERO * n if 1 < n < BIG else alloc(n)``: a repeat of at least
    two bytes is always a fresh object; ``b"\\0" * 1`` is not."""
    if n >= BIG and _from_size is not None:
        out: bytes = _from_size(None, n)
        return out
    return bytes(n)  # a fresh object for n >= 1; b"" (never written) for 0
