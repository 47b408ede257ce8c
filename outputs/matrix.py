"""The adoption matrix as a picture: member municipalities down, decisions across, each cell
coloured by what that municipality did (vastgesteld, afgewezen, te laat, open) with its date, so
a coordinator sees in seconds who holds the region up."""
from __future__ import annotations

import io
import textwrap
from datetime import date

from domain.outcome import FileOut
from domain.texts import fmt_date, t
from reports.region import Cell, Matrix

STYLE = {  # state: (fill, text colour)
    "vastgesteld": ("#66bb6a", "#0b2e0d"),
    "afgewezen": ("#e53935", "#ffffff"),
    "te_laat": ("#ffa726", "#3e2000"),
    "open": ("#eceff1", "#37474f"),
    "nvt": ("#ffffff", "#9e9e9e"),
}
LEGEND = ("vastgesteld", "afgewezen", "te_laat", "open")


def _short(day: date) -> str:
    return f"{day.day}-{day.month}"


def _cell_text(cell: Cell, lang: str) -> str:
    if cell.state == "nvt":
        return "—"
    if cell.state == "te_laat":
        return f"{t(lang, 'matrix_te_laat')}\n{t(lang, 'matrix_days', days=cell.days_late)}"
    return f"{t(lang, f'matrix_{cell.state}')}\n{_short(cell.on)}"


def matrix_png(matrix: Matrix, region: str, today: date, lang: str) -> FileOut:
    import matplotlib
    matplotlib.use("Agg")  # no screen: render to a file
    from matplotlib import pyplot
    from matplotlib.patches import Patch, Rectangle

    n_rows, n_cols = len(matrix.rows), max(len(matrix.columns), 1)  # wide enough for the legend on one line
    several = len({title for _, title in matrix.columns}) > 1
    figure, axes = pyplot.subplots(figsize=(max(9.0, 2.6 + 1.25 * n_cols), 2.3 + 0.42 * n_rows), dpi=110, layout="constrained")
    try:
        for y, row in enumerate(matrix.cells):
            for x, cell in enumerate(row):
                fill, ink = STYLE[cell.state]
                axes.add_patch(Rectangle((x, y), 1, 1, facecolor=fill, edgecolor="#ffffff", linewidth=2))
                axes.text(x + 0.5, y + 0.5, _cell_text(cell, lang), ha="center", va="center", fontsize=7.5,
                          color=ink, fontweight="bold" if cell.state in ("afgewezen", "te_laat") else "normal")
        headers = []
        for decision, title in matrix.columns:
            lines = [decision.ref] + textwrap.wrap(decision.title, 16)[:2]
            if several:
                lines.append(textwrap.shorten(title, 18, placeholder="…"))
            lines.append(t(lang, "matrix_due", date=_short(decision.deadline)))
            headers.append("\n".join(lines))
        axes.set_xlim(0, n_cols)
        axes.set_ylim(n_rows, 0)
        axes.xaxis.tick_top()
        axes.set_xticks([x + 0.5 for x in range(len(headers))], headers, fontsize=7.5)
        axes.set_yticks([y + 0.5 for y in range(n_rows)], [name or t(lang, "matrix_region_row") for name in matrix.rows],
                        fontsize=9)
        axes.tick_params(length=0)
        for side in axes.spines.values():
            side.set_visible(False)
        if not matrix.columns:
            axes.text(0.5, n_rows / 2, t(lang, "matrix_empty"), ha="center", va="center", fontsize=10)
        axes.legend(handles=[Patch(facecolor=STYLE[s][0], label=t(lang, f"matrix_legend_{s}")) for s in LEGEND],
                    loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=4, fontsize=8, frameon=False)
        heading = t(lang, "matrix_title", region=region, date=fmt_date(today, lang))
        if matrix.left_out:
            heading += "\n" + t(lang, "matrix_left_out", count=matrix.left_out)
        figure.suptitle(heading, fontsize=11)
        out = io.BytesIO()
        figure.savefig(out, format="png", bbox_inches="tight", pad_inches=0.2)  # the legend whole
    finally:
        pyplot.close(figure)
    return FileOut("adoptiematrix.png" if lang == "nl" else "adoption-matrix.png", out.getvalue(),
                   t(lang, "matrix_file_title", region=region))
