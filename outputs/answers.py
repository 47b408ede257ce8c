"""The answers memo (`input I5`): every answer to a request in full, as Markdown. Markdown because
a coordinator pastes it into a memo for the regional board as it is (Word, Google Docs and
Confluence take its headings and quotes; as plain text it still reads well), and it needs no new
dependency. Text is written as the person typed it, each answer quoted line by line, so an answer
cannot start a heading or a list of the memo's own, and a typed `<` is escaped: pasted into a
Markdown or HTML tool, an answer's `<script>` stays text."""
from __future__ import annotations

from domain.outcome import FileOut
from domain.requests import RecipientRow
from domain.text_input import to_plain
from domain.texts import fmt_date, t
from reports.answers import state_words


def _plain(stored: str) -> str:
    return to_plain(stored).replace("<", "\\<")


def _who(row: RecipientRow) -> str:
    return f"{row.affiliation} — {_plain(row.name)}" if row.affiliation else _plain(row.name)


def _quoted(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in _plain(text).splitlines() or [""])


def answers_markdown(*, ref: str, question: str, who: str, requester: str, asked_on, deadline, title: str,
                     region: str, rows: list[RecipientRow], today, lang: str) -> FileOut:
    day = lambda value: fmt_date(value, lang)  # noqa: E731
    texts = [row for row in rows if row.state == "answered"]
    others = [row for row in rows if row.state in ("declined", "marked")]
    waiting = [row for row in rows if row.state == "open"]
    lines = [f"# {ref} · {_plain(question)}", "",
             t(lang, "memo_trajectory", title=to_plain(title), region=region),
             t(lang, "memo_asked", who=who, requester=requester, asked=day(asked_on), deadline=day(deadline)),
             t(lang, "memo_state", date=day(today), answered=len(rows) - len(waiting), total=len(rows), texts=len(texts),
               declined=sum(1 for row in others if row.state == "declined"),
               marked=sum(1 for row in others if row.state == "marked"), open=len(waiting)),
             "", f"## {t(lang, 'memo_answers')}", ""]
    if not texts:
        lines += [t(lang, "memo_none"), ""]
    for row in texts:
        meta = t(lang, "memo_answer_meta", date=day(row.received_on), via=t(lang, f"via_{row.via or 'handmatig'}"))
        amended = t(lang, "memo_amended", date=day(row.amended_on)) if row.amended_on else ""
        lines += [f"### {_who(row)}", "", f"_{meta}{amended}_", "",
                  _quoted(row.answer or ""), ""]
    if others:
        lines += [f"## {t(lang, 'memo_declined')}", ""]
        lines += [f"- {_who(row)}: {state_words(row, lang)}" for row in others] + [""]
    if waiting:
        lines += [f"## {t(lang, 'memo_open')}", ""]
        lines += [f"- {_who(row)}: {state_words(row, lang)}" for row in waiting] + [""]
    return FileOut(f"antwoorden-{ref}.md", "\n".join(lines).encode(), t(lang, "answers_title", ref=ref))
