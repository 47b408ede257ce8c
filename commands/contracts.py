"""`contract`, `verlengd` and `overgangsregeling`: a trajectory's contracts (percelen), their
extensions and transition arrangements. Without a name, `contract` lists them."""
from __future__ import annotations

from commands.registry import subcommand
from domain.contracts import continuity_deadline
from domain.outcome import Outcome, Reply
from domain.texts import fmt_date, t
from tracking import contracts
from tracking.context import Context, current_trajectory


def contract_line(contract, lang: str) -> str:
    """`*Ambulant* · einde di 31 mrt 2027 · verlengd tot … · overgangsregeling tot … · 2x 12 maanden (1 over)`"""
    d = lambda day: fmt_date(day, lang)  # noqa: E731
    parts = [f"*{contract.name}*", t(lang, "contract_end", date=d(contract.end))]
    if contract.extensions:
        parts.append(t(lang, "contract_extended", date=d(contract.current_end)))
    if contract.transition_until:
        parts.append(t(lang, "contract_transition", date=d(contract.transition_until)))
    if contract.option:
        parts.append(t(lang, "contract_option", count=contract.option.count, months=contract.option.months,
                       left=contract.options_left))
    if contract.providers:
        parts.append(", ".join(contract.providers))
    return " · ".join(parts)


def contracts_reply(ctx: Context) -> Reply:
    lang = ctx.actor.language
    trajectory = current_trajectory(ctx)
    listed = [contracts.as_contract(row) for row in contracts.contracts_of(ctx.session, trajectory.id)]
    if not listed:
        return Reply([t(lang, "contracts_none", title=trajectory.title, date=fmt_date(trajectory.contract_end, lang),
                        cmd=ctx.settings.slash_command)])
    deadline = continuity_deadline(listed, trajectory.contract_end)
    return Reply([t(lang, "contracts_title", title=trajectory.title, count=len(listed)),
                  "\n".join("• " + contract_line(c, lang) for c in listed),
                  t(lang, "contracts_deadline", date=fmt_date(deadline.day, lang), name=deadline.contract.name,
                    how=t(lang, f"covered_{deadline.covered_by}"))])


@subcommand("contract")
def contract(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    lang = ctx.actor.language
    if not text.strip() and not fields:
        return Outcome(reply=contracts_reply(ctx))
    row, created = contracts.save_contract(ctx, text, fields)
    key = "ok_contract_added" if created else "ok_contract_changed"
    return Outcome(reply=Reply([t(lang, key, line=contract_line(contracts.as_contract(row), lang))]
                               + contracts_reply(ctx).lines[2:]))


@subcommand("verlengd")
def verlengd(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    lang = ctx.actor.language
    row, before = contracts.extend_contract(ctx, text, fields)
    extended = contracts.as_contract(row)
    return Outcome(reply=Reply([t(lang, "ok_verlengd", name=row.name, old=fmt_date(before, lang),
                                  new=fmt_date(extended.current_end, lang))] + contracts_reply(ctx).lines[2:]))


@subcommand("overgangsregeling")
def overgangsregeling(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    lang = ctx.actor.language
    row = contracts.transition_contract(ctx, text, fields)
    return Outcome(reply=Reply([t(lang, "ok_overgangsregeling", name=row.name,
                                  date=fmt_date(row.transition_until, lang))] + contracts_reply(ctx).lines[2:]))
