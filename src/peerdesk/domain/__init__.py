"""Plain-Python records, rules and errors: no Qt, no SQLAlchemy."""
