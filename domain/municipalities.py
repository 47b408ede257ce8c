"""The official list of Dutch municipalities (data/gemeenten.csv, with CBS codes): a region's
members are checked against it. Names are matched as people type them: case, accents,
apostrophes, hyphens and spacing do not count, CBS's suffix may be left out when only one
municipality carries the name (`Laren` is Laren (NH.)), and a near miss gets a suggestion."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from domain.datafiles import DATA, DataFileError, read_rows
from domain.text_input import fold

LIST_FILE, ALIAS_FILE = DATA / "gemeenten.csv", DATA / "gemeenten-aliassen.csv"
LIST_VALID_FROM = "1 januari 2023"  # the division the file describes (see data/README.md)
_CODE = re.compile(r"^GM\d{4}$")
_SUFFIX = re.compile(r"\s*\((?:L|NH|O|Z|ZH|Gld|NB|Fr|U)\.\)$")


@dataclass(frozen=True)
class Official:
    code: str
    name: str


@dataclass
class MunicipalityList:
    by_fold: dict[str, Official]
    by_base: dict[str, list[Official]]  # without CBS's suffix: Laren -> [Laren (NH.)]
    aliases: dict[str, Official]

    def find(self, name: str) -> list[Official]:
        """The municipalities a typed name can mean: one, several (Bergen), or none."""
        key = fold(name)
        if key in self.by_fold:
            return [self.by_fold[key]]
        if key in self.aliases:
            return [self.aliases[key]]
        return list(self.by_base.get(key, []))

    def suggest(self, name: str) -> Official | None:
        """The one municipality a near miss most likely means (`Zaltbomel`), if any."""
        close = difflib.get_close_matches(fold(name), list(self.by_fold) + list(self.aliases), n=1, cutoff=0.8)
        if not close:
            return None
        return self.by_fold.get(close[0]) or self.aliases[close[0]]

    @property
    def names_with_separators(self) -> tuple[str, ...]:
        """Official names a list of names must not be split in: `Nuenen, Gerwen en Nederwetten`."""
        return tuple(o.name for o in self.by_fold.values() if re.search(r",|;|&|\sen\s", o.name))


def load(path: Path = LIST_FILE, alias_path: Path = ALIAS_FILE) -> MunicipalityList:
    officials = read_rows(path, ("cbs_code", "naam"))
    by_fold: dict[str, Official] = {}
    by_base: dict[str, list[Official]] = {}
    codes: set[str] = set()
    for line, row in officials:
        code, name = row["cbs_code"].strip(), row["naam"].strip()
        if not _CODE.match(code):
            raise DataFileError(f"{path.name}, regel {line}, veld cbs_code: '{code}' is geen code als GM0297")
        if not name:
            raise DataFileError(f"{path.name}, regel {line}, veld naam: leeg")
        if code in codes or fold(name) in by_fold:
            raise DataFileError(f"{path.name}, regel {line}: {code} {name} staat er al eerder in")
        codes.add(code)
        official = by_fold[fold(name)] = Official(code, name)
        by_base.setdefault(fold(_SUFFIX.sub("", name)), []).append(official)
    aliases = {}
    for line, row in read_rows(alias_path, ("alias", "naam")) if alias_path.exists() else []:
        target = by_fold.get(fold(row["naam"]))
        if target is None:
            raise DataFileError(f"{alias_path.name}, regel {line}, veld naam: '{row['naam']}' staat niet in {path.name}")
        aliases[fold(row["alias"])] = target
    return MunicipalityList(by_fold, by_base, aliases)


@lru_cache(maxsize=1)
def official() -> MunicipalityList:
    """The list, read once."""
    return load()
