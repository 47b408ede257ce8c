"""Data files a region edits without touching code (data/README.md): `;`-separated UTF-8 tables,
read whole and checked when the bot starts, so a broken row is named by file, line and field
before anyone types a command."""
from __future__ import annotations

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


class DataFileError(Exception):
    """A data file is broken: the message names the file, the line and the field."""


def read_rows(path: Path, fields: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """The rows of `path` with their line numbers; the header must be exactly `fields`."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:  # -sig: Excel saves a BOM
            reader = csv.DictReader(handle, delimiter=";")
            try:
                if tuple(reader.fieldnames or ()) != fields:
                    raise DataFileError(f"{path.name}, regel 1: de kolommen moeten {';'.join(fields)} zijn")
                rows = []
                for row in reader:
                    if None in row or any(row.get(f) is None for f in fields):
                        raise DataFileError(f"{path.name}, regel {reader.line_num}: verwacht {len(fields)} velden")
                    rows.append((reader.line_num, {key: value.strip() for key, value in row.items()}))
                return rows
            except csv.Error as error:  # a field of more than 128 kB, say: named, not a traceback
                raise DataFileError(f"{path.name}, regel {reader.line_num + 1}: geen leesbare CSV-regel ({error})") from None
    except UnicodeDecodeError:
        raise DataFileError(f"{path.name}: geen UTF-8; sla het bestand op als CSV UTF-8") from None
    except OSError as error:
        raise DataFileError(f"{path}: niet te lezen ({error.strerror})") from None
