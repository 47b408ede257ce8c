"""Whom a municipality's late adoption is chased at, by the contacts' and the trajectory's domains."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from domain.domains import chased


def contacts(*domains: str) -> list:
    return [SimpleNamespace(name=f"{domain} {i}", domain=domain) for i, domain in enumerate(domains)]


@pytest.mark.parametrize("registered, trajectory, expected", [
    (("beide", "wmo"), "wmo", ["wmo 1"]),            # the specialist before the generalist
    (("beide", "wmo"), "jeugd", ["beide 0"]),        # never the Wmo officer for youth
    (("wmo",), "jeugd", []),                         # nobody: the digest names the municipality
    (("beide", "beide"), "jeugd", ["beide 0"]),      # one, the first registered
    (("jeugd", "wmo", "wmo"), "beide", ["jeugd 0", "wmo 1"]),  # both domains: each specialist once
    (("jeugd", "beide"), "beide", ["beide 1"]),      # ... unless someone covers both
    (("jeugd",), "beide", ["jeugd 0"]),
])
def test_whom_a_late_adoption_is_chased_at(registered, trajectory, expected):
    assert [c.name for c in chased(contacts(*registered), trajectory)] == expected
