"""DSA (issue 13) against real pyca, both ways: keys and serializations we
produce are byte for byte what pyca produces for the same key, and pyca loads
them; pyca's keys and (randomized) signatures work here and ours verify in
pyca. pyca's exceptions for invalid numbers, sizes, prehashed digests and
refused serialization combinations; Wycheproof (marker ``vectors``): the DER
files case by case against pyca and the policy, the P1363 files through
``utils.encode_dss_signature``."""

from __future__ import annotations

import copy
import threading
import warnings

import pytest
from conftest import expect_valid, load_vectors, require_exports

pyca = pytest.importorskip("cryptography")
from cryptography.hazmat.primitives import hashes as phashes  # noqa: E402
from cryptography.hazmat.primitives import serialization as pser  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import dsa as pdsa  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import utils as putils  # noqa: E402

from cryptogo import _handles  # noqa: E402
from cryptogo.exceptions import InvalidSignature  # noqa: E402
from cryptogo.hazmat.primitives import hashes as ohashes  # noqa: E402
from cryptogo.hazmat.primitives import serialization as oser  # noqa: E402
from cryptogo.hazmat.primitives.asymmetric import dsa as odsa  # noqa: E402
from cryptogo.hazmat.primitives.asymmetric import utils as outils  # noqa: E402
from cryptogo.utils import CryptographyDeprecationWarning  # noqa: E402

EXPORTS = (
    "cryptogo_dsa_generate",
    "cryptogo_dsa_generate_from_parameters",
    "cryptogo_dsa_parameters_check",
    "cryptogo_dsa_public_key_from_numbers",
    "cryptogo_dsa_private_key_from_numbers",
    "cryptogo_dsa_public_key_number",
    "cryptogo_dsa_private_key_number",
    "cryptogo_dsa_sign",
    "cryptogo_dsa_verify",
)


@pytest.fixture(autouse=True)
def _needs_library() -> None:
    require_exports(*EXPORTS)


HASHES = ["SHA1", "SHA224", "SHA256", "SHA384", "SHA512", "SHA3_256", "MD5"]
MSGS = [b"", b"abc", bytes(range(256)) * 5]

# pyca's keys, generated once per size (pyca's generation is the reference).
_PYCA_KEYS: dict[int, pdsa.DSAPrivateKey] = {}


def pyca_key(bits: int) -> pdsa.DSAPrivateKey:
    if bits not in _PYCA_KEYS:
        _PYCA_KEYS[bits] = pdsa.generate_private_key(bits)
    return _PYCA_KEYS[bits]


def ours_from(pk: pdsa.DSAPrivateKey) -> odsa.DSAPrivateKey:
    n = pk.private_numbers()
    pn = n.public_numbers.parameter_numbers
    return odsa.DSAPrivateNumbers(
        n.x, odsa.DSAPublicNumbers(n.public_numbers.y, odsa.DSAParameterNumbers(pn.p, pn.q, pn.g))
    ).private_key()


def _outcome(fn, *args):
    try:
        return fn(*args), None
    except Exception as e:
        return None, e


E_P, E_O = pser.Encoding, oser.Encoding
F_P, F_O = pser.PrivateFormat, oser.PrivateFormat
PF_P, PF_O = pser.PublicFormat, oser.PublicFormat

sizes = pytest.mark.parametrize("bits", [1024, 2048, 3072])


@sizes
def test_serialization_identical_both_ways(bits: int) -> None:
    pk = pyca_key(bits)
    ok = ours_from(pk)
    assert ok.key_size == bits and ok.public_key().key_size == bits
    for enc in ("PEM", "DER"):
        for fmt in ("PKCS8", "TraditionalOpenSSL"):
            ours = ok.private_bytes(getattr(E_O, enc), getattr(F_O, fmt), oser.NoEncryption())
            theirs = pk.private_bytes(getattr(E_P, enc), getattr(F_P, fmt), pser.NoEncryption())
            assert ours == theirs, (enc, fmt)
            loaded = (oser.load_pem_private_key if enc == "PEM" else oser.load_der_private_key)(theirs, None)
            assert isinstance(loaded, odsa.DSAPrivateKey)
            assert loaded.private_numbers() == ok.private_numbers()
        ours = ok.public_key().public_bytes(getattr(E_O, enc), PF_O.SubjectPublicKeyInfo)
        assert ours == pk.public_key().public_bytes(getattr(E_P, enc), PF_P.SubjectPublicKeyInfo)
        loaded_pub = (oser.load_pem_public_key if enc == "PEM" else oser.load_der_public_key)(ours)
        assert loaded_pub == ok.public_key()
    # Encrypted: pyca reads ours, we read pyca's.
    for fmt in ("PKCS8", "TraditionalOpenSSL"):
        ours = ok.private_bytes(E_O.PEM, getattr(F_O, fmt), oser.BestAvailableEncryption(b"pw"))
        assert pser.load_pem_private_key(ours, b"pw").private_numbers().x == pk.private_numbers().x
        theirs = pk.private_bytes(E_P.PEM, getattr(F_P, fmt), pser.BestAvailableEncryption(b"pw"))
        assert oser.load_pem_private_key(theirs, b"pw").private_numbers().x == pk.private_numbers().x
    ours = ok.private_bytes(E_O.DER, F_O.PKCS8, oser.BestAvailableEncryption(b"pw"))
    assert pser.load_der_private_key(ours, b"pw").private_numbers().x == pk.private_numbers().x


def test_openssh_public_bytes() -> None:
    pk = pyca_key(1024)
    ok = ours_from(pk)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = pk.public_key().public_bytes(E_P.OpenSSH, PF_P.OpenSSH)
    with pytest.warns(CryptographyDeprecationWarning):
        ours = ok.public_key().public_bytes(E_O.OpenSSH, PF_O.OpenSSH)
    assert ours == theirs
    with pytest.raises(ValueError, match="1024"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours_from(pyca_key(2048)).public_key().public_bytes(E_O.OpenSSH, PF_O.OpenSSH)
    # OpenSSH private keys: pyca's warning and size check (the format itself
    # is not serialized by libcrypto-go yet: UnsupportedAlgorithm for 1024 bits).
    with pytest.raises(ValueError, match="1024"), pytest.warns(CryptographyDeprecationWarning):
        ours_from(pyca_key(2048)).private_bytes(E_O.PEM, F_O.OpenSSH, oser.NoEncryption())
    with pytest.raises(ValueError):
        ok.private_bytes(E_O.DER, F_O.OpenSSH, oser.NoEncryption())


@sizes
@pytest.mark.parametrize("h", HASHES)
def test_signatures_both_ways(bits: int, h: str) -> None:
    pk = pyca_key(bits)
    ok = ours_from(pk)
    for msg in MSGS:
        sig = ok.sign(msg, getattr(ohashes, h)())
        pk.public_key().verify(sig, msg, getattr(phashes, h)())
        ok.public_key().verify(pk.sign(msg, getattr(phashes, h)()), msg, getattr(ohashes, h)())
        # Prehashed, both sides.
        hh = ohashes.Hash(getattr(ohashes, h)())
        hh.update(msg)
        d = hh.finalize()
        sig = ok.sign(d, outils.Prehashed(getattr(ohashes, h)()))
        pk.public_key().verify(sig, msg, getattr(phashes, h)())
        ok.public_key().verify(sig, d, outils.Prehashed(getattr(ohashes, h)()))
        with pytest.raises(InvalidSignature):
            ok.public_key().verify(sig, msg + b"x", getattr(ohashes, h)())


def test_shake_and_blake2() -> None:
    pk = pyca_key(2048)
    ok = ours_from(pk)
    for oh, ph in (
        (ohashes.SHAKE128(32), phashes.SHAKE128(32)),
        (ohashes.SHAKE256(64), phashes.SHAKE256(64)),
        (ohashes.BLAKE2b(64), phashes.BLAKE2b(64)),
        (ohashes.BLAKE2s(32), phashes.BLAKE2s(32)),
    ):
        sig = ok.sign(b"m", oh)
        pk.public_key().verify(sig, b"m", ph)
        ok.public_key().verify(pk.sign(b"m", ph), b"m", oh)


def test_numbers_and_parameters() -> None:
    pk = pyca_key(2048)
    ok = ours_from(pk)
    on, pn = ok.private_numbers(), pk.private_numbers()
    assert (on.x, on.public_numbers.y) == (pn.x, pn.public_numbers.y)
    opar = ok.parameters().parameter_numbers()
    ppar = pn.public_numbers.parameter_numbers
    assert (opar.p, opar.q, opar.g) == (ppar.p, ppar.q, ppar.g)
    assert ok.public_key().parameters().parameter_numbers() == opar
    k2 = ok.parameters().generate_private_key()
    assert k2.parameters().parameter_numbers() == opar
    assert k2.private_numbers().x != on.x
    assert ok.public_key().public_numbers() == on.public_numbers
    assert on.public_numbers.public_key() == ok.public_key()
    assert repr(opar).startswith("<DSAParameterNumbers(p=")
    assert copy.copy(ok) is ok and copy.deepcopy(ok.public_key()) == ok.public_key()


def test_generate() -> None:
    for bits, qbits in ((1024, 160), (2048, 256)):
        k = odsa.generate_private_key(bits)
        n = k.private_numbers()
        par = n.public_numbers.parameter_numbers
        assert par.p.bit_length() == bits and par.q.bit_length() == qbits
        assert pow(par.g, n.x, par.p) == n.public_numbers.y
        # pyca uses what we generated.
        pk = pser.load_der_private_key(k.private_bytes(E_O.DER, F_O.PKCS8, oser.NoEncryption()), None)
        k.public_key().verify(pk.sign(b"x", phashes.SHA256()), b"x", ohashes.SHA256())
    params = odsa.generate_parameters(1024)
    assert isinstance(params, odsa.DSAParameters)
    assert params.generate_private_key().key_size == 1024
    for bad in (0, 1, 512, 1023, 1536, 8192, -1, 2**70):
        with pytest.raises(ValueError):
            odsa.generate_parameters(bad)
        with pytest.raises(ValueError):
            pdsa.generate_parameters(bad)


def test_invalid_numbers_like_pyca() -> None:
    pn = pyca_key(1024).private_numbers()
    par = pn.public_numbers.parameter_numbers
    y, x = pn.public_numbers.y, pn.x
    cases = [
        (2**1000, par.q, par.g, y, x),
        (par.p, 2**150, par.g, y, x),
        (par.p, par.q, 0, y, x),
        (par.p, par.q, 1, y, x),
        (par.p, par.q, 2**1200, y, x),
        (par.p, par.q, par.g, y, 0),
        (par.p, par.q, par.g, y, -2),
        (par.p, par.q, par.g, y, par.q),
        (par.p, par.q, par.g, y, 2**200),
        (par.p, par.q, par.g, 2**100, x),
        (-par.p, par.q, par.g, y, x),
    ]
    for p, q, g, yy, xx in cases:
        for mod in (odsa, pdsa):
            with pytest.raises(ValueError):
                mod.DSAPrivateNumbers(xx, mod.DSAPublicNumbers(yy, mod.DSAParameterNumbers(p, q, g))).private_key()
            if yy == y and xx == x:
                with pytest.raises(ValueError):
                    mod.DSAPublicNumbers(yy, mod.DSAParameterNumbers(p, q, g)).public_key()
                with pytest.raises(ValueError):
                    mod.DSAParameterNumbers(p, q, g).parameters()
    for mod in (odsa, pdsa):
        with pytest.raises(TypeError):
            mod.DSAParameterNumbers(None, 2, 3)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            mod.DSAPublicNumbers(1, None)  # type: ignore[arg-type]


def test_errors_like_pyca() -> None:
    pk = pyca_key(1024)
    ok = ours_from(pk)
    d = b"\x00" * 20
    for key, h, pre in ((ok, ohashes, outils), (pk, phashes, putils)):
        with pytest.raises(ValueError):
            key.sign(d, pre.Prehashed(h.SHA224()))
        with pytest.raises(ValueError):
            key.public_key().verify(b"\x00" * 40, d, pre.Prehashed(h.SHA224()))
        with pytest.raises(InvalidSignature if key is ok else pyca.exceptions.InvalidSignature):
            key.public_key().verify(b"fakesig", b"msg", h.SHA1())
        with pytest.raises(TypeError):
            key.sign(b"m", "SHA256")  # type: ignore[arg-type]
    bad_private = [
        (E_O.Raw, F_O.PKCS8),
        (E_O.DER, F_O.Raw),
        (E_O.Raw, F_O.Raw),
        (E_O.X962, F_O.PKCS8),
        (E_O.SMIME, F_O.TraditionalOpenSSL),
    ]
    for enc, fmt in bad_private:
        with pytest.raises((ValueError, TypeError)):
            ok.private_bytes(enc, fmt, oser.NoEncryption())
    with pytest.raises(ValueError):
        ok.private_bytes(E_O.DER, F_O.TraditionalOpenSSL, oser.BestAvailableEncryption(b"pw"))
    for enc, fmt in [(E_O.PEM, PF_O.PKCS1), (E_O.Raw, PF_O.Raw), (E_O.X962, PF_O.UncompressedPoint)]:
        with pytest.raises((ValueError, TypeError)):
            ok.public_key().public_bytes(enc, fmt)


def test_loaders_return_dsa_keys() -> None:
    pk = pyca_key(1024)
    der = pk.private_bytes(E_P.DER, F_P.TraditionalOpenSSL, pser.NoEncryption())
    k = oser.load_der_private_key(der, None)
    assert isinstance(k, odsa.DSAPrivateKey) and isinstance(k.public_key(), odsa.DSAPublicKey)
    assert k.private_bytes(E_O.DER, F_O.TraditionalOpenSSL, oser.NoEncryption()) == der
    # A PKCS #8 key with p = 0 (pyca's test_load_pkcs8_invalid_dsa_parameters) is ValueError.
    bad = (
        b"0D\x02\x01\x000'\x06\x07*\x86H\xce8\x04\x010\x1c\x02\x01\x00"
        b"\x02\x14*F\x00\x02\x02\x01)\x04\x16\x02\x14<\x06\x01\x00F\x00"
        b"\x02\x00\x02\x02\x01)\x04\x16\x02\x14<\x06\x01\x00\x00\x00"
        b"\x86H\xce8\x04\x010\x1c\x02\x14*\x04\xf7\r"
    )
    with pytest.raises(ValueError):
        oser.load_der_private_key(bad, None)


def test_threads_and_handles() -> None:
    ok = ours_from(pyca_key(1024))
    pub = ok.public_key()
    before = _handles.live_handles()
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for i in range(20):
                m = bytes([i])
                pub.verify(ok.sign(m, ohashes.SHA256()), m, ohashes.SHA256())
        except BaseException as e:  # pragma: no cover
            errors.append(e)

    ts = [threading.Thread(target=work) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert not errors
    assert _handles.live_handles() == before


# ---------------------------------------------------------------------------
# Wycheproof.

DSA_FILES = [
    ("dsa_2048_224_sha224_test.json", "SHA224"),
    ("dsa_2048_224_sha256_test.json", "SHA256"),
    ("dsa_2048_256_sha256_test.json", "SHA256"),
    ("dsa_3072_256_sha256_test.json", "SHA256"),
]
P1363_FILES = [(f.replace("_test.json", "_p1363_test.json"), h) for f, h in DSA_FILES]


def _p1363_to_der(utils_mod, sig: bytes, q_len: int) -> bytes | None:
    """r || s -> DER as a pyca user would: two halves of exactly the byte
    length of q each, then encode_dss_signature; None for another length."""
    if len(sig) != 2 * q_len:
        return None
    return utils_mod.encode_dss_signature(int.from_bytes(sig[:q_len], "big"), int.from_bytes(sig[q_len:], "big"))


@pytest.mark.vectors
@pytest.mark.parametrize(("file", "h"), DSA_FILES + P1363_FILES)
def test_wycheproof_dsa(file: str, h: str) -> None:
    data = load_vectors(file)
    p1363 = "_p1363_" in file
    total = bad = accepted = 0
    notes = []
    for g in data["testGroups"]:
        der = bytes.fromhex(g["publicKeyDer"])
        opub = oser.load_der_public_key(der)
        ppub = pser.load_der_public_key(der)
        assert isinstance(opub, odsa.DSAPublicKey)
        q_len = (opub.public_numbers().parameter_numbers.q.bit_length() + 7) // 8
        for tc in g["tests"]:
            total += 1
            sig, msg = bytes.fromhex(tc["sig"]), bytes.fromhex(tc["msg"])
            osig, psig = sig, sig
            if p1363:
                osig = _p1363_to_der(outils, sig, q_len)
                psig = _p1363_to_der(putils, sig, q_len)
                assert osig == psig
            e1 = InvalidSignature() if osig is None else _outcome(opub.verify, osig, msg, getattr(ohashes, h)())[1]
            e2 = InvalidSignature() if psig is None else _outcome(ppub.verify, psig, msg, getattr(phashes, h)())[1]
            want = expect_valid(file, tc["result"], tc["flags"])
            if e1 is not None and not isinstance(e1, InvalidSignature):
                bad += 1
                notes.append(f"tcId {tc['tcId']}: {e1!r}")
            elif (e1 is None) != want or (e1 is None) != (e2 is None):
                bad += 1
                notes.append(f"tcId {tc['tcId']} ({tc['result']} {tc['flags']}): ours={e1 is None} pyca={e2 is None}")
            accepted += e1 is None
    assert total == data["numberOfTests"]
    print(f"{file}: {total - bad}/{total} as pyca and the policy ({accepted} accepted)")
    assert total > 0 and not bad, "\n".join(notes[:20])
