"""Build step of the cryptogo wheel: compile libcrypto-go with Go and bundle it.

`python -m pip install ./bindings/python` (or `make wheel`) runs
`go build -buildmode=c-shared ./capi` at the repository root (two levels up)
and puts the shared library and the ABI description
(include/cryptogo_abi.json) in cryptogo/_lib/ inside the wheel. The wheel is
tagged py3-none-<platform>: it holds native code but no CPython extension.

Environment:
  CRYPTOGO_GO                  the go command (default: go)
  GOTOOLCHAIN                  passed through when set; otherwise go1.27.3
                               (go.mod says go 1.27: an older go command
                               fetches that toolchain through the module proxy)
  CRYPTOGO_PREBUILT_LIBRARY    bundle this already built libcrypto-go.so
                               instead of running go build
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import typing
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

try:
    from setuptools.command.bdist_wheel import bdist_wheel
except ImportError:  # setuptools < 70.1
    try:
        from wheel.bdist_wheel import bdist_wheel  # type: ignore[no-redef]  # same class, older home
    except ImportError:  # only build_py is available (tests run it directly)
        bdist_wheel = None  # type: ignore[assignment,misc]  # checked before use below

# The toolchain go.mod needs (go 1.27), as the Makefile exports it: a go
# command of 1.21 or newer fetches it through the module proxy.
GO_TOOLCHAIN = "go1.27.3"

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LIB_FILENAME = "crypto-go.dll" if sys.platform == "win32" else "libcrypto-go.so"
ABI_JSON = ROOT / "include" / "cryptogo_abi.json"


def _repo_root() -> Path:
    if not (ROOT / "go.mod").is_file() or not (ROOT / "capi").is_dir():
        sys.exit(
            "cryptogo: building the wheel needs the libcrypto-go source tree "
            f"(go.mod and capi/ in {ROOT}); build from a clone of the repository."
        )
    return ROOT


def build_env(environ: typing.Mapping[str, str]) -> dict[str, str]:
    """The environment of `go build`: cgo on, and GOTOOLCHAIN=go1.27.3 unless
    the caller chose a toolchain (a machine whose go env says
    GOTOOLCHAIN=local would otherwise refuse go.mod's go 1.27)."""
    env = dict(environ, CGO_ENABLED="1")
    if not env.get("GOTOOLCHAIN"):
        env["GOTOOLCHAIN"] = GO_TOOLCHAIN
    return env


class build_py_with_library(build_py):  # noqa: N801 -- setuptools command naming
    """build_py, then compile and bundle libcrypto-go."""

    def run(self) -> None:
        super().run()
        dest = Path(self.build_lib) / "cryptogo" / "_lib"
        dest.mkdir(parents=True, exist_ok=True)
        root = _repo_root()
        prebuilt = os.environ.get("CRYPTOGO_PREBUILT_LIBRARY")
        if prebuilt:
            shutil.copy2(prebuilt, dest / LIB_FILENAME)
        else:
            go = os.environ.get("CRYPTOGO_GO") or shutil.which("go")
            if not go:
                sys.exit(
                    "cryptogo: the Go toolchain (go) is needed to build libcrypto-go; "
                    f"install Go 1.27+ (or any Go 1.21+, which fetches {GO_TOOLCHAIN} through the "
                    "module proxy) or set CRYPTOGO_GO."
                )
            env = build_env(os.environ)
            cmd = [go, "build", "-buildmode=c-shared", "-trimpath", "-o", str(dest / LIB_FILENAME), "./capi"]
            print("cryptogo:", f"GOTOOLCHAIN={env['GOTOOLCHAIN']}", " ".join(cmd), f"(in {root})", flush=True)
            subprocess.run(cmd, cwd=root, env=env, check=True)
            header = dest / (Path(LIB_FILENAME).stem + ".h")
            if header.exists():
                header.unlink()  # cgo's header; the public one is include/cryptogo.h
        shutil.copy2(ABI_JSON, dest / ABI_JSON.name)


class BinaryDistribution(Distribution):
    def has_ext_modules(self) -> bool:
        return True


cmdclass: dict[str, type] = {"build_py": build_py_with_library}

if bdist_wheel is not None:

    class bdist_wheel_platform(bdist_wheel):  # noqa: N801 -- setuptools command naming
        """Platform wheel without a CPython ABI tag (the library is loaded by
        ctypes, so any Python 3 works)."""

        def finalize_options(self) -> None:
            super().finalize_options()
            self.root_is_pure = False

        def get_tag(self) -> tuple[str, str, str]:
            _, _, plat = super().get_tag()
            return "py3", "none", plat

    cmdclass["bdist_wheel"] = bdist_wheel_platform


setup(
    distclass=BinaryDistribution,
    cmdclass=cmdclass,
    options={"build": {"build_base": str(ROOT / "build" / "python-setuptools")}},
)
