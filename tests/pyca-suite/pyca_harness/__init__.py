"""The pyca-suite harness: pyca's own test suite run against cryptogo.

- :mod:`.hook`: the meta path finder that makes ``cryptography.*`` be ``cryptogo.*``;
- :mod:`.openssl`: the stand-in backend whose capability checks try the operation;
- :mod:`._rust`: the OpenSSL-flavour flags pyca's test modules read;
- :mod:`.plugin`: the pytest plugin that records each test's outcome, placeholder
  touches and skips, in both runs (control on real pyca, and cryptogo);
- :mod:`.results`: classification, the expected list, the JSON/Markdown report.

``tests/pyca-suite/run.py`` drives it; ``make pyca-suite`` and
``make test-pyca-claimed`` call that.
"""
