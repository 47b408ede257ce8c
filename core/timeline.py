"""`tijdlijn`: the trajectory as a picture. Decisions and tasks run from their deadline to the day
they are expected; the lines mark today, forecast ready, contract end and go-live."""
from __future__ import annotations

import io

from core.forecast import Forecast
from core.outcome import FileOut
from core.texts import fmt_date, t

ROWS = 30  # the most rows one picture stays readable with
LEVEL_COLOURS = {"groen": "#2e7d32", "oranje": "#ef6c00", "rood": "#c62828"}


def timeline_png(result: Forecast, lang: str) -> FileOut:
    import matplotlib
    matplotlib.use("Agg")  # no screen: render to a file
    from matplotlib import pyplot
    from matplotlib.dates import AutoDateLocator, DateFormatter

    trajectory = result.trajectory
    rows = [(f.decision.ref + " " + f.decision.title[:40], f.decision.deadline, f.expected)
            for f in sorted(result.pending, key=lambda f: f.expected)]
    rows += [(f.task.ref + " " + f.task.title[:40], f.task.deadline, f.expected)
             for f in sorted(result.tasks, key=lambda f: f.expected)]
    rows = rows[:ROWS]
    figure, axes = pyplot.subplots(figsize=(11, 1.5 + 0.32 * max(len(rows), 3)), dpi=110)
    try:
        for y, (label, deadline, expected) in enumerate(rows):
            late = expected > deadline
            axes.plot([deadline, expected], [y, y], color="#c62828" if late else "#9e9e9e", linewidth=3,
                      solid_capstyle="butt")
            axes.plot([deadline], [y], marker="|", markersize=12, color="#424242")
            axes.plot([expected], [y], marker="o", markersize=5, color="#c62828" if late else "#2e7d32")
        axes.set_yticks(range(len(rows)), [label for label, _, _ in rows], fontsize=8)
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
