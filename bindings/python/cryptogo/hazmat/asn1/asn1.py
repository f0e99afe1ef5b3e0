"""``cryptography.hazmat.asn1.asn1``: pyca's declarative ASN.1 (class
decorators and field annotations that derive DER codecs). cryptogo has no
ASN.1 codec: every name is a placeholder that raises ``UnsupportedAlgorithm``
(``_Reasons.UNSUPPORTED_SERIALIZATION``) when used, including the
``@sequence`` / ``@set`` decorators at class-definition time.
"""

from __future__ import annotations

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons

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

_SER = _Reasons.UNSUPPORTED_SERIALIZATION

decode_der = _unsupported.function(__name__, "decode_der", _SER)
encode_der = _unsupported.function(__name__, "encode_der", _SER)
sequence = _unsupported.function(__name__, "sequence", _SER)
set = _unsupported.function(__name__, "set", _SER)
value_set = _unsupported.function(__name__, "value_set", _SER)

Variant = _unsupported.cls(__name__, "Variant", _SER)
Default = _unsupported.cls(__name__, "Default", _SER)
SetOf = _unsupported.cls(__name__, "SetOf", _SER)
Explicit = _unsupported.cls(__name__, "Explicit", _SER)
Implicit = _unsupported.cls(__name__, "Implicit", _SER)
Size = _unsupported.cls(__name__, "Size", _SER)
PrintableString = _unsupported.cls(__name__, "PrintableString", _SER)
IA5String = _unsupported.cls(__name__, "IA5String", _SER)
UTCTime = _unsupported.cls(__name__, "UTCTime", _SER)
GeneralizedTime = _unsupported.cls(__name__, "GeneralizedTime", _SER)
BitString = _unsupported.cls(__name__, "BitString", _SER)
TLV = _unsupported.cls(__name__, "TLV", _SER)
Null = _unsupported.cls(__name__, "Null", _SER)
