"""``cryptography.hazmat.asn1``: pyca's declarative ASN.1 (re-exported from
:mod:`.asn1`)."""

from __future__ import annotations

from cryptogo.hazmat.asn1.asn1 import (
    TLV,
    BitString,
    Default,
    Explicit,
    GeneralizedTime,
    IA5String,
    Implicit,
    Null,
    PrintableString,
    SetOf,
    Size,
    UTCTime,
    Variant,
    decode_der,
    encode_der,
    sequence,
    set,
    value_set,
)

__all__ = [
    "TLV",
    "BitString",
    "Default",
    "Explicit",
    "GeneralizedTime",
    "IA5String",
    "Implicit",
    "Null",
    "PrintableString",
    "SetOf",
    "Size",
    "UTCTime",
    "Variant",
    "decode_der",
    "encode_der",
    "sequence",
    "set",
    "value_set",
]
