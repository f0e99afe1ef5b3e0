"""Mirrors the package of the same path in pyca/cryptography."""
