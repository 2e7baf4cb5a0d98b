"""`kg ingest`: what a new user's trial found (issue 19), each kind kept as a test on texts of our own.

- the title is the headline, not the page's skip links, menus, search boxes, cookie notices or bylines;
- a shortened title is cut at a word and ends with "…";
- posts: a role word before the title (minutes), the organisation after vid/på/hos/i, in the
  genitive before the title, or after a comma (a signature);
- the review sheet shows the type and the graph's name of the entities the graph already knows;
- the `.ttl` says that `kg ingest` wrote it, from which file, on which day.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest.headline import TITLE_LIMIT, headline, is_furniture, shorten

REPO = Path(__file__).resolve().parents[1]
SV_TEXT = REPO / "examples" / "ingest" / "fjallnara-service.txt"


def read_text(folder: Path, tmp_path: Path, text: str, lang: str, suffix: str = ".txt", issued: str | None = None):
    from kg.ingest import propose
    from kg.ingest.pipeline import reader_for

    path = tmp_path / f"text{suffix}"
    path.write_text(text, encoding="utf-8")
    return propose(path, lang=lang, issued=issued, reader=reader_for(folder, "text"))


# ------------------------------------------------------------------ the title


@pytest.mark.parametrize(
    ("lang", "text", "title"),
    [
        (
            "sv",
            "Gå direkt till innehåll\nMeny\nSök\n\nVi använder kakor för att förbättra webbplatsen\n\n"
            "Nyheter 3.4.2025 Karin Holm\n\nNytt samarbete om skolskjutsar i Lappland\n\n"
            "Arjeplogs kommun och Sorsele kommun samarbetar om skolskjutsar från hösten.\n",
            "Nytt samarbete om skolskjutsar i Lappland",
        ),
        (
            "fi",
            "Hyppää sisältöön\nSavukosken kunta RSS Haku\nAvaa valikko\n\nTämä sivusto käyttää evästeitä\n\n"
            "Kunnat aloittavat yhteisen matkailuhankkeen\n\n"
            "Sallan kunta ja Savukosken kunta aloittavat yhteisen hankkeen syksyllä.\n",
            "Kunnat aloittavat yhteisen matkailuhankkeen",
        ),
        (
            "fi",
            "Dynasty tietopalvelu\nKunnanhallitus\nPöytäkirja 3.2.2025/Pykälä 12\n\nKokousasian teksti\n\n"
            "§ 12 Osallistuminen koulukuljetusten yhteishankintaan\n\nSallan kunta osallistuu hankintaan.\n",
            "Osallistuminen koulukuljetusten yhteishankintaan",
        ),
        (
            "sv",
            "Hoppa till huvudinnehållet\nHuvudmenyn dold.\nPublicerad: 2025-04-03\n\n"
            "Storumans kommun får stöd för att utveckla\nkollektivtrafiken i fjällen.\n\n"
            "Region Västerbotten beviljar medel till projektet.\n",
            "Storumans kommun får stöd för att utveckla kollektivtrafiken i fjällen",
        ),
        (
            "sv",
            "Nyheter 3.4.2025 Karin Holm\n12 kommuner samverkar om räddningstjänst. Avtalet gäller i fem år.\n",
            "12 kommuner samverkar om räddningstjänst",
        ),
    ],
)
def test_title_is_the_headline_not_the_page_around_it(reference_only, tmp_path, lang, text, title):
    """Skip links, menus, search boxes and RSS links, cookie notices, bylines, minute references
    and a minute's item number are left out; a headline wrapped over two lines is joined; running
    text gives its first sentence."""
    assert read_text(reference_only, tmp_path, text, lang).title == title


def test_markdown_heading_is_the_title_first(reference_only, tmp_path):
    """In Markdown the first heading is the title, even after a line of running text."""
    text = (
        "Gå till innehåll\n\nTexten publicerades i våras av kommunen.\n\n# Fjällkommuner delar på en jurist\n\nText.\n"
    )
    assert read_text(reference_only, tmp_path, text, "sv", ".md").title == "Fjällkommuner delar på en jurist"
    assert headline("Hyppää sisältöön\nValikko\n") is None


@pytest.mark.parametrize(
    "line", ["Siirry suoraan sisältöön", "Skip to main content", "Stäng meny", "Acceptera alla kakor", "Kuuntele"]
)
def test_furniture_lines(line):
    assert is_furniture(line)


def test_long_title_is_cut_at_a_word_with_an_ellipsis(reference_only, tmp_path):
    words = "Kommunerna i norra Sverige samverkar om kompetensförsörjning och kollektivtrafik "
    line = (words * 6).strip()
    p = read_text(reference_only, tmp_path, f"{line}\n\nStorumans kommun deltar.\n", "sv")
    assert len(p.title) <= TITLE_LIMIT and p.title.endswith("…")
    kept = p.title[:-1]
    assert line.startswith(kept) and line[len(kept)] == " "  # cut between two words
    assert shorten("Kuntien yhteistyö", 40) == "Kuntien yhteistyö"


# ------------------------------------------------------------------ posts


@pytest.mark.parametrize(
    ("lang", "text", "person", "org", "role"),
    [
        (
            "fi",
            "Kunnanhallitus\n\nYhteinen hanke\n\nValmistelija Strategiapäällikkö Maija Virtanen\n\n"
            "Sallan kunta osallistuu hankkeeseen. Sallan kunta maksaa osuutensa.\n",
            "Maija Virtanen",
            "fi-732",
            "strategiapäällikkö",
        ),
        (
            "sv",
            "Rubrik\n\nBeslutet välkomnas av Anna Berg, projektdirektör vid Region Norrbotten.\n",
            "Anna Berg",
            "region-norrbotten",
            "projektdirektör",
        ),
        (
            "sv",
            "Rubrik\n\nProjektdirektör vid Region Norrbotten Anna Berg är nöjd.\n",
            "Anna Berg",
            "region-norrbotten",
            "projektdirektör",
        ),
        (
            "sv",
            "Rubrik\n\nDet säger Karl Lind, utvecklingsstrateg hos Fjällnära Utveckling AB.\n",
            "Karl Lind",
            "Fjällnära Utveckling AB",
            "utvecklingsstrateg",
        ),
        (
            "sv",
            "Rubrik\n\nDet säger Karl Lind, Region Västerbottens regionråd.\n",
            "Karl Lind",
            "region-vasterbotten",
            "regionråd",
        ),
        (
            "sv",
            "Rubrik\n\nMer information: Karin Holm, projektledare, Region Västerbotten.\n",
            "Karin Holm",
            "region-vasterbotten",
            "projektledare",
        ),
        (
            "fi",
            "Otsikko\n\nKainuun liiton maakuntajohtaja Pekka Korhonen kommentoi päätöstä.\n",
            "Pekka Korhonen",
            "kainuun-liitto",
            "maakuntajohtaja",
        ),
        (
            "fi",
            "Otsikko\n\nPäätöstä kommentoi Pekka Korhonen, Kainuun liiton maakuntajohtaja.\n",
            "Pekka Korhonen",
            "kainuun-liitto",
            "maakuntajohtaja",
        ),
        (
            "fi",
            "Otsikko\n\nHankkeen projektipäällikkönä toimii Liisa Laine Kajaanin kaupungilta.\n",
            "Liisa Laine",
            "fi-205",
            "projektipäällikkö",
        ),
    ],
)
def test_post_patterns_in_both_languages(reference_only, tmp_path, lang, text, person, org, role):
    """The title before or after the name, the organisation after vid/på/hos/i, in the genitive
    before the title, after a comma, or in a Finnish ablative; a minute's role word (Valmistelija)
    before the title: one post, at that organisation, with the title as written."""
    p = read_text(reference_only, tmp_path, text, lang)
    by_name = {e.name: k for k, e in p.entities.items()}
    posts = [r for r in p.relations if r.relation == "holdsPost" and r.subject == by_name.get(person)]
    assert len(posts) == 1, [(p.entities[r.subject].name, p.entities[r.object].name) for r in p.relations]
    target = p.entities[posts[0].object]
    assert (target.iri or target.name).rsplit("/", 1)[-1] == org
    assert posts[0].role == role


# ------------------------------------------------------------------ the review sheet and the .ttl


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    target = tmp_path_factory.mktemp("ingest-trial") / "data"
    shutil.copytree(REPO / "data", target)
    return target


def test_known_entities_show_their_type_and_name_in_the_sheet(data, tmp_path):
    """A row of an entity the graph knows has its class and the graph's preferred label, so that a
    reviewer sees what the mention was matched to; importing the sheet gives the same facts."""
    folder = tmp_path / "draft"
    result = CliRunner().invoke(
        app, ["ingest", str(SV_TEXT), "--id", "910_x", "--out", str(folder), "--data", str(data)]
    )
    assert result.exit_code == 0, result.output
    with (folder / "entities.csv").open(encoding="utf-8") as handle:
        rows = {row["iri"]: row for row in csv.DictReader(handle)}
    arjeplog = rows["https://w3id.org/samverkan/id/municipality/se-2506"]
    assert (arjeplog["type"], arjeplog["name_sv"]) == ("Municipality", "Arjeplog")
    region = rows["https://w3id.org/samverkan/id/org/region-norrbotten"]
    assert (region["type"], region["name_sv"]) == ("RegionalAuthority", "Region Norrbotten")
    assert all(row["type"] for row in rows.values())
    imported = CliRunner().invoke(app, ["import", str(folder), "--data", str(data), "--dry-run"])
    assert imported.exit_code == 0, imported.output


def test_ttl_header_names_kg_ingest_the_file_and_the_day(data, tmp_path):
    out = tmp_path / "x.ttl"
    result = CliRunner().invoke(app, ["ingest", str(SV_TEXT), "--id", "911_x", "--out", str(out), "--data", str(data)])
    assert result.exit_code == 0, result.output
    first = out.read_text(encoding="utf-8").splitlines()[0]
    today = dt.datetime.now(dt.UTC).date().isoformat()
    assert first == f"# Source document 911_x, proposed by `kg ingest` from {SV_TEXT.name} on {today}."
    assert "kg import" not in out.read_text(encoding="utf-8")


# ------------------------------------------------------------------ dates and amounts


@pytest.mark.parametrize(
    ("lang", "text", "name", "start", "end"),
    [
        (
            "sv",
            "Rubrik\n\nStorumans kommun leder projektet Fjällbuss. Projektet startade i september 2023.\n\n"
            "Arbetet pågår under tre år.\n",
            "Fjällbuss",
            "2023-09",
            "2026",
        ),
        (
            "sv",
            "Rubrik\n\nStorumans kommun leder projektet Fjällbuss. Projektet startar i början av 2025 och pågår "
            "till och med 2026.\n",
            "Fjällbuss",
            "2025",
            "2026",
        ),
        (
            "fi",
            "Otsikko\n\nSallan kunta hallinnoi Tunturibussi-hanketta. Hanke alkaa alkuvuodesta 2025.\n",
            "Tunturibussi",
            "2025",
            None,
        ),
        (
            "fi",
            "Otsikko\n\nSallan kunta hallinnoi Tunturibussi-hanketta. Hanke käynnistyy toukokuun puolivälissä 2025 "
            "ja päättyy vuoden 2026 lopussa.\n",
            "Tunturibussi",
            "2025-05",
            "2026",
        ),
        (
            "fi",
            "Otsikko\n\nSallan kunta hallinnoi Tunturibussi-hanketta. Hanke kestää tammikuusta 2024 kesäkuuhun 2025.\n",
            "Tunturibussi",
            "2024-01",
            "2025-06",
        ),
        (
            "sv",
            "Rubrik\n\nStorumans kommun leder projektet Fjällbuss som pågår till och med 2026.\n",
            "Fjällbuss",
            None,
            "2026",
        ),
        (
            "sv",
            "Rubrik\n\nStorumans kommun leder projektet Fjällbuss. Projektet startar i höst.\n",
            "Fjällbuss",
            "2024",
            None,
        ),
        (
            "fi",
            "Otsikko\n\nSallan kunta hallinnoi Tunturibussi-hanketta. Hanke alkaa ensi vuonna.\n",
            "Tunturibussi",
            "2025",
            None,
        ),
    ],
)
def test_vague_dates_at_their_precision(reference_only, tmp_path, lang, text, name, start, end):
    """A part of a year is a year (xsd:gYear), a part of a month a month; a season or a year told
    relative to the document (i höst, ensi vuonna) is counted from its issued date; an end follows
    from the start and a duration told in another sentence."""
    p = read_text(reference_only, tmp_path, text, lang, issued="2024-05-02")
    entity = next(e for e in p.entities.values() if e.name == name)
    assert (entity.start, entity.end) == (start, end)


@pytest.mark.parametrize(
    ("lang", "text", "amount", "currency"),
    [
        ("sv", "Rubrik\n\nRegion Västerbotten beviljar 2,5 miljoner till projektet Fjällbuss.\n", "2500000", "SEK"),
        ("fi", "Otsikko\n\nLapin liitto myönsi Tunturibussi-hankkeelle 1,2 miljoonaa.\n", "1200000", "EUR"),
        ("fi", "Otsikko\n\nLapin liitto myönsi Tunturibussi-hankkeelle 45 000 euron tuen.\n", "45000", "EUR"),
        (
            "sv",
            "Rubrik\n\nRegion Västerbotten finansierar projektet Fjällbuss med 100 000 kronor i året.\n",
            "100000 / year",
            "SEK",
        ),
        (
            "sv",
            "Rubrik\n\nRegion Västerbotten finansierar projektet Fjällbuss med 500 000 kronor i år.\n",
            "500000",
            "SEK",
        ),
        (
            "sv",
            "Rubrik\n\nRegion Västerbotten finansierar projektet Fjällbuss med en halv miljon kronor.\n",
            "500000",
            "SEK",
        ),
        ("fi", "Otsikko\n\nLapin liitto myönsi Tunturibussi-hankkeelle kaksi miljoonaa euroa.\n", "2000000", "EUR"),
        ("sv", "Rubrik\n\nStorumans kommun ansöker om 300 000 kronor för projektet Fjällbuss.\n", None, None),
        ("fi", "Otsikko\n\nSallan kunnalta haettava rahoitus Tunturibussi-hankkeelle on 20 000 euroa.\n", None, None),
    ],
)
def test_amounts_scale_words_years_and_applications(reference_only, tmp_path, lang, text, amount, currency):
    """A scale word without a currency takes the text's currency (kronor in Swedish, euro in
    Finnish, unless the text writes another); a past-tense grant (myönsi) is a grant; 'i året' is
    per year, 'i år' this year's; money applied for is no funding."""
    p = read_text(reference_only, tmp_path, text, lang, issued="2024-05-02")
    funded = [(r.amount, r.currency) for r in p.relations if r.relation == "funds" and r.amount]
    assert funded == ([(amount, currency)] if amount else [])


def test_headline_event_on_the_days_the_text_tells_not_its_publication_day(reference_only, tmp_path):
    """An event named by the headline takes the days the text gives it (a range of days within a
    month, in the document's year when none is written), not the day of the publication line."""
    text = (
        "Hoppa till huvudinnehållet\nPublicerad: 2025-06-10\n\nSeminarium om fjällturism i Storuman\n\n"
        "Den 3–4 juni samlades kommunerna i Storuman. Storumans kommun var värd.\n"
    )
    p = read_text(reference_only, tmp_path, text, "sv")
    assert p.title == "Seminarium om fjällturism i Storuman"
    event = next(e for e in p.entities.values() if e.kind == "Seminar")
    assert (event.start, event.end) == ("2025-06-03", "2025-06-04")
