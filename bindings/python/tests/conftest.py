"""Shared fixtures: the package under test (from this source tree), pyca's
`cryptography` side by side, test-vector location."""

from __future__ import annotations

import json
import os
import sys
import types
from pathlib import Path

import pytest

PKG_ROOT = Path(__file__).resolve().parent.parent  # bindings/python
REPO_ROOT = PKG_ROOT.parent.parent
sys.path.insert(0, str(PKG_ROOT))

from cryptogo import _native  # noqa: E402

STRICT = os.environ.get("CRYPTOGO_REQUIRE_VECTORS") == "1" or os.environ.get("CI") == "true"


def _api(top: str) -> types.SimpleNamespace:
    """The pyca-shaped modules of `top` ("cryptography" or "cryptogo")."""
    import importlib

    m = lambda name: importlib.import_module(f"{top}.{name}")  # noqa: E731
    return types.SimpleNamespace(
        name=top,
        fernet=m("fernet"),
        exceptions=m("exceptions"),
        hashes=m("hazmat.primitives.hashes"),
        hmac=m("hazmat.primitives.hmac"),
        constant_time=m("hazmat.primitives.constant_time"),
        serialization=m("hazmat.primitives.serialization"),
        rsa=m("hazmat.primitives.asymmetric.rsa"),
        padding=m("hazmat.primitives.asymmetric.padding"),
        utils=m("hazmat.primitives.asymmetric.utils"),
        aead=m("hazmat.primitives.ciphers.aead"),
        pbkdf2=m("hazmat.primitives.kdf.pbkdf2"),
    )


OURS = _api("cryptogo")
PYCA = _api("cryptography")


@pytest.fixture(scope="session")
def ours() -> types.SimpleNamespace:
    return OURS


@pytest.fixture(scope="session")
def pyca() -> types.SimpleNamespace:
    return PYCA


def has_export(name: str) -> bool:
    try:
        getattr(_native.lib, name)
        return True
    except AttributeError:
        return False


def require_exports(*names: str) -> None:
    """Skip (fail in CI) when the library lacks an export this test needs."""
    missing = [n for n in names if not has_export(n)]
    if missing:
        msg = f"libcrypto-go lacks exports {missing} (library {os.environ.get('CRYPTOGO_LIBRARY')})"
        if STRICT:
            pytest.fail(msg)
        pytest.skip(msg)


# ---------------------------------------------------------------------------
# Test vectors, located as the BRIEF says.


def vectors_dir(kind: str = "wycheproof", env: str = "WYCHEPROOF_DIR") -> Path | None:
    if os.environ.get(env):
        return Path(os.environ[env])
    if os.environ.get("CRYPTOGO_SHARED"):
        return Path(os.environ["CRYPTOGO_SHARED"]) / kind
    cand = REPO_ROOT.parent / "shared" / kind
    return cand if cand.is_dir() else None


def load_vectors(name: str) -> dict:
    d = vectors_dir()
    path = d / name if d else None
    if path is None or not path.is_file():
        msg = f"Wycheproof file {name} not found (WYCHEPROOF_DIR / $CRYPTOGO_SHARED/wycheproof / ../shared/wycheproof)"
        if os.environ.get("CRYPTOGO_REQUIRE_VECTORS") == "1":
            pytest.fail(msg)
        print(f"\nSKIP (loud): {msg}", file=sys.stderr)
        pytest.skip(msg)
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


_POLICY: dict | None = None


def policy() -> dict:
    global _POLICY
    if _POLICY is None:
        with open(REPO_ROOT / "tests" / "wycheproof_policy.json", encoding="utf-8") as fh:
            _POLICY = json.load(fh)
    return _POLICY


def expect_valid(file: str, result: str, flags: list[str]) -> bool:
    """Whether a case must be accepted, as tests/vectors.Expect in Go: "valid"
    yes, "invalid" no, "acceptable" by the first flag with a per-file
    decision, else the first flag with a global one; no decision fails."""
    if result == "valid":
        return True
    if result == "invalid":
        return False
    pol = policy()
    per_file = pol.get("files", {}).get(file, {})
    for f in flags:
        if f in per_file:
            return per_file[f] == "valid"
    for f in flags:
        if f in pol.get("flags", {}):
            return pol["flags"][f] == "valid"
    raise AssertionError(f"{file}: acceptable case with flags {flags} has no decision in tests/wycheproof_policy.json")


def api_limit(file: str) -> dict:
    """The file's entry of api_limits in the policy ({} if none)."""
    return policy().get("api_limits", {}).get(file, {})
