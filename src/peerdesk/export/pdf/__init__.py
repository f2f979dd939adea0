"""Printable documents: A4 PDFs in the shipped fonts, people's text printed exactly as typed."""
