"""Use cases: one user action is one transaction; records in, records and Changes out."""
