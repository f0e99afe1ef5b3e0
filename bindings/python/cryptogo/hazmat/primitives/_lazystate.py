"""The lazily created native state shared by ``hashes.Hash`` and ``hmac.HMAC``.

A context fed with a single ``bytes`` chunk keeps it pending and computes the
result with one C call at ``finalize()``; the native handle is only created
(``_materialize``) for a second chunk, a non-``bytes`` chunk or ``copy()``.

:func:`lazy_context` builds the shared base class for one family of C
functions (``cryptogo_<prefix>_new/_update/_finalize/_copy/_free`` plus a
one-shot call). The hot-path values (``_fast.fast``) live in closure cells
of the methods, set by the returned binder: a lookup as cheap as a module
global, per family, and rebound in a forked child like any ``_fast.bind``
binder (the owning module calls it from its own binder).
"""

from __future__ import annotations

import typing
import weakref

from cryptogo import _buffers, _errors, _fast, _handles
from cryptogo._native import lib
from cryptogo.exceptions import AlreadyFinalized
from cryptogo.utils import Buffer

_buf = _buffers.buf
_check = _errors.check
_SINK = _buffers.SINK
_ZERO = _buffers.ZERO
_BIG = _buffers.BIG
_alloc = _buffers.alloc
_GIL_FREE = _fast.GIL_FREE

_T = typing.TypeVar("_T", bound="LazyContext")


class LazyContext:
    """Interface of the classes :func:`lazy_context` returns (for typing)."""

    __slots__ = ()
    _alg: int
    _size: int
    _pending: bytes | None
    _h: int | None
    _fin: typing.Any
    _done: bool
    _key: bytes | None  # keyed contexts only: the key, until the handle exists

    def _new_handle(self) -> int:
        """Create the native handle (the subclass knows the constructor)."""
        raise NotImplementedError

    def _materialize(self) -> None:
        raise NotImplementedError

    def update(self, data: Buffer) -> None:
        raise NotImplementedError

    def finalize(self) -> bytes:
        raise NotImplementedError

    def _copy_as(self, cls: type[_T]) -> _T:
        raise NotImplementedError


def lazy_context(
    prefix: str, oneshot: str, keyed: bool
) -> tuple[type[LazyContext], typing.Callable[[typing.Any], None]]:
    """The base class for contexts over ``cryptogo_<prefix>_*``, and its binder.

    `oneshot` names the C function used by ``finalize()`` when no handle
    exists. With `keyed` False it is called ``(out, size, sink, data, n, alg,
    size)`` (``cryptogo_hash_digest``); with `keyed` True ``(out, size, sink,
    data, n, key, key_len, alg)`` (``cryptogo_hmac_compute``) and the
    instance uses its ``_key`` slot: the key, until the handle exists.
    """
    update_name = f"cryptogo_{prefix}_update"
    finalize_name = f"cryptogo_{prefix}_finalize"
    copy_name = f"cryptogo_{prefix}_copy"
    free_name = f"cryptogo_{prefix}_free"

    # Hot-path state (see _fast.fast), set by bind() when the library loads.
    fast_on = False
    small: typing.Any = None
    bulk: typing.Any = None
    off = 0
    sinka = 0
    update_id = oneshot_id = 0
    pack_update: typing.Any = None
    pack_oneshot: typing.Any = None
    n_update: typing.Any = None  # cryptogo_invoke's nargs for each
    n_oneshot: typing.Any = None

    def bind(fast: typing.Any) -> None:
        nonlocal fast_on, small, bulk, off, sinka, update_id, oneshot_id, pack_update, pack_oneshot, n_update, n_oneshot
        small, bulk, off, sinka = fast.small, fast.bulk, fast.off, fast.sink
        if fast.enabled:
            oneshot_id, pack_oneshot = fast.ids[oneshot], fast.packs[oneshot]
            update_id, pack_update = fast.ids[update_name], fast.packs[update_name]
            n_oneshot, n_update = fast.nargs[oneshot], fast.nargs[update_name]
        fast_on = fast.enabled

    class _Lazy(LazyContext):
        # _key is only used by keyed contexts (one unused slot in the others).
        __slots__ = ("_alg", "_done", "_fin", "_h", "_key", "_pending", "_size")

        def _materialize(self) -> None:
            h = self._new_handle()
            self._h = h
            self._fin = weakref.finalize(self, _handles.free_handle, free_name, h)
            p = self._pending
            if p is not None:
                self._pending = None
                rc = getattr(lib, update_name)(h, p, len(p))
                if rc:
                    _check(rc)

        def update(self, data: Buffer) -> None:
            if self._done:
                raise AlreadyFinalized("Context was already finalized.")
            if type(data) is bytes:
                if self._h is None:
                    if self._pending is None:
                        self._pending = data
                        return
                    self._materialize()
                n = len(data)
                if fast_on:
                    rc = (small if n < _GIL_FREE else bulk)(
                        update_id, pack_update(self._h, id(data) + off, n), n_update
                    )
                else:
                    rc = getattr(lib, update_name)(self._h, data, n)
            else:
                p, n = _buf(data)
                if self._h is None:
                    self._materialize()
                rc = getattr(lib, update_name)(self._h, p, n)
            if rc:
                _check(rc)

        def finalize(self) -> bytes:
            if self._done:
                raise AlreadyFinalized("Context was already finalized.")
            self._done = True
            size = self._size
            out = _ZERO * size if 1 < size < _BIG else _alloc(size)
            if self._h is None:
                p = self._pending
                self._pending = None
                if p is None:
                    p = b""
                n = len(p)
                if keyed:
                    key = self._key
                    assert key is not None
                    self._key = None
                    if fast_on:
                        rc = (small if n < _GIL_FREE else bulk)(
                            oneshot_id,
                            pack_oneshot(
                                id(out) + off, size, sinka, id(p) + off, n, id(key) + off, len(key), self._alg
                            ),
                            n_oneshot,
                        )
                    else:
                        rc = getattr(lib, oneshot)(out, size, _SINK, p, n, key, len(key), self._alg)
                elif fast_on:
                    rc = (small if n < _GIL_FREE else bulk)(
                        oneshot_id,
                        pack_oneshot(id(out) + off, size, sinka, id(p) + off, n, self._alg, size),
                        n_oneshot,
                    )
                else:
                    rc = getattr(lib, oneshot)(out, size, _SINK, p, n, self._alg, size)
            else:
                rc = getattr(lib, finalize_name)(self._h, out, size, _SINK)
                self._h = None
                self._fin()
            if rc:
                _check(rc)
            return out

        def _copy_as(self, cls: type[_T]) -> _T:
            """A copy of this context as a new `cls` (the caller checks that
            it is not finalized and copies its own extra attributes)."""
            c = cls.__new__(cls)
            c._alg = self._alg
            c._size = self._size
            c._done = False
            if keyed:
                c._key = self._key
            c._pending = self._pending
            c._h = None
            c._fin = None
            if self._h is not None:
                h = _handles.new_handle(getattr(lib, copy_name), self._h)
                c._h = h
                c._fin = weakref.finalize(c, _handles.free_handle, free_name, h)
            return c

    _Lazy.__name__ = _Lazy.__qualname__ = f"_Lazy_{prefix}"
    return _Lazy, bind
