"""Read an application file into a frame of raw strings, one column per accepted field.

Encodings are detected, not asked for: a UTF-8 BOM, else strict UTF-8, else GB18030 (a superset
of GBK, which Excel on a Chinese Windows writes). Every value stays a string here so validation
can report exactly what the file said.
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.services.intake.columns import ALIASES, COLUMNS, header_key

XLSX_MAGIC = b"PK\x03\x04"


@dataclass
class RawTable:
    frame: pd.DataFrame  # canonical column names, str values, "" for empty
    sha256: str
    file_format: str  # csv-utf-8, csv-gb18030, xlsx
    unknown_columns: list[str]
    headers: dict[str, str]  # canonical name -> the header as the file wrote it


def detect_encoding(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            data.decode("gb18030")
            return "gb18030"
        except UnicodeDecodeError:
            raise InvalidInput(
                translate("Import", "The file is neither UTF-8 nor GBK/GB18030 text "
                          "(undecodable byte at offset {offset}).").format(offset=utf8_error.start)
            ) from None


def _read_csv(data: bytes) -> tuple[pd.DataFrame, str]:
    encoding = detect_encoding(data)
    if b"\x00" in data:
        raise InvalidInput(translate("Import", "The file contains NUL bytes; it is not a CSV text "
                                     "file."))
    try:
        try:  # the multithreaded Arrow parser first; the C parser names the bad line
            frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False,
                                na_values=[], encoding=encoding, engine="pyarrow")
        except Exception:
            frame = pd.read_csv(
                io.BytesIO(data), dtype=str, keep_default_na=False, na_filter=False,
                encoding=encoding, skip_blank_lines=True, quoting=csv.QUOTE_MINIMAL,
            )
    except pd.errors.EmptyDataError:
        raise InvalidInput(translate("Import", "The file is empty.")) from None
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
        raise InvalidInput(
            translate("Import", "The file is not a well-formed CSV table: {error}").format(
                error=str(exc).strip().splitlines()[-1][:300]
            )
        ) from None
    return frame, "csv-" + encoding.replace("-sig", "")


def _read_xlsx(path: Path) -> pd.DataFrame:
    try:
        frame = pd.read_excel(path, engine="calamine", dtype=str, na_filter=False)
    except Exception as exc:  # calamine raises its own error types for broken workbooks
        raise InvalidInput(
            translate("Import", "The Excel workbook cannot be read: {error}").format(
                error=str(exc)[:300]
            )
        ) from None
    # Excel keeps whole numbers as floats ("36.0"); keep what a person typed.
    for name in frame.columns:
        frame[name] = frame[name].str.replace(r"^(-?\d+)\.0$", r"\1", regex=True)
    return frame


def canonical_frame(frame: pd.DataFrame, aliases: dict[str, str] | None = None,
                    required: list[str] | None = None,
                    ) -> tuple[pd.DataFrame, list[str], dict[str, str]]:
    """Rename recognised headers to canonical names; refuse duplicate or missing columns.
    ``aliases``/``required`` default to the application columns; other imports pass theirs."""
    aliases = ALIASES if aliases is None else aliases
    required = [c.name for c in COLUMNS if c.required] if required is None else required
    mapping: dict[str, str] = {}
    unknown: list[str] = []
    seen: dict[str, str] = {}
    for header in frame.columns:
        name = aliases.get(header_key(str(header)))
        if name is None:
            unknown.append(str(header))
            continue
        if name in seen:
            raise InvalidInput(
                translate("Import", "Columns \"{a}\" and \"{b}\" both mean {name}; keep one.")
                .format(a=seen[name], b=header, name=name)
            )
        seen[name] = str(header)
        mapping[header] = name
    missing = [c for c in required if c not in seen]
    if missing:
        raise InvalidInput(
            translate("Import", "Required column(s) missing: {columns}. "
                      "See docs/import-format.md for accepted headers.").format(
                columns=", ".join(missing)
            )
        )
    out = frame[list(mapping)].rename(columns=mapping)
    out = out.astype(str).fillna("")
    out.index = pd.RangeIndex(len(out))
    return out, unknown, seen


def max_import_bytes() -> int:
    """Files above this are refused before reading (RISKDESK_MAX_IMPORT_MB, default 2048)."""
    value = os.environ.get("RISKDESK_MAX_IMPORT_MB", "")
    return (int(value) if value.isdigit() else 2048) * 2**20


def read_table(path: Path, aliases: dict[str, str] | None = None,
               required: list[str] | None = None) -> RawTable:
    try:
        size = path.stat().st_size
        if size > max_import_bytes():
            raise InvalidInput(translate(
                "Import", "{file} is {mb:,} MB; files above {limit:,} MB are refused. Split it "
                "into smaller files (each lands whole or not at all).").format(
                file=path.name, mb=size // 2**20, limit=max_import_bytes() // 2**20))
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(
            translate("Import", "Cannot read {file}: {error}").format(file=path, error=exc.strerror)
        ) from None
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InvalidInput(translate("Import", "The file is empty."))
    if data.startswith(XLSX_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        raw, fmt = _read_xlsx(path), "xlsx"
    else:
        raw, fmt = _read_csv(data)
    frame, unknown, headers = canonical_frame(raw, aliases, required)
    return RawTable(frame, digest, fmt, unknown, headers)
