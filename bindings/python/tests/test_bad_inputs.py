"""One table of bad inputs, run against pyca and against us: the same
exception class every time (and, where pyca's message is fixed, the same
message)."""

from __future__ import annotations

import functools

import pytest
from conftest import OURS, PYCA

_PEM = {}


@functools.cache
def _pyca_key():
    return PYCA.rsa.generate_private_key(65537, 1024)


def key(a):
    """The same 1024-bit RSA key in API `a`."""
    k = _pyca_key()
    if a is PYCA:
        return k
    if "pem" not in _PEM:
        _PEM["pem"] = k.private_bytes(
            PYCA.serialization.Encoding.PEM, PYCA.serialization.PrivateFormat.PKCS8, PYCA.serialization.NoEncryption()
        )
        _PEM["ours"] = OURS.serialization.load_pem_private_key(_PEM["pem"], None)
    return _PEM["ours"]


def pem(a, encrypted: bool):
    return _pyca_key().private_bytes(
        PYCA.serialization.Encoding.PEM,
        PYCA.serialization.PrivateFormat.PKCS8,
        PYCA.serialization.BestAvailableEncryption(b"pw") if encrypted else PYCA.serialization.NoEncryption(),
    )


def aes(a, k=b"k" * 16):
    return a.aead.AESGCM(k)


def chacha(a):
    return a.aead.ChaCha20Poly1305(b"k" * 32)


def fernet(a):
    return a.fernet.Fernet(b"cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=")


def oaep(a, h="SHA256", label=None):
    return a.padding.OAEP(a.padding.MGF1(getattr(a.hashes, h)()), getattr(a.hashes, h)(), label)


def pss(a, salt):
    return a.padding.PSS(a.padding.MGF1(a.hashes.SHA256()), salt)


def custom_hash(a):
    cls = type("Custom", (a.hashes.HashAlgorithm,), {"name": "custom", "digest_size": 32, "block_size": 64})
    return cls()


def finalized_twice(a):
    h = a.hashes.Hash(a.hashes.SHA256())
    h.finalize()
    h.finalize()


def hmac_after_final(a):
    h = a.hmac.HMAC(b"k", a.hashes.SHA256())
    h.update(b"x")
    h.finalize()
    h.update(b"y")


def pbkdf2_twice(a):
    k = a.pbkdf2.PBKDF2HMAC(a.hashes.SHA256(), 32, b"s", 1)
    k.derive(b"p")
    k.verify(b"p", b"x" * 32)


# (label, exports needed, callable(api), compare message?)
TABLE = [
    # AEAD
    ("aesgcm key 15 bytes", "aesgcm", lambda a: aes(a, b"k" * 15), True),
    ("aesgcm key 33 bytes", "aesgcm", lambda a: aes(a, b"k" * 33), True),
    ("aesgcm key str", "aesgcm", lambda a: aes(a, "k" * 16), True),
    ("aesgcm key None", "aesgcm", lambda a: aes(a, None), True),
    ("aesgcm generate_key 100", None, lambda a: a.aead.AESGCM.generate_key(100), True),
    ("aesgcm generate_key str", None, lambda a: a.aead.AESGCM.generate_key("128"), True),
    ("aesgcm nonce 7", "aesgcm", lambda a: aes(a).encrypt(b"n" * 7, b"d", None), True),
    ("aesgcm nonce 129", "aesgcm", lambda a: aes(a).encrypt(b"n" * 129, b"d", None), True),
    ("aesgcm nonce empty", "aesgcm", lambda a: aes(a).decrypt(b"", b"d" * 20, None), True),
    ("aesgcm nonce str", "aesgcm", lambda a: aes(a).encrypt("n" * 12, b"d", None), True),
    ("aesgcm data str", "aesgcm", lambda a: aes(a).encrypt(b"n" * 12, "d", None), True),
    ("aesgcm data None", "aesgcm", lambda a: aes(a).encrypt(b"n" * 12, None, None), True),
    ("aesgcm ad str", "aesgcm", lambda a: aes(a).encrypt(b"n" * 12, b"d", "ad"), True),
    ("aesgcm ad int", "aesgcm", lambda a: aes(a).encrypt(b"n" * 12, b"d", 5), False),
    ("aesgcm decrypt short", "aesgcm", lambda a: aes(a).decrypt(b"n" * 12, b"x" * 15, None), True),
    ("aesgcm decrypt forged", "aesgcm", lambda a: aes(a).decrypt(b"n" * 12, b"x" * 40, None), True),
    (
        "aesgcm decrypt_into wrong size",
        "aesgcm",
        lambda a: aes(a).decrypt_into(b"n" * 12, aes(a).encrypt(b"n" * 12, b"abc", None), None, bytearray(4)),
        True,
    ),
    ("aesgcm encrypt_into readonly", "aesgcm", lambda a: aes(a).encrypt_into(b"n" * 12, b"abc", None, bytes(19)), True),
    ("chacha key 16", "chacha20poly1305", lambda a: a.aead.ChaCha20Poly1305(b"k" * 16), True),
    ("chacha nonce 8", "chacha20poly1305", lambda a: chacha(a).encrypt(b"n" * 8, b"d", None), True),
    ("chacha nonce 13", "chacha20poly1305", lambda a: chacha(a).decrypt(b"n" * 13, b"d" * 20, None), True),
    ("chacha decrypt forged", "chacha20poly1305", lambda a: chacha(a).decrypt(b"n" * 12, b"d" * 20, None), True),
    ("chacha data str", "chacha20poly1305", lambda a: chacha(a).encrypt(b"n" * 12, "d", None), True),
    # Fernet
    ("fernet key short", "fernet", lambda a: a.fernet.Fernet(b"abc"), True),
    ("fernet key not base64", "fernet", lambda a: a.fernet.Fernet(b"!" * 44), True),
    ("fernet key int", "fernet", lambda a: a.fernet.Fernet(5), False),
    ("fernet encrypt str", "fernet", lambda a: fernet(a).encrypt("x"), True),
    ("fernet encrypt bytearray", "fernet", lambda a: fernet(a).encrypt(bytearray(b"x")), True),
    ("fernet decrypt garbage", "fernet", lambda a: fernet(a).decrypt(b"garbage"), True),
    ("fernet decrypt empty", "fernet", lambda a: fernet(a).decrypt(b""), True),
    ("fernet decrypt int", "fernet", lambda a: fernet(a).decrypt(5), True),
    ("fernet decrypt non-ascii str", "fernet", lambda a: fernet(a).decrypt("é"), False),
    (
        "fernet wrong key",
        "fernet",
        lambda a: fernet(a).decrypt(a.fernet.Fernet(a.fernet.Fernet.generate_key()).encrypt(b"x")),
        True,
    ),
    (
        "fernet expired",
        "fernet",
        lambda a: fernet(a).decrypt_at_time(fernet(a).encrypt_at_time(b"x", 100), 10, 200),
        True,
    ),
    (
        "fernet from the future",
        "fernet",
        lambda a: fernet(a).decrypt_at_time(fernet(a).encrypt_at_time(b"x", 1000), 10, 900),
        True,
    ),
    ("fernet decrypt_at_time ttl None", "fernet", lambda a: fernet(a).decrypt_at_time(b"x", None, 5), True),
    ("fernet extract_timestamp garbage", "fernet", lambda a: fernet(a).extract_timestamp(b"gAAAAA"), True),
    ("multifernet empty", "multifernet", lambda a: a.fernet.MultiFernet([]), True),
    ("multifernet rotate garbage", "multifernet", lambda a: a.fernet.MultiFernet([fernet(a)]).rotate(b"zz"), True),
    # Hashes and HMAC
    ("hash algorithm class not instance", "hash", lambda a: a.hashes.Hash(a.hashes.SHA256), True),
    ("hash algorithm None", "hash", lambda a: a.hashes.Hash(None), True),
    ("hash update str", "hash", lambda a: a.hashes.Hash(a.hashes.SHA256()).update("x"), True),
    ("hash finalize twice", "hash", finalized_twice, True),
    ("shake digest 0", None, lambda a: a.hashes.SHAKE128(0), True),
    ("shake digest str", None, lambda a: a.hashes.SHAKE256("8"), True),
    ("blake2b digest 32", None, lambda a: a.hashes.BLAKE2b(32), True),
    ("blake2s digest 16", None, lambda a: a.hashes.BLAKE2s(16), True),
    ("hmac key str", "hmac", lambda a: a.hmac.HMAC("k", a.hashes.SHA256()), True),
    ("hmac shake", "hmac", lambda a: a.hmac.HMAC(b"k", a.hashes.SHAKE128(16)), True),
    ("hmac algorithm None", "hmac", lambda a: a.hmac.HMAC(b"k", None), True),
    ("hmac verify wrong", "hmac", lambda a: a.hmac.HMAC(b"k", a.hashes.SHA256()).verify(b"x" * 32), True),
    ("hmac verify str", "hmac", lambda a: a.hmac.HMAC(b"k", a.hashes.SHA256()).verify("x"), True),
    ("hmac update after finalize", "hmac", hmac_after_final, True),
    ("constant_time str", None, lambda a: a.constant_time.bytes_eq("a", b"a"), True),
    # PBKDF2
    ("pbkdf2 iterations 0", None, lambda a: a.pbkdf2.PBKDF2HMAC(a.hashes.SHA256(), 32, b"s", 0), True),
    ("pbkdf2 iterations -1", None, lambda a: a.pbkdf2.PBKDF2HMAC(a.hashes.SHA256(), 32, b"s", -1), True),
    ("pbkdf2 length -1", None, lambda a: a.pbkdf2.PBKDF2HMAC(a.hashes.SHA256(), -1, b"s", 1), True),
    ("pbkdf2 salt str", None, lambda a: a.pbkdf2.PBKDF2HMAC(a.hashes.SHA256(), 32, "s", 1), True),
    ("pbkdf2 salt bytearray", None, lambda a: a.pbkdf2.PBKDF2HMAC(a.hashes.SHA256(), 32, bytearray(b"s"), 1), True),
    ("pbkdf2 algorithm None", None, lambda a: a.pbkdf2.PBKDF2HMAC(None, 32, b"s", 1), True),
    ("pbkdf2 password str", "pbkdf2", lambda a: a.pbkdf2.PBKDF2HMAC(a.hashes.SHA256(), 32, b"s", 1).derive("p"), True),
    (
        "pbkdf2 verify mismatch",
        "pbkdf2",
        lambda a: a.pbkdf2.PBKDF2HMAC(a.hashes.SHA256(), 32, b"s", 1).verify(b"p", b"x" * 32),
        True,
    ),
    ("pbkdf2 used twice", "pbkdf2", pbkdf2_twice, True),
    (
        "pbkdf2 unsupported hash",
        "pbkdf2",
        lambda a: a.pbkdf2.PBKDF2HMAC(custom_hash(a), 32, b"s", 1).derive(b"p"),
        True,
    ),
    ("hash unsupported", "hash", lambda a: a.hashes.Hash(custom_hash(a)), True),
    ("hmac unsupported", "hmac", lambda a: a.hmac.HMAC(b"k", custom_hash(a)), True),
    # RSA
    ("rsa e=5", "rsa_generate", lambda a: a.rsa.generate_private_key(5, 2048), True),
    ("rsa 512 bits", "rsa_generate", lambda a: a.rsa.generate_private_key(65537, 512), True),
    ("rsa decrypt wrong length", "rsa_decrypt_oaep", lambda a: key(a).decrypt(b"x" * 10, oaep(a)), True),
    ("rsa oaep decrypt garbage", "rsa_decrypt_oaep", lambda a: key(a).decrypt(b"x" * 128, oaep(a)), True),
    ("rsa decrypt with PSS", "rsa_decrypt_oaep", lambda a: key(a).decrypt(b"x" * 128, pss(a, 0)), True),
    ("rsa encrypt too long", "rsa_encrypt_oaep", lambda a: key(a).public_key().encrypt(b"x" * 200, oaep(a)), True),
    ("rsa encrypt str", "rsa_encrypt_oaep", lambda a: key(a).public_key().encrypt("x", oaep(a)), True),
    ("rsa oaep label str", "rsa_encrypt_oaep", lambda a: key(a).public_key().encrypt(b"x", oaep(a, label="l")), True),
    ("rsa oaep md5", "rsa_encrypt_oaep", lambda a: key(a).public_key().encrypt(b"x", oaep(a, "MD5")), True),
    (
        "rsa sign pss AUTO",
        "rsa_sign_pss",
        lambda a: key(a).sign(b"x", pss(a, a.padding.PSS.AUTO), a.hashes.SHA256()),
        True,
    ),
    ("rsa sign salt too long", "rsa_sign_pss", lambda a: key(a).sign(b"x", pss(a, 1000), a.hashes.SHA256()), True),
    ("rsa sign with OAEP", "rsa_sign_pss", lambda a: key(a).sign(b"x", oaep(a), a.hashes.SHA256()), True),
    ("rsa sign str", "rsa_sign_pkcs1v15", lambda a: key(a).sign("x", a.padding.PKCS1v15(), a.hashes.SHA256()), True),
    (
        "rsa sign prehashed wrong size",
        "rsa_sign_pkcs1v15",
        lambda a: key(a).sign(b"x", a.padding.PKCS1v15(), a.utils.Prehashed(a.hashes.SHA256())),
        True,
    ),
    ("rsa sign algorithm None", "rsa_sign_pkcs1v15", lambda a: key(a).sign(b"x", a.padding.PKCS1v15(), None), True),
    (
        "rsa sign shake",
        "rsa_sign_pkcs1v15",
        lambda a: key(a).sign(b"x", a.padding.PKCS1v15(), a.hashes.SHAKE128(32)),
        True,
    ),
    ("rsa sign padding None", "rsa_sign_pkcs1v15", lambda a: key(a).sign(b"x", None, a.hashes.SHA256()), True),
    (
        "rsa verify bad",
        "rsa_verify_pkcs1v15",
        lambda a: key(a).public_key().verify(b"x" * 128, b"x", a.padding.PKCS1v15(), a.hashes.SHA256()),
        True,
    ),
    (
        "rsa verify short",
        "rsa_verify_pss",
        lambda a: key(a).public_key().verify(b"x" * 12, b"x", pss(a, a.padding.PSS.AUTO), a.hashes.SHA256()),
        True,
    ),
    ("pss negative salt", None, lambda a: pss(a, -1), True),
    ("oaep algorithm None", None, lambda a: a.padding.OAEP(a.padding.MGF1(a.hashes.SHA256()), None, None), True),
    ("public numbers str", None, lambda a: a.rsa.RSAPublicNumbers("x", 5), True),
    (
        "public numbers bad modulus",
        "rsa_public_key_from_numbers",
        lambda a: a.rsa.RSAPublicNumbers(65537, 1234).public_key(),
        True,
    ),
    (
        "public numbers even e",
        "rsa_public_key_from_numbers",
        lambda a: a.rsa.RSAPublicNumbers(4, 3 * 2**1000 + 1).public_key(),
        True,
    ),
    (
        "private numbers inconsistent",
        "rsa_private_key_from_numbers",
        lambda a: (
            lambda n: a.rsa.RSAPrivateNumbers(
                n.p,
                n.q,
                n.d + 2,
                n.dmp1,
                n.dmq1,
                n.iqmp,
                a.rsa.RSAPublicNumbers(n.public_numbers.e, n.public_numbers.n),
            ).private_key()
        )(_pyca_key().private_numbers()),
        False,
    ),
    # Serialization
    (
        "load pem garbage",
        "private_key_load",
        lambda a: a.serialization.load_pem_private_key(b"garbage", None),
        False,
    ),
    (
        "load der garbage",
        "private_key_load",
        lambda a: a.serialization.load_der_private_key(b"garbage", None),
        False,
    ),
    (
        "load pem str",
        "private_key_load",
        lambda a: a.serialization.load_pem_private_key(pem(a, False).decode(), None),
        True,
    ),
    (
        "load password unexpected",
        "private_key_load",
        lambda a: a.serialization.load_pem_private_key(pem(a, False), b"pw"),
        True,
    ),
    (
        "load password missing",
        "private_key_load",
        lambda a: a.serialization.load_pem_private_key(pem(a, True), None),
        True,
    ),
    (
        "load password empty",
        "private_key_load",
        lambda a: a.serialization.load_pem_private_key(pem(a, True), b""),
        True,
    ),
    (
        "load password wrong",
        "private_key_load",
        lambda a: a.serialization.load_pem_private_key(pem(a, True), b"no"),
        False,
    ),
    (
        "load password str",
        "private_key_load",
        lambda a: a.serialization.load_pem_private_key(pem(a, True), "pw"),
        True,
    ),
    ("load public garbage", "public_key_load", lambda a: a.serialization.load_pem_public_key(b"garbage"), False),
    (
        "load public from private pem",
        "public_key_load",
        lambda a: a.serialization.load_pem_public_key(pem(a, False)),
        False,
    ),
    (
        "load der public garbage",
        "public_key_load",
        lambda a: a.serialization.load_der_public_key(b"\x30\x03\x02\x01\x01"),
        False,
    ),
    (
        "dump der traditional encrypted",
        "private_key_dump",
        lambda a: key(a).private_bytes(
            a.serialization.Encoding.DER,
            a.serialization.PrivateFormat.TraditionalOpenSSL,
            a.serialization.BestAvailableEncryption(b"pw"),
        ),
        True,
    ),
    (
        "dump raw format",
        "private_key_dump",
        lambda a: key(a).private_bytes(
            a.serialization.Encoding.PEM, a.serialization.PrivateFormat.Raw, a.serialization.NoEncryption()
        ),
        True,
    ),
    (
        "dump encoding str",
        "private_key_dump",
        lambda a: key(a).private_bytes("PEM", a.serialization.PrivateFormat.PKCS8, a.serialization.NoEncryption()),
        True,
    ),
    (
        "dump encryption None",
        "private_key_dump",
        lambda a: key(a).private_bytes(a.serialization.Encoding.PEM, a.serialization.PrivateFormat.PKCS8, None),
        True,
    ),
    (
        "dump raw encoding",
        "private_key_dump",
        lambda a: key(a).private_bytes(
            a.serialization.Encoding.Raw, a.serialization.PrivateFormat.PKCS8, a.serialization.NoEncryption()
        ),
        True,
    ),
    (
        "public dump raw format",
        "public_key_dump",
        lambda a: key(a).public_key().public_bytes(a.serialization.Encoding.PEM, a.serialization.PublicFormat.Raw),
        True,
    ),
    (
        "public dump private format",
        "public_key_dump",
        lambda a: key(a).public_key().public_bytes(a.serialization.Encoding.PEM, a.serialization.PrivateFormat.PKCS8),
        True,
    ),
    ("best available empty password", None, lambda a: a.serialization.BestAvailableEncryption(b""), True),
]


# The generic key layer RSA keys live on.
KEY_EXPORTS = (
    "cryptogo_private_key_load",
    "cryptogo_private_key_public_key",
    "cryptogo_private_key_bits",
    "cryptogo_public_key_bits",
)


def _outcome(fn, api):
    try:
        fn(api)
    except Exception as e:
        return type(e).__name__, str(e)
    return None, None


@pytest.mark.parametrize("label,needs,fn,same_message", TABLE, ids=[t[0] for t in TABLE])
def test_same_exception_as_pyca(label, needs, fn, same_message):
    from conftest import require_exports

    if needs:
        keys = needs.startswith(("rsa", "private_key", "public_key"))
        require_exports(
            f"cryptogo_{needs}"
            if keys
            else ("cryptogo_pbkdf2_hmac_derive" if needs == "pbkdf2" else f"cryptogo_{needs}_new")
        )
        if keys:
            require_exports(*KEY_EXPORTS)
    theirs = _outcome(fn, PYCA)
    ours = _outcome(fn, OURS)
    assert theirs[0] is not None, f"{label}: pyca raised nothing (bad table entry)"
    assert ours[0] == theirs[0], f"{label}: pyca raised {theirs}, we raised {ours}"
    if same_message:
        assert ours[1] == theirs[1], f"{label}: message differs: pyca {theirs[1]!r}, ours {ours[1]!r}"
