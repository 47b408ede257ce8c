"""`plan` templates: the task dates against go-live, worked out by hand on the Dutch calendar,
and the named error a region gets for a broken template file."""
from __future__ import annotations

from datetime import date

import pytest

from domain.datafiles import DataFileError
from tracking.plans import DOMAINS, ROLES, due_date, load_plan, load_plans
from domain.workdays import WorkCalendar

D = date.fromisoformat
WORK = WorkCalendar()


@pytest.mark.parametrize("go_live,weeks,due,why", [
    ("2028-01-01", 0, "2027-12-31", "go-live on a Saturday: the Friday before"),
    ("2028-01-01", 1, "2027-12-24", "25 Dec 2027 is a Saturday: Friday the 24th, Christmas Eve is worked"),
    ("2028-01-03", 1, "2027-12-27", "a Monday a week earlier: Boxing Day was Sunday, the 27th is worked"),
    ("2027-01-01", 0, "2026-12-31", "New Year's Day is a holiday: the day before, across the year end"),
    ("2027-01-01", 1, "2026-12-24", "Christmas Day 2026 is a Friday holiday: Thursday the 24th"),
    ("2027-01-08", 2, "2026-12-24", "two weeks before a Friday 8 Jan: the 25th again, so the 24th"),
    ("2026-05-06", 0, "2026-05-06", "a Wednesday: kept"),
    ("2027-05-12", 1, "2027-05-04", "5 May (Bevrijdingsdag, off under the CAO): the 4th"),
    ("2027-04-05", 1, "2027-03-26", "29 March 2027 is Easter Monday: back past the weekend to Friday the 26th"),
    ("2027-05-06", 0, "2027-05-04", "Ascension Day 6 May 2027, and 5 May off as well: Tuesday the 4th"),
    ("2028-01-01", 26, "2027-07-02", "26 weeks before a Saturday is a Saturday: Friday 2 July"),
    ("2027-04-01", 52, "2026-04-02", "52 weeks before Thursday 1 April 2027: Thursday 2 April 2026"),
])
def test_a_task_is_due_its_weeks_before_go_live_on_a_working_day(go_live, weeks, due, why):
    assert due_date(D(go_live), weeks, WORK) == D(due), why


def test_good_friday_counts_only_when_configured():
    # 26 March 2027 is Good Friday: worked by default, off when GOOD_FRIDAY_HOLIDAY is set.
    assert due_date(D("2027-04-02"), 1, WORK) == D("2027-03-26")
    assert due_date(D("2027-04-02"), 1, WorkCalendar(good_friday_is_holiday=True)) == D("2027-03-25")


HEADER = "titel;weken_voor_livegang;rol;standaard\n"


@pytest.mark.parametrize("rows,problem", [
    ("Productcodes kiezen;30;beleid;\n;20;beleid;\n", "jeugd.csv, regel 3, veld titel: leeg"),
    ("Productcodes kiezen;dertig;beleid;\n", "jeugd.csv, regel 2, veld weken_voor_livegang: 'dertig' is geen aantal weken"),
    ("Productcodes kiezen;-2;beleid;\n", "jeugd.csv, regel 2, veld weken_voor_livegang: '-2'"),
    ("Productcodes kiezen;105;beleid;\n", "jeugd.csv, regel 2, veld weken_voor_livegang: '105'"),
    ("Productcodes kiezen;30;secretariaat;\n", "jeugd.csv, regel 2, veld rol: 'secretariaat' is geen van: wethouder, beleid"),
    ("Productcodes kiezen;30;beleid;www.istandaarden.nl\n", "jeugd.csv, regel 2, veld standaard: 'www.istandaarden.nl' is geen https-adres"),
    ("Productcodes kiezen;30;beleid;\nproductcodes  kiezen;20;inkoop;\n", "jeugd.csv, regel 3, veld titel: staat al op regel 2"),
    ("Productcodes kiezen;30;beleid\n", "jeugd.csv, regel 2: verwacht 4 velden"),
    ("X" * 151 + ";30;beleid;\n", "jeugd.csv, regel 2, veld titel: 151 tekens, hooguit 150"),
    ("Dossier BSN 111222333 omzetten;30;beleid;\n", "jeugd.csv, regel 2, veld titel: bevat een nummer dat een BSN kan zijn"),
    ("", "jeugd.csv: geen taken"),
])
def test_a_broken_template_names_file_line_and_field(tmp_path, rows, problem):
    path = tmp_path / "jeugd.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_plan(path)
    assert problem in str(error.value)


def test_a_wrong_header_or_encoding_or_a_missing_file_is_named(tmp_path):
    (tmp_path / "jeugd.csv").write_text("titel;weken;rol;standaard\nA;1;beleid;\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="jeugd.csv, regel 1: de kolommen moeten titel;weken_voor_livegang;rol;standaard zijn"):
        load_plan(tmp_path / "jeugd.csv")
    (tmp_path / "jeugd.csv").write_bytes((HEADER + "Cliënten informeren;4;communicatie;\n").encode("cp1252"))
    with pytest.raises(DataFileError, match="jeugd.csv: geen UTF-8"):
        load_plan(tmp_path / "jeugd.csv")
    with pytest.raises(DataFileError, match="wmo.csv"):
        (tmp_path / "jeugd.csv").write_text(HEADER + "A;1;beleid;\n", encoding="utf-8")
        load_plans(tmp_path)


def test_excel_s_utf8_with_bom_is_read(tmp_path):
    path = tmp_path / "jeugd.csv"
    path.write_bytes(("\ufeff" + HEADER + "Cliënten informeren;4;communicatie;https://www.istandaarden.nl/\n").encode())
    [template] = load_plan(path)
    assert (template.title, template.weeks, template.role, template.link) == (
        "Cliënten informeren", 4, "communicatie", "https://www.istandaarden.nl/")


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_repository_templates_cover_a_go_live(domain):
    """What a coordinator expects in the standard list of an iJw / iWmo go-live (PRODUCT.md)."""
    templates = load_plans()[domain]
    assert len(templates) >= 12
    words = " ".join(t.title.lower() for t in templates)
    for needed in ("uitvoeringsvariant", "productcode", "ggk", "vecozo", "overgangsrecht", "consulent", "toegang",
                   ("inwoners", "ouders", "cliënten"), "aanbieders", "website", "sociale kaart", "go/no-go"):
        assert any(word in words for word in ((needed,) if isinstance(needed, str) else needed)), \
            f"{domain}: nothing about {needed}"
    assert {t.role for t in templates} <= set(ROLES)
    assert [t.weeks for t in templates] == sorted((t.weeks for t in templates), reverse=True), "earliest work first"
