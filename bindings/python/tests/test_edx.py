"""Ed25519, X25519, Ed448 and X448 (issue 13, first part) against real pyca,
both ways: keys, signatures and encodings we produce are what pyca produces
for the same key (Ed25519/Ed448 signatures are deterministic) and pyca
consumes them; pyca's keys load here. pyca's exceptions and messages for
wrong lengths, wrong types and refused serialization combinations; the
all-zero X25519/X448 shared secret; Wycheproof (marker ``vectors``)."""

from __future__ import annotations

import copy
import importlib
import types

import pytest
from conftest import expect_valid, load_vectors, require_exports

import cryptogo
from cryptogo import _native

pyca = pytest.importorskip("cryptography")
from cryptography.hazmat.primitives import serialization as pser  # noqa: E402

from cryptogo.exceptions import InvalidSignature, UnsupportedAlgorithm  # noqa: E402
from cryptogo.hazmat.primitives import serialization as oser  # noqa: E402

EXPORTS = (
    "cryptogo_private_key_generate",
    "cryptogo_private_key_from_raw",
    "cryptogo_public_key_from_raw",
    "cryptogo_eddsa_sign",
    "cryptogo_eddsa_verify",
    "cryptogo_xdh_exchange",
)


@pytest.fixture(autouse=True)
def _needs_library() -> None:
    require_exports(*EXPORTS)


class Fam(types.SimpleNamespace):
    pass


def _fam(mod: str, label: str, signs: bool) -> Fam:
    return Fam(
        mod=mod,
        label=label,
        signs=signs,
        ours=importlib.import_module(f"cryptogo.hazmat.primitives.asymmetric.{mod}"),
        theirs=importlib.import_module(f"cryptography.hazmat.primitives.asymmetric.{mod}"),
        priv=f"{label}PrivateKey",
        pub=f"{label}PublicKey",
    )


FAMILIES = [
    _fam("ed25519", "Ed25519", True),
    _fam("x25519", "X25519", False),
    _fam("ed448", "Ed448", True),
    _fam("x448", "X448", False),
]
IDS = [f.mod for f in FAMILIES]
fams = pytest.mark.parametrize("f", FAMILIES, ids=IDS)


def ours_cls(f: Fam, which: str) -> type:
    return getattr(f.ours, f.priv if which == "priv" else f.pub)


def pyca_cls(f: Fam, which: str) -> type:
    return getattr(f.theirs, f.priv if which == "priv" else f.pub)


def _sizes(f: Fam) -> tuple[int, int]:
    return _native.size(f"{f.mod}_secretkeybytes"), _native.size(f"{f.mod}_publickeybytes")


def _outcome(fn, *args):
    try:
        return fn(*args), None
    except Exception as e:
        return None, e


MSGS = [b"", b"abc", bytes(range(256)) * 5]


# ---------------------------------------------------------------------------
# Both ways, byte for byte.


@fams
def test_sizes_match_pyca(f: Fam) -> None:
    k = pyca_cls(f, "priv").generate()
    sk, pk = _sizes(f)
    assert len(k.private_bytes_raw()) == sk
    assert len(k.public_key().public_bytes_raw()) == pk
    if f.signs:
        assert len(k.sign(b"x")) == _native.size(f"{f.mod}_signaturebytes")


@fams
def test_we_produce_pyca_consumes(f: Fam) -> None:
    ours = ours_cls(f, "priv").generate()
    assert isinstance(ours, ours_cls(f, "priv"))
    raw = ours.private_bytes_raw()
    theirs = pyca_cls(f, "priv").from_private_bytes(raw)
    pub = ours.public_key()
    assert isinstance(pub, ours_cls(f, "pub"))
    assert pub.public_bytes_raw() == theirs.public_key().public_bytes_raw()
    E, PF, PubF = oser.Encoding, oser.PrivateFormat, oser.PublicFormat
    tE, tPF, tPubF = pser.Encoding, pser.PrivateFormat, pser.PublicFormat
    for enc in ("PEM", "DER"):
        mine = ours.private_bytes(getattr(E, enc), PF.PKCS8, oser.NoEncryption())
        assert mine == theirs.private_bytes(getattr(tE, enc), tPF.PKCS8, pser.NoEncryption())
        loader = pser.load_pem_private_key if enc == "PEM" else pser.load_der_private_key
        assert loader(mine, None).private_bytes_raw() == raw
        mine_pub = pub.public_bytes(getattr(E, enc), PubF.SubjectPublicKeyInfo)
        assert mine_pub == theirs.public_key().public_bytes(getattr(tE, enc), tPubF.SubjectPublicKeyInfo)
        # Encrypted PKCS#8 (random salt/IV: pyca decrypts ours).
        enc_bytes = ours.private_bytes(getattr(E, enc), PF.PKCS8, oser.BestAvailableEncryption(b"pw"))
        assert loader(enc_bytes, b"pw").private_bytes_raw() == raw
    assert ours.private_bytes(E.Raw, PF.Raw, oser.NoEncryption()) == raw
    assert pub.public_bytes(E.Raw, PubF.Raw) == pub.public_bytes_raw()
    if f.mod == "ed25519":
        line = pub.public_bytes(E.OpenSSH, PubF.OpenSSH)
        assert line.startswith(b"ssh-ed25519 AAAA")
        assert line == theirs.public_key().public_bytes(tE.OpenSSH, tPubF.OpenSSH)
        assert pser.load_ssh_public_key(line).public_bytes_raw() == pub.public_bytes_raw()
    if f.signs:
        for m in MSGS:
            sig = ours.sign(m)
            assert sig == theirs.sign(m), "EdDSA is deterministic: same key, same message, same bytes"
            theirs.public_key().verify(sig, m)
            pub.verify(sig, m)
            pub.verify(bytearray(sig), memoryview(m))
    else:
        peer = pyca_cls(f, "priv").generate()
        mine = ours.exchange(ours_cls(f, "pub").from_public_bytes(peer.public_key().public_bytes_raw()))
        assert mine == peer.exchange(theirs.public_key())
        assert len(mine) == _sizes(f)[1]


@fams
def test_pyca_produces_we_consume(f: Fam) -> None:
    theirs = pyca_cls(f, "priv").generate()
    raw = theirs.private_bytes_raw()
    tE, tPF, tPubF = pser.Encoding, pser.PrivateFormat, pser.PublicFormat
    for enc, lp, lpub in (
        ("PEM", oser.load_pem_private_key, oser.load_pem_public_key),
        ("DER", oser.load_der_private_key, oser.load_der_public_key),
    ):
        k = lp(theirs.private_bytes(getattr(tE, enc), tPF.PKCS8, pser.NoEncryption()), None)
        assert isinstance(k, ours_cls(f, "priv"))
        assert k.private_bytes_raw() == raw
        k2 = lp(theirs.private_bytes(getattr(tE, enc), tPF.PKCS8, pser.BestAvailableEncryption(b"secret")), b"secret")
        assert k2.private_bytes_raw() == raw
        p = lpub(theirs.public_key().public_bytes(getattr(tE, enc), tPubF.SubjectPublicKeyInfo))
        assert isinstance(p, ours_cls(f, "pub"))
        assert p == k.public_key()
        assert p.public_bytes_raw() == theirs.public_key().public_bytes_raw()
    ours = ours_cls(f, "priv").from_private_bytes(raw)
    assert ours_cls(f, "priv").from_private_bytes(bytearray(raw)).private_bytes_raw() == raw
    assert ours_cls(f, "priv").from_private_bytes(memoryview(raw)).private_bytes_raw() == raw
    if f.signs:
        pub = ours_cls(f, "pub").from_public_bytes(theirs.public_key().public_bytes_raw())
        for m in MSGS:
            pub.verify(theirs.sign(m), m)
            with pytest.raises(InvalidSignature):
                pub.verify(theirs.sign(m), m + b"!")
    else:
        peer = pyca_cls(f, "priv").generate()
        shared = peer.exchange(theirs.public_key())
        assert ours.exchange(ours_cls(f, "pub").from_public_bytes(peer.public_key().public_bytes_raw())) == shared
    # (load_ssh_public_key is still a placeholder: OpenSSH lines are written, not read.)


# ---------------------------------------------------------------------------
# Errors, as pyca's.


def _same_error(ours_fn, theirs_fn) -> None:
    r1, e1 = _outcome(ours_fn)
    r2, e2 = _outcome(theirs_fn)
    assert e2 is not None, "pyca accepted"
    assert e1 is not None, f"we accepted, pyca raised {e2!r}"
    assert type(e1).__name__ == type(e2).__name__, (e1, e2)
    assert str(e1) == str(e2)


@fams
def test_wrong_lengths(f: Fam) -> None:
    sk, pk = _sizes(f)
    for n in (0, sk - 1, sk + 1):
        with pytest.raises(ValueError) as info:
            ours_cls(f, "priv").from_private_bytes(b"\x01" * n)
        # pyca's X25519/X448 messages add OpenSSL's error queue after a colon.
        assert str(info.value) == f"An {f.label} private key is {sk} bytes long"
        with pytest.raises(ValueError, match=f"^An {f.label} private key is {sk} bytes long"):
            pyca_cls(f, "priv").from_private_bytes(b"\x01" * n)
    for n in (0, pk - 1, pk + 1):
        with pytest.raises(ValueError) as info:
            ours_cls(f, "pub").from_public_bytes(b"\x01" * n)
        assert str(info.value) == f"An {f.label} public key is {pk} bytes long"
        if f.mod != "x448":  # pyca 50 says "An X448 public key is 32 bytes long": we state the real size
            _same_error(
                lambda n=n: ours_cls(f, "pub").from_public_bytes(b"\x01" * n),
                lambda n=n: pyca_cls(f, "pub").from_public_bytes(b"\x01" * n),
            )


@fams
def test_wrong_types(f: Fam) -> None:
    sk, pk = _sizes(f)
    for bad in ("a" * sk, sk, None):
        _same_error(
            lambda bad=bad: ours_cls(f, "priv").from_private_bytes(bad),
            lambda bad=bad: pyca_cls(f, "priv").from_private_bytes(bad),
        )
    for bad in ("a" * pk, bytearray(pk), memoryview(bytes(pk)), None, pk):
        _same_error(
            lambda bad=bad: ours_cls(f, "pub").from_public_bytes(bad),
            lambda bad=bad: pyca_cls(f, "pub").from_public_bytes(bad),
        )
    ok, tk = ours_cls(f, "priv").generate(), pyca_cls(f, "priv").generate()
    if f.signs:
        for bad in ("abc", None, 5):
            _same_error(lambda bad=bad: ok.sign(bad), lambda bad=bad: tk.sign(bad))
        sig = ok.sign(b"m")
        _same_error(lambda: ok.public_key().verify("x", b"m"), lambda: tk.public_key().verify("x", b"m"))
        _same_error(lambda: ok.public_key().verify(sig, "m"), lambda: tk.public_key().verify(sig, "m"))
    else:
        from cryptography.hazmat.primitives.asymmetric import ed25519 as t_ed
        from cryptography.hazmat.primitives.asymmetric import x448 as t_x448

        from cryptogo.hazmat.primitives.asymmetric import ed25519 as o_ed
        from cryptogo.hazmat.primitives.asymmetric import x448 as o_x448

        other_o = o_ed.Ed25519PrivateKey.generate().public_key()
        other_t = t_ed.Ed25519PrivateKey.generate().public_key()
        _same_error(lambda: ok.exchange(other_o), lambda: tk.exchange(other_t))
        _same_error(lambda: ok.exchange(None), lambda: tk.exchange(None))
        _same_error(lambda: ok.exchange(ok), lambda: tk.exchange(tk))
        if f.mod == "x25519":
            # An X448 key to an X25519 exchange.
            xo = o_x448.X448PrivateKey.generate().public_key()
            xt = t_x448.X448PrivateKey.generate().public_key()
            _same_error(lambda: ok.exchange(xo), lambda: tk.exchange(xt))


@fams
def test_all_zero_shared_secret(f: Fam) -> None:
    if f.signs:
        pytest.skip("key exchange only")
    _, pk = _sizes(f)
    k = ours_cls(f, "priv").generate()
    for low_order in (bytes(pk), b"\x01" + bytes(pk - 1)):
        with pytest.raises(ValueError, match=r"^Error computing shared key\.$"):
            k.exchange(ours_cls(f, "pub").from_public_bytes(low_order))
        with pytest.raises(ValueError, match=r"^Error computing shared key\.$"):
            pyca_cls(f, "priv").generate().exchange(pyca_cls(f, "pub").from_public_bytes(low_order))


@fams
def test_bad_signatures(f: Fam) -> None:
    if not f.signs:
        pytest.skip("signatures only")
    k = ours_cls(f, "priv").generate()
    pub = k.public_key()
    sig = k.sign(b"msg")
    for bad in (sig[:-1], sig + b"\x00", b"", bytes(len(sig)), bytes([sig[0] ^ 1]) + sig[1:]):
        with pytest.raises(InvalidSignature):
            pub.verify(bad, b"msg")
    with pytest.raises(InvalidSignature):
        ours_cls(f, "priv").generate().public_key().verify(sig, b"msg")


ENCODINGS = ["PEM", "DER", "Raw", "OpenSSH", "X962", "SMIME"]
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


@fams
def test_serialization_matrix(f: Fam) -> None:
    """Every Encoding x format (x encryption) pyca refuses, we refuse with
    its exception and message; what it accepts deterministically we produce
    byte for byte. The one difference: OpenSSH private keys (random check
    bytes) are UnsupportedAlgorithm here."""
    ok = ours_cls(f, "priv").generate()
    tk = pyca_cls(f, "priv").from_private_bytes(ok.private_bytes_raw())
    checked = 0
    for e in ENCODINGS:
        for pf in PRIVATE_FORMATS:
            for oe, te in zip(_encryptions(oser), _encryptions(pser), strict=True):
                args_o = (getattr(oser.Encoding, e), getattr(oser.PrivateFormat, pf), oe)
                args_t = (getattr(pser.Encoding, e), getattr(pser.PrivateFormat, pf), te)
                r1, e1 = _outcome(ok.private_bytes, *args_o)
                r2, e2 = _outcome(tk.private_bytes, *args_t)
                where = (e, pf, type(oe).__name__)
                if isinstance(e2, pyca.exceptions.UnsupportedAlgorithm) and pf == "OpenSSH":
                    assert isinstance(e1, UnsupportedAlgorithm), where  # pyca: "Need bcrypt module"
                elif e2 is not None:
                    assert e1 is not None, where
                    assert (type(e1).__name__, str(e1)) == (type(e2).__name__, str(e2)), where
                elif pf == "OpenSSH":
                    assert isinstance(e1, UnsupportedAlgorithm), where
                elif isinstance(oe, oser.NoEncryption):
                    assert r1 == r2, where
                else:
                    assert e1 is None, (where, e1)
                checked += 1
        for puf in PUBLIC_FORMATS:
            r1, e1 = _outcome(ok.public_key().public_bytes, getattr(oser.Encoding, e), getattr(oser.PublicFormat, puf))
            r2, e2 = _outcome(tk.public_key().public_bytes, getattr(pser.Encoding, e), getattr(pser.PublicFormat, puf))
            if e2 is not None:
                assert e1 is not None, (e, puf)
                assert (type(e1).__name__, str(e1)) == (type(e2).__name__, str(e2)), (e, puf)
            else:
                assert r1 == r2, (e, puf)
            checked += 1
    for bad in ("x", None):
        _same_error(
            lambda bad=bad: ok.private_bytes(bad, oser.PrivateFormat.PKCS8, oser.NoEncryption()),
            lambda bad=bad: tk.private_bytes(bad, pser.PrivateFormat.PKCS8, pser.NoEncryption()),
        )
        _same_error(
            lambda bad=bad: ok.private_bytes(oser.Encoding.PEM, bad, oser.NoEncryption()),
            lambda bad=bad: tk.private_bytes(pser.Encoding.PEM, bad, pser.NoEncryption()),
        )
        _same_error(
            lambda bad=bad: ok.private_bytes(oser.Encoding.PEM, oser.PrivateFormat.PKCS8, bad),
            lambda bad=bad: tk.private_bytes(pser.Encoding.PEM, pser.PrivateFormat.PKCS8, bad),
        )
        _same_error(
            lambda bad=bad: ok.public_key().public_bytes(bad, oser.PublicFormat.Raw),
            lambda bad=bad: tk.public_key().public_bytes(bad, pser.PublicFormat.Raw),
        )
        _same_error(
            lambda bad=bad: ok.public_key().public_bytes(oser.Encoding.Raw, bad),
            lambda bad=bad: tk.public_key().public_bytes(pser.Encoding.Raw, bad),
        )
    assert checked == len(ENCODINGS) * (len(PRIVATE_FORMATS) * 5 + len(PUBLIC_FORMATS))


# ---------------------------------------------------------------------------
# Object behaviour, as pyca's.


@fams
def test_equality_copy_hash(f: Fam) -> None:
    k = ours_cls(f, "priv").generate()
    p = k.public_key()
    same = ours_cls(f, "pub").from_public_bytes(p.public_bytes_raw())
    assert p == same and not (p != same)
    assert p != ours_cls(f, "priv").generate().public_key()
    assert p != 1 and p != b"" and p != None  # noqa: E711
    others = [g for g in FAMILIES if g is not f]
    for g in others:
        assert p != ours_cls(g, "priv").generate().public_key()
    with pytest.raises(TypeError):
        hash(p)
    assert isinstance(hash(k), int)
    assert copy.copy(k) is k and copy.deepcopy(k) is k
    assert copy.copy(p) is p and copy.deepcopy(p) is p
    assert k == k
    assert isinstance(k, getattr(f.ours, f.priv)) and isinstance(p, getattr(f.ours, f.pub))
    assert type(k).__name__ == f.priv and type(p).__name__ == f.pub
    assert not hasattr(k, "sign") or f.signs
    assert not hasattr(k, "exchange") or not f.signs


@fams
def test_closed_key_raises_value_error(f: Fam) -> None:
    k = ours_cls(f, "priv").generate()
    p = k.public_key()
    k.close()
    with pytest.raises(ValueError):
        k.private_bytes_raw()
    p.close()
    with pytest.raises(ValueError):
        p.public_bytes_raw()


def test_is_public_api() -> None:
    """The names code written for pyca uses, from the top-level swap."""
    from cryptogo.hazmat.primitives.asymmetric import ed25519, x25519

    assert cryptogo.__name__ == "cryptogo"
    k = ed25519.Ed25519PrivateKey.generate()
    k.public_key().verify(k.sign(b"hi"), b"hi")
    a, b = x25519.X25519PrivateKey.generate(), x25519.X25519PrivateKey.generate()
    assert a.exchange(b.public_key()) == b.exchange(a.public_key())


# ---------------------------------------------------------------------------
# Wycheproof.


def _agree(file: str, tc: dict, accepted: bool, pyca_accepted: bool) -> tuple[bool, str]:
    """A case's outcome is right when it matches the policy (valid/invalid,
    or the policy's decision for an acceptable case) and, for an acceptable
    case the policy does not decide, pyca's outcome (which the policy
    follows)."""
    try:
        want = expect_valid(file, tc["result"], tc["flags"])
    except AssertionError:
        want = pyca_accepted
    return accepted == want, f"accepted={accepted} want={want} pyca={pyca_accepted}"


@pytest.mark.vectors
@pytest.mark.parametrize("f", [g for g in FAMILIES if g.signs], ids=[g.mod for g in FAMILIES if g.signs])
def test_wycheproof_eddsa(f: Fam) -> None:
    file = f"{f.mod}_test.json"
    data = load_vectors(file)
    total = bad = 0
    notes = []
    for g in data["testGroups"]:
        pk = bytes.fromhex(g["publicKey"]["pk"])
        pub = ours_cls(f, "pub").from_public_bytes(pk)
        der = bytes.fromhex(g["publicKeyDer"])
        assert oser.load_der_public_key(der) == pub
        assert oser.load_pem_public_key(g["publicKeyPem"].encode()) == pub
        for tc in g["tests"]:
            total += 1
            _, err = _outcome(pub.verify, bytes.fromhex(tc["sig"]), bytes.fromhex(tc["msg"]))
            if err is not None and not isinstance(err, InvalidSignature):
                bad += 1
                notes.append(f"tcId {tc['tcId']}: {err!r}")
                continue
            if (err is None) != expect_valid(file, tc["result"], tc["flags"]):
                bad += 1
                notes.append(f"tcId {tc['tcId']} ({tc['result']}, {tc['flags']}): accepted={err is None}")
    print(f"{file}: {total - bad}/{total} as expected")
    assert total > 0 and not bad, "\n".join(notes[:20])


@pytest.mark.vectors
@pytest.mark.parametrize("kind", ["", "_asn", "_pem"])
@pytest.mark.parametrize("f", [g for g in FAMILIES if not g.signs], ids=[g.mod for g in FAMILIES if not g.signs])
def test_wycheproof_xdh(f: Fam, kind: str) -> None:
    file = f"{f.mod}{kind}_test.json"
    data = load_vectors(file)

    def run(api: str, tc: dict) -> bytes:
        ser = oser if api == "ours" else pser
        mod = f.ours if api == "ours" else f.theirs
        if kind == "":
            priv = getattr(mod, f.priv).from_private_bytes(bytes.fromhex(tc["private"]))
            pub = getattr(mod, f.pub).from_public_bytes(bytes.fromhex(tc["public"]))
        elif kind == "_asn":
            priv = ser.load_der_private_key(bytes.fromhex(tc["private"]), None)
            pub = ser.load_der_public_key(bytes.fromhex(tc["public"]))
        else:
            priv = ser.load_pem_private_key(tc["private"].encode(), None)
            pub = ser.load_pem_public_key(tc["public"].encode())
        out: bytes = priv.exchange(pub)
        return out

    total = 0
    bad: list[str] = []
    for g in data["testGroups"]:
        for tc in g["tests"]:
            total += 1
            shared, err = _outcome(run, "ours", tc)
            pshared, perr = _outcome(run, "pyca", tc)
            if err is not None and not isinstance(err, (ValueError, TypeError, UnsupportedAlgorithm)):
                bad.append(f"tcId {tc['tcId']}: {err!r}")
                continue
            accepted = err is None and shared == bytes.fromhex(tc["shared"])
            if err is None and not accepted:
                bad.append(f"tcId {tc['tcId']}: wrong shared secret")
                continue
            good, detail = _agree(file, tc, accepted, perr is None and pshared == bytes.fromhex(tc["shared"]))
            if not good:
                bad.append(f"tcId {tc['tcId']} ({tc['result']}, {tc['flags']}): {detail} ({err!r})")
    print(f"{file}: {total - len(bad)}/{total} as expected")
    assert total > 0 and not bad, f"{len(bad)} unexpected:\n" + "\n".join(bad[:20])
