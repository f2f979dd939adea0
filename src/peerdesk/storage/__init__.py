"""The encrypted vault: SQLCipher engine, models, queries and migrations."""
