"""References stay unique per workspace, also when many are created at the same moment."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from domain.permissions import Actor
from service.interactions import run_command
from store.models import Decision, Task


def test_concurrent_creation_never_shares_a_reference(trajectory):
    def create(i: int):
        actor = Actor(team_id="T1", user_id="U_ADMIN", channel_id="C_JEUGD", admin_check=lambda: True)
        return run_command(trajectory.rt, actor, f"taak Taak {i} eigenaar: Kees deadline: vrijdag")

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(create, range(24)))
    assert not [a.text for a in answers if a.error]
    refs = [task.ref for task in trajectory.all(Task)]
    assert sorted(refs, key=lambda r: int(r[1:])) == [f"T{i}" for i in range(1, 25)]


def test_references_count_per_workspace_and_kind(trajectory):
    trajectory.say("besluit A deadline: vrijdag", user="U_ADMIN")
    trajectory.say("taak A eigenaar: Kees deadline: vrijdag")
    trajectory.say("besluit B deadline: vrijdag", user="U_ADMIN")
    assert [d.ref for d in trajectory.all(Decision)] == ["B1", "B2"]
    assert [t.ref for t in trajectory.all(Task)] == ["T1"]
