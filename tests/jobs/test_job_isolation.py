"""`bot.py digest` / `scan` from cron: one broken trajectory never stops another's messages, and
each run first delivers what earlier runs could not."""
from __future__ import annotations

from datetime import date
from io import StringIO

from jobs.run import run_job
from wiring.runtime import job_runtime
from store.models import Decision, Outbox
from tests.conftest import TRAJECT, message_text


def test_one_broken_trajectory_does_not_stop_the_others(trajectory, slack, clock):
    trajectory.say(TRAJECT.replace("Jeugdhulp", "Wmo"), user="U_ADMIN", channel="C_WMO")
    trajectory.say("besluit Tarieven deadline: 15 januari", user="U_ADMIN")
    with trajectory.session() as session:  # a date from before input was limited: the forecast cannot add to it
        decision = session.get(Decision, 1)
        decision.deadline = date(9999, 12, 31)
        session.add(decision)
        session.commit()
    slack.clear()
    out = StringIO()
    settings = trajectory.rt.settings
    for job in ("digest", "scan"):
        assert run_job(job_runtime(settings, clock=clock), job, out=out) == 1
    posted = [c.body["channel"] for c in slack.of("chat.postMessage")]
    assert "C_WMO" in posted and "C_JEUGD" not in posted
    assert "Mislukt (de rest ging door; details in het log): trajectory 1." in out.getvalue()
    assert "Mislukt (de rest ging door; details in het log): risk of trajectory 1." in out.getvalue()


def test_a_cron_run_first_sends_what_an_earlier_run_could_not(trajectory, slack, clock):
    slack.fail_next = [500] * 6  # the post, its retries, and the run's second pass with its retries
    out = StringIO()
    settings = trajectory.rt.settings
    assert run_job(job_runtime(settings, clock=clock), "digest", out=out) == 0
    assert slack.of("chat.postMessage") == [] and "Wacht in de outbox op een nieuwe poging: 1 bericht." in out.getvalue()
    clock.advance(minutes=15)  # the next cron run, after the back-off
    out = StringIO()
    assert run_job(job_runtime(settings, clock=clock), "digest", out=out) == 0
    [post] = slack.of("chat.postMessage")
    assert "Jeugdhulp Rivierenland 2027" in message_text(post.body)
    assert "Uit de outbox alsnog verstuurd: 1 bericht." in out.getvalue()
    assert "digest: 0 berichten verstuurd, 1 al eerder verstuurd." in out.getvalue()
    assert all(row.sent_at for row in trajectory.all(Outbox))
