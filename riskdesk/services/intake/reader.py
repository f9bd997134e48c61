"""Read an application file into a frame of raw strings, one column per accepted field.

Encodings are detected, not asked for: a UTF-8 BOM, else strict UTF-8, else GB18030 (a superset
of GBK, which Excel on a Chinese Windows writes). A file in two encodings (UTF-8 lines and one
GBK line) is refused naming the line, not read as GB18030 garbage. Every value stays a string
here so validation can report exactly what the file said.

Refused here, before any row is checked (issue 25): a header given twice (also as two aliases
of one column), and CSV records with more or fewer fields than the header (one line per
record; the columns are never shifted). Reported per cell: Excel cells holding numbers in
columns that must be text (an ID number stored as a number has lost its last digits).
"""
from __future__ import annotations

import csv
import hashlib
import io
import os
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from riskdesk.errors import InvalidInput
from riskdesk.i18n import translate
from riskdesk.security.masking import mask_any
from riskdesk.security.redact import redact
from riskdesk.services.intake.columns import ALIASES, COLUMNS, header_key

PROBLEM_COLUMNS = ["row", "column", "value", "reason"]
SHOWN_LINES = 50
# Columns that must be text in Excel: a number loses digits past 15 and any leading zero.
TEXT_COLUMNS = frozenset({"id_no", "phone", "card_no"})

XLSX_MAGIC = b"PK\x03\x04"


@dataclass
class RawTable:
    frame: pd.DataFrame  # canonical column names, str values, "" for empty
    sha256: str
    file_format: str  # csv-utf-8, csv-gb18030, xlsx
    unknown_columns: list[str]
    headers: dict[str, str]  # canonical name -> the header as the file wrote it
    # cells refused while reading (row, canonical column, value, reason), e.g. numeric Excel
    # cells in ID columns
    problems: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        {c: pd.Series(dtype=object) for c in PROBLEM_COLUMNS}))


def detect_encoding(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise _not_one_encoding(data, exc.start + 3, "UTF-8") from None
        return "utf-8-sig"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as utf8_error:
        utf8_line = _utf8_line(data)
        if utf8_line is not None:  # real UTF-8 text elsewhere: not a GBK file
            raise _not_one_encoding(data, utf8_error.start, "UTF-8", utf8_line) from None
        try:
            data.decode("gb18030")
            return "gb18030"
        except UnicodeDecodeError as gb_error:
            raise InvalidInput(
                translate("Import", "The file is neither UTF-8 nor GBK/GB18030 text "
                          "(line {line}: undecodable byte at offset {offset}).").format(
                    line=_line_of(data, gb_error.start), offset=gb_error.start)
            ) from None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _utf8_line(data: bytes) -> int | None:
    """The first line with non-ASCII characters that is valid UTF-8, if any: such a line is
    almost never GBK (a GBK name reads as UTF-8 about once in a million)."""
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        return number
    return None


def _not_one_encoding(data: bytes, offset: int, encoding: str,
                      other_line: int | None = None) -> InvalidInput:
    line = _line_of(data, offset)
    if other_line is None:
        return InvalidInput(translate(
            "Import", "The file is not valid {encoding}: line {line} holds bytes of another "
            "encoding (offset {offset}). Save the whole file in one encoding (UTF-8 or GBK)."
        ).format(encoding=encoding, line=line, offset=offset))
    return InvalidInput(translate(
        "Import", "The file mixes encodings: line {line} is not UTF-8 while line {other} is. "
        "Save the whole file in one encoding (UTF-8 or GBK).").format(line=line, other=other_line))


def _csv_header(text: str) -> list[str]:
    try:
        first = next(csv.reader(io.StringIO(text[:1_000_000], newline="")), [])
    except csv.Error:  # the table reader names what is wrong with it
        return []
    return [h.strip() for h in first]


def _field_counts(text: str) -> list[str]:
    """One line per CSV record whose field count differs from the header's."""
    reader = csv.reader(io.StringIO(text, newline=""))
    tmpl = translate("Import", "row {row} (line {line}): expected {expected} fields, found "
                     "{found}")
    out: list[str] = []
    try:
        header = next(reader, None)
        if header is None:
            return []
        expected = len(header)
        start, row = reader.line_num + 1, 1
        for record in reader:
            if record:  # a blank line is skipped, as the table reader skips it
                row += 1
                if len(record) != expected:
                    out.append(tmpl.format(row=row, line=start, expected=expected,
                                           found=len(record)))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InvalidInput(translate("Import", "The file is not a well-formed CSV table: "
                                     "{error}").format(error=f"line {reader.line_num}: {exc}")
                           ) from None
    return out


def _lines_refusal(intro: str, lines: list[str]) -> InvalidInput:
    shown = [redact(line) for line in lines[:SHOWN_LINES]]
    if len(lines) > SHOWN_LINES:
        shown.append(translate("Import", "... and {n} more problems").format(
            n=len(lines) - SHOWN_LINES))
    return InvalidInput("\n".join([intro, *("  " + line for line in shown)]))


def _read_csv(data: bytes) -> tuple[pd.DataFrame, str, list[str]]:
    encoding = detect_encoding(data)
    if b"\x00" in data:
        raise InvalidInput(translate("Import", "The file contains NUL bytes; it is not a CSV text "
                                     "file."))
    header = _csv_header(data[:1_000_000].decode(encoding, errors="replace"))
    try:
        try:  # the multithreaded Arrow parser first: it refuses any record of another width
            frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False,
                                na_values=[], encoding=encoding, engine="pyarrow")
        except Exception:
            counts = _field_counts(data.decode(encoding))
            if counts:  # never let the C parser shift columns or pad a short record
                raise _lines_refusal(translate(
                    "Import", "{n} rows do not have as many fields as the header; nothing was "
                    "imported:").format(n=len(counts)), counts) from None
            frame = pd.read_csv(
                io.BytesIO(data), dtype=str, keep_default_na=False, na_filter=False,
                encoding=encoding, skip_blank_lines=True, quoting=csv.QUOTE_MINIMAL,
            )
    except pd.errors.EmptyDataError:
        raise InvalidInput(translate("Import", "The file is empty.")) from None
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
        raise InvalidInput(
            translate("Import", "The file is not a well-formed CSV table: {error}").format(
                error=redact(str(exc).strip().splitlines()[-1][:300])
            )
        ) from None
    return frame, "csv-" + encoding.replace("-sig", ""), header


def _read_xlsx(path: Path) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """The sheet as text, which of its cells Excel holds as numbers, and the headers."""
    try:
        sheet = pd.read_excel(path, engine="calamine", header=None, dtype=object,
                              na_filter=False)
    except Exception as exc:  # calamine raises its own error types for broken workbooks
        raise InvalidInput(
            translate("Import", "The Excel workbook cannot be read: {error}").format(
                error=redact(str(exc)[:300])
            )
        ) from None
    if sheet.empty:
        raise InvalidInput(translate("Import", "The file is empty."))
    header = [_header_text(h) for h in sheet.iloc[0]]
    frame = sheet.iloc[1:].reset_index(drop=True)
    frame.columns = pd.RangeIndex(len(header))  # by position: a repeated header stays visible
    numeric = frame.map(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool))
    frame = frame.astype(str)
    # Excel keeps whole numbers as floats ("36.0"); keep what a person typed.
    for name in frame.columns:
        frame[name] = frame[name].str.replace(r"^(-?\d+)\.0$", r"\1", regex=True)
    return frame, numeric, header


def _header_text(value: object) -> str:
    text = str(value).strip()
    return text[:-2] if text.endswith(".0") and text[:-2].isdigit() else text


def _numeric_cells(numeric: pd.DataFrame, mapping: dict[str, str],
                   text_columns: Collection[str], frame: pd.DataFrame) -> pd.DataFrame:
    """Numbers in the columns that must be text, one problem per cell."""
    parts = []
    reason = translate("Import", "the cell is a number in Excel, which keeps only 15 digits "
                       "and drops leading zeros; format the column as text and enter the "
                       "values again")
    for label, name in mapping.items():
        if name not in text_columns:
            continue
        hit = numeric[label].to_numpy(dtype=bool)
        if hit.any():
            rows = np.flatnonzero(hit)
            parts.append(pd.DataFrame({
                "row": rows + 2, "column": name,
                "value": [redact(mask_any(str(v))) for v in frame[name].iloc[rows]],
                "reason": reason}))
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in PROBLEM_COLUMNS})
    return pd.concat(parts, ignore_index=True)


def canonical_frame(frame: pd.DataFrame, aliases: dict[str, str] | None = None,
                    required: list[str] | None = None, header: list[str] | None = None,
                    ) -> tuple[pd.DataFrame, list[str], dict[str, str]]:
    """Rename recognised headers to canonical names; refuse duplicate or missing columns.
    ``aliases``/``required`` default to the application columns; other imports pass theirs.
    ``header``: the headers as the file wrote them (the frame's labels make a repeated header
    unique, "name.1")."""
    out, unknown, seen, _ = _canonical(frame, aliases, required, header)
    return out, unknown, seen


def _canonical(frame: pd.DataFrame, aliases: dict[str, str] | None,
               required: list[str] | None, header: list[str] | None,
               ) -> tuple[pd.DataFrame, list[str], dict[str, str], dict[str, str]]:
    aliases = ALIASES if aliases is None else aliases
    required = [c.name for c in COLUMNS if c.required] if required is None else required
    labels = list(frame.columns)
    written = header if header is not None and len(header) == len(labels) else \
        [str(h) for h in labels]
    mapping: dict[str, str] = {}
    unknown: list[str] = []
    seen: dict[str, str] = {}
    where: dict[str, int] = {}
    for position, (label, text) in enumerate(zip(labels, written, strict=True), start=1):
        name = aliases.get(header_key(str(text)))
        if name is None:  # shown back to the user: a headerless file's first row is data
            unknown.append(redact(str(text)))
            continue
        if name in seen:
            raise InvalidInput(redact(
                translate("Import", "Columns \"{a}\" and \"{b}\" both mean {name}; keep one.")
                .format(a=seen[name], b=text, name=name) + " " + translate(
                    "Import", "(columns {first} and {second} of the header)").format(
                    first=where[name], second=position)))
        seen[name] = str(text)
        where[name] = position
        mapping[label] = name
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
    return out, unknown, seen, mapping


def max_import_bytes() -> int:
    """Files above this are refused before reading (RISKDESK_MAX_IMPORT_MB, default 2048)."""
    value = os.environ.get("RISKDESK_MAX_IMPORT_MB", "")
    return (int(value) if value.isdigit() else 2048) * 2**20


def read_table(path: Path, aliases: dict[str, str] | None = None,
               required: list[str] | None = None,
               text_columns: Collection[str] = TEXT_COLUMNS) -> RawTable:
    """``text_columns``: canonical columns whose Excel cells must not be numbers."""
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
    numeric = None
    if data.startswith(XLSX_MAGIC) or path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        (raw, numeric, header), fmt = _read_xlsx(path), "xlsx"
    else:
        raw, fmt, header = _read_csv(data)
    frame, unknown, headers, mapping = _canonical(raw, aliases, required, header)
    table = RawTable(frame, digest, fmt, unknown, headers)
    if numeric is not None:
        table.problems = _numeric_cells(numeric, mapping, text_columns, frame)
    return table
