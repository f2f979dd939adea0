"""Vault files: key header with key slots, recovery key, file checks."""
