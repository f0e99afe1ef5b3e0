"""EC: ECDSA and ECDH on SECP224R1/256R1/384R1/521R1 (issue 13, second part)
against real pyca, both ways: keys, encodings and deterministic (RFC 6979)
signatures we produce are byte for byte what pyca produces for the same key
and pyca consumes them; pyca's keys, points and signatures work here.
pyca's exceptions and messages for wrong types, invalid keys and points,
refused serialization combinations; UnsupportedAlgorithm
(UNSUPPORTED_ELLIPTIC_CURVE) for the curves libcrypto-go lacks; Wycheproof
(marker ``vectors``) where pyca and we must agree case by case."""

from __future__ import annotations

import copy
import glob
import os
import typing

import pytest
from conftest import expect_valid, load_vectors, require_exports, vectors_dir

from cryptogo import _handles

pyca = pytest.importorskip("cryptography")
from cryptography.hazmat.primitives import hashes as phashes  # noqa: E402
from cryptography.hazmat.primitives import serialization as pser  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec as pec  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import utils as putils  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import x25519 as px25519  # noqa: E402

from cryptogo.exceptions import InvalidSignature, UnsupportedAlgorithm, _Reasons  # noqa: E402
from cryptogo.hazmat.primitives import hashes as ohashes  # noqa: E402
from cryptogo.hazmat.primitives import serialization as oser  # noqa: E402
from cryptogo.hazmat.primitives.asymmetric import ec as oec  # noqa: E402
from cryptogo.hazmat.primitives.asymmetric import utils as outils  # noqa: E402
from cryptogo.hazmat.primitives.asymmetric import x25519 as ox25519  # noqa: E402

EXPORTS = (
    "cryptogo_ec_generate",
    "cryptogo_ec_derive_private_key",
    "cryptogo_ec_public_key_from_point",
    "cryptogo_ec_public_key_from_numbers",
    "cryptogo_ecdsa_sign",
    "cryptogo_ecdsa_verify",
    "cryptogo_ecdh_exchange",
)


@pytest.fixture(autouse=True)
def _needs_library() -> None:
    require_exports(*EXPORTS)


CURVES = ["SECP224R1", "SECP256R1", "SECP384R1", "SECP521R1"]
UNSUPPORTED = ["SECP192R1", "SECP256K1", "BrainpoolP256R1", "BrainpoolP384R1", "BrainpoolP512R1"]
curves = pytest.mark.parametrize("c", CURVES)
HASHES = ["SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "SHA3_256", "SHA3_512"]
MSGS = [b"", b"abc", bytes(range(256)) * 5]


def ocurve(c: str) -> oec.EllipticCurve:
    return getattr(oec, c)()


def pcurve(c: str) -> pec.EllipticCurve:
    return getattr(pec, c)()


def _outcome(fn, *args):
    try:
        return fn(*args), None
    except Exception as e:
        return None, e


def _same_error(ours_fn, theirs_fn) -> None:
    r1, e1 = _outcome(ours_fn)
    r2, e2 = _outcome(theirs_fn)
    assert e2 is not None, "pyca accepted"
    assert e1 is not None, f"we accepted, pyca raised {e2!r}"
    assert (type(e1).__name__, str(e1)) == (type(e2).__name__, str(e2))
    if hasattr(e2, "_reason"):
        assert str(e1._reason).rsplit(".", 1)[-1] == str(e2._reason).rsplit(".", 1)[-1]


def _pair(c: str):
    """Our key and pyca's key with the same private value."""
    ok = oec.generate_private_key(ocurve(c))
    d = ok.private_numbers().private_value
    return ok, pec.derive_private_key(d, pcurve(c))


# ---------------------------------------------------------------------------
# Both ways, byte for byte.


@curves
def test_keys_both_ways(c: str) -> None:
    ok, tk = _pair(c)
    assert isinstance(ok, oec.EllipticCurvePrivateKey)
    assert type(ok).__name__ == "ECPrivateKey" and type(ok.public_key()).__name__ == "ECPublicKey"
    assert ok.key_size == tk.key_size == ocurve(c).key_size
    assert ok.public_key().key_size == tk.key_size
    assert ok.curve.name == tk.curve.name and isinstance(ok.curve, getattr(oec, c))
    assert ok.public_key().curve is ok.curve
    on, tn = ok.private_numbers(), tk.private_numbers()
    assert (on.private_value, on.public_numbers.x, on.public_numbers.y) == (
        tn.private_value,
        tn.public_numbers.x,
        tn.public_numbers.y,
    )
    assert ok.public_key().public_numbers() == on.public_numbers
    E, PF, PubF = "Encoding", "PrivateFormat", "PublicFormat"
    for enc in ("PEM", "DER"):
        for pf in ("PKCS8", "TraditionalOpenSSL"):
            ob = ok.private_bytes(getattr(getattr(oser, E), enc), getattr(getattr(oser, PF), pf), oser.NoEncryption())
            tb = tk.private_bytes(getattr(getattr(pser, E), enc), getattr(getattr(pser, PF), pf), pser.NoEncryption())
            assert ob == tb, (enc, pf)
            load = oser.load_pem_private_key if enc == "PEM" else oser.load_der_private_key
            loaded = load(tb, None)
            assert isinstance(loaded, oec.EllipticCurvePrivateKey)
            assert loaded.private_numbers() == on and loaded.curve is oec._CURVE_TYPES[ocurve(c).name]
        ob = ok.public_key().public_bytes(getattr(getattr(oser, E), enc), getattr(oser, PubF).SubjectPublicKeyInfo)
        tb = tk.public_key().public_bytes(getattr(getattr(pser, E), enc), getattr(pser, PubF).SubjectPublicKeyInfo)
        assert ob == tb
        load_pub = oser.load_pem_public_key if enc == "PEM" else oser.load_der_public_key
        assert load_pub(tb) == ok.public_key()
    for fmt in ("CompressedPoint", "UncompressedPoint"):
        ob = ok.public_key().public_bytes(oser.Encoding.X962, getattr(oser.PublicFormat, fmt))
        tb = tk.public_key().public_bytes(pser.Encoding.X962, getattr(pser.PublicFormat, fmt))
        assert ob == tb, fmt
        back = oec.EllipticCurvePublicKey.from_encoded_point(ocurve(c), tb)
        assert back == ok.public_key()
        assert pec.EllipticCurvePublicKey.from_encoded_point(pcurve(c), ob) == tk.public_key()
    # Encrypted private keys: pyca reads ours.
    for pf in ("PKCS8", "TraditionalOpenSSL"):
        pem = ok.private_bytes(oser.Encoding.PEM, getattr(oser.PrivateFormat, pf), oser.BestAvailableEncryption(b"pw"))
        assert pser.load_pem_private_key(pem, b"pw").private_numbers() == tn
        pem = tk.private_bytes(pser.Encoding.PEM, getattr(pser.PrivateFormat, pf), pser.BestAvailableEncryption(b"pw"))
        assert oser.load_pem_private_key(pem, b"pw").private_numbers() == on


@curves
def test_numbers_and_derive(c: str) -> None:
    ok, tk = _pair(c)
    tn = tk.private_numbers()
    curve = ocurve(c)
    pn = oec.EllipticCurvePublicNumbers(tn.public_numbers.x, tn.public_numbers.y, curve)
    pub = pn.public_key()
    assert pub == ok.public_key() and pub.curve is curve
    priv = oec.EllipticCurvePrivateNumbers(tn.private_value, pn).private_key()
    assert priv.private_numbers().private_value == tn.private_value and priv.curve is curve
    d = oec.derive_private_key(tn.private_value, curve)
    assert d.curve is curve and d.public_key() == ok.public_key()
    g = pec.derive_private_key(1, pcurve(c)).public_key().public_numbers()
    assert oec.derive_private_key(1, curve).public_key().public_numbers() == oec.EllipticCurvePublicNumbers(
        g.x, g.y, curve
    )
    n = curve.group_order
    assert oec.derive_private_key(n - 1, curve).private_numbers().private_value == n - 1


@curves
@pytest.mark.parametrize("h", HASHES)
def test_deterministic_signatures_match_pyca(c: str, h: str) -> None:
    ok, tk = _pair(c)
    for m in MSGS:
        ours = ok.sign(m, oec.ECDSA(getattr(ohashes, h)(), deterministic_signing=True))
        theirs = tk.sign(m, pec.ECDSA(getattr(phashes, h)(), deterministic_signing=True))
        assert ours == theirs, (h, m[:8])
        ok.public_key().verify(theirs, m, oec.ECDSA(getattr(ohashes, h)()))


@curves
def test_signatures_both_ways(c: str) -> None:
    ok, tk = _pair(c)
    for h in ("SHA256", "SHA384", "SHA512", "SHA3_256", "SHA1", "SHA512_256"):
        oh, th = getattr(ohashes, h), getattr(phashes, h)
        oargs = ()
        for m in MSGS:
            s1 = ok.sign(m, oec.ECDSA(oh(*oargs)))
            tk.public_key().verify(s1, m, pec.ECDSA(th(*oargs)))
            s2 = tk.sign(m, pec.ECDSA(th(*oargs)))
            ok.public_key().verify(s2, m, oec.ECDSA(oh(*oargs)))
            ok.public_key().verify(bytearray(s2), memoryview(m), oec.ECDSA(oh(*oargs)))
            with pytest.raises(InvalidSignature):
                ok.public_key().verify(s2, m + b"x", oec.ECDSA(oh(*oargs)))
        assert ok.sign(b"x", oec.ECDSA(oh(*oargs))) != ok.sign(b"x", oec.ECDSA(oh(*oargs)))
    # Prehashed.
    digest = phashes.Hash(phashes.SHA256())
    digest.update(b"msg")
    dg = digest.finalize()
    s = ok.sign(dg, oec.ECDSA(outils.Prehashed(ohashes.SHA256())))
    tk.public_key().verify(s, b"msg", pec.ECDSA(phashes.SHA256()))
    ok.public_key().verify(s, dg, oec.ECDSA(outils.Prehashed(ohashes.SHA256())))
    assert ok.sign(dg, oec.ECDSA(outils.Prehashed(ohashes.SHA256()), deterministic_signing=True)) == tk.sign(
        dg, pec.ECDSA(putils.Prehashed(phashes.SHA256()), deterministic_signing=True)
    )


# Every hash pyca's ECDSA takes (random nonce): (cryptogo algorithm, pyca
# algorithm) factories.
ALL_HASHES = [
    (lambda: ohashes.MD5(), lambda: phashes.MD5()),
    (lambda: ohashes.SHA1(), lambda: phashes.SHA1()),
    (lambda: ohashes.SHA512_224(), lambda: phashes.SHA512_224()),
    (lambda: ohashes.SHA3_384(), lambda: phashes.SHA3_384()),
    (lambda: ohashes.BLAKE2b(64), lambda: phashes.BLAKE2b(64)),
    (lambda: ohashes.BLAKE2s(32), lambda: phashes.BLAKE2s(32)),
    (lambda: ohashes.SM3(), lambda: phashes.SM3()),
    (lambda: ohashes.SHAKE128(16), lambda: phashes.SHAKE128(16)),
    (lambda: ohashes.SHAKE256(114), lambda: phashes.SHAKE256(114)),
]


@pytest.mark.parametrize("c", ["SECP256R1", "SECP521R1"])
@pytest.mark.parametrize("hs", ALL_HASHES)
def test_every_hash_both_ways(c: str, hs: typing.Any) -> None:
    """pyca signs with any hash (MD5, BLAKE2, SM3, SHAKE too): so do we,
    plain and Prehashed, and each side verifies the other's signature."""
    oh, ph = hs
    ok, tk = _pair(c)
    for m in (b"", b"message"):
        ours = ok.sign(m, oec.ECDSA(oh()))
        tk.public_key().verify(ours, m, pec.ECDSA(ph()))
        theirs = tk.sign(m, pec.ECDSA(ph()))
        ok.public_key().verify(theirs, m, oec.ECDSA(oh()))
        d = ohashes.Hash(oh())
        d.update(m)
        dg = d.finalize()
        pre = ok.sign(dg, oec.ECDSA(outils.Prehashed(oh())))
        tk.public_key().verify(pre, m, pec.ECDSA(ph()))
        ok.public_key().verify(theirs, dg, oec.ECDSA(outils.Prehashed(oh())))
        with pytest.raises(InvalidSignature):
            ok.public_key().verify(theirs, m + b"x", oec.ECDSA(oh()))


def test_deterministic_md5_matches_pyca() -> None:
    """MD5, the deterministic hash beyond SHA-1/2/3: byte-identical."""
    for c in CURVES:
        ok, tk = _pair(c)
        for m in MSGS:
            assert ok.sign(m, oec.ECDSA(ohashes.MD5(), deterministic_signing=True)) == tk.sign(
                m, pec.ECDSA(phashes.MD5(), deterministic_signing=True)
            )


def test_deterministic_hashes_libcrypto_go_lacks() -> None:
    """Deterministic signing with SM3 (pyca signs it; Go's RFC 6979 runs
    only over crypto.Hash values, and crypto has no SM3), BLAKE2 or SHAKE
    (pyca's OpenSSL fails with InternalError): UnsupportedAlgorithm."""
    k = oec.generate_private_key(oec.SECP256R1())
    for alg in (ohashes.SM3(), ohashes.BLAKE2b(64), ohashes.BLAKE2s(32), ohashes.SHAKE128(32)):
        with pytest.raises(UnsupportedAlgorithm):
            k.sign(b"m", oec.ECDSA(alg, deterministic_signing=True))


@curves
def test_bad_signatures(c: str) -> None:
    ok, _ = _pair(c)
    pub = ok.public_key()
    sig = ok.sign(b"m", oec.ECDSA(ohashes.SHA256()))
    for bad in (b"", b"\x30\x00", sig[:-1], sig + b"\x00", bytes(len(sig)), b"\x00" * 200):
        with pytest.raises(InvalidSignature):
            pub.verify(bad, b"m", oec.ECDSA(ohashes.SHA256()))
    other = oec.generate_private_key(ocurve(c)).public_key()
    with pytest.raises(InvalidSignature):
        other.verify(sig, b"m", oec.ECDSA(ohashes.SHA256()))


@curves
def test_ecdh_both_ways(c: str) -> None:
    ok, tk = _pair(c)
    peer_t = pec.generate_private_key(pcurve(c))
    peer_o = oec.EllipticCurvePublicKey.from_encoded_point(
        ocurve(c), peer_t.public_key().public_bytes(pser.Encoding.X962, pser.PublicFormat.UncompressedPoint)
    )
    ours = ok.exchange(oec.ECDH(), peer_o)
    assert ours == tk.exchange(pec.ECDH(), peer_t.public_key())
    assert len(ours) == (ocurve(c).key_size + 7) // 8
    o2 = oec.generate_private_key(ocurve(c))
    assert ok.exchange(oec.ECDH(), o2.public_key()) == o2.exchange(oec.ECDH(), ok.public_key())


# ---------------------------------------------------------------------------
# Errors, as pyca's.


def test_curve_argument_errors() -> None:
    class Fake(oec.EllipticCurve):
        name = "foo"
        key_size = 1
        group_order = 1

    class PFake(pec.EllipticCurve):
        name = "foo"
        key_size = 1
        group_order = 1

    for bad_o, bad_p in ((oec.SECP256R1, pec.SECP256R1), (None, None), ("secp256r1", "secp256r1"), (Fake(), PFake())):
        _same_error(lambda b=bad_o: oec.generate_private_key(b), lambda b=bad_p: pec.generate_private_key(b))
        _same_error(lambda b=bad_o: oec.derive_private_key(1, b), lambda b=bad_p: pec.derive_private_key(1, b))
        _same_error(
            lambda b=bad_o: oec.EllipticCurvePublicKey.from_encoded_point(b, b"\x04ab"),
            lambda b=bad_p: pec.EllipticCurvePublicKey.from_encoded_point(b, b"\x04ab"),
        )
    _same_error(
        lambda: oec.EllipticCurvePublicNumbers(1, 2, Fake()).public_key(),
        lambda: pec.EllipticCurvePublicNumbers(1, 2, PFake()).public_key(),
    )


@pytest.mark.parametrize("c", UNSUPPORTED)
def test_unsupported_curves(c: str) -> None:
    curve = ocurve(c)
    name = curve.name
    calls = [
        lambda: oec.generate_private_key(curve),
        lambda: oec.derive_private_key(1, curve),
        lambda: oec.EllipticCurvePublicKey.from_encoded_point(curve, b"\x04" + b"\x01" * 64),
        lambda: oec.EllipticCurvePublicNumbers(1, 2, curve).public_key(),
        lambda: oec.EllipticCurvePrivateNumbers(1, oec.EllipticCurvePublicNumbers(1, 2, curve)).private_key(),
    ]
    for call in calls:
        with pytest.raises(UnsupportedAlgorithm) as info:
            call()
        assert info.value._reason is _Reasons.UNSUPPORTED_ELLIPTIC_CURVE
        assert str(info.value) == f"Curve {name} is not supported"


def test_value_errors_match_pyca() -> None:
    oc, pc = oec.SECP256R1(), pec.SECP256R1()
    n = oc.group_order
    for v in (0, -1, n, n + 1, 2**300, "1", 1.0):
        _same_error(lambda v=v: oec.derive_private_key(v, oc), lambda v=v: pec.derive_private_key(v, pc))
    tk = pec.generate_private_key(pc)
    tn = tk.private_numbers()
    x, y = tn.public_numbers.x, tn.public_numbers.y
    for args in ((1, 2), (-1, y), (x, -1), (x, y + 1), (0, 0), (2**300, y)):
        _same_error(
            lambda a=args: oec.EllipticCurvePublicNumbers(a[0], a[1], oc).public_key(),
            lambda a=args: pec.EllipticCurvePublicNumbers(a[0], a[1], pc).public_key(),
        )
    for d in (0, -1, 5, tn.private_value + 1):
        _same_error(
            lambda d=d: oec.EllipticCurvePrivateNumbers(d, oec.EllipticCurvePublicNumbers(x, y, oc)).private_key(),
            lambda d=d: pec.EllipticCurvePrivateNumbers(d, pec.EllipticCurvePublicNumbers(x, y, pc)).private_key(),
        )
    good = tk.public_key().public_bytes(pser.Encoding.X962, pser.PublicFormat.CompressedPoint)
    for data in (
        b"",
        b"\x00",
        b"\x05abc",
        b"\x04abc",
        b"\x04" + bytes(64),
        good[:-1],
        good + b"\x00",
        "ab",
        bytearray(good),
    ):
        _same_error(
            lambda d=data: oec.EllipticCurvePublicKey.from_encoded_point(oc, d),
            lambda d=data: pec.EllipticCurvePublicKey.from_encoded_point(pc, d),
        )
    # pyca keeps a private value d + n (the same point); here it is invalid.
    with pytest.raises(ValueError, match="^Invalid EC key.$"):
        oec.EllipticCurvePrivateNumbers(tn.private_value + n, oec.EllipticCurvePublicNumbers(x, y, oc)).private_key()
    # A point of another curve.
    p384 = pec.generate_private_key(pec.SECP384R1()).public_key()
    data = p384.public_bytes(pser.Encoding.X962, pser.PublicFormat.UncompressedPoint)
    _same_error(
        lambda: oec.EllipticCurvePublicKey.from_encoded_point(oc, data),
        lambda: pec.EllipticCurvePublicKey.from_encoded_point(pc, data),
    )


def test_sign_verify_exchange_errors_match_pyca() -> None:
    ok, tk = _pair("SECP256R1")
    op, tp = ok.public_key(), tk.public_key()
    sig = tk.sign(b"x", pec.ECDSA(phashes.SHA256()))
    cases = [
        (lambda: ok.sign(b"x", ohashes.SHA256()), lambda: tk.sign(b"x", phashes.SHA256())),
        (lambda: ok.sign("x", oec.ECDSA(ohashes.SHA256())), lambda: tk.sign("x", pec.ECDSA(phashes.SHA256()))),
        (lambda: ok.sign(b"x", oec.ECDSA(None)), lambda: tk.sign(b"x", pec.ECDSA(None))),
        (
            lambda: ok.sign(b"x", oec.ECDSA(outils.Prehashed(ohashes.SHA256()))),
            lambda: tk.sign(b"x", pec.ECDSA(putils.Prehashed(phashes.SHA256()))),
        ),
        (lambda: op.verify(sig, b"x", ohashes.SHA256()), lambda: tp.verify(sig, b"x", phashes.SHA256())),
        (
            lambda: op.verify("s", b"x", oec.ECDSA(ohashes.SHA256())),
            lambda: tp.verify("s", b"x", pec.ECDSA(phashes.SHA256())),
        ),
        (
            lambda: op.verify(sig, b"x", oec.ECDSA(outils.Prehashed(ohashes.SHA256()))),
            lambda: tp.verify(sig, b"x", pec.ECDSA(putils.Prehashed(phashes.SHA256()))),
        ),
        (lambda: ok.exchange(None, op), lambda: tk.exchange(None, tp)),
        (lambda: ok.exchange(oec.ECDH, op), lambda: tk.exchange(pec.ECDH, tp)),
        (lambda: ok.exchange(oec.ECDH(), b"x"), lambda: tk.exchange(pec.ECDH(), b"x")),
        (lambda: ok.exchange(None, b"x"), lambda: tk.exchange(None, b"x")),
        (
            lambda: ok.exchange(oec.ECDH(), ox25519.X25519PrivateKey.generate().public_key()),
            lambda: tk.exchange(pec.ECDH(), px25519.X25519PrivateKey.generate().public_key()),
        ),
        (
            lambda: ok.exchange(oec.ECDH(), oec.generate_private_key(oec.SECP384R1()).public_key()),
            lambda: tk.exchange(pec.ECDH(), pec.generate_private_key(pec.SECP384R1()).public_key()),
        ),
    ]
    for i, (o, t) in enumerate(cases):
        try:
            _same_error(o, t)
        except AssertionError as e:
            raise AssertionError(f"case {i}: {e}") from None


ENCODINGS = ["PEM", "DER", "OpenSSH", "Raw", "X962", "SMIME"]
PRIVATE_FORMATS = ["PKCS8", "TraditionalOpenSSL", "Raw", "OpenSSH", "PKCS12"]
PUBLIC_FORMATS = ["SubjectPublicKeyInfo", "PKCS1", "Raw", "OpenSSH", "CompressedPoint", "UncompressedPoint"]


def _encryptions(ser):
    return [
        ser.NoEncryption(),
        ser.BestAvailableEncryption(b"pw"),
        ser.BestAvailableEncryption(b"a" * 1024),
        ser.PrivateFormat.PKCS12.encryption_builder().build(b"pw"),
        ser.PrivateFormat.OpenSSH.encryption_builder().kdf_rounds(3).build(b"pw"),
    ]


@curves
def test_serialization_matrix(c: str) -> None:
    """Every Encoding x format (x encryption) pyca refuses, we refuse with its
    exception and message; what it produces deterministically we produce
    byte for byte. The one difference: OpenSSH private keys are
    UnsupportedAlgorithm here."""
    ok, tk = _pair(c)
    for e in ENCODINGS:
        for pf in PRIVATE_FORMATS:
            for oe, te in zip(_encryptions(oser), _encryptions(pser), strict=True):
                r1, e1 = _outcome(ok.private_bytes, getattr(oser.Encoding, e), getattr(oser.PrivateFormat, pf), oe)
                r2, e2 = _outcome(tk.private_bytes, getattr(pser.Encoding, e), getattr(pser.PrivateFormat, pf), te)
                where = (e, pf, type(oe).__name__)
                if pf == "OpenSSH" and (e2 is None or isinstance(e2, pyca.exceptions.UnsupportedAlgorithm)):
                    assert isinstance(e1, UnsupportedAlgorithm), where
                elif e2 is not None:
                    assert e1 is not None, where
                    assert (type(e1).__name__, str(e1)) == (type(e2).__name__, str(e2)), where
                elif isinstance(oe, oser.NoEncryption):
                    assert r1 == r2, where
                else:
                    assert e1 is None, (where, e1)
        for puf in PUBLIC_FORMATS:
            r1, e1 = _outcome(ok.public_key().public_bytes, getattr(oser.Encoding, e), getattr(oser.PublicFormat, puf))
            r2, e2 = _outcome(tk.public_key().public_bytes, getattr(pser.Encoding, e), getattr(pser.PublicFormat, puf))
            if e2 is not None:
                assert e1 is not None, (e, puf)
                assert (type(e1).__name__, str(e1)) == (type(e2).__name__, str(e2)), (e, puf)
            elif e1 is not None and puf == "OpenSSH":
                assert isinstance(e1, UnsupportedAlgorithm), (e, puf, e1)
            else:
                assert r1 == r2, (e, puf)
    for bad in ("x", None):
        _same_error(
            lambda b=bad: ok.private_bytes(b, oser.PrivateFormat.PKCS8, oser.NoEncryption()),
            lambda b=bad: tk.private_bytes(b, pser.PrivateFormat.PKCS8, pser.NoEncryption()),
        )
        _same_error(
            lambda b=bad: ok.private_bytes(oser.Encoding.PEM, oser.PrivateFormat.PKCS8, b),
            lambda b=bad: tk.private_bytes(pser.Encoding.PEM, pser.PrivateFormat.PKCS8, b),
        )
        _same_error(
            lambda b=bad: ok.public_key().public_bytes(b, oser.PublicFormat.CompressedPoint),
            lambda b=bad: tk.public_key().public_bytes(b, pser.PublicFormat.CompressedPoint),
        )
        _same_error(
            lambda b=bad: ok.public_key().public_bytes(oser.Encoding.X962, b),
            lambda b=bad: tk.public_key().public_bytes(pser.Encoding.X962, b),
        )


# ---------------------------------------------------------------------------
# Object behaviour, as pyca's.


def test_equality_copy_hash_curve_identity() -> None:
    curve = oec.SECP256R1()
    k = oec.generate_private_key(curve)
    p = k.public_key()
    assert k.curve is oec._CURVE_TYPES["secp256r1"]  # as pyca: its shared instance
    same = oec.EllipticCurvePublicKey.from_encoded_point(
        curve, p.public_bytes(oser.Encoding.X962, oser.PublicFormat.CompressedPoint)
    )
    assert same.curve is curve
    assert p == same and not (p != same)
    assert p != oec.generate_private_key(curve).public_key()
    assert p != oec.generate_private_key(oec.SECP384R1()).public_key()
    assert p != ox25519.X25519PrivateKey.generate().public_key()
    assert p != 1 and p != b"" and p != None  # noqa: E711
    with pytest.raises(TypeError):
        hash(p)
    assert isinstance(hash(k), int)
    assert copy.copy(k) is k and copy.deepcopy(k) is k
    assert copy.copy(p) is p and copy.deepcopy(p) is p
    assert k == k
    assert isinstance(p, oec.EllipticCurvePublicKey)
    d = oec.derive_private_key(7, curve)
    assert d.curve is curve and d.public_key().curve is curve


def test_closed_key_raises_value_error() -> None:
    k = oec.generate_private_key(oec.SECP256R1())
    p = k.public_key()
    k.close()
    with pytest.raises(ValueError):
        k.sign(b"x", oec.ECDSA(ohashes.SHA256()))
    p.close()
    with pytest.raises(ValueError):
        p.public_bytes(oser.Encoding.X962, oser.PublicFormat.CompressedPoint)


def test_no_leaked_handles() -> None:
    import gc

    oec.generate_private_key(oec.SECP256R1())
    gc.collect()
    before = _handles.live_handles()
    for _ in range(3):
        try:
            oec.derive_private_key(oec.SECP256R1().group_order, oec.SECP256R1())
        except ValueError:
            pass
        try:
            oec.EllipticCurvePublicKey.from_encoded_point(oec.SECP256R1(), b"\x04abc")
        except ValueError:
            pass
        try:
            oec.EllipticCurvePrivateNumbers(
                5, oec.generate_private_key(oec.SECP256R1()).public_key().public_numbers()
            ).private_key()
        except ValueError:
            pass
    gc.collect()
    assert _handles.live_handles() == before


def test_is_public_api() -> None:
    """What code written for pyca does, from the top-level swap."""
    from cryptogo.hazmat.primitives.asymmetric import ec

    k = ec.generate_private_key(ec.SECP256R1())
    k.public_key().verify(k.sign(b"hi", ec.ECDSA(ohashes.SHA256())), b"hi", ec.ECDSA(ohashes.SHA256()))
    a, b = ec.generate_private_key(ec.SECP384R1()), ec.generate_private_key(ec.SECP384R1())
    assert a.exchange(ec.ECDH(), b.public_key()) == b.exchange(ec.ECDH(), a.public_key())


# ---------------------------------------------------------------------------
# Wycheproof: we agree with pyca on every case.


def _ecdsa_der_files() -> list[str]:
    """The DER-signature ECDSA files of the four curves (SHA-2, SHA-3, SHAKE)."""
    d = vectors_dir()
    if d is None:
        return ["ecdsa_secp256r1_sha256_test.json"]  # load_vectors skips (or fails) loudly
    names = (os.path.basename(p) for p in glob.glob(str(d / "ecdsa_secp*r1_*_test.json")))
    return sorted(n for n in names if not n.endswith("_p1363_test.json"))


@pytest.mark.vectors
@pytest.mark.parametrize("file", _ecdsa_der_files())
def test_wycheproof_ecdsa(file: str) -> None:
    """Every DER ECDSA file of the four curves (SHAKE at RFC 8692's sizes):
    each case's verdict is the policy's and pyca's."""
    data = load_vectors(file)
    total = bad = 0
    notes = []
    for g in data["testGroups"]:
        der = bytes.fromhex(g["publicKeyDer"])
        tpub = pser.load_der_public_key(der)
        opub = oser.load_der_public_key(der)
        oh, ph = _WYCHEPROOF_HASHES[g["sha"]]
        for tc in g["tests"]:
            total += 1
            sig, msg = bytes.fromhex(tc["sig"]), bytes.fromhex(tc["msg"])
            want = expect_valid(file, tc["result"], tc["flags"])
            _, e1 = _outcome(opub.verify, sig, msg, oec.ECDSA(oh()))
            _, e2 = _outcome(tpub.verify, sig, msg, pec.ECDSA(ph()))
            if e1 is not None and not isinstance(e1, InvalidSignature):
                bad += 1
                notes.append(f"tcId {tc['tcId']}: {e1!r}")
            elif (e1 is None) != (e2 is None) or (e1 is None) != want:
                bad += 1
                notes.append(f"tcId {tc['tcId']} ({tc['result']}): ours={e1 is None} pyca={e2 is None} want={want}")
    print(f"{file}: {total - bad}/{total} as pyca and the policy")
    assert total > 0 and not bad, "\n".join(notes[:20])


def _p1363_files() -> list[str]:
    d = vectors_dir()
    if d is None:
        return ["ecdsa_secp256r1_sha256_p1363_test.json"]  # load_vectors skips (or fails) loudly
    return sorted(os.path.basename(p) for p in glob.glob(str(d / "ecdsa_*_p1363_test.json")))


# Wycheproof hash names -> (cryptogo, pyca) algorithm factories; SHAKE at
# RFC 8692's sizes.
_WYCHEPROOF_HASHES = {
    "SHA-224": (lambda: ohashes.SHA224(), lambda: phashes.SHA224()),
    "SHA-256": (lambda: ohashes.SHA256(), lambda: phashes.SHA256()),
    "SHA-384": (lambda: ohashes.SHA384(), lambda: phashes.SHA384()),
    "SHA-512": (lambda: ohashes.SHA512(), lambda: phashes.SHA512()),
    "SHA3-224": (lambda: ohashes.SHA3_224(), lambda: phashes.SHA3_224()),
    "SHA3-256": (lambda: ohashes.SHA3_256(), lambda: phashes.SHA3_256()),
    "SHA3-384": (lambda: ohashes.SHA3_384(), lambda: phashes.SHA3_384()),
    "SHA3-512": (lambda: ohashes.SHA3_512(), lambda: phashes.SHA3_512()),
    "SHAKE128": (lambda: ohashes.SHAKE128(32), lambda: phashes.SHAKE128(32)),
    "SHAKE256": (lambda: ohashes.SHAKE256(64), lambda: phashes.SHAKE256(64)),
}


@pytest.mark.vectors
@pytest.mark.parametrize("file", _p1363_files())
def test_wycheproof_ecdsa_p1363(file: str) -> None:
    """The P1363 files (raw r || s) as a pyca user must run them: a
    signature that is not exactly twice the curve's byte size is invalid;
    otherwise utils.encode_dss_signature(r, s) and verify. Each case must
    give the policy's verdict, and pyca (same conversion) must agree. Files
    of curves we lack count as unsupported: their key load raises
    UnsupportedAlgorithm (as pyca's does for secp256k1 / Brainpool only
    when its OpenSSL lacks them)."""
    data = load_vectors(file)
    total = accepted = by_size = rejected = unsupported = 0
    notes = []
    for g in data["testGroups"]:
        der = bytes.fromhex(g["publicKeyDer"])
        try:
            opub = oser.load_der_public_key(der)
        except UnsupportedAlgorithm:
            total += len(g["tests"])
            unsupported += len(g["tests"])
            continue
        tpub = pser.load_der_public_key(der)
        assert isinstance(opub, oec.EllipticCurvePublicKey)
        oh, ph = _WYCHEPROOF_HASHES[g["sha"]]
        size = (opub.curve.key_size + 7) // 8
        for tc in g["tests"]:
            total += 1
            want = expect_valid(file, tc["result"], tc["flags"])
            sig, msg = bytes.fromhex(tc["sig"]), bytes.fromhex(tc["msg"])
            if len(sig) != 2 * size:
                if want:
                    notes.append(f"tcId {tc['tcId']}: valid signature of {len(sig)} bytes")
                by_size += 1
                continue
            r, s = int.from_bytes(sig[:size], "big"), int.from_bytes(sig[size:], "big")
            dsig = outils.encode_dss_signature(r, s)
            assert dsig == putils.encode_dss_signature(r, s)
            _, e1 = _outcome(opub.verify, dsig, msg, oec.ECDSA(oh()))
            _, e2 = _outcome(tpub.verify, dsig, msg, pec.ECDSA(ph()))
            if e1 is not None and not isinstance(e1, InvalidSignature):
                notes.append(f"tcId {tc['tcId']}: {e1!r}")
            elif (e1 is None) != want or (e1 is None) != (e2 is None):
                notes.append(f"tcId {tc['tcId']} ({tc['result']}): ours={e1 is None} pyca={e2 is None} want={want}")
            elif want:
                accepted += 1
            else:
                rejected += 1
    print(
        f"{file}: {total} cases, {accepted} accepted, {by_size + rejected} rejected "
        f"({by_size} by size), {unsupported} unsupported"
    )
    assert total == data["numberOfTests"]
    assert not notes, "\n".join(notes[:20])


@pytest.mark.vectors
@pytest.mark.parametrize("kind", ["ecpoint", "asn"])
@pytest.mark.parametrize("c", CURVES)
def test_wycheproof_ecdh(c: str, kind: str) -> None:
    file = f"ecdh_{c.lower()}_ecpoint_test.json" if kind == "ecpoint" else f"ecdh_{c.lower()}_test.json"
    data = load_vectors(file)
    total = bad = 0
    notes = []
    for g in data["testGroups"]:
        for tc in g["tests"]:
            total += 1
            d = int(tc["private"], 16)
            point = bytes.fromhex(tc["public"])

            def run(mod, ser, d=d, point=point):
                k = mod.derive_private_key(d, getattr(mod, c)())
                if kind == "ecpoint":
                    pub = mod.EllipticCurvePublicKey.from_encoded_point(getattr(mod, c)(), point)
                else:
                    pub = ser.load_der_public_key(point)
                return k.exchange(mod.ECDH(), pub)

            r1, e1 = _outcome(run, oec, oser)
            r2, e2 = _outcome(run, pec, pser)
            if (e1 is None) != (e2 is None) or r1 != r2:
                bad += 1
                notes.append(f"tcId {tc['tcId']} ({tc['result']}): ours={e1!r} pyca={e2!r}")
            elif r1 is not None and tc["result"] != "invalid":
                assert r1.hex() == tc["shared"], tc["tcId"]
    print(f"{file}: {total - bad}/{total} as pyca")
    assert total > 0 and not bad, "\n".join(notes[:20])
