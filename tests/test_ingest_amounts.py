"""`kg ingest`: the amounts and dates a text gives, and what they attach to (issue 19).

Every text here is written for these tests, with made-up project and person names (the
municipalities and regions are real, so that they reconcile with the reference data). Each test is
one kind of money or time expression, in both languages where the kind exists in both; one
module-scoped reader serves them all.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def read(reference_only, tmp_path_factory):
    """Read a text (written to a file of its own) with the one loaded reader of the module."""
    from kg.ingest import propose
    from kg.ingest.pipeline import reader_for

    folder = tmp_path_factory.mktemp("texts")

    def read_text(text: str, lang: str, issued: str | None = None):
        path = folder / "text.txt"
        path.write_text(text, encoding="utf-8")
        return propose(path, lang=lang, issued=issued, reader=reader_for(reference_only, "text"))

    return read_text


def amounts(p) -> set[tuple[str, str, str | None]]:
    """(funder's name, amount as written in the proposal, currency) of every funding with an amount."""
    return {
        (p.entities[r.subject].name, r.amount, r.currency) for r in p.relations if r.relation == "funds" and r.amount
    }


def period(p, name: str) -> tuple[str | None, str | None]:
    entity = next(e for e in p.entities.values() if e.name == name)
    return entity.start, entity.end


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "sv",
            "Ny cykelled\n\nProjektet Fjällpedal pågår 2024–2026. "
            "Storumans kommun går in med 150 000 kronor per år i projektet.\n",
            {("Storuman", "150000 / year", "SEK")},
        ),
        (
            "fi",
            "Uusi reitti\n\nPäätösehdotus: Inarin kunta osallistuu Tunturipolku-hankkeeseen 45 000 eurolla.\n",
            {("Inari", "45000", "EUR")},
        ),
    ],
)
def test_money_put_in_without_a_verb_of_granting(read, lang, text, expected):
    """A verb or noun of contributing (``går in med``, ``osallistuu N eurolla``) makes the amount its
    subject's funding; it had been read as no funding at all."""
    assert amounts(read(text, lang)) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "sv",
            "Ny led\n\nStorumans kommun och Vilhelmina kommun satsar tillsammans 2,6 miljoner kronor "
            "på projektet Fjällpedal.\n",
        ),
        (
            "fi",
            "Uusi reitti\n\nSodankylän kunta ja Kittilän kunta rahoittavat Tunturipolku-hanketta "
            "yhteensä 60 000 eurolla.\n",
        ),
    ],
)
def test_a_joint_sum_is_no_one_payers_amount(read, lang, text):
    """``A och B satsar tillsammans N``, ``A ja B rahoittavat yhteensä N``: the sum is not one
    payer's (it had gone to the payer named last)."""
    assert amounts(read(text, lang)) == set()


def test_each_one_named_before_pays_its_share(read):
    """``Kunnat maksavat kukin N`` after a sentence that names them: each municipality pays N."""
    p = read(
        "Uusi reitti\n\nSodankylän kunta ja Kittilän kunta rahoittavat Tunturipolku-hanketta. "
        "Kunnat maksavat kukin 30 000 euroa.\n",
        "fi",
    )
    assert amounts(p) == {("Sodankylä", "30000", "EUR"), ("Kittilä", "30000", "EUR")}


def test_who_grants_pays_not_the_leader_area_it_funds(read):
    """``Nämnden i Region X beslutade att medfinansiera Leader Y med N``: the subject of the grant
    pays; the Leader area after the verb is what the money goes to (it had been read as the payer)."""
    p = read(
        "Leader-medel\n\nRegion Jämtland Härjedalen beslutade att medfinansiera Leader Fjällbyarna "
        "med 2 400 000 kronor för perioden 2024–2027.\n",
        "sv",
    )
    assert amounts(p) == {("Region Jämtland Härjedalen", "2400000", "SEK")}


def test_contributor_in_the_nominative_pays_not_the_company_in_the_genitive(read):
    """``Utsjoen kunta osallistuu Yhtiö Oy:n toimintaan N euron vuosittaisella rahoitusosuudella``:
    the municipality pays N a year; the company in the genitive receives it."""
    p = read(
        "Matkailuyhtiö\n\nPäätösehdotus: Utsjoen kunta osallistuu Revontulimatka Oy:n toimintaan "
        "25 000 euron vuosittaisella rahoitusosuudella.\n",
        "fi",
        issued="2024-03-04",
    )
    assert amounts(p) == {("Utsjoki", "25000 / year", "EUR")}


@pytest.mark.parametrize(
    ("lang", "text", "name", "expected"),
    [
        (
            "sv",
            "Ny led\n\nProjektet Fjällpedal pågår 2023–2025.\n\n"
            "Projektet startar den 1 april 2023 och avslutas den 31 december 2025.\n",
            "Fjällpedal",
            ("2023-04-01", "2025-12-31"),
        ),
        (
            "fi",
            "Uusi reitti\n\nTunturipolku-hanke toteutetaan vuosina 2024–2026.\n\n"
            "Hanke alkaa 1.3.2024 ja päättyy 31.10.2026.\n",
            "Tunturipolku",
            ("2024-03-01", "2026-10-31"),
        ),
    ],
)
def test_a_period_told_again_to_the_day_is_kept_to_the_day(read, lang, text, name, expected):
    """A period given first in years and then to the day keeps the days (the precision written)."""
    assert period(read(text, lang), name) == expected


def test_a_finer_date_of_another_year_does_not_replace_the_period(read):
    """A day outside the years told first is not of that period: the years stay."""
    p = read(
        "Ny led\n\nProjektet Fjällpedal pågår 2023–2025.\n\nProjektet startar den 1 april 2022.\n",
        "sv",
    )
    assert period(p, "Fjällpedal") == ("2023", "2025")


@pytest.mark.parametrize(
    ("lang", "text", "name", "end"),
    [
        ("sv", "Ny utredning\n\nFörstudien Fjällpedal ska vara klar hösten 2024.\n", "Fjällpedal", "2024"),
        ("fi", "Uusi hanke\n\nTunturipolku-hanke valmistuu maaliskuussa 2025.\n", "Tunturipolku", "2025-03"),
    ],
)
def test_a_word_of_finishing_dates_the_end(read, lang, text, name, end):
    """``ska vara klar``, ``valmistuu``: the date is the initiative's end, not its start."""
    assert period(read(text, lang), name)[1] == end


def test_a_numbered_inquiry_starts_in_the_year_of_its_number(read):
    """``SOU 2031:7`` is published, so started, in 2031 (its number carries the year)."""
    p = read("Ny utredning\n\nRegeringen har tagit emot betänkandet SOU 2031:7 om fjällens framtid.\n", "sv")
    inquiries = {e.name: e.start for e in p.entities.values() if e.name.startswith("SOU")}
    assert inquiries == {"SOU 2031:7": "2031"}


@pytest.mark.parametrize(
    ("lang", "text", "name", "expected"),
    [
        (
            "sv",
            "Ny led\n\nPublicerad 2031-02-15\n\n"
            "Projektet Fjällpedal påbörjas i mars och ska stå klart sommaren 2032.\n",
            "Fjällpedal",
            ("2031-03", "2032"),
        ),
        (
            "fi",
            "Uusi reitti\n\nJulkaistu 15.2.2031\n\n"
            "Tunturipolku-hanke käynnistyy syyskuun alussa ja päättyy vuonna 2033.\n",
            "Tunturipolku",
            ("2031-09", "2033"),
        ),
    ],
)
def test_a_month_without_its_year_is_in_the_documents_year(read, lang, text, name, expected):
    """``i mars``, ``syyskuun alussa``: the month of the document's year (a ``gYearMonth``), not
    skipped; ``stå klart`` ends the period."""
    assert period(read(text, lang), name) == expected


def test_a_decision_is_no_end(read):
    """``beslutar`` holds ``slutar`` (ends) inside it: a decision with a period of years is no
    end of the initiative (the year had been read as its end)."""
    p = read(
        "Ny led\n\nKommunstyrelsen i Malå beslutar att projektet Fjällpedal presenteras i Malå under 2031.\n",
        "sv",
    )
    assert period(p, "Fjällpedal") == (None, None)


def test_a_grant_named_by_the_minutes_item_runs_over_its_years(read):
    """A minute headed by its body's name (``Regionala utvecklingsnämnden``) is titled by its item
    (``§ 12 …``); the grant the item names runs over the years the title gives, and an amount a
    year in a sentence with its own period gets that period."""
    p = read(
        "Regionala utvecklingsnämnden\n\nProtokoll 2030-12-12\n\n§ 12 Medfinansiering av Leader 2031–2034\n\n"
        "Region Jämtland Härjedalen beslutar att avsätta 6 miljoner kronor per år för medfinansiering av "
        "Leaderområdena i länet under perioden 2031–2034.\n",
        "sv",
    )
    assert p.title == "Medfinansiering av Leader 2031–2034"
    assert period(p, p.title) == ("2031", "2034")
    (funding,) = [r for r in p.relations if r.relation == "funds" and r.amount]
    assert (p.entities[funding.subject].name, funding.amount, funding.start, funding.end) == (
        "Region Jämtland Härjedalen",
        "6000000 / year",
        "2031",
        "2034",
    )


@pytest.mark.parametrize(
    ("lang", "text", "issued", "title"),
    [
        (
            "sv",
            "Pressmeddelande  •  Dec 12, 2030 10:15 CET\n\nNya pengar till byarna\n\nProjektet startar 1 mars 2031.\n",
            "2030-12-12",
            "Nya pengar till byarna",
        ),
        (
            "fi",
            "Tiedote, Kajaani, 22. kesäkuuta 2030\n\nRahaa kylille\n\nHanke alkaa 1.9.2031.\n",
            "2030-06-22",
            "Rahaa kylille",
        ),
        ("fi", "Rahaa kylille\n\nHanke alkaa 1.9.2031\n\nKylät saavat rahaa.\n", None, "Rahaa kylille"),
    ],
)
def test_the_dateline_dates_the_document(read, reference_only, tmp_path, lang, text, issued, title):
    """A dateline at the head (a news service's ``Dec 12, 2030``, ``Tiedote, place, day``) is the
    document's issued date, written on its node in the ``.ttl``; a short line that says when
    something starts is none."""
    from kg.ingest import ingest

    p = read(text, lang)
    assert (p.issued, p.title) == (issued, title)
    source = tmp_path / "text.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "dated.ttl"
    ingest(source, stem="dated", out=out, lang=lang, data_dir=reference_only)
    written = out.read_text(encoding="utf-8")
    assert f'dcterms:language "{lang}"' in written and 'dcterms:identifier "dated"' in written
    assert (f'dcterms:issued "{issued}"^^xsd:date' in written) == (issued is not None)


def test_the_clauses_of_a_decision_are_granted_by_who_decides(read):
    """A Swedish decision line (``Region X beslutar``) with its clauses on lines of their own (``att
    bevilja Leader Y N kronor``): who decides pays, not the Leader area the clause names."""
    p = read(
        "Regionala utvecklingsnämnden\n\nProtokoll 2030-12-12\n\n§ 8 Medfinansiering Leader 2031\n\n"
        "Region Jämtland Härjedalen beslutar\n\natt bevilja Leader Fjällbyarna 1 200 000 kronor i "
        "medfinansiering för 2031.\n",
        "sv",
    )
    assert amounts(p) == {("Region Jämtland Härjedalen", "1200000", "SEK")}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fi",
            "Rahaa kylille\n\nTiedote 1.2.2031\n\nKuhmon kaupunki hallinnoi Erämaapolku-hanketta. Kunnan rahoitusosuus "
            "Erämaapolku-hankkeeseen on yhteensä 36 000 euroa (12 000 euroa/vuosi).\n",
            {("Kuhmo", "36000", "EUR"), ("Kuhmo", "12000 / year", "EUR")},
        ),
        (
            "sv",
            "Pengar till byarna\n\nProjektet Fjällpedal drivs av Malå kommun. Kommunens egen insats i "
            "projektet är 400 000 kronor.\n",
            {("Malå", "400000", "SEK")},
        ),
    ],
)
def test_the_municipalitys_own_share_named_by_its_kind(read, lang, text, expected):
    """``Kunnan rahoitusosuus``, ``kommunens egen insats``: the municipality that carries out the
    project pays; a yearly word in brackets belongs to the amount beside it, not to the total."""
    assert amounts(read(text, lang)) == expected


@pytest.mark.parametrize(
    ("lang", "text", "name", "expected"),
    [
        (
            "sv",
            "Ny led\n\nProjektet Fjällpedal pågår från 1 mars 2031 till 28 februari 2033.\n",
            "Fjällpedal",
            ("2031-03-01", "2033-02-28"),
        ),
        ("sv", "Ny led\n\nProjektet Fjällpedal genomförs mellan 2031 och 2033.\n", "Fjällpedal", ("2031", "2033")),
        (
            "fi",
            "Uusi reitti\n\nTunturipolku-hanke toteutetaan tammikuusta 2031 joulukuuhun 2032.\n",
            "Tunturipolku",
            ("2031-01", "2032-12"),
        ),
        (
            "fi",
            "Uusi reitti\n\nTunturipolku-hanke toteutetaan 1.3.2031 alkaen 28.2.2033 saakka.\n",
            "Tunturipolku",
            ("2031-03-01", "2033-02-28"),
        ),
    ],
)
def test_two_dates_joined_into_one_period(read, lang, text, name, expected):
    """``från A till B``, ``mellan A och B``, ``A:sta B:hun``, ``A alkaen B saakka``: one period,
    start and end."""
    assert period(read(text, lang), name) == expected


def test_a_month_without_its_year_is_not_the_end_of_a_period(read):
    """``genomfördes under 2031 och slutrapporten presenterades i januari``: January is when the
    report came, not the pre-study's end."""
    p = read(
        "Nyhet 2032-04-02\n\nNy rapport\n\n"
        "Förstudien Fjällpendeln genomfördes under 2031 och slutrapporten presenterades i januari.\n",
        "sv",
    )
    assert period(p, "Fjällpendeln") == ("2031", None)


def test_kommunerna_each_are_the_municipalities_named_before(read):
    """``Kommunerna medfinansierar med N kronor var`` after a sentence naming three municipalities:
    each of the three pays N (``var``: each)."""
    p = read(
        "Pengar till Ådalen\n\nHärnösands kommun, Kramfors kommun och Sollefteå kommun har fått 2,4 miljoner "
        "kronor från Tillväxtverket för projektet Ådalsleden. Kommunerna medfinansierar med 400 000 kronor var.\n",
        "sv",
    )
    assert amounts(p) == {
        ("Tillväxtverket", "2400000", "SEK"),
        ("Härnösand", "400000", "SEK"),
        ("Kramfors", "400000", "SEK"),
        ("Sollefteå", "400000", "SEK"),
    }


def test_a_board_and_its_municipality_are_not_a_joint_sum(read):
    """``Kunnanhallitus esittää, että Enontekiön kunta sitoutuu rahoittamaan … yhteensä N eurolla``:
    the board and the municipality are not two payers of a joint sum; the municipality pays N."""
    p = read(
        "Matkailu\n\nPäätösehdotus: Kunnanhallitus esittää valtuustolle, että Enontekiön kunta sitoutuu "
        "rahoittamaan Tunturimatka-hanketta vuosina 2031–2033 yhteensä 55 500 eurolla.\n",
        "fi",
    )
    assert amounts(p) == {("Enontekiö", "55500", "EUR")}


@pytest.mark.parametrize(
    ("lang", "text", "name", "expected"),
    [
        ("sv", "Nya projekt\n\nFörstudien Myrstigen ska genomföras under hösten 2031.\n", "Myrstigen", ("2031", None)),
        (
            "sv",
            "Nya projekt\n\nProjektet Forsvägen pågår i 36 månader från 1 september 2031.\n",
            "Forsvägen",
            ("2031-09-01", "2034"),
        ),
        (
            "fi",
            "Uudet hankkeet\n\nMetsäpolku-hankkeen kesto on 24 kuukautta ja se alkaa 1.9.2031.\n",
            "Metsäpolku",
            ("2031-09-01", "2033"),
        ),
    ],
)
def test_when_an_initiative_is_carried_out_and_for_how_long(read, lang, text, name, expected):
    """``ska genomföras under hösten 2031`` (any form of genomföra) starts the pre-study; a duration
    from a known start (``i 36 månader från``, ``kesto on 24 kuukautta … alkaa``) ends in the year
    its last month falls in."""
    assert period(read(text, lang), name) == expected


@pytest.mark.parametrize(
    ("lang", "text", "name", "expected"),
    [
        ("sv", "Ny led\n\nProjektet Fjällpedal pågår till 2033.\n", "Fjällpedal", (None, "2033")),
        (
            "sv",
            "Ny led\n\nProjektet Fjällpedal startade 2031 och pågår till den 30 juni 2033.\n",
            "Fjällpedal",
            ("2031", "2033-06-30"),
        ),
        (
            "fi",
            "Uusi reitti\n\nTunturipolku-hanke toteutetaan vuoden 2033 loppuun mennessä.\n",
            "Tunturipolku",
            (None, "2033"),
        ),
    ],
)
def test_a_date_after_till_or_before_mennessa_is_the_end(read, lang, text, name, expected):
    """``pågår till 2033`` (a bare ``till``) and ``vuoden 2033 loppuun mennessä`` close the period:
    the year had been read as the start."""
    assert period(read(text, lang), name) == expected


def test_a_finnish_ending_on_a_foreign_name_is_the_funder(read):
    """``Business Finlandilta``: a Finnish case ending after a name ending in a consonant is the
    agency the graph knows, so the amount has its funder."""
    p = read(
        "Uutinen 2.5.2031\n\nRahoitus Metsäpolulle\n\nMetsäpolku-hanke sai Business Finlandilta 150 000 euroa. "
        "Hanke on osa kuntien yhteistä työtä.\n",
        "fi",
    )
    assert amounts(p) == {("Business Finland", "150000", "EUR")}


@pytest.mark.parametrize(
    ("lang", "text", "name", "start"),
    [
        ("sv", "Nyhet 2031-03-05\n\nNy led\n\nProjektet Fjällpedal startade i oktober.\n", "Fjällpedal", "2030-10"),
        (
            "fi",
            "Uutinen 20.11.2031\n\nUusi reitti\n\nTunturipolku-hanke alkaa maaliskuussa.\n",
            "Tunturipolku",
            "2032-03",
        ),
        ("sv", "Nyhet 2031-03-05\n\nNy led\n\nProjektet Fjällpedal startar i maj.\n", "Fjällpedal", "2031-05"),
        (
            "sv",
            "Nyhet 2031-12-10\n\nNy led\n\nProjektet Fjällpedal startar den 15 januari.\n",
            "Fjällpedal",
            "2032-01-15",
        ),
    ],
)
def test_a_month_without_its_year_in_the_year_its_tense_tells(read, lang, text, name, start):
    """A month after the publication told in the past was last year's; one before it told as coming
    is next year's; otherwise the document's year."""
    assert period(read(text, lang), name)[0] == start


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fi",
            "Uutinen 2.5.2031\n\nRahoitus Metsäpolulle\n\nMetsäpolku-hankkeen kokonaisbudjetti on 116 000 euroa. "
            "Lapin liitto rahoittaa hanketta 80 prosentin osuudella ja Sallan kunta 20 prosentin osuudella.\n",
            {("Lapin liitto", "92800", "EUR"), ("Salla", "23200", "EUR")},
        ),
        (
            "sv",
            "Nyhet 2031-05-02\n\nPengar till Fjällpedal\n\nProjektet Fjällpedal har en total budget på 2 miljoner "
            "kronor. Region Västerbotten finansierar 60 procent och Lycksele kommun 40 procent.\n",
            {("Region Västerbotten", "1200000", "SEK"), ("Lycksele", "800000", "SEK")},
        ),
    ],
)
def test_shares_of_a_budget_told_before(read, lang, text, expected):
    """A total budget is nobody's funding; the percentage shares told of it in the next sentence are
    each payer's part of it (the way the curated source 12 records them)."""
    assert amounts(read(text, lang)) == expected


def test_payers_named_by_their_kind_alone(read):
    """``Länsstyrelsen bidrar med N … och kommunen med M``: each kind word is the one of that kind
    the text named (the county board, the publishing municipality); ``Kommunen har fått N från X``
    is X's money, not the municipality's."""
    p = read(
        "Pressmeddelande 2031-02-15\n\nNytt besökscentrum\n\nKramfors kommun och Länsstyrelsen Västernorrland har "
        "tecknat avtal om projektet Kustporten. Länsstyrelsen bidrar med 2 miljoner kronor och kommunen med "
        "500 000 kronor.\n",
        "sv",
    )
    assert amounts(p) == {("Länsstyrelsen i Västernorrlands län", "2000000", "SEK"), ("Kramfors", "500000", "SEK")}
    p = read(
        "Nyhet 2031-05-02\n\nPengar till Fjällpedal\n\nProjektet Fjällpedal drivs av Lycksele kommun. Kommunen har "
        "fått 2 miljoner kronor från Region Västerbotten.\n",
        "sv",
    )
    assert amounts(p) == {("Region Västerbotten", "2000000", "SEK")}


def test_a_payer_named_by_its_kind_in_the_ablative(read):
    """``Kylätie-hanke sai kunnalta N``: the municipality the text named pays, though the sentence
    tells who receives."""
    p = read(
        "Kunnanhallitus 5.2.2031\n\nAvustus kyläyhdistykselle\n\nSallan kunta tukee Kylätie-hanketta. "
        "Kylätie-hanke sai kunnalta 3 000 euroa.\n",
        "fi",
    )
    assert amounts(p) == {("Salla", "3000", "EUR")}
