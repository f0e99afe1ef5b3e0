"""Status codes -> exceptions: the binding's one table and its ``check(rc)``.

Codes and their names come from the ABI description (``status`` in
``include/cryptogo_abi.json``); :data:`STATUS_EXCEPTIONS` says which exception
each name raises, as pyca raises it (InvalidToken, InvalidTag,
InvalidSignature, InvalidKey, AlreadyFinalized, UnsupportedAlgorithm,
ValueError, TypeError, ...), and with which message when the caller gives
none. Call sites that need pyca's exact wording for one case (a nonce of the
wrong size is a ValueError naming the sizes) test that one code first and
pass the rest to :func:`check`.
"""

from __future__ import annotations

import builtins
import typing

from cryptogo import _native, exceptions

__all__ = ["STATUS_EXCEPTIONS", "check", "code", "error", "status_name"]

_BAD_KEY_DATA = (
    "Could not deserialize key data. The data may be in an incorrect "
    "format, the provided password may be incorrect, it may be encrypted "
    "with an unsupported algorithm, or it may be an unsupported key type "
    "(e.g. EC curves with explicit parameters)."
)

STATUS_EXCEPTIONS: dict[str, tuple[str, str | None]] = {
    # status name: (exception class name, message when the caller gives none;
    # None raises the class without arguments, as pyca does)
    "CRYPTOGO_ERR_INTERNAL": (
        "InternalError",
        "libcrypto-go internal error (a recovered panic); please report it",
    ),
    "CRYPTOGO_ERR_INVALID_ARGUMENT": ("ValueError", "invalid argument"),
    "CRYPTOGO_ERR_TYPE": ("TypeError", "wrong type of argument"),
    "CRYPTOGO_ERR_BUFFER_TOO_SMALL": ("InternalError", "cryptogo binding bug: output buffer too small"),
    "CRYPTOGO_ERR_INVALID_HANDLE": ("ValueError", "this cryptogo object was closed (its native handle is freed)"),
    "CRYPTOGO_ERR_INVALID_TOKEN": ("InvalidToken", None),
    "CRYPTOGO_ERR_INVALID_TAG": ("InvalidTag", None),
    "CRYPTOGO_ERR_INVALID_SIGNATURE": ("InvalidSignature", None),
    "CRYPTOGO_ERR_INVALID_KEY": ("InvalidKey", "Keys do not match."),
    "CRYPTOGO_ERR_ALREADY_FINALIZED": ("AlreadyFinalized", "Context was already finalized."),
    "CRYPTOGO_ERR_UNSUPPORTED_ALGORITHM": ("UnsupportedAlgorithm", "unsupported algorithm"),
    "CRYPTOGO_ERR_DECRYPTION_FAILED": ("ValueError", "Decryption failed"),
    "CRYPTOGO_ERR_OVERFLOW": ("OverflowError", "input too large"),
    "CRYPTOGO_ERR_PASSWORD_REQUIRED": ("TypeError", "Password was not given but private key is encrypted"),
    "CRYPTOGO_ERR_PASSWORD_UNEXPECTED": ("TypeError", "Password was given but private key is not encrypted."),
    "CRYPTOGO_ERR_BAD_KEY_DATA": ("ValueError", _BAD_KEY_DATA),
}

# Failures whose detail would help an attacker: the library's one code is
# raised as pyca does, without the caller's message.
_VAGUE = frozenset({"CRYPTOGO_ERR_INVALID_TOKEN", "CRYPTOGO_ERR_DECRYPTION_FAILED"})

_names: dict[int, str] = {}  # code -> status name, from the ABI description


def exception_class(class_name: str) -> type[Exception]:
    """The class a :data:`STATUS_EXCEPTIONS` entry names."""
    if class_name == "InvalidToken":
        # cryptogo.fernet defines it (as pyca's cryptography.fernet) and
        # imports this module: resolved at raise time.
        from cryptogo.fernet import InvalidToken

        return InvalidToken
    cls = getattr(exceptions, class_name, None) or getattr(builtins, class_name)
    assert isinstance(cls, type) and issubclass(cls, Exception)
    return cls


def _status_names() -> dict[int, str]:
    if not _names:
        for name, value in (_native.abi().get("status") or {}).items():
            _names[int(value)] = name
    return _names


def status_name(rc: int) -> str:
    """The C name of status code `rc`."""
    return _status_names().get(rc, f"unknown status {rc}")


def code(name: str) -> int:
    """The value of status `name` (``"CRYPTOGO_ERR_INVALID_ARGUMENT"``)."""
    return _native.const(name)


def error(rc: int, msg: str | None = None) -> Exception:
    """The exception for a non-zero status code (not raised)."""
    name = _status_names().get(rc)
    entry = STATUS_EXCEPTIONS.get(name) if name is not None else None
    if entry is None:
        return exceptions.InternalError(f"libcrypto-go returned unknown status code {rc}", [])
    class_name, default = entry
    cls = exception_class(class_name)
    text = default if name in _VAGUE or not msg else msg
    if cls is exceptions.InternalError:
        return exceptions.InternalError(text or class_name, [])
    return cls(text) if text is not None else cls()


def check(rc: int, msg: str | None = None) -> None:
    """Raise the exception mapped to status `rc` (no-op for CRYPTOGO_OK).

    Hot paths inline the success test: ``if rc: check(rc)``.
    """
    if rc:
        raise error(rc, msg)


def raise_for(rc: int, msg: str | None = None) -> typing.NoReturn:
    """:func:`check` for a status known to be an error."""
    raise error(rc, msg)
