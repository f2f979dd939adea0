"""Writers: domain records in, bytes or text out (PDFs, CSV, JSON). No Qt, no SQLAlchemy."""
