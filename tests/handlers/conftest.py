"""A second region for the handlers' tests: Holland Rijnland, the 13 municipalities the issue
17 coordinator worked with, its trajectory in channel C_HR (coordinator U_ADMIN)."""
from __future__ import annotations

import pytest

HOLLAND_RIJNLAND = ("Alphen aan den Rijn, Hillegom, Kaag en Braassem, Katwijk, Leiden, Leiderdorp, Lisse, Nieuwkoop, "
                    "Noordwijk, Oegstgeest, Teylingen, Voorschoten, Zoeterwoude")


@pytest.fixture
def rijnland(bot):
    text = bot.say(f"traject Jeugdhulp Holland Rijnland 2027 regio: Holland Rijnland gemeenten: {HOLLAND_RIJNLAND} "
                   "contracteinde: 31-12-2027 domein: jeugd", user="U_ADMIN", channel="C_HR")
    assert "gekoppeld" in text and "13 gemeenten" in text, text
    return bot
