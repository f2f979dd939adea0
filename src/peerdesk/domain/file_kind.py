"""What kind of file an import was given, judged by its first bytes, never by its extension."""

from __future__ import annotations

import io
import zipfile

from peerdesk.domain.import_table import ImportRefused

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SAVE_AS = "Open it in Excel (or LibreOffice) and use Save As to save it as .xlsx or CSV."


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _ole2_refusal(data: bytes) -> ImportRefused:
    # An .xls and a password-protected .xlsx are both OLE2 compound files; their directory
    # entries (UTF-16 names) tell them apart: EncryptedPackage holds the encrypted workbook.
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        return ImportRefused(
            "This workbook is protected with a password, so PeerDesk cannot read it. Open it "
            "in Excel, remove the password (File > Info > Protect Workbook), save it, and "
            "import it again."
        )
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return ImportRefused(f"This is an old Excel .xls workbook. {SAVE_AS}")
    return ImportRefused(
        f"This is an Office file but not a spreadsheet PeerDesk can read (perhaps a Word "
        f"document). {SAVE_AS}"
    )


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = (
                archive.read("mimetype")[:100].decode("ascii", "replace")
                if "mimetype" in names
                else ""
            )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise ImportRefused(
            f"This file looks like an .xlsx workbook but is damaged ({error}). {SAVE_AS}"
        ) from error
    if "xl/workbook.xml" in names or any(n.startswith("xl/workbook") for n in names):
        return "xlsx"
    if "opendocument.spreadsheet" in mimetype:
        return _refuse(f"This is an OpenDocument (.ods) spreadsheet. {SAVE_AS}")
    if "word/document.xml" in names:
        return _refuse("This is a Word document, not a spreadsheet.")
    return _refuse(f"This is a ZIP archive, not a spreadsheet. {SAVE_AS}")


def _refuse(message: str) -> str:
    raise ImportRefused(message)


def file_kind(data: bytes) -> str:
    """``"xlsx"`` or ``"csv"`` for ``data``; ImportRefused with a plain message otherwise."""
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(OLE2_MAGIC):
        raise _ole2_refusal(data)
    if data.startswith(b"%PDF"):
        raise ImportRefused(
            "This is a PDF, not a spreadsheet. Import the spreadsheet it was printed from, "
            "saved as .xlsx or CSV."
        )
    if data.startswith((b"{\\rtf", b"\x7fELF", b"MZ", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        raise ImportRefused(f"This is not a spreadsheet. {SAVE_AS}")
    return "csv"
