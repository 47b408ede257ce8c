"""The care domains (jeugd, wmo, or beide) of trajectories and contacts, and which contacts a
trajectory's group requests and chases reach (PRODUCT.md "Group requests as a working tool"). Pure:
it reads rows with the tables' column names."""
from __future__ import annotations

BOTH = "beide"
# How people write a domain (lower-cased), Dutch and English.
DOMAINS = {"jeugd": "jeugd", "youth": "jeugd", "jeugdwet": "jeugd", "jeugdhulp": "jeugd", "wmo": "wmo",
           "wmo 2015": "wmo", "beide": BOTH, "both": BOTH, "jeugd en wmo": BOTH, "jeugd/wmo": BOTH,
           "wmo en jeugd": BOTH}


def fits(contact_domain: str, trajectory_domain: str) -> bool:
    """A youth policy officer is no one to ask about a Wmo trajectory; a trajectory for both
    domains concerns both kinds of specialist, and a contact for both fits every trajectory."""
    return BOTH in (contact_domain, trajectory_domain) or contact_domain == trajectory_domain


def chased(contacts: list, trajectory_domain: str) -> list:
    """Whom a municipality's late adoption is chased at, of its policy contacts (in the order
    registered): the one for exactly the trajectory's domain, else one for both domains; a
    trajectory for both domains without such a contact chases its youth and its Wmo specialist."""
    fitting = [c for c in contacts if fits(c.domain, trajectory_domain)]
    exact = [c for c in fitting if c.domain == trajectory_domain]
    if exact:
        return exact[:1]
    if trajectory_domain != BOTH:
        return fitting[:1]
    return [next(c for c in fitting if c.domain == d) for d in ("jeugd", "wmo") if any(c.domain == d for c in fitting)]
