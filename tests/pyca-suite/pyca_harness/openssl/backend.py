"""The stand-in for pyca's ``cryptography.hazmat.backends.openssl.backend``.

pyca's ``tests/conftest.py`` hands this object to every test (the ``backend``
fixture) and asks it, through ``@pytest.mark.supported(only_if=...)`` and
explicit calls, what the library can do. Every answer comes from **trying the
operation** on cryptogo (hash one byte, encrypt one block, sign one message,
...): a failure of any kind (the feature's module or name is missing, it is a
placeholder that raises UnsupportedAlgorithm, it raises anything else) answers
False. Nothing answers a hard-coded yes. Answers are cached per argument.

A probe that uses a placeholder counts as a placeholder touch of the test that
asked (it runs inside the test's setup or call), so a test gated on a missing
feature is counted *missing*, not skipped.

pyca's private attributes (``_lib``, ``_ffi``, ...) are absent on purpose: a
test that reaches for them exercises pyca internals (``private-api``).
"""

from __future__ import annotations

import functools
import importlib
import typing

import cryptography_vectors

_ANY = typing.Any


def _mod(name: str) -> _ANY:
    return importlib.import_module(f"cryptogo.{name}")


def _tries(fn: typing.Callable[[], object]) -> bool:
    try:
        fn()
    except Exception:
        return False
    return True


def _describe(value: object) -> str:
    """A stable description of an algorithm/padding/curve object (its class and state)."""
    if isinstance(value, tuple):
        return "(" + ", ".join(_describe(v) for v in value) + ")"
    state = getattr(value, "__dict__", None)
    if state is None:
        return f"{type(value).__qualname__}:{value!r}"
    return f"{type(value).__qualname__}{{" + ", ".join(f"{k}={_describe(v)}" for k, v in sorted(state.items())) + "}"


class Backend:
    """Answers pyca's capability questions from what cryptogo really does."""

    name = "cryptogo"
    _fips_enabled = False
    # pyca's FIPS constants, read by tests only when _fips_enabled
    _fips_rsa_min_key_size = 2048
    _fips_rsa_min_public_exponent = 65537
    _fips_dsa_min_modulus = 1 << 2048
    _fips_dh_min_key_size = 2048
    _fips_dh_min_modulus = 1 << 2048

    def __init__(self) -> None:
        self._yes: set[tuple[str, str]] = set()

    def __repr__(self) -> str:
        return "<cryptogo pyca-suite stand-in backend>"

    def _ask(self, kind: str, value: object, probe: typing.Callable[[], object]) -> bool:
        """Run the probe; only a yes is cached, so that every test asking about a
        missing feature runs the probe again (and touches its placeholder)."""
        k = (kind, _describe(value))
        if k in self._yes:
            return True
        ok = _tries(probe)
        if ok:
            self._yes.add(k)
        return ok

    # -- what conftest.py calls ---------------------------------------------
    def _consume_errors(self) -> list[object]:
        return []  # no OpenSSL error stack

    def _enable_fips(self) -> None:
        raise NotImplementedError("cryptogo has no FIPS mode switch")

    def openssl_version_text(self) -> str:
        return "cryptogo (libcrypto-go); no OpenSSL"

    def openssl_assert(self, ok: bool) -> None:
        if not ok:
            raise AssertionError("openssl_assert on the cryptogo stand-in backend")

    # -- hashes, MACs, KDFs -------------------------------------------------
    def hash_supported(self, algorithm: _ANY) -> bool:
        def probe() -> None:
            h = _mod("hazmat.primitives.hashes").Hash(algorithm)
            h.update(b"\x00")
            h.finalize()

        return self._ask("hash", algorithm, probe)

    def signature_hash_supported(self, algorithm: _ANY) -> bool:
        # pyca: hash_supported (minus FIPS rules); the RSA probe checks signing
        return self.hash_supported(algorithm) and self._ask(
            "sighash",
            algorithm,
            lambda: _rsa_key().sign(b"\x00", _mod("hazmat.primitives.asymmetric.padding").PKCS1v15(), algorithm),
        )

    def hmac_supported(self, algorithm: _ANY) -> bool:
        def probe() -> None:
            h = _mod("hazmat.primitives.hmac").HMAC(b"\x00" * 16, algorithm)
            h.update(b"\x00")
            h.finalize()

        return self._ask("hmac", algorithm, probe)

    def pbkdf2_hmac_supported(self, algorithm: _ANY) -> bool:
        kdf = _mod("hazmat.primitives.kdf.pbkdf2")
        return self._ask("pbkdf2", algorithm, lambda: kdf.PBKDF2HMAC(algorithm, 16, b"salt", 1).derive(b"password"))

    def scrypt_supported(self) -> bool:
        return self._ask(
            "scrypt",
            None,
            lambda: _mod("hazmat.primitives.kdf.scrypt").Scrypt(salt=b"salt", length=16, n=2, r=1, p=1).derive(b"pw"),
        )

    def argon2_supported(self) -> bool:
        def probe() -> None:
            argon2 = _mod("hazmat.primitives.kdf.argon2")
            argon2.Argon2id(salt=b"saltsalt", length=32, iterations=1, lanes=1, memory_cost=8).derive(b"pw")

        return self._ask("argon2", None, probe)

    def cmac_algorithm_supported(self, algorithm: _ANY) -> bool:
        def probe() -> None:
            c = _mod("hazmat.primitives.cmac").CMAC(algorithm)
            c.update(b"\x00")
            c.finalize()

        return self._ask("cmac", algorithm, probe)

    def poly1305_supported(self) -> bool:
        return self._ask(
            "poly1305", None, lambda: _mod("hazmat.primitives.poly1305").Poly1305.generate_tag(b"\x01" * 32, b"\x00")
        )

    # -- ciphers ------------------------------------------------------------
    def cipher_supported(self, cipher: _ANY, mode: _ANY) -> bool:
        def probe() -> None:
            ciphers = _mod("hazmat.primitives.ciphers")
            enc = ciphers.Cipher(cipher, mode).encryptor()
            block = max(getattr(cipher, "block_size", 8) // 8, 1)
            enc.update(b"\x00" * block)

        return self._ask("cipher", (cipher, mode), probe)

    # -- RSA ----------------------------------------------------------------
    def rsa_padding_supported(self, padding: _ANY) -> bool:
        pad = _mod("hazmat.primitives.asymmetric.padding")

        def probe() -> None:
            if isinstance(padding, pad.PKCS1v15):
                sha256 = _mod("hazmat.primitives.hashes").SHA256()
                _rsa_key().public_key().verify(_rsa_key().sign(b"\x00", padding, sha256), b"\x00", padding, sha256)
            elif isinstance(padding, pad.PSS) and isinstance(padding._mgf, pad.MGF1):
                alg = padding._mgf._algorithm
                pss = pad.PSS(mgf=pad.MGF1(alg), salt_length=pad.PSS.DIGEST_LENGTH)
                _rsa_key().public_key().verify(_rsa_key().sign(b"\x00", pss, alg), b"\x00", pss, alg)
            elif isinstance(padding, pad.OAEP) and isinstance(padding._mgf, pad.MGF1):
                ct = _rsa_key().public_key().encrypt(b"\x00", padding)
                if _rsa_key().decrypt(ct, padding) != b"\x00":
                    raise AssertionError("OAEP round trip")
            else:
                raise TypeError(f"not an RSA padding cryptogo knows: {padding!r}")

        return self._ask("rsa-padding", padding, probe)

    def rsa_encryption_supported(self, padding: _ANY) -> bool:
        pad = _mod("hazmat.primitives.asymmetric.padding")
        if isinstance(padding, pad.PKCS1v15):

            def probe() -> None:
                ct = _rsa_key().public_key().encrypt(b"\x00", padding)
                if _rsa_key().decrypt(ct, padding) != b"\x00":
                    raise AssertionError("PKCS1v15 round trip")

            return self._ask("rsa-enc", padding, probe)
        return self.rsa_padding_supported(padding)

    # -- DSA, DH ------------------------------------------------------------
    def dsa_supported(self) -> bool:
        def probe() -> None:
            hashes = _mod("hazmat.primitives.hashes")
            key = _load_vector_key("asymmetric/PKCS8/unenc-dsa-pkcs8.pem")
            key.public_key().verify(key.sign(b"\x00", hashes.SHA256()), b"\x00", hashes.SHA256())

        return self._ask("dsa", None, probe)

    def dsa_hash_supported(self, algorithm: _ANY) -> bool:
        def probe() -> None:
            key = _load_vector_key("asymmetric/PKCS8/unenc-dsa-pkcs8.pem")
            key.public_key().verify(key.sign(b"\x00", algorithm), b"\x00", algorithm)

        return self.dsa_supported() and self._ask("dsa-hash", algorithm, probe)

    def dh_supported(self) -> bool:
        def probe() -> None:
            key = _load_vector_key("asymmetric/DH/dhkey.pem")
            key.exchange(key.public_key())

        return self._ask("dh", None, probe)

    def dh_x942_serialization_supported(self) -> bool:
        def probe() -> None:
            ser = _mod("hazmat.primitives.serialization")
            key = _load_vector_key("asymmetric/DH/dhkey_rfc5114_2.pem")
            key.private_bytes(ser.Encoding.PEM, ser.PrivateFormat.PKCS8, ser.NoEncryption())

        return self.dh_supported() and self._ask("dhx", None, probe)

    # -- elliptic curves ----------------------------------------------------
    def elliptic_curve_supported(self, curve: _ANY) -> bool:
        return self._ask("ec", curve, lambda: _ec_key(curve))

    def elliptic_curve_signature_algorithm_supported(self, signature_algorithm: _ANY, curve: _ANY) -> bool:
        ec = _mod("hazmat.primitives.asymmetric.ec")
        utils = _mod("hazmat.primitives.asymmetric.utils")

        def probe() -> None:
            if not isinstance(signature_algorithm, ec.ECDSA):
                raise TypeError("only ECDSA")
            key = _ec_key(curve)
            alg = signature_algorithm.algorithm
            data = b"\x00" * alg.digest_size if isinstance(alg, utils.Prehashed) else b"\x00"
            key.public_key().verify(key.sign(data, signature_algorithm), data, signature_algorithm)

        return self._ask("ecdsa", (signature_algorithm, curve), probe)

    def elliptic_curve_exchange_algorithm_supported(self, algorithm: _ANY, curve: _ANY) -> bool:
        ec = _mod("hazmat.primitives.asymmetric.ec")

        def probe() -> None:
            if not isinstance(algorithm, ec.ECDH):
                raise TypeError("only ECDH")
            a, b = _ec_key(curve), ec.generate_private_key(curve)
            if a.exchange(algorithm, b.public_key()) != b.exchange(algorithm, a.public_key()):
                raise AssertionError("ECDH disagrees")

        return self._ask("ecdh", (algorithm, curve), probe)

    def ecdsa_deterministic_supported(self) -> bool:
        def probe() -> None:
            ec = _mod("hazmat.primitives.asymmetric.ec")
            hashes = _mod("hazmat.primitives.hashes")
            key = _ec_key(ec.SECP256R1())
            alg = ec.ECDSA(hashes.SHA256(), deterministic_signing=True)
            if key.sign(b"\x00", alg) != key.sign(b"\x00", alg):
                raise AssertionError("not deterministic")

        return self._ask("ecdsa-det", None, probe)

    # -- Edwards and Montgomery curves, post-quantum ------------------------
    def x25519_supported(self) -> bool:
        return self._ask("x25519", None, lambda: _exchange("x25519", "X25519PrivateKey"))

    def x448_supported(self) -> bool:
        return self._ask("x448", None, lambda: _exchange("x448", "X448PrivateKey"))

    def ed25519_supported(self) -> bool:
        return self._ask("ed25519", None, lambda: _sign_verify("ed25519", "Ed25519PrivateKey"))

    def ed448_supported(self) -> bool:
        return self._ask("ed448", None, lambda: _sign_verify("ed448", "Ed448PrivateKey"))

    def mldsa_supported(self) -> bool:
        return self._ask("mldsa", None, lambda: _sign_verify("mldsa", "MLDSA65PrivateKey"))

    def mlkem_supported(self) -> bool:
        def probe() -> None:
            key = _mod("hazmat.primitives.asymmetric.mlkem").MLKEM768PrivateKey.generate()
            shared, ct = key.public_key().encapsulate()
            if key.decapsulate(ct) != shared:
                raise AssertionError("ML-KEM round trip")

        return self._ask("mlkem", None, probe)


@functools.cache
def _rsa_key() -> _ANY:
    return _mod("hazmat.primitives.asymmetric.rsa").generate_private_key(65537, 2048)


def _ec_key(curve: _ANY) -> _ANY:
    return _mod("hazmat.primitives.asymmetric.ec").generate_private_key(curve)


def _load_vector_key(path: str) -> _ANY:
    ser = _mod("hazmat.primitives.serialization")
    with cryptography_vectors.open_vector_file(path, "rb") as f:
        return ser.load_pem_private_key(f.read(), None)


def _exchange(module: str, cls: str) -> None:
    k = getattr(_mod(f"hazmat.primitives.asymmetric.{module}"), cls)
    a, b = k.generate(), k.generate()
    if a.exchange(b.public_key()) != b.exchange(a.public_key()):
        raise AssertionError(f"{cls} exchange disagrees")


def _sign_verify(module: str, cls: str) -> None:
    key = getattr(_mod(f"hazmat.primitives.asymmetric.{module}"), cls).generate()
    key.public_key().verify(key.sign(b"\x00"), b"\x00")


backend = Backend()
