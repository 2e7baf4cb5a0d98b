"""`kg import`: a sheet (XLSX or a folder of CSV files) -> one validated source file.

Every Bad input case of issue 17 is a test here: a clear error naming sheet, row and column,
exit 2, and nothing written.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.tabular.sheets import write_workbook

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "import" / "move-on-up"
ID = "https://w3id.org/samverkan/id/"


@pytest.fixture
def data(tmp_path):
    """A copy of the shipped data folder to import into, without the curated source of the same news
    item as the example sheet (01_sv_gallivare-move-on-up) and without the registers: the tests show
    what importing a document the graph does not know yet does (new entities minted, and so on)."""
    target = tmp_path / "data"
    skip = ("01_sv_gallivare-move-on-up.ttl", "register-")
    shutil.copytree(REPO / "data", target, ignore=lambda _d, names: [n for n in names if n.startswith(skip)])
    return target


def read_example() -> dict[str, tuple[list[str], list[list[str]]]]:
    sheets = {}
    for path in sorted(EXAMPLE.glob("*.csv")):
        rows = list(csv.reader(path.open(encoding="utf-8")))
        sheets[path.stem] = (rows[0], rows[1:])
    return sheets


def make_sheet(tmp_path: Path, edit=None, fmt: str = "csv", name: str = "sheet") -> Path:
    """The example sheet, changed by ``edit(sheets)``, written as CSV folder or XLSX."""
    sheets = read_example()
    if edit is not None:
        edit(sheets)
    target = tmp_path / (name + (".xlsx" if fmt == "xlsx" else ""))
    return write_workbook(target, sheets, fmt)


def set_cell(sheets, sheet: str, row: int, column: str, value: str) -> None:
    header, rows = sheets[sheet]
    rows[row - 2][header.index(column)] = value


def run(*args):
    return CliRunner().invoke(app, ["import", *map(str, args)])


def sources(data: Path) -> list[str]:
    return sorted(p.name for p in (data / "sources").iterdir())


# ------------------------------------------------------------------ the example


def test_example_imports_and_builds(data):
    result = run(EXAMPLE, "--data", data)
    assert result.exit_code == 0, result.output
    out = data / "sources" / "example_move_on_up.ttl"
    assert out.is_file()
    text = result.output
    assert "matched   'gallivare' (Municipality) -> <https://w3id.org/samverkan/id/municipality/se-2523>" in text
    assert "matched   'jokkmokk' (Municipality) -> <https://w3id.org/samverkan/id/municipality/se-2510>" in text
    assert "minted    'move-on-up' (Project) -> <https://w3id.org/samverkan/id/initiative/move-on-up>" in text
    turtle = out.read_text(encoding="utf-8")
    # names in relations: inflected ("Kirunas"), with kommun, or the sheet's own new entities
    assert "mun:se-2584 a kg:Municipality" in turtle and "kg:participatesIn ini:move-on-up" in turtle
    assert "orgid:svenska-esf-radet a kg:FundingBody" in turtle
    assert "orgid:region-norrbotten kg:funds ini:move-on-up" in turtle
    assert "post:malin-kristoffersson--gallivare a kg:Post" in turtle
    built = CliRunner().invoke(app, ["validate", "--data", str(data), "--engine", "rdflib"])
    assert built.exit_code == 0, built.output


def test_dry_run_writes_nothing(data):
    before = sources(data)
    result = run(EXAMPLE, "--data", data, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "inget skrivet" in result.output  # "nothing written", in --lang's default, Swedish
    assert sources(data) == before


def test_reimport_is_byte_identical_and_xlsx_equals_csv(data, tmp_path):
    assert run(EXAMPLE, "--data", data).exit_code == 0
    out = data / "sources" / "example_move_on_up.ttl"
    first = out.read_bytes()
    again = run(EXAMPLE, "--data", data)
    assert again.exit_code == 0, again.output
    assert out.read_bytes() == first
    book = make_sheet(tmp_path, fmt="xlsx")
    from_xlsx = run(book, "--data", data)
    assert from_xlsx.exit_code == 0, from_xlsx.output
    # the same facts; only the comment naming the imported file differs
    assert out.read_bytes().split(b"\n", 1)[1] == first.split(b"\n", 1)[1]


def test_id_and_out_options(data, tmp_path):
    out = tmp_path / "elsewhere" / "mine.ttl"
    result = run(EXAMPLE, "--data", data, "--id", "mine", "--out", out)
    assert result.exit_code == 0, result.output
    assert "src:mine a kg:SourceDocument" in out.read_text(encoding="utf-8")


def test_ambiguous_rows_write_nothing_until_decided(data, tmp_path):
    def homonym(sheets):
        header, rows = sheets["entities"]
        rows.append(["overtornea", "kommun", "Övertorneå"] + [""] * (len(header) - 3))
        sheets["relations"][1].append(["overtornea", "deltar i", "move-on-up", "", "", "", "", "", ""])

    sheet = make_sheet(tmp_path, homonym)
    result = run(sheet, "--data", data)
    assert result.exit_code == 2
    assert "ambiguous 'overtornea' (Municipality)" in result.output
    assert "municipality/se-2518" in result.output and "municipality/fi-976" in result.output
    assert "nothing written" in result.output
    assert not (data / "sources" / "example_move_on_up.ttl").exists()

    def decided(sheets):
        homonym(sheets)
        header, rows = sheets["entities"]
        rows[-1][header.index("iri")] = "mun:se-2518"

    result = run(make_sheet(tmp_path, decided, name="decided"), "--data", data)
    assert result.exit_code == 0, result.output
    assert "mun:se-2518 a kg:Municipality" in (data / "sources" / "example_move_on_up.ttl").read_text("utf-8")


def test_ambiguous_relation_cell(data, tmp_path):
    def edit(sheets):
        sheets["relations"][1].append(["Övertorneå", "deltar i", "move-on-up", "", "", "", "", "", ""])

    result = run(make_sheet(tmp_path, edit), "--data", data)
    assert result.exit_code == 2
    assert "ambiguous subject 'Övertorneå'" in result.output


def test_funding_with_amount_and_currency(data, tmp_path):
    def edit(sheets):
        set_cell(sheets, "relations", 6, "amount", "1 250 000")
        set_cell(sheets, "relations", 6, "currency", "sek")

    result = run(make_sheet(tmp_path, edit), "--data", data)
    assert result.exit_code == 0, result.output
    turtle = (data / "sources" / "example_move_on_up.ttl").read_text("utf-8")
    assert 'kg:amount "1250000"^^xsd:decimal' in turtle and 'kg:currency "SEK"' in turtle
    assert "ini:move-on-up" in turtle and "kg:hasFunding" in turtle


def test_shape_violation_writes_nothing(data, tmp_path):
    def edit(sheets):
        set_cell(sheets, "entities", 7, "end", "2020-01-01")  # before the start

    result = run(make_sheet(tmp_path, edit), "--data", data)
    assert result.exit_code == 1
    assert "does not validate" in result.output
    assert f"Violation: {data / 'sources' / 'example_move_on_up.ttl'}" in result.output  # the file to be written
    assert not (data / "sources" / "example_move_on_up.ttl").exists()


# ------------------------------------------------------------------ bad input: exit 2, nothing written


def _bad(data, sheet, *expected, extra=()):
    before = sources(data)
    result = run(sheet, "--data", data, *extra)
    assert result.exit_code == 2, result.output
    for text in expected:
        assert text in result.output, result.output
    assert sources(data) == before
    return result


def test_empty_workbook(data, tmp_path):
    book = openpyxl.Workbook()
    path = tmp_path / "empty.xlsx"
    book.save(path)
    _bad(data, path, "empty.xlsx", "the workbook is empty")


def test_empty_csv_folder(data, tmp_path):
    (tmp_path / "sheet").mkdir()
    _bad(data, tmp_path / "sheet", "the folder is empty")


def test_missing_sheet(data, tmp_path):
    _bad(data, make_sheet(tmp_path, lambda s: s.pop("relations"), fmt="xlsx"), "missing sheet 'relations'")


def test_missing_column(data, tmp_path):
    def edit(sheets):
        header, rows = sheets["entities"]
        at = header.index("type")
        sheets["entities"] = (
            [h for i, h in enumerate(header) if i != at],
            [[v for i, v in enumerate(r) if i != at] for r in rows],
        )

    _bad(data, make_sheet(tmp_path, edit), "sheet 'entities', row 1", "missing column 'type'")


def test_unknown_column_suggests_closest(data, tmp_path):
    def edit(sheets):
        sheets["entities"][0][sheets["entities"][0].index("country")] = "countyr"

    _bad(data, make_sheet(tmp_path, edit), "unknown column 'countyr'; closest valid column: 'country'")


def test_unknown_type(data, tmp_path):
    _bad(
        data,
        make_sheet(tmp_path, lambda s: set_cell(s, "entities", 3, "type", "kommunn")),
        "sheet 'entities', row 3, column 'type': unknown type 'kommunn'; closest valid: kommun",
    )


def test_unknown_relation(data, tmp_path):
    _bad(
        data,
        make_sheet(tmp_path, lambda s: set_cell(s, "relations", 2, "relation", "ledder")),
        "sheet 'relations', row 2, column 'relation': unknown relation 'ledder'; closest valid: 'leder'",
    )


def test_suggestions_are_written_as_the_labels_are_and_one_error_per_cell(data, tmp_path):
    # the suggestions were the folded keys ("kommunalforbund eller kommunsamverkan", 'finansiar'), which
    # a user copying them would type as a label that does not exist; and the unknown type was followed
    # by "a type is needed for an entity without an iri" for the same cell
    def edit(sheets):
        set_cell(sheets, "entities", 3, "type", "kommunn")
        set_cell(sheets, "relations", 2, "relation", "finansiera")

    result = _bad(
        data,
        make_sheet(tmp_path, edit),
        "row 3, column 'type': unknown type 'kommunn'; closest valid: kommun, "
        "kommunalförbund eller kommunsamverkan, tidigare kommun",  # equal scores by name: the same every run
        "row 2, column 'relation': unknown relation 'finansiera'; closest valid: 'finansierar', "
        "'finansieringsprogram', 'finansiär'",
    )
    assert "kommunalforbund" not in result.output and "'finansiar'" not in result.output
    assert "a type is needed" not in result.output and result.output.count("row 3, column 'type'") == 1


def test_the_report_line_says_what_a_post_or_funding_row_writes(data, tmp_path):
    # "Region Norrbotten | finansierar | move-on-up -> orgid:region-norrbotten kg:funds ini:move-on-up" was
    # printed where a kg:Funding node with the amount is written, and "kg:holdsPost mun:se-2523" where a post
    def edit(sheets):
        set_cell(sheets, "relations", 7, "amount", "ca 150 000 / år")
        set_cell(sheets, "relations", 7, "currency", "SEK")
        set_cell(sheets, "relations", 7, "start", "2023")

    result = run(make_sheet(tmp_path, edit), "--data", data, "--dry-run")
    assert result.exit_code == 0, result.output
    lines = {line.split()[1]: line for line in result.output.splitlines() if line.startswith("relations")}
    assert lines["7"].endswith(
        "-> ini:move-on-up kg:hasFunding funding:region-norrbotten--move-on-up "
        "(kg:funder orgid:region-norrbotten, ca 150000 SEK / year)"
    )
    assert lines["8"].endswith(
        "-> person:malin-kristoffersson kg:holdsPost post:malin-kristoffersson--gallivare, kg:postIn mun:se-2523"
    )
    assert lines["2"].endswith("-> mun:se-2523 kg:leads ini:move-on-up")  # a plain relation as before


def test_impossible_date(data, tmp_path):
    _bad(
        data,
        make_sheet(tmp_path, lambda s: set_cell(s, "entities", 7, "start", "2024-13-45")),
        "sheet 'entities', row 7, column 'start': '2024-13-45' is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)",
    )


def test_amount_not_a_number(data, tmp_path):
    def edit(sheets):
        set_cell(sheets, "relations", 6, "amount", "about 7500")
        set_cell(sheets, "relations", 6, "currency", "EUR")

    _bad(data, make_sheet(tmp_path, edit), "sheet 'relations', row 6, column 'amount': 'about 7500' is not a number")


def test_currency_not_iso_4217(data, tmp_path):
    def edit(sheets):
        set_cell(sheets, "relations", 6, "amount", "7500")
        set_cell(sheets, "relations", 6, "currency", "EUX")

    _bad(
        data,
        make_sheet(tmp_path, edit),
        "sheet 'relations', row 6, column 'currency': 'EUX' is not an ISO 4217 currency code; closest: EUR",
    )


def test_subject_matching_nothing_with_no_new(data, tmp_path):
    _bad(
        data,
        make_sheet(tmp_path),
        # row 6, Svenska ESF-rådet, is in the reference data: the first new entity is the project
        "sheet 'entities', row 7, column 'id': 'move-on-up' (Project) matches nothing",
        "matches nothing in the graph and --no-new forbids new entities",
        extra=["--no-new"],
    )


def test_relation_subject_matching_nothing(data, tmp_path):
    _bad(
        data,
        make_sheet(tmp_path, lambda s: set_cell(s, "relations", 3, "subject", "Qwxzv Holding")),
        "sheet 'relations', row 3, column 'subject': 'Qwxzv Holding' matches nothing",
    )


def test_formula_cell_xlsx(data, tmp_path):
    path = make_sheet(tmp_path, fmt="xlsx")
    book = openpyxl.load_workbook(path)
    book["relations"]["G6"] = "=1000*7"
    book.save(path)
    _bad(data, path, "sheet 'relations', row 6, column 'amount': a formula (=1000*7)")


def test_formula_cell_csv(data, tmp_path):
    _bad(
        data,
        make_sheet(tmp_path, lambda s: set_cell(s, "entities", 2, "name_sv", '=HYPERLINK("x")')),
        "sheet 'entities', row 2, column 'name_sv': a formula",
    )


def test_not_a_spreadsheet(data, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    _bad(data, text, "notes.txt: not a spreadsheet")
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"\x00\x01 not a zip")
    _bad(data, fake, "fake.xlsx: not a spreadsheet (XLSX) file")


def test_unknown_municipality_iri(data, tmp_path):
    _bad(
        data,
        make_sheet(tmp_path, lambda s: set_cell(s, "entities", 2, "iri", "mun:se-9999")),
        "sheet 'entities', row 2, column 'iri'",
        "municipality/se-9999> is not in the reference data",
    )


def test_shipped_xlsx_example_equals_the_csv_example(data, tmp_path):
    """examples/import/move-on-up.xlsx holds the same sheet as the CSV folder beside it."""
    one, two = tmp_path / "a.ttl", tmp_path / "b.ttl"
    assert run(EXAMPLE, "--data", data, "--out", one).exit_code == 0
    assert run(EXAMPLE.with_suffix(".xlsx"), "--data", data, "--out", two).exit_code == 0
    assert one.read_text("utf-8").split("\n", 1)[1] == two.read_text("utf-8").split("\n", 1)[1]


def test_statement_with_a_property_the_ontology_lacks_is_a_violation(data, tmp_path):
    def edit(sheets):
        sheets["statements"] = (
            ["subject", "property", "object", "value", "lang", "datatype"],
            [["move-on-up", "kg:startDate", "", "2023-09", "", "xsd:gYearMonth"]],
        )

    result = run(make_sheet(tmp_path, edit), "--data", data)
    assert result.exit_code == 1
    assert "kg:startDate is not a property of the ontology; closest: schema:startDate" in result.output
    assert not (data / "sources" / "example_move_on_up.ttl").exists()


def test_codes_iris_and_finnish_relations_in_cells(data, tmp_path):
    def edit(sheets):
        rows = sheets["relations"][1]
        rows.append(["kommunkod 2514", "osallistuu", "move-on-up", "", "", "", "", "", ""])  # Kalix, by its code
        rows.append(["mun:se-2580", "johtaa", "move-on-up", "", "", "", "", "", ""])  # Luleå, by IRI
        rows.append(["Kemijärven kaupunki", "on jäsen", "Lapin liitto", "", "", "", "", "", ""])  # inflected names
        set_cell(sheets, "entities", 7, "type", "hanke")

    result = run(make_sheet(tmp_path, edit), "--data", data)
    assert result.exit_code == 0, result.output
    assert "-> mun:se-2514 kg:participatesIn ini:move-on-up" in result.output
    assert "-> mun:se-2580 kg:leads ini:move-on-up" in result.output
    assert "-> mun:fi-320 kg:memberOf orgid:lapin-liitto" in result.output


# ------------------------------------------------------------------ the whole graph must conform with the new source


def _second_start(sheets, subject="ini:samhallsinnovation-i-glesa-geografin", date="2020-01-01"):
    """A statement giving an initiative another source describes (000_d0f522aa97cf2385, start
    2024-08-01) a second start date: that initiative breaks its shape (one start date)."""
    sheets["statements"] = (
        ["subject", "property", "object", "value", "lang", "datatype"],
        [[subject, "schema:startDate", "", date, "", "xsd:date"]],
    )


def _findings(report) -> set[tuple]:
    return {(r.severity, r.message, r.focus, r.path, r.value) for r in report.results}


def test_a_source_that_breaks_another_source_is_refused(data, tmp_path):
    from kg.build import build
    from kg.tabular.importer import import_sheet

    before = sources(data)
    sheet = make_sheet(tmp_path, _second_start)
    result = import_sheet(sheet, data_dir=data)
    assert not result.written and not result.conforms
    assert sources(data) == before
    broken = [r for r in result.report.results if r.severity == "Violation"]
    assert [(r.focus.rsplit("/", 1)[-1], r.path) for r in broken] == [
        ("samhallsinnovation-i-glesa-geografin", "schema:startDate")
    ]
    # the file it would be written to and the other source that describes the node
    assert str(data / "sources" / "example_move_on_up.ttl") in broken[0].files
    assert str(data / "sources" / "000_d0f522aa97cf2385.ttl") in broken[0].files
    # the same findings as a whole `kg build` of the folder with the new source in it, on both engines
    candidate = tmp_path / "example_move_on_up.ttl"
    candidate.write_text(result.turtle, encoding="utf-8")
    whole = build(None, None, files=[data, candidate], engine="oxigraph").report
    assert _findings(result.report) == _findings(whole)
    checked = import_sheet(sheet, data_dir=data, engine="rdflib")
    assert not checked.conforms and _findings(checked.report) == _findings(whole)
    # `--engine auto` is the incremental check of the changed source (it went the whole build's way)
    from kg.tabular.rest import rest_of_graph

    rest_of_graph(data, "example_move_on_up")._report = None
    automatic = import_sheet(sheet, data_dir=data, engine="auto")
    assert _findings(automatic.report) == _findings(whole)
    assert rest_of_graph(data, "example_move_on_up")._report is not None  # the rest's own validation, reused
    with pytest.raises(ValueError, match="unknown engine 'pyshacl'"):
        import_sheet(sheet, data_dir=data, engine="pyshacl")
    # the CLI: exit 1, the node of the other source named, nothing written
    out = run(sheet, "--data", data)
    assert out.exit_code == 1 and "samhallsinnovation-i-glesa-geografin" in out.output
    assert sources(data) == before


def test_the_rest_of_the_graph_is_read_again_when_a_file_changes(data, tmp_path):
    """Imports in one process reuse the rest of the graph they read; a source written (or changed)
    in between is part of the next import's rest: its facts are known and checked."""
    from kg.tabular.importer import import_sheet

    first = import_sheet(make_sheet(tmp_path, name="first"), data_dir=data)
    assert first.written, first.report.to_text()

    def restate(sheets):  # another document with another start for the same project
        set_cell(sheets, "source", 2, "id", "second_document")
        set_cell(sheets, "entities", 7, "start", "2023-10")

    second = import_sheet(make_sheet(tmp_path, restate, name="second"), data_dir=data)
    assert not second.written
    assert [(r.focus.rsplit("/", 1)[-1], r.path) for r in second.report.results if r.severity == "Violation"] == [
        ("move-on-up", "schema:startDate")
    ]
    # the first source removed: the second document is fine on its own
    (data / "sources" / "example_move_on_up.ttl").unlink()
    third = import_sheet(make_sheet(tmp_path, restate, name="third"), data_dir=data)
    assert third.written and third.conforms, third.report.to_text()


# ------------------------------------------------------------------ s31: a new user's sheet, as people fill them in


@pytest.fixture(scope="module")
def curated(tmp_path_factory):
    """The shipped data without the registers (as ``data``), once for the module: for the imports
    below that write nothing into it, so that the rest of the graph is read once."""
    target = tmp_path_factory.mktemp("curated") / "data"
    shutil.copytree(REPO / "data", target, ignore=lambda _d, names: [n for n in names if n.startswith("register-")])
    return target


def _people_write(sheets):
    """The example sheet as a Finnish user's spreadsheet writes it: dates d.m.yyyy, a kuntanumero
    without its leading zero (a spreadsheet reads 047 as the number 47), thousands separated by a
    narrow no-break space."""
    set_cell(sheets, "source", 2, "issued", "20.3.2024")
    set_cell(sheets, "entities", 7, "start", "9.2023")
    header, rows = sheets["entities"]
    enontekio = dict.fromkeys(header, "") | {"id": "eno", "type": "kunta", "name_fi": "Enontekiö", "code": "47"}
    rows.append([enontekio[h] for h in header])
    sheets["relations"][1].append(["eno", "osallistuu", "move-on-up", "", "", "", "", "", ""])
    set_cell(sheets, "relations", 7, "amount", "1\u202f250\u202f000")
    set_cell(sheets, "relations", 7, "currency", "SEK")


@pytest.fixture(scope="module")
def as_people_write(curated, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("people")
    out = tmp / "people.ttl"
    result = run(make_sheet(tmp, _people_write), "--data", curated, "--out", out)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_dates_written_d_m_yyyy_are_read(as_people_write):
    assert 'dcterms:issued "2024-03-20"^^xsd:date' in as_people_write
    assert 'schema:startDate "2023-09"^^xsd:gYearMonth' in as_people_write


def test_a_code_that_lost_its_leading_zero_is_the_same_code(as_people_write):
    # was: "code '47' differs from the graph's '047'"
    block = as_people_write.split("mun:fi-047 a kg:Municipality ;", 1)[1].split(" .\n", 1)[0]
    assert 'kg:municipalityCode "047"' in block and "kg:participatesIn ini:move-on-up" in block
    assert '"47"' not in as_people_write


def test_any_unicode_space_separates_thousands(as_people_write):
    assert 'kg:amount "1250000"^^xsd:decimal' in as_people_write


def test_one_separator_and_three_digits_is_ambiguous(curated, tmp_path):
    # "1,250" was read as 1.25 without a word (English writes 1250 so; Swedish and Finnish mean 1.25)
    def edit(sheets):
        set_cell(sheets, "relations", 6, "amount", "1,250")
        set_cell(sheets, "relations", 6, "currency", "EUR")
        set_cell(sheets, "relations", 7, "amount", "7.500")
        set_cell(sheets, "relations", 7, "currency", "SEK")

    _bad(
        curated,
        make_sheet(tmp_path, edit),
        "row 6, column 'amount': '1,250' is ambiguous: 1250 with a thousands separator or 1.25 with a decimal "
        "comma; write 1250 or 1,25",
        "row 7, column 'amount': '7.500' is ambiguous",
    )


def test_two_rows_of_one_funding_with_other_amounts(curated, tmp_path):
    # was found only by SHACL, as a Violation of the funding node naming files, not rows
    def edit(sheets):
        set_cell(sheets, "relations", 7, "amount", "150 000")
        set_cell(sheets, "relations", 7, "currency", "SEK")
        sheets["relations"][1].append(
            ["Region Norrbotten", "finansierar", "move-on-up", "", "", "", "50000", "SEK", ""]
        )

    _bad(
        curated,
        make_sheet(tmp_path, edit),
        "sheet 'relations', row 10, column 'amount': row 7 gives the same funding "
        "(funding:region-norrbotten--move-on-up) amount '150000', this row '50000'",
    )


def test_a_total_and_a_yearly_amount_of_one_funding_are_two_rows(curated, tmp_path):
    # the check above (two rows, one funding, other values) must not refuse a funding's total and its
    # amount a year, which the shapes allow side by side: kg ingest writes them as two rows
    def edit(sheets):
        set_cell(sheets, "relations", 7, "amount", "150 000")
        set_cell(sheets, "relations", 7, "currency", "SEK")
        sheets["relations"][1].append(
            ["Region Norrbotten", "finansierar", "move-on-up", "", "2024-01-01", "", "50000 / year", "SEK", ""]
        )
        set_cell(sheets, "relations", 7, "start", "2024-01-01")

    out = tmp_path / "both.ttl"
    result = run(make_sheet(tmp_path, edit), "--data", curated, "--out", out, "--lang", "en")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert 'kg:amount "150000"^^xsd:decimal' in text and 'kg:amountPerYear "50000"^^xsd:decimal' in text


def test_the_errors_of_a_csv_folder_name_its_file(curated, tmp_path):
    # "sheet: sheet 'entities', row 2" named the folder; the user edits sheet/entities.csv
    sheet = make_sheet(tmp_path, lambda s: set_cell(s, "entities", 2, "start", "2024-13-01"))
    result = _bad(curated, sheet)
    assert f"error: {sheet / 'entities.csv'}: sheet 'entities', row 2, column 'start'" in result.output


def test_errors_are_listed_by_sheet_row_and_column(curated, tmp_path):
    # a duplicate id on row 9 came before row 2's bad dates
    def edit(sheets):
        set_cell(sheets, "entities", 2, "start", "2024-13-01")
        set_cell(sheets, "entities", 2, "end", "2024-14-01")
        rows = sheets["entities"][1]
        rows.append(list(rows[-1]))  # 'malin' again, on row 9

    result = _bad(curated, make_sheet(tmp_path, edit))
    errors = [line for line in result.output.splitlines() if "sheet 'entities'" in line]
    assert [line.split(", column")[0].rsplit("row ", 1)[1] for line in errors] == ["2", "2", "9"], errors
    assert "column 'start'" in errors[0] and "column 'end'" in errors[1]


def test_a_merged_cell_is_named_as_merged(curated, tmp_path):
    # two rows under one merged relation cell: "unknown relation ''; closest valid: 'affiliated with'"
    # and "the relation is missing" for the second row, and no word of the merge
    path = make_sheet(tmp_path, fmt="xlsx")
    book = openpyxl.load_workbook(path)
    book["relations"]["B3"] = "deltar i"
    book["relations"].merge_cells("B3:B4")
    book.save(path)
    result = _bad(
        curated,
        path,
        "sheet 'relations', row 3, column 'relation': cells B3:B4 are merged: a merged cell keeps its value "
        "in its first cell only",
    )
    assert "unknown relation ''" not in result.output and "missing" not in result.output


def test_an_empty_relation_is_reported_once(curated, tmp_path):
    result = _bad(curated, make_sheet(tmp_path, lambda s: set_cell(s, "relations", 3, "relation", "")))
    assert "row 3, column 'relation': the relation is missing" in result.output
    assert result.output.count("row 3, column 'relation'") == 1


def test_a_violation_lists_the_new_files_findings_not_the_rests_warnings(curated, tmp_path):
    # importing a sheet with one Violation printed every warning of the other sources around it
    out = tmp_path / "mine.ttl"
    result = run(make_sheet(tmp_path, lambda s: set_cell(s, "entities", 7, "end", "2020-01-01")), "--data", curated,
                 "--out", out)  # fmt: skip
    assert result.exit_code == 1, result.output
    findings = [line for line in result.output.splitlines() if line.startswith(("Violation:", "Warning:"))]
    assert findings and all(str(out) in line for line in findings), findings
    assert "warning(s) of the rest of the graph not listed (kg validate lists them)" in result.output
    assert not out.exists()


def test_the_layouts_errors_are_listed_by_sheet_and_row_too(curated, tmp_path):
    # a merged range on row 6 was listed before a formula on row 4
    path = make_sheet(tmp_path, fmt="xlsx")
    book = openpyxl.load_workbook(path)
    book["relations"]["G4"] = "=1000*7"
    book["relations"].merge_cells("B6:B7")
    book.save(path)
    result = _bad(curated, path)
    rows = [line.split(", column")[0].rsplit("row ", 1)[1] for line in result.output.splitlines() if "row " in line]
    assert rows == ["4", "6"], result.output


def test_no_data_folder_here_refuses_to_write_into_an_installed_package(data, tmp_path, monkeypatch):
    """Trial finding 13 (session 31): run outside a checkout, with no data/ in the current folder, `kg import`
    wrote the new source into the installed package's own data (site-packages for a wheel install), where the
    next upgrade drops it. It is refused now (exit 2, nothing written) and the message says what to give."""
    from kg.core import resources

    package = tmp_path / "site-packages" / "kg"
    installed = package / "_shipped" / "data"
    installed.parent.mkdir(parents=True)
    shutil.move(data, installed)
    monkeypatch.setattr(resources, "_PACKAGE", package)
    monkeypatch.setattr(resources, "default_data_dir", lambda: installed)
    elsewhere = tmp_path / "work"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    before = sources(installed)
    result = run(EXAMPLE)
    assert result.exit_code == 2, result.output
    assert "--data FOLDER" in result.output and "read-only" in result.output
    assert sources(installed) == before
    out = elsewhere / "mine.ttl"  # with --out the new file goes where asked; the installed data is read
    assert run(EXAMPLE, "--out", out, "--dry-run").exit_code == 0
