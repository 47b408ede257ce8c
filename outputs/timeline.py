"""`tijdlijn`: the trajectory as a picture. Decisions and tasks run from their deadline to the day
they are expected; the lines mark today, forecast ready, contract end and go-live."""
from __future__ import annotations

import io
import textwrap

from domain.forecast import Forecast
from domain.outcome import FileOut
from domain.texts import fmt_date, t

ROWS = 30  # the most rows one picture stays readable with
LABEL_WIDTH = 48  # characters per label line
LEVEL_COLOURS = {"groen": "#2e7d32", "oranje": "#ef6c00", "rood": "#c62828"}


def timeline_png(result: Forecast, lang: str) -> FileOut:
    import matplotlib
    matplotlib.use("Agg")  # no screen: render to a file
    from matplotlib import pyplot
    from matplotlib.dates import AutoDateLocator, DateFormatter

    trajectory = result.trajectory
    # (label, deadline, expected, rejected by) per row; labels are wrapped whole, never cut.
    rows = [(f"{f.decision.ref} {f.decision.title}", f.decision.deadline, f.expected, f.rejected)
            for f in sorted(result.pending, key=lambda f: f.expected)]
    rows += [(f"{f.task.ref} {f.task.title}", f.task.deadline, f.expected, [])
             for f in sorted(result.tasks, key=lambda f: f.expected)]
    rows = rows[:ROWS]
    labels = []
    for label, _, _, rejected in rows:
        if rejected:
            label += " — " + t(lang, "rejected_by", names=", ".join(n or t(lang, "by_regio") for n in rejected))
        labels.append(textwrap.fill(label, LABEL_WIDTH))
    height = sum(0.18 * label.count("\n") + 0.32 for label in labels)
    figure, axes = pyplot.subplots(figsize=(12, 1.6 + max(height, 1.0)), dpi=110)
    try:
        for y, (_, deadline, expected, rejected) in enumerate(rows):
            late = expected > deadline or bool(rejected)
            axes.plot([deadline, expected], [y, y], color="#c62828" if late else "#9e9e9e", linewidth=3,
                      solid_capstyle="butt", linestyle=(0, (2, 1)) if rejected else "-")
            axes.plot([deadline], [y], marker="|", markersize=12, color="#424242")
            # A rejected decision is marked with a cross: it waits for a revised version.
            axes.plot([expected], [y], marker="X" if rejected else "o", markersize=8 if rejected else 5,
                      color="#c62828" if late else "#2e7d32")
        axes.set_yticks(range(len(rows)), labels, fontsize=8)
        axes.invert_yaxis()
        for day, key, colour in ((result.today, "timeline_today", "#1565c0"),
                                 (result.ready, "timeline_ready", LEVEL_COLOURS[result.level]),
                                 (trajectory.contract_end, "timeline_contract_end", "#000000")):
            axes.axvline(day, color=colour, linestyle="--", linewidth=1.2,
                         label=f"{t(lang, key)} {fmt_date(day, lang, weekday=False)}")
        axes.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=7))
        axes.xaxis.set_major_formatter(DateFormatter("%d-%m-%y"))
        axes.set_xlabel(t(lang, "timeline_key"), fontsize=8)
        axes.grid(axis="x", alpha=0.3)
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
        axes.set_title(t(lang, "timeline_title", title=trajectory.title, level=t(lang, f"level_{result.level}")),
                       fontsize=11)
        figure.tight_layout()
        out = io.BytesIO()
        figure.savefig(out, format="png")
    finally:
        pyplot.close(figure)
    return FileOut(f"tijdlijn-{trajectory.channel_id}.png", out.getvalue(), t(lang, "timeline_file_title",
                                                                              title=trajectory.title))
