"""Test-only reader that decrypts every SQLCipher 4 page of a vault file and its WAL with the key.

The vault is keyed with a raw 256-bit key (``PRAGMA key = "x'…'"``), so SQLCipher uses it as the
AES key directly (no KDF). SQLCipher 4 defaults: 4096-byte pages, each ending in 80 reserved
bytes (a 16-byte IV, then a 64-byte HMAC-SHA512). A page's first ``4096 - 80`` bytes are
AES-256-CBC ciphertext under that IV, except page 1, whose first 16 bytes are the file's salt
and stay in the clear. The WAL is a 32-byte header, then frames of a 24-byte frame header (page
number first, big-endian) and one page encrypted the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE_SIZE = 4096
RESERVE = 80
IV_SIZE = 16
SALT_SIZE = 16
WAL_HEADER = 32
FRAME_HEADER = 24


def decrypt_page(key: bytes, page: bytes, number: int) -> bytes:
    """The plain page ``number`` (1-based); page 1's salt comes back as its 16 zero bytes."""
    if len(page) != PAGE_SIZE:
        raise ValueError(f"a page is {PAGE_SIZE} bytes, not {len(page)}")
    start = SALT_SIZE if number == 1 else 0
    end = PAGE_SIZE - RESERVE
    iv = page[end : end + IV_SIZE]
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    plain = decryptor.update(page[start:end]) + decryptor.finalize()
    return bytes(start) + plain + bytes(RESERVE)


def check_first_page(key: bytes, db: Path) -> None:
    """Raise unless page 1 decrypts to a SQLite header saying 4096-byte pages, 80 reserved."""
    with open(db, "rb") as stream:
        plain = decrypt_page(key, stream.read(PAGE_SIZE), 1)
    size = int.from_bytes(plain[16:18], "big")
    if size != PAGE_SIZE or plain[20] != RESERVE:
        raise ValueError(f"page 1 does not decrypt to a SQLCipher 4 header ({size}, {plain[20]})")


def db_pages(key: bytes, db: Path) -> Iterator[tuple[int, bytes]]:
    """Every page of the database file, decrypted, with its number."""
    data = db.read_bytes()
    for index in range(len(data) // PAGE_SIZE):
        number = index + 1
        yield number, decrypt_page(key, data[index * PAGE_SIZE : number * PAGE_SIZE], number)


def wal_pages(key: bytes, wal: Path) -> Iterator[tuple[int, bytes]]:
    """Every frame's page in the WAL file (stale frames too), decrypted, with its page number."""
    if not wal.exists():
        return
    data = wal.read_bytes()
    frame = FRAME_HEADER + PAGE_SIZE
    offset = WAL_HEADER
    while offset + frame <= len(data):
        number = int.from_bytes(data[offset : offset + 4], "big")
        page = data[offset + FRAME_HEADER : offset + frame]
        if number > 0:
            yield number, decrypt_page(key, page, number)
        offset += frame


def pages_holding(key: bytes, db: Path, marker: bytes) -> list[str]:
    """Where ``marker`` appears in a decrypted page: ``"db page N"`` / ``"wal frame page N"``."""
    check_first_page(key, db)
    found = [f"db page {n}" for n, page in db_pages(key, db) if marker in page]
    wal = Path(f"{db}-wal")
    found += [f"wal frame page {n}" for n, page in wal_pages(key, wal) if marker in page]
    return found
