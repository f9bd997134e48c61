"""What an evidence file is, read from its content (its signature, or "magic bytes"), never from
its name: PDF, PNG, JPEG, Excel and Word (xlsx/docx, and the legacy xls/doc found by the names
of the streams inside their compound file). Programs (Windows PE, ELF, Mach-O, Java classes,
scripts with a shebang), archives (zip that is not an Office document, rar, 7z, gzip, bzip2,
xz, zstd, tar, cab), Office files with macros and anything else are refused, each with a
message saying what the file is. Nothing here decompresses or runs what it reads: a zip's
central directory and a compound file's directory are read as lists of names only.
"""
from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass

from riskdesk.errors import InvalidInput
from riskdesk.i18n import QT_TRANSLATE_NOOP, translate

MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class FileType:
    kind: str  # pdf, png, jpeg, xlsx, docx, xls, doc
    media_type: str


TYPES = {
    "pdf": FileType("pdf", "application/pdf"),
    "png": FileType("png", "image/png"),
    "jpeg": FileType("jpeg", "image/jpeg"),
    "xlsx": FileType("xlsx", "application/vnd.openxmlformats-officedocument."
                             "spreadsheetml.sheet"),
    "docx": FileType("docx", "application/vnd.openxmlformats-officedocument."
                             "wordprocessingml.document"),
    "xls": FileType("xls", "application/vnd.ms-excel"),
    "doc": FileType("doc", "application/msword"),
}
IMAGES = ("png", "jpeg")

# (signature, offset, what it is): refused as a program
PROGRAMS = (
    (b"MZ", 0, QT_TRANSLATE_NOOP("FileTypes", "a Windows program (PE)")),
    (b"\x7fELF", 0, QT_TRANSLATE_NOOP("FileTypes", "a Linux program (ELF)")),
    (b"\xfe\xed\xfa\xce", 0, QT_TRANSLATE_NOOP("FileTypes", "a macOS program (Mach-O)")),
    (b"\xfe\xed\xfa\xcf", 0, QT_TRANSLATE_NOOP("FileTypes", "a macOS program (Mach-O)")),
    (b"\xce\xfa\xed\xfe", 0, QT_TRANSLATE_NOOP("FileTypes", "a macOS program (Mach-O)")),
    (b"\xcf\xfa\xed\xfe", 0, QT_TRANSLATE_NOOP("FileTypes", "a macOS program (Mach-O)")),
    (b"\xca\xfe\xba\xbe", 0,
     QT_TRANSLATE_NOOP("FileTypes", "a macOS universal program or a Java class")),
    (b"#!", 0, QT_TRANSLATE_NOOP("FileTypes", "a script (it starts with #!)")),
)
# refused as an archive
ARCHIVES = (
    (b"Rar!\x1a\x07", 0, QT_TRANSLATE_NOOP("FileTypes", "a RAR archive")),
    (b"7z\xbc\xaf\x27\x1c", 0, QT_TRANSLATE_NOOP("FileTypes", "a 7-Zip archive")),
    (b"\x1f\x8b", 0, QT_TRANSLATE_NOOP("FileTypes", "a gzip archive")),
    (b"BZh", 0, QT_TRANSLATE_NOOP("FileTypes", "a bzip2 archive")),
    (b"\xfd7zXZ\x00", 0, QT_TRANSLATE_NOOP("FileTypes", "an xz archive")),
    (b"\x28\xb5\x2f\xfd", 0, QT_TRANSLATE_NOOP("FileTypes", "a zstd archive")),
    (b"MSCF", 0, QT_TRANSLATE_NOOP("FileTypes", "a cabinet archive")),
    (b"ustar", 257, QT_TRANSLATE_NOOP("FileTypes", "a tar archive")),
)
ZIP = QT_TRANSLATE_NOOP("FileTypes", "a zip archive")
MACROS = QT_TRANSLATE_NOOP("FileTypes", "an Office file with macros")
OTHER_OFFICE = QT_TRANSLATE_NOOP("FileTypes", "an Office document of another kind")
OTHER_COMPOUND = QT_TRANSLATE_NOOP(
    "FileTypes", "a compound file that is neither Word nor Excel (an installer, a mail, ...)")


def _what(key: str) -> str:
    return translate("FileTypes", key)


def _refuse(name: str, what: str, *, kind: str) -> InvalidInput:
    if kind == "program":
        text = translate("FileTypes", "{name} is {what}: programs and scripts cannot be "
                         "attached, whatever their name.")
    elif kind == "archive":
        text = translate("FileTypes", "{name} is {what}: archives cannot be attached; attach "
                         "the documents inside it one by one.")
    else:
        text = translate("FileTypes", "{name} is {what}: it cannot be attached.")
    return InvalidInput(text.format(name=name, what=_what(what)))


def detect(data: bytes, name: str = "") -> FileType:
    """The file's type from its content, or :class:`InvalidInput` saying why it is refused
    (empty, over 20 MB, a program, an archive, macros, or not a kind accepted)."""
    name = name or translate("FileTypes", "The file")
    if not data:
        raise InvalidInput(translate("FileTypes", "{name} is empty.").format(name=name))
    if len(data) > MAX_BYTES:
        raise InvalidInput(translate(
            "FileTypes", "{name} is {size:.1f} MB; evidence files may be at most 20 MB.")
            .format(name=name, size=len(data) / 1024 / 1024))
    for sig, at, what in PROGRAMS:
        if data[at:at + len(sig)] == sig:
            raise _refuse(name, what, kind="program")
    for sig, at, what in ARCHIVES:
        if data[at:at + len(sig)] == sig:
            raise _refuse(name, what, kind="archive")
    if data.startswith(b"%PDF-"):
        return TYPES["pdf"]
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return TYPES["png"]
    if data.startswith(b"\xff\xd8\xff"):
        return TYPES["jpeg"]
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _ooxml(data, name)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _compound(data, name)
    raise InvalidInput(translate(
        "FileTypes", "{name} is not a PDF, PNG or JPEG image, or an Excel or Word file (by its "
        "content, whatever its name): it cannot be attached.").format(name=name))


def _ooxml(data: bytes, name: str) -> FileType:
    """A zip is accepted only as a Word or Excel document without macros: the names in its
    central directory say which (nothing is decompressed)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = {n.lower() for n in z.namelist()}
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _refuse(name, ZIP, kind="archive") from None
    if "[content_types].xml" not in names:
        raise _refuse(name, ZIP, kind="archive")
    if any(n.endswith("vbaproject.bin") for n in names):
        raise _refuse(name, MACROS, kind="other")
    if "word/document.xml" in names:
        return TYPES["docx"]
    if "xl/workbook.xml" in names:
        return TYPES["xlsx"]
    raise _refuse(name, OTHER_OFFICE, kind="other")


def _compound(data: bytes, name: str) -> FileType:
    """A legacy Office file is a compound file (OLE2): Word's has a ``WordDocument`` stream,
    Excel's a ``Workbook`` (or ``Book``) stream; installers (MSI), mails (MSG) and others
    are refused, and so is one with a macro project."""
    names = compound_names(data)
    if names is None:
        raise _refuse(name, OTHER_COMPOUND, kind="other")
    if {"macros", "_vba_project_cur", "vba"} & names:
        raise _refuse(name, MACROS, kind="other")
    if "worddocument" in names:
        return TYPES["doc"]
    if {"workbook", "book"} & names:
        return TYPES["xls"]
    raise _refuse(name, OTHER_COMPOUND, kind="other")


_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE


def compound_names(data: bytes, *, limit: int = 4096) -> set[str] | None:
    """The (lower-case) names of the entries in a compound file's directory, or None when
    its structure does not hold. Reads the header, the FAT (through the DIFAT) and the
    directory's sector chain; loops and out-of-range sectors end the walk."""
    try:
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        if shift not in (9, 12):
            return None
        size = 1 << shift
        fat_count, dir_start = struct.unpack_from("<II", data, 0x2C)
        difat_start, difat_count = struct.unpack_from("<II", data, 0x44)
        max_sector = (len(data) - size) // size

        def sector(n: int) -> bytes:
            if n > max_sector:
                raise ValueError("sector out of range")
            return data[size + n * size: size + (n + 1) * size]

        fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s != _FREE]
        seen: set[int] = set()
        nxt = difat_start
        for _ in range(min(difat_count, limit)):
            if nxt in (_FREE, _END) or nxt in seen:
                break
            seen.add(nxt)
            raw = sector(nxt)
            entries = struct.unpack(f"<{size // 4}I", raw)
            fat_sectors += [s for s in entries[:-1] if s != _FREE]
            nxt = entries[-1]
        fat_sectors = fat_sectors[:max(fat_count, 0)]
        fat: list[int] = []
        for s in fat_sectors:
            fat += struct.unpack(f"<{size // 4}I", sector(s))
        names: set[str] = set()
        seen = set()
        n = dir_start
        while n not in (_FREE, _END) and n < len(fat) and n not in seen and len(seen) < limit:
            seen.add(n)
            raw = sector(n)
            for off in range(0, size, 128):
                length = struct.unpack_from("<H", raw, off + 64)[0]
                kind = raw[off + 66]
                if kind in (1, 2, 5) and 2 <= length <= 64:
                    names.add(raw[off:off + length - 2].decode("utf-16-le", "replace").lower())
            n = fat[n]
        return names or None
    except (struct.error, ValueError, IndexError):
        return None
