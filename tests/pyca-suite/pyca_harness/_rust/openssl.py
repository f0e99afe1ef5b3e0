"""The OpenSSL-flavour flags of pyca's ``_rust.openssl``, and nothing else.

They say which reference behaviour pyca's tests expect of the library under
test; cryptogo is held to the behaviour of the control run, pyca 50.0.2's wheel
(OpenSSL 4.0.x). The control run records the real flags and the report fails
when they differ from these (``pyca_harness.results.check_flags``).
"""

CRYPTOGRAPHY_IS_AWSLC = False
CRYPTOGRAPHY_IS_BORINGSSL = False
CRYPTOGRAPHY_IS_LIBRESSL = False
CRYPTOGRAPHY_OPENSSL_309_OR_GREATER = True
CRYPTOGRAPHY_OPENSSL_320_OR_GREATER = True
CRYPTOGRAPHY_OPENSSL_330_OR_GREATER = True
CRYPTOGRAPHY_OPENSSL_350_OR_GREATER = True


def flags() -> dict[str, bool]:
    return {k: v for k, v in globals().items() if k.startswith("CRYPTOGRAPHY_")}
