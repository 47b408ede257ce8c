"""`python bot.py demo`: region Rivierenland with a jeugd and a wmo trajectory, typed in as the
team would have typed it over the past months, so history (who adopts late) is real."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from delivery.sender import Sender
from domain.permissions import Actor
from domain.text_input import from_console
from service.interactions import run_command
from service.runtime import Runtime
from store.db import session_scope
from store.queries import trajectory_for_channel

GEMEENTEN = "Buren, Culemborg, Maasdriel, Neder-Betuwe, Tiel, West Betuwe, West Maas en Waal, Zaltbommel"
ANNE, FATIMA, KEES, SANNE = "U_ANNE", "U_FATIMA", "U_KEES", "U_SANNE"


def _d(day) -> str:
    return day.strftime("%d-%m-%Y")


def script(today):
    """(days from today, user, channel, command), in the order they happened: the jeugd trajectory
    slips (B2 overdue, Zaltbommel rejects, a wethouder's input is late), the wmo one is on track."""
    contract_end = today + timedelta(days=100)
    b1, b2 = today - timedelta(days=70), today - timedelta(days=14)
    j, w = "C_JEUGD", "C_WMO"
    return [
        (-100, ANNE, j, f"traject Jeugdhulp Rivierenland 2027 regio: Rivierenland gemeenten: {GEMEENTEN} "
                        f"contracteinde: {_d(contract_end)} implementatie: 12 domein: jeugd"),
        (-100, ANNE, j, f"besluit Inkoopstrategie jeugdhulp deadline: {_d(b1)} door: college"),
        (-90, ANNE, j, f"besluit Tarieven en productcodes 2027 deadline: {_d(b2)} door: raad"),
        (-90, FATIMA, j, f"input Zienswijze aanbieders op de tarieven van: Stichting Jeugdzorg Betuwe rol: aanbieder "
                         f"deadline: {_d(b2 - timedelta(days=40))} voor: B2"),
        (-72, ANNE, j, f"vastgesteld B1 gemeenten: Tiel, Buren, West Betuwe op: {_d(b1 - timedelta(days=2))}"),
        (-70, ANNE, j, f"vastgesteld B1 gemeenten: Neder-Betuwe, West Maas en Waal op: {_d(b1)}"),
        (-66, ANNE, j, f"vastgesteld B1 gemeente: Culemborg op: {_d(b1 + timedelta(days=3))}"),
        (-60, ANNE, j, f"vastgesteld B1 gemeente: Maasdriel op: {_d(b1 + timedelta(days=9))}"),
        (-60, ANNE, w, f"traject Wmo begeleiding en dagbesteding 2028 regio: Rivierenland "
                       f"contracteinde: {_d(today + timedelta(days=400))} implementatie: 16 domein: wmo"),
        (-60, ANNE, w, f"besluit Uitgangspunten Wmo-inkoop deadline: {_d(today + timedelta(days=35))} door: college"),
        (-55, ANNE, j, f"vastgesteld B1 gemeente: Zaltbommel op: {_d(b1 + timedelta(days=14))}"),
        (-50, FATIMA, w, f"input Ervaringen cliëntenraden met dagbesteding van: Cliëntenraad Tiel rol: client "
                         f"deadline: {_d(today + timedelta(days=10))} voor: B3"),
        (-49, FATIMA, j, "ontvangen I1"),
        (-40, ANNE, j, f"besluit Mandaat regionale inkooporganisatie deadline: {_d(today + timedelta(days=21))} door: regio"),
        (-30, ANNE, j, f"input Standpunt college over tariefverhoging van: wethouder Van Dijk (Zaltbommel) rol: wethouder "
                       f"deadline: {_d(today - timedelta(days=7))} voor: B2"),
        (-30, ANNE, j, f"input Reactie op het mandaatvoorstel van: <@{FATIMA}|fatima> rol: beleid "
                       f"deadline: {_d(today + timedelta(days=3))} voor: B4"),
        (-20, KEES, j, f"taak Productcodes inrichten in het gemeentelijk systeem eigenaar: <@{KEES}|kees> "
                       f"deadline: {_d(contract_end - timedelta(days=45))} na: B2"),
        (-20, KEES, j, f"taak Berichtenverkeer iJw testen met aanbieders eigenaar: <@{FATIMA}|fatima> "
                       f"deadline: {_d(contract_end - timedelta(days=30))} na: B2"),
        (-20, KEES, j, f"taak Consulenten en front office informeren eigenaar: <@{KEES}|kees> "
                       f"deadline: {_d(contract_end - timedelta(days=14))}"),
        (-14, ANNE, j, f"vastgesteld B2 gemeenten: Tiel, Buren, Culemborg op: {_d(b2 - timedelta(days=1))}"),
        (-12, ANNE, j, f"vastgesteld B2 gemeenten: Neder-Betuwe, West Betuwe op: {_d(b2 + timedelta(days=1))}"),
        (-10, KEES, w, f"taak Marktconsultatie voorbereiden eigenaar: <@{KEES}|kees> deadline: {_d(today + timedelta(days=25))}"),
        (-8, ANNE, j, f"afgewezen B2 gemeente: Zaltbommel reden: tariefstijging te hoog op: {_d(b2 + timedelta(days=5))}"),
        (-1, SANNE, j, "urgent Twee jeugdigen met verblijf hebben per 1 januari geen vervolgplek "
                       "(zaken 2026-0412 en 2026-0415) ernst: hoog"),
    ]


class _Silent:
    """The demo's channels exist only locally: its messages are marked sent, not sent anywhere."""

    def api_call(self, api_method: str, *, json: dict | None = None) -> dict:
        return {"ok": True, "ts": "0.0"}


def load_demo(rt: Runtime, team: str) -> str:
    with session_scope(rt.engine) as session:
        if trajectory_for_channel(session, team, "C_JEUGD") is not None:
            return "De voorbeeldregio staat er al (kanaal C_JEUGD)."
    zone = ZoneInfo(rt.settings.timezone)
    today = rt.today()
    real_clock = rt.clock
    sender, rt.sender = rt.sender, Sender(rt.engine, _Silent(), real_clock, interval=0)
    try:
        for offset, user, channel, line in script(today):
            moment = datetime.combine(today + timedelta(days=offset), time(10, 0), zone)
            rt.clock = lambda moment=moment: moment
            actor = Actor(team_id=team, user_id=user, channel_id=channel, language="nl",
                          admin_check=lambda: True)
            answer = run_command(rt, actor, from_console(line))
            if answer.error:
                raise RuntimeError(f"demo step failed: {line}\n{answer.text}")
    finally:
        rt.clock, rt.sender = real_clock, sender
    return ("Voorbeeldregio Rivierenland geladen: kanaal C_JEUGD (jeugdhulp, loopt achter) en C_WMO (wmo, op schema).\n"
            "Probeer: python bot.py console   (daarin: status)")
