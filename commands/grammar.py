"""The `/inkoop` command language: a Dutch subcommand (or its English alias), a free-text title,
then `key: value` fields, each value running until the next known key."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from domain.errors import CommandError
from domain.text_input import defuse


@dataclass(frozen=True)
class Spec:
    name: str                      # canonical Dutch name
    aliases: tuple[str, ...]       # English first, then other spellings
    keys: dict[str, tuple[str, ...]] = field(default_factory=dict)  # field -> its spellings
    title: str | None = None       # what the free text is: "title", "ref", "text" or None
    creates: bool = False          # without arguments it opens a modal
    reads_only: bool = False       # changes nothing: a retry needs no guard


_REF_KEYS = {"deadline": ("deadline", "due"), "reden": ("reden", "reason")}

SPECS: tuple[Spec, ...] = (
    Spec("help", ("hulp", "?"), reads_only=True),
    Spec("traject", ("project",), {
        "regio": ("regio", "region"),
        "gemeenten": ("gemeenten", "municipalities", "gemeente", "municipality"),
        "contracteinde": ("contracteinde", "contract-end", "contracteind", "contract end"),
        "start": ("start", "go-live", "golive"),
        "implementatie": ("implementatie", "implementation", "doorlooptijd", "lead-time"),
        "domein": ("domein", "domain"),
        "titel": ("titel", "title"),
        "reden": ("reden", "reason"),
    }, title="title", creates=True),
    Spec("besluit", ("decision",), {
        "deadline": ("deadline", "due"),
        "door": ("door", "by"),
    }, title="title", creates=True),
    Spec("vastgesteld", ("adopted", "adopt"), {
        "gemeenten": ("gemeenten", "gemeente", "municipalities", "municipality"),
        "op": ("op", "on"),
    }, title="ref"),
    Spec("afgewezen", ("rejected", "reject"), {
        "gemeenten": ("gemeenten", "gemeente", "municipalities", "municipality"),
        "reden": ("reden", "reason"),
        "op": ("op", "on"),
    }, title="ref"),
    Spec("input", ("inputverzoek",), {
        "van": ("van", "from"),
        "rol": ("rol", "role"),
        "deadline": ("deadline", "due"),
        "voor": ("voor", "for"),
    }, title="title", creates=True),
    Spec("ontvangen", ("received",), {"van": ("van", "from")}, title="ref"),
    Spec("taak", ("task",), {
        "eigenaar": ("eigenaar", "owner"),
        "deadline": ("deadline", "due"),
        "na": ("na", "after"),
    }, title="title", creates=True),
    Spec("klaar", ("done",), title="ref"),
    Spec("urgent", ("signaal",), {"ernst": ("ernst", "severity")}, title="title", creates=True),
    Spec("opgepakt", ("ack", "oppakken"), title="ref"),
    Spec("opgelost", ("resolved", "resolve", "oplossen"), title="ref"),
    Spec("uitstel", ("postpone",), dict(_REF_KEYS), title="ref"),
    Spec("status", (), title="text", reads_only=True),
    Spec("risico", ("risk",), reads_only=True),
    Spec("digest", (), reads_only=True),
    Spec("datum", ("date",), title="text", reads_only=True),
    Spec("tijdlijn", ("timeline",), reads_only=True),
    Spec("export", (), reads_only=True),
    Spec("taal", ("language",), title="text"),
    Spec("contact", ("person",), {
        "rol": ("rol", "role"),
        "gemeente": ("gemeente", "municipality"),
        "organisatie": ("organisatie", "organisation", "organization", "organisatie/bedrijf"),
        "e-mail": ("e-mail", "email"),
        "slack": ("slack",),
        "domein": ("domein", "domain"),
    }, title="title"),
    Spec("contacten", ("contacts",), {"rol": ("rol", "role")}, title="text", reads_only=True),
    Spec("regio", ("region",), {"gemeenten": ("gemeenten", "municipalities")}),
    Spec("plan", (), {"na": ("na", "after")}, title="text"),
    Spec("vergaderingen", ("meetings", "vergadering", "vergaderdata"), {
        "raad": ("raad", "council"),
        "college": ("college", "board"),
        "regio": ("regio", "region"),
    }, title="text"),
    Spec("contract", (), {
        "einde": ("einde", "end", "contracteinde"),
        "verlenging": ("verlenging", "verlengingsoptie", "extension", "option"),
        "aanbieders": ("aanbieders", "providers"),
    }, title="text"),
    Spec("verlengd", ("extended", "verleng"), {"tot": ("tot", "until", "to")}, title="text"),
    Spec("overgangsregeling", ("transition",), {"tot": ("tot", "until", "to")}, title="text"),
    Spec("intrekken", ("withdraw", "terugtrekken", "verwijder", "verwijderen", "schrappen"), {"reden": ("reden", "reason")},
         title="ref"),
    Spec("toewijzen", ("assign", "toewijs"), {"aan": ("aan", "to")}, title="ref"),
)

BY_WORD: dict[str, Spec] = {}
for _spec in SPECS:
    for _word in (_spec.name, *_spec.aliases):
        BY_WORD[_word] = _spec
ENGLISH_WORDS = {spec.aliases[0] for spec in SPECS if spec.aliases and spec.aliases[0] != spec.name} - {
    "hulp", "inputverzoek", "signaal"}
ENGLISH_NAMES = {spec.name for spec in SPECS if spec.aliases and spec.aliases[0] in ENGLISH_WORDS}
ENGLISH_KEYS = {"titel": "title", "vraag": "question", "omschrijving": "description", "regio": "region", "gemeenten": "municipalities", "contracteinde": "contract-end",
                "start": "go-live", "implementatie": "implementation", "domein": "domain", "deadline": "due",
                "door": "by", "op": "on", "reden": "reason", "van": "from", "rol": "role", "voor": "for",
                "eigenaar": "owner", "na": "after", "ernst": "severity", "gemeente": "municipality",
                "organisatie": "organisation", "e-mail": "email", "raad": "council", "college": "board",
                "einde": "end", "verlenging": "extension", "aanbieders": "providers", "tot": "until", "aan": "to"}
# Field words of any subcommand; one typed into another subcommand's title is a mistake, except the
# words that are everyday Dutch in a title (`Voorstel aan de raad: tarieven`).
ALL_KEY_WORDS = {word for spec in SPECS for words in spec.keys.values() for word in words} - {
    "raad", "college", "council", "board", "to", "end", "option", "aan"}


HELP_WORDS = {"help", "hulp", "?"}
INPUT_REF = re.compile(r"#?[iI]\s?\d{1,6}")  # `I5` alone after `input`, `status`, or as the whole line


@dataclass
class Command:
    spec: Spec
    word: str               # the subcommand as typed
    text: str               # the free text before the first field
    fields: dict[str, str]  # canonical key -> value

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def english(self) -> bool:
        """Typed with an English word: `decision …`, `decision help`, `help decision`."""
        if self.spec.name == "help" and self.text:
            return self.word in ENGLISH_WORDS or self.text.lower() in ENGLISH_WORDS
        return self.word in ENGLISH_WORDS

    @property
    def empty(self) -> bool:
        return not self.text and not self.fields


def _key_pattern(spec: Spec) -> re.Pattern[str] | None:
    words = sorted((w for ws in spec.keys.values() for w in ws), key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?:^|(?<=[\s,;]))(" + "|".join(re.escape(w) for w in words) + r")\s*:", re.IGNORECASE)


_PATTERNS = {spec.name: _key_pattern(spec) for spec in SPECS}
_STRAY_KEY = re.compile(r"(?:^|(?<=[\s,;]))([a-zA-Z-]{2,20})\s*:(?!//)")


def reads_only(text: str) -> bool:
    """Whether a command line only reads (so Slack's retry of it needs no bookkeeping); `input I5`
    and `I5` show a request, they ask nothing."""
    word, _, rest = (text or "").strip().partition(" ")
    word = word.lower()
    spec = BY_WORD.get(word) if word else BY_WORD["help"]
    if spec is None:
        return bool(INPUT_REF.fullmatch(word)) and not rest.strip()
    return spec.reads_only or (spec.name == "input" and bool(INPUT_REF.fullmatch(rest.strip())))


def parse(text: str) -> Command:
    """Read one command line (the text after `/inkoop`)."""
    text = (text or "").strip()
    word, _, rest = text.partition(" ")
    word = word.lower()
    if not word:
        return Command(BY_WORD["help"], "", "", {})
    spec = BY_WORD.get(word)
    if spec is None and not rest and INPUT_REF.fullmatch(word):  # `I5` alone: who answered what (`input I5`)
        return Command(BY_WORD["input"], word, word, {})
    if spec is None:
        raise CommandError("err_unknown_subcommand", example="ex_help", word=word)
    rest = rest.strip()
    if rest.lower() in HELP_WORDS and spec.name != "help":  # `besluit help`: that subcommand's help
        return Command(BY_WORD["help"], word, spec.name, {})
    fields: dict[str, str] = {}
    pattern = _PATTERNS[spec.name]
    matches = list(pattern.finditer(rest)) if pattern else []
    head = rest[: matches[0].start()] if matches else rest
    lookup = {w.lower(): key for key, ws in spec.keys.items() for w in ws}
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(rest)
        key = lookup[match.group(1).lower()]
        value = rest[match.end():end].strip().rstrip(",;").strip()
        if key in fields:
            raise CommandError("err_duplicate_field", field=key, example=f"ex_{spec.name}", key=match.group(1))
        fields[key] = value
    head = head.strip().rstrip(",;").strip()
    for stray in _STRAY_KEY.finditer(head):
        # A known field of another subcommand here is a mistake, not part of the title.
        if stray.group(1).lower() in ALL_KEY_WORDS:
            raise CommandError("err_field_not_here", example=f"ex_{spec.name}", key=stray.group(1),
                               command=spec.name)
    # Free text keeps no broadcast; a field that names a person keeps what was typed, so a
    # broadcast there is refused as "not a person" instead of becoming someone called "@channel".
    return Command(spec, word, defuse(head), {k: v if k in PERSON_KEYS else defuse(v) for k, v in fields.items()})


PERSON_KEYS = {"van", "eigenaar", "slack", "aan"}
