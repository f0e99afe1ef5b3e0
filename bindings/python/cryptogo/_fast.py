"""The hot-path plumbing: packed calls through ``cryptogo_invoke(fn_id, args, nargs)``.

Hot paths (small AEAD, hash, HMAC and Fernet calls) go through :data:`fast`
instead of the named exports of :data:`cryptogo._native.lib`: each argument
takes one pointer-sized slot of ``args``, a ``bytes`` object made by a
precompiled ``struct.Struct(...).pack`` (one per export, built once from the
ABI description; ctypes' cost grows with the number of arguments: 3 instead of
7-10), and ``nargs`` is the export's parameter count (:attr:`Fast.nargs`),
which the library checks against the function's arity. A bytes input or output is passed as its address, ``id(obj) +
fast.off`` (CPython: the data of a bytes object lies at a fixed offset from the
object, and never moves), valid while the caller holds a reference.

The call goes through a ``PyDLL`` function object (no GIL release, which costs
as much as the rest of the call) for small inputs and through the ``CDLL`` one
(GIL released) from :data:`GIL_FREE` bytes up, so that threads still run bulk
work in parallel. ``CRYPTOGO_NO_FAST=1`` turns the hot path off (every call
through the named exports).

Modules copy what their hot paths need into their own globals with a binder
registered by :func:`bind`; the loader (:mod:`cryptogo._native`) calls
:func:`install` and :func:`run_binders` when the library loads and
:func:`after_fork` in a forked child. This module never loads the library
itself.
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys
import typing

from cryptogo._buffers import SINK

__all__ = ["GIL_FREE", "Fast", "bind", "fast"]

GIL_FREE = 4096
"""Inputs of at least this many bytes are processed with the GIL released
(the CDLL entry): holding the GIL is cheaper only while the call is short.
Below it the call costs about 1 us of Go work at most (AES-GCM 4 KiB)."""

_SIGNED = frozenset({"int", "int8_t", "int16_t", "int32_t", "int64_t"})


class Fast:
    """What hot paths need, filled in when the library loads (modules read
    it in their binder, see :func:`bind`). ``enabled`` is False when the
    library has no cryptogo_invoke or the interpreter is not a 64-bit CPython:
    hot paths then use the named functions of ``_native.lib``."""

    def __init__(self) -> None:
        self.enabled = False
        self.small: typing.Any = None  # PyDLL cryptogo_invoke: the GIL stays held
        self.bulk: typing.Any = None  # CDLL cryptogo_invoke: the GIL is released
        self.off = 0  # id(b) + off is the address of a bytes object's data
        self.sink = 0  # address of _buffers.SINK
        self.ids: dict[str, int] = {}  # export name -> invoke_id
        self.packs: dict[str, typing.Callable[..., bytes]] = {}  # export name -> struct pack
        # export name -> its parameter count, as the c_size_t cryptogo_invoke takes
        self.nargs: dict[str, typing.Any] = {}
        # The ABI description (binders run under the load lock: no _native.abi()).
        self.abi: dict[str, typing.Any] = {}


fast = Fast()
Binder = typing.Callable[[Fast], None]
_binders: list[Binder] = []
_live = False  # the library is loaded (or this is a fork of a process that had it)


def bind(fn: Binder) -> Binder:
    """Register `fn(fast)`, which copies what a module's hot paths need into
    its globals. It runs when the library loads (at once if it already has)
    and again in a forked child, where ``fast.small``/``fast.bulk`` raise the
    fork RuntimeError."""
    _binders.append(fn)
    if _live:
        fn(fast)
    return fn


def run_binders() -> None:
    """Run every binder (the loader calls it once the library is loaded)."""
    global _live
    _live = True
    for fn in _binders:
        fn(fast)


def after_fork(forked_call: typing.Callable[..., typing.NoReturn]) -> None:
    """In a forked child: every packed call raises (``forked_call``)."""
    fast.small = fast.bulk = forked_call
    run_binders()


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


def install(path: str, cdll: typing.Any, desc: dict[str, typing.Any]) -> None:
    """Set up :data:`fast` for the library `cdll` loaded from `path`, with
    the pack of each export that has an ``invoke_id`` in `desc`."""
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
    # pointer, without per-argument converter calls; nargs goes as the
    # ctypes.c_size_t object of fast.nargs (a ctypes instance passes as its
    # own type).
    for f in (bulk, small):
        f.argtypes = None
        f.restype = ctypes.c_int
    ids: dict[str, int] = {}
    packs: dict[str, typing.Callable[..., bytes]] = {}
    nargs: dict[str, typing.Any] = {}
    for fn in desc.get("functions") or []:
        i = fn.get("invoke_id")
        if not i:
            continue
        ids[fn["name"]] = int(i)
        # Native ssize_t/size_t ("n"/"N"): pointer-sized, and converted from
        # a multi-digit int (an address) faster than "q"/"Q".
        fmt = "".join("n" if " ".join(p["type"].split()) in _SIGNED else "N" for p in (fn.get("params") or []))
        packs[fn["name"]] = struct.Struct("@" + fmt).pack
        nargs[fn["name"]] = ctypes.c_size_t(len(fmt))
    fast.small, fast.bulk = small, bulk
    fast.off, fast.sink = off, ctypes.addressof(SINK)
    fast.ids, fast.packs, fast.nargs = ids, packs, nargs
    fast.enabled = True
