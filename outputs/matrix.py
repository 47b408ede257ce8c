"""The adoption matrix as a picture: member municipalities down, decisions across, each cell
coloured by what that municipality did (vastgesteld, te laat vastgesteld, afgewezen, te laat,
open) with its date, so a coordinator sees in seconds who holds the region up. One file per
region, named after it, described in words as its alt text."""
from __future__ import annotations

import io
import textwrap
from datetime import date

from domain.outcome import FileOut
from domain.text_input import to_plain
from domain.texts import fmt_date, t
from outputs.pictures import fit_alt, plain_text_figures, slug
from reports.region import Cell, Matrix

HEADER_WIDTH, HEADER_LINES = 16, 2  # a decision's title above its column: characters per line, lines
STYLE = {  # state: (fill, text colour)
    "vastgesteld": ("#66bb6a", "#0b2e0d"),
    "vastgesteld_laat": ("#d4e157", "#3e2000"),  # adopted, but after the deadline: not plain green
    "afgewezen": ("#e53935", "#ffffff"),
    "te_laat": ("#ffa726", "#3e2000"),
    "open": ("#eceff1", "#37474f"),
    "nvt": ("#ffffff", "#9e9e9e"),
}
LEGEND = ("vastgesteld", "vastgesteld_laat", "afgewezen", "te_laat", "open")
BOLD = ("vastgesteld_laat", "afgewezen", "te_laat")


def _short(day: date, lang: str) -> str:
    return fmt_date(day, lang, weekday=False, year=False)


def _cell_text(cell: Cell, lang: str) -> str:
    if cell.state == "nvt":
        return "—"
    if cell.state == "te_laat":
        return f"{t(lang, 'matrix_te_laat')}\n{t(lang, 'matrix_days', days=cell.days_late)}"
    text = f"{t(lang, f'matrix_{cell.state}')}\n{_short(cell.on, lang)}"
    return text + (f"\n{t(lang, 'matrix_late_days', days=cell.days_late)}" if cell.days_late else "")


def _header(title: str) -> list[str]:
    """A decision's title in at most HEADER_LINES lines of whole words; what does not fit ends in `…`."""
    lines = textwrap.wrap(to_plain(title), HEADER_WIDTH, break_long_words=False)
    cut = len(lines) > HEADER_LINES
    lines = lines[:HEADER_LINES]
    lines = [line if len(line) <= HEADER_WIDTH + 4 else line[:HEADER_WIDTH].rstrip() + "…" for line in lines]
    if cut and not lines[-1].endswith("…"):
        lines[-1] = (lines[-1] if len(lines[-1]) < HEADER_WIDTH + 4 else lines[-1][:HEADER_WIDTH + 3]) + "…"
    return lines


def matrix_alt(matrix: Matrix, region: str, lang: str) -> str:
    """The picture in words: per decision how many adopted, rejected, are open and are late."""
    items = []
    for x, (decision, _) in enumerate(matrix.columns):
        states = [row[x].state for row in matrix.cells]
        items.append(t(lang, "alt_matrix_item", ref=decision.ref,
                       adopted=states.count("vastgesteld") + states.count("vastgesteld_laat"),
                       adopted_late=states.count("vastgesteld_laat"),
                       rejected=states.count("afgewezen"), open=states.count("open"), late=states.count("te_laat")))
    text = t(lang, "alt_matrix", region=region, count=len([name for name in matrix.rows if name]),
             items="; ".join(items) or t(lang, "matrix_empty"))
    if matrix.left_out:
        text += " " + t(lang, "matrix_left_out", count=matrix.left_out)
    return fit_alt(text)


def matrix_png(matrix: Matrix, region: str, today: date, lang: str) -> FileOut:
    with plain_text_figures() as pyplot:
        content = _draw(pyplot, matrix, region, today, lang)
    name = ("adoptiematrix" if lang == "nl" else "adoption-matrix") + f"-{slug(region)}.png"
    return FileOut(name, content, t(lang, "matrix_file_title", region=region), matrix_alt(matrix, region, lang))


def _draw(pyplot, matrix: Matrix, region: str, today: date, lang: str) -> bytes:
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
                          color=ink, fontweight="bold" if cell.state in BOLD else "normal")
        headers = []
        for decision, title in matrix.columns:
            lines = [decision.ref] + _header(decision.title)
            if several:
                lines.append(textwrap.shorten(to_plain(title), 18, placeholder="…"))
            lines.append(t(lang, "matrix_due", date=_short(decision.deadline, lang)))
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
                    loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=len(LEGEND), fontsize=8, frameon=False)
        heading = t(lang, "matrix_title", region=region, date=fmt_date(today, lang))
        if matrix.left_out:
            heading += "\n" + t(lang, "matrix_left_out", count=matrix.left_out)
        figure.suptitle(heading, fontsize=11)
        out = io.BytesIO()
        figure.savefig(out, format="png", bbox_inches="tight", pad_inches=0.2)  # the legend whole
    finally:
        pyplot.close(figure)
    return out.getvalue()
