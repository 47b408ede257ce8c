"""`tijdlijn`: the trajectory as a picture. Decisions and tasks run from their deadline to the day
they are expected; the implementation lead time runs from the last decision to the day it is
done, so the forecast's "verwacht klaar" line has the bar that leads to it; the lines mark today,
forecast ready, contract end and go-live."""
from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass, field
from datetime import date

from domain.forecast import Forecast
from domain.outcome import FileOut
from domain.text_input import to_plain
from domain.texts import fmt_date, t
from outputs.pictures import fit_alt, plain_text_figures

ROWS = 30  # the most rows one picture stays readable with
LABEL_WIDTH = 48  # characters per label line
LEVEL_COLOURS = {"groen": "#2e7d32", "oranje": "#ef6c00", "rood": "#c62828"}
LATE, ON_TIME, MARK, REJECTED = "#c62828", "#9e9e9e", "#424242", "#ef6c00"


@dataclass
class Row:
    label: str
    start: date                  # the deadline (or where implementation starts)
    end: date                    # the expected day
    ref: str = ""
    deadline: date | None = None  # none for the implementation's lead time
    rejected: list[str] = field(default_factory=list)


def _rows(result: Forecast, lang: str) -> list[Row]:
    rows = [Row(f"{f.decision.ref} {to_plain(f.decision.title)}", f.decision.deadline, f.expected, f.decision.ref,
                f.decision.deadline, [n or t(lang, "rejection_region") for n in f.rejected])
            for f in sorted(result.pending, key=lambda f: f.expected)]
    weeks = result.trajectory.lead_weeks
    label = (t(lang, "timeline_implementation", weeks=weeks, ref=result.last_decision.decision.ref)
             if result.last_decision else t(lang, "timeline_implementation_now", weeks=weeks))
    rows.append(Row(label, result.implementation_start, result.implementation_done))
    rows += [Row(f"{f.task.ref} {to_plain(f.task.title)}", f.task.deadline, f.expected, f.task.ref, f.task.deadline)
             for f in sorted(result.tasks, key=lambda f: f.expected)]
    return rows[:ROWS]


def timeline_alt(result: Forecast, lang: str) -> str:
    """The picture in words: the verdict, then each decision and task, deadline against expected."""
    d = lambda day: fmt_date(day, lang)  # noqa: E731
    items = [t(lang, "alt_timeline_item", ref=row.ref, deadline=d(row.deadline), expected=d(row.end))
             for row in _rows(result, lang) if row.deadline]
    return fit_alt(t(lang, "alt_timeline", title=to_plain(result.trajectory.title), level=t(lang, f"level_{result.level}"),
                     ready=d(result.ready), contract_end=d(result.contract_end), items="; ".join(items)))


def timeline_png(result: Forecast, lang: str) -> FileOut:
    trajectory = result.trajectory
    with plain_text_figures() as pyplot:
        content = _draw(pyplot, result, lang)
    return FileOut(f"tijdlijn-{trajectory.channel_id}.png", content,
                   t(lang, "timeline_file_title", title=trajectory.title), timeline_alt(result, lang))


def _draw(pyplot, result: Forecast, lang: str) -> bytes:
    from matplotlib.dates import AutoDateLocator, num2date
    from matplotlib.ticker import FuncFormatter

    trajectory = result.trajectory
    rows = _rows(result, lang)
    labels = []  # wrapped whole, never cut
    for row in rows:
        label = row.label
        if row.rejected:
            label += " — " + t(lang, "change_rejected", names=", ".join(row.rejected))
        labels.append(textwrap.fill(label, LABEL_WIDTH))
    height = sum(0.18 * label.count("\n") + 0.32 for label in labels)
    figure, axes = pyplot.subplots(figsize=(12, 1.6 + max(height, 1.0)), dpi=110)
    try:
        for y, row in enumerate(rows):
            if row.deadline is None:  # the lead time: it sets "verwacht klaar" unless a task ends later
                colour = LEVEL_COLOURS[result.level] if row.end == result.ready else ON_TIME
                axes.plot([row.start, row.end], [y, y], color=colour, linewidth=6, solid_capstyle="butt", alpha=0.8)
                continue
            late = row.end > row.deadline  # a rejection alone is not late: only the day it is expected counts
            axes.plot([row.start, row.end], [y, y], color=LATE if late else ON_TIME, linewidth=3,
                      solid_capstyle="butt", linestyle=(0, (2, 1)) if row.rejected else "-")
            axes.plot([row.start], [y], marker="|", markersize=12, color=MARK)
            # A rejected decision is marked with a cross: it waits for a revised version.
            axes.plot([row.end], [y], marker="X" if row.rejected else "o", markersize=8 if row.rejected else 5,
                      color=LATE if late else REJECTED if row.rejected else "#2e7d32")
        axes.set_yticks(range(len(rows)), labels, fontsize=8)
        axes.invert_yaxis()
        for day, key, colour in ((result.today, "timeline_today", "#1565c0"),
                                 (result.ready, "timeline_ready", LEVEL_COLOURS[result.level]),
                                 (result.contract_end, "timeline_contract_end", "#000000")):
            axes.axvline(day, color=colour, linestyle="--", linewidth=1.2,
                         label=f"{t(lang, key)} {fmt_date(day, lang, weekday=False)}")
        axes.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=7))
        axes.xaxis.set_major_formatter(FuncFormatter(lambda x, _: fmt_date(num2date(x).date(), lang, weekday=False)))
        axes.set_xlabel(t(lang, "timeline_key"), fontsize=8)
        axes.grid(axis="x", alpha=0.3)
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
        axes.set_title(t(lang, "timeline_title", title=to_plain(trajectory.title), level=t(lang, f"level_{result.level}")),
                       fontsize=11)
        figure.tight_layout()
        out = io.BytesIO()
        figure.savefig(out, format="png")
    finally:
        pyplot.close(figure)
    return out.getvalue()
