"""Mirrors the package of the same path in pyca/cryptography: legacy
algorithms kept for compatibility."""
