"""``cryptography.x509.general_name``: the GeneralName interface (a real ABC)
and its kinds, which are placeholders until cryptogo has X.509
(``UnsupportedAlgorithm``, ``_Reasons.UNSUPPORTED_X509``, on
instantiation)."""

from __future__ import annotations

import abc
import typing

from cryptogo import _unsupported
from cryptogo.exceptions import _Reasons
from cryptogo.hazmat._oid import ObjectIdentifier
from cryptogo.x509.name import Name

__all__ = [
    "DNSName",
    "DirectoryName",
    "GeneralName",
    "IPAddress",
    "Name",
    "ObjectIdentifier",
    "OtherName",
    "RFC822Name",
    "RegisteredID",
    "UniformResourceIdentifier",
    "UnsupportedGeneralNameType",
]

_X509 = _Reasons.UNSUPPORTED_X509


class UnsupportedGeneralNameType(Exception):
    pass


class GeneralName(metaclass=abc.ABCMeta):
    @property
    @abc.abstractmethod
    def value(self) -> typing.Any:
        """The name's value (a str, Name, address or OID by kind)."""


# DNSName and IPAddress are named in a typing union (x509.verification.Subject),
# so they are class statements rather than _unsupported.cls(...) values.
class DNSName(_unsupported.Placeholder, GeneralName):
    _cryptogo_placeholder = f"{__name__}.DNSName"
    _cryptogo_reason = _X509


class IPAddress(_unsupported.Placeholder, GeneralName):
    _cryptogo_placeholder = f"{__name__}.IPAddress"
    _cryptogo_reason = _X509


RFC822Name = _unsupported.cls(__name__, "RFC822Name", _X509, (GeneralName,))
UniformResourceIdentifier = _unsupported.cls(__name__, "UniformResourceIdentifier", _X509, (GeneralName,))
DirectoryName = _unsupported.cls(__name__, "DirectoryName", _X509, (GeneralName,))
RegisteredID = _unsupported.cls(__name__, "RegisteredID", _X509, (GeneralName,))
OtherName = _unsupported.cls(__name__, "OtherName", _X509, (GeneralName,))
