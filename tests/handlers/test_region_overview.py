"""`regio`: every trajectory of the region at a glance, only for those who may see its channel,
and the adoption matrix as a picture by direct message; also in the coordinator's App Home."""
from __future__ import annotations

import io
import json
from datetime import date

from reports.risk import thresholds_of
from domain.permissions import Actor
from reports.region import region_overview
from service.channel_facts import ChannelFacts
from store import queries
from tests.conftest import message_text
from tests.handlers.test_home import open_home

WMO = ("traject Wmo begeleiding 2028 regio: Rivierenland contracteinde: 31-12-2027 domein: wmo")
PRIVATE = ("traject Vertrouwelijk: crisisbedden regio: Rivierenland contracteinde: 30-6-2027 domein: jeugd")


def region_with_three_channels(bot, slack, clock):
    """Made on Tuesday 24 November 2026; looked at on Thursday 3 December, when B1 is overdue."""
    bot.say(WMO, user="U_ADMIN", channel="C_WMO")
    slack.private["C_PRIV"] = ["U_ADMIN", "U_JAN", "UBOT_T1"]  # the bot was invited
    bot.say(PRIVATE, user="U_ADMIN", channel="C_PRIV")
    bot.say("besluit Tarieven 2027 deadline: 1-12-2026 door: college", user="U_ADMIN")  # B1
    bot.say("besluit Mandaat inkooporganisatie deadline: 15-12-2026 door: regio", user="U_ADMIN")  # B2
    bot.say("besluit Crisisbedden bekostiging deadline: 10-12-2026", user="U_ADMIN", channel="C_PRIV")  # B3
    bot.say("vastgesteld B1 gemeenten: Tiel, Buren op: 20-11-2026", user="U_ADMIN")
    bot.say("afgewezen B1 gemeente: Zaltbommel reden: tarief te hoog op: 23-11-2026", user="U_ADMIN")
    bot.say("urgent Wachtlijst ambulante hulp loopt op ernst: hoog", user="U_KWAL")
    clock.set("2026-12-03 10:00")


def test_region_shows_every_trajectory_a_person_may_see(trajectory, slack, clock):
    region_with_three_channels(trajectory, slack, clock)
    slack.uploads.clear()
    text = trajectory.say("regio", user="U_KWAL")
    assert "Regio Rivierenland · 8 gemeenten" in text
    assert "2 trajecten in deze regio:" in text
    assert "Jeugdhulp Rivierenland 2027 · #C_JEUGD" in text and "Wmo begeleiding 2028 · #C_WMO" in text
    assert "crisisbedden" not in text.lower() and "C_PRIV" not in text  # private, and U_KWAL is not in it
    line = next(l for l in text.splitlines() if "#C_JEUGD" in l)
    assert "volgende deadline B2 di 15 dec 2026" in line and "⚠️ 1 te laat" in line and "🚨 1 signaal open" in line
    assert "In je privéberichten met Regiowacht: adoptiematrix-rivierenland.png." in text
    [png] = slack.uploads.values()
    assert png.startswith(b"\x89PNG")

    member_view = trajectory.say("regio", user="U_JAN")
    assert "3 trajecten in deze regio:" in member_view and "Vertrouwelijk: crisisbedden · #C_PRIV" in member_view
    # From inside the private channel its own trajectory is always there.
    assert "Vertrouwelijk: crisisbedden" in trajectory.say("regio", user="U_ADMIN", channel="C_PRIV")


def test_when_slack_cannot_say_who_is_in_a_channel_it_is_not_shown(trajectory, slack, clock):
    region_with_three_channels(trajectory, slack, clock)
    trajectory.rt.channels = ChannelFacts()  # what Slack said before is forgotten after a few minutes
    slack.refuse["conversations.info"] = "ratelimited"
    text = trajectory.say("regio", user="U_JAN")
    assert "1 traject in deze regio:" in text and "#C_JEUGD" in text and "#C_WMO" not in text


def test_the_matrix_cells(trajectory, slack, clock):
    region_with_three_channels(trajectory, slack, clock)
    with trajectory.session() as session:
        coordinator = Actor("T1", "U_ADMIN", "C_JEUGD", channel_check=lambda channel: True)
        jeugd = queries.trajectory_for_channel(session, "T1", "C_JEUGD")
        matrix = region_overview(session, coordinator, jeugd, date(2026, 12, 3),
                                 thresholds_of(trajectory.rt.settings)).matrix
    assert [d.ref for d, _ in matrix.columns] == ["B1", "B3", "B2"]  # open, the most urgent first
    assert matrix.rows[-1] == ""  # the region itself, for its own decision B2
    by_name = dict(zip(matrix.rows, matrix.cells))
    assert [(c.state, c.on) for c in by_name["Tiel"]] == [("vastgesteld", date(2026, 11, 20)),
                                                          ("open", date(2026, 12, 10)), ("nvt", None)]
    assert (by_name["Zaltbommel"][0].state, by_name["Zaltbommel"][0].on) == ("afgewezen", date(2026, 11, 23))
    assert (by_name["Culemborg"][0].state, by_name["Culemborg"][0].days_late) == ("te_laat", 2)
    assert [c.state for c in by_name[""]] == ["nvt", "nvt", "open"]


def test_the_matrix_in_english_and_as_a_picture_one_can_open(trajectory, slack, clock):
    region_with_three_channels(trajectory, slack, clock)
    slack.uploads.clear()
    text = trajectory.say("region", user="U_ADMIN")
    assert "3 trajectories in this region:" in text and "adoption-matrix-rivierenland.png" in text
    from matplotlib import image
    [png] = slack.uploads.values()
    pixels = image.imread(io.BytesIO(png), format="png")
    height, width = pixels.shape[:2]
    assert width > 600 and height > 400  # four columns, nine rows and a legend


def test_the_coordinator_s_home_shows_the_region(trajectory, slack, clock):
    region_with_three_channels(trajectory, slack, clock)
    open_home(trajectory, "U_ADMIN")
    call = slack.wait_for(lambda c: c.method == "views.publish")
    view = call.body["view"]
    view = json.loads(view) if isinstance(view, str) else view
    shown = message_text({"blocks": view["blocks"]})
    assert "Regio Rivierenland: alle trajecten" in shown
    assert "Vertrouwelijk: crisisbedden · #C_PRIV" in shown  # U_ADMIN is in the private channel
