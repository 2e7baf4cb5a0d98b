"""The library of SPARQL questions: ``queries/*.rq`` files and their headers.

Every file starts with a comment header::

    # title: Members of an association of municipalities
    # description: The member municipalities of one association, with code and county.
    # param: association (entity, required) example "Region 10": the association, by name or IRI
    # param: lang (lang, default sv) example fi: language of the labels

A parameter is ``name (type[, required | , default VALUE]) [example VALUE]: description``.
Types: ``entity`` (an IRI, or a name resolved to one), ``iri``, ``string``, ``integer``,
``decimal``, ``date``, ``year``, ``lang``. Parameters are bound as RDF terms when the query runs,
never pasted into its text.

A column's header for people, in each language, may be declared (see :mod:`kg.query.columns`;
the shipped queries' columns have theirs in one catalogue there)::

    # column fundingYear: sv "Finansieringsår", fi "Rahoitusvuosi", en "Funding year"

The title, the description and each parameter's description may be given in other languages than
English (``kg queries --lang`` shows them; a shipped query has all of sv and fi, which a test checks)::

    # title@sv: Medlemmar i ett kommunalförbund
    # description@fi: Yhden kuntayhtymän jäsenet, ...
    # param@sv: association: förbundet, med namn på valfritt språk eller IRI

Parameters that exclude each other are declared as a group, after them::

    # exclusive: year, date (one required)

At most one of a group may be given (``(one required)``: exactly one); giving two is an error
naming both (:func:`kg.query.sparql.bindings`).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.core import resources
from kg.core.errors import KgError

_PARAM = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\((?P<type>\w+)"
    r"(?:\s*,\s*(?:(?P<required>required)|default\s+(?P<default>[^)]*)))?\)"
    r"(?:\s+example\s+(?P<example>\"[^\"]*\"|\S+))?\s*:\s*(?P<description>.*)$"
)
_EXCLUSIVE = re.compile(
    r"^(?P<names>[A-Za-z_][A-Za-z0-9_]*(?:\s*,\s*[A-Za-z_][A-Za-z0-9_]*)+)\s*(?P<required>\(one required\))?$"
)
PARAM_TYPES = ("entity", "iri", "string", "search", "integer", "decimal", "date", "year", "lang")


@dataclass(frozen=True)
class Parameter:
    """A declared query parameter."""

    name: str
    type: str
    required: bool = False
    default: str | None = None
    example: str | None = None
    description: str = ""

    def signature(self) -> str:
        """``name:type`` with ``=default`` or ``!`` for required.

        >>> Parameter("year", "year", default="2024").signature()
        'year:year=2024'
        """
        suffix = "!" if self.required else (f"={self.default}" if self.default is not None else "")
        return f"{self.name}:{self.type}{suffix}"


@dataclass(frozen=True)
class Exclusive:
    """Parameters of which at most one may be given (with ``required``, exactly one)."""

    names: tuple[str, ...]
    required: bool = False

    def describe(self) -> str:
        """How ``kg queries`` and the errors name the group.

        >>> Exclusive(("year", "date"), required=True).describe()
        'give one of --param year, --param date (not both)'
        >>> Exclusive(("a", "b", "c")).describe()
        'give at most one of --param a, --param b, --param c'
        """
        listed = ", ".join(f"--param {n}" for n in self.names)
        if self.required:
            return f"give one of {listed} (not {'both' if len(self.names) == 2 else 'several'})"
        return f"give at most one of {listed}"


@dataclass(frozen=True)
class NamedQuery:
    """One query of the library, with its header parsed."""

    name: str
    path: Path
    text: str
    title: str
    description: str
    parameters: tuple[Parameter, ...] = field(default_factory=tuple)
    exclusive: tuple[Exclusive, ...] = field(default_factory=tuple)

    @property
    def form(self) -> str:
        """SELECT, ASK, CONSTRUCT or DESCRIBE."""
        return query_form(self.text)

    @functools.cached_property
    def translations(self) -> dict[str, dict[str, str]]:
        """The texts of its ``# title@LANG``, ``# description@LANG`` and ``# param@LANG`` lines,
        ``{lang: {"title": …, "description": …, "param NAME": …}}`` (see :func:`parse_translations`)."""
        return parse_translations(self.text, self.path)

    def title_in(self, lang: str | None) -> str:
        """The title in ``lang``, else in English.

        >>> get("members").title_in("fi")
        'Kuntayhtymän jäsenet'
        """
        return self.translations.get(lang or "en", {}).get("title", self.title)

    def description_in(self, lang: str | None) -> str:
        """The description in ``lang``, else in English."""
        return self.translations.get(lang or "en", {}).get("description", self.description)

    def parameter_description(self, param: Parameter, lang: str | None) -> str:
        """What ``param`` is, in ``lang``, else in English."""
        return self.translations.get(lang or "en", {}).get(f"param {param.name}", param.description)

    @functools.cached_property
    def columns(self) -> dict[str, dict[str, str]]:
        """The headers its ``# column`` lines declare, ``{variable: {lang: header}}`` (see
        :mod:`kg.query.columns`)."""
        return parse_columns(self.text, self.path)

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)

    def example_params(self, optional: bool = False) -> dict[str, str]:
        """Parameters that run the query, from the examples of its header: every required one, the
        first of each group of which one is required, and (``optional``) every other one that does
        not exclude one already taken.

        >>> get("active").example_params()
        {'year': '2024'}
        >>> get("members").example_params()
        {'association': 'Region 10'}
        """
        chosen = {p.name: p.example for p in self.parameters if p.required and p.example is not None}
        for group in self.exclusive:
            if group.required:
                first = self.parameter(group.names[0])
                if first is not None and first.example is not None:
                    chosen[first.name] = first.example
        if optional:
            for p in self.parameters:
                rivals = {n for g in self.exclusive if p.name in g.names for n in g.names} - {p.name}
                if p.example is not None and p.name not in chosen and not rivals & set(chosen):
                    chosen[p.name] = p.example
        return chosen


def query_form(text: str) -> str:
    """The query form of a SPARQL text, ignoring comments, prefixes and strings.

    >>> query_form("# c\\nPREFIX a: <x:>\\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    'CONSTRUCT'
    """
    body = re.sub(r"#[^\n]*", "", text)
    body = re.sub(r"<[^>]*>", "", body)
    match = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body, re.IGNORECASE)
    return match.group(1).upper() if match else "SELECT"


def _comment_lines(text: str) -> Iterator[tuple[int, str]]:
    """The leading comment block of a query: ``(line number, text after the '#')``, blank lines passed
    over, up to the first line that is not a comment."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            return
        yield number, stripped.lstrip("#").strip()


def parse_header(text: str, path: Path) -> tuple[str, str, tuple[Parameter, ...], tuple[Exclusive, ...]]:
    """Read title, description, parameters and groups of exclusive parameters from a query's leading
    comment block; a bad declaration raises :class:`KgError` naming the file and line.

    >>> header = "# param: a (year): A\\n# param: b (date): B\\n# exclusive: a, b (one required)\\n"
    >>> parse_header(header, Path("q.rq"))[3]
    (Exclusive(names=('a', 'b'), required=True),)
    >>> parse_header("# param: a (year): A\\n# exclusive: a, c\\n", Path("q.rq"))
    Traceback (most recent call last):
    ...
    kg.core.errors.KgError: q.rq:2: exclusive parameter 'c' is not declared by a '# param:' line above
    """
    title = description = ""
    params: list[Parameter] = []
    groups: list[Exclusive] = []
    for number, content in _comment_lines(text):
        key, _, value = content.partition(":")
        key = key.strip().lower()
        value = value.strip()
        if key == "title":
            title = value
        elif key == "description":
            description = f"{description} {value}".strip() if description else value
        elif key == "param":
            match = _PARAM.match(value)
            if not match or match.group("type") not in PARAM_TYPES:
                raise KgError(
                    "bad parameter declaration: expected 'name (type[, required | , default V]) "
                    f"[example V]: description' with type one of {', '.join(PARAM_TYPES)}",
                    file=path,
                    line=number,
                )
            example = match.group("example")
            params.append(
                Parameter(
                    name=match.group("name"),
                    type=match.group("type"),
                    required=bool(match.group("required")),
                    default=match.group("default").strip() if match.group("default") else None,
                    example=example.strip('"') if example else None,
                    description=match.group("description").strip(),
                )
            )
        elif key == "exclusive":
            groups.append(_exclusive(value, params, path, number))
        elif key.startswith("column"):
            _column(content, path, number)  # checked here, read by NamedQuery.columns
    if "@" in text:
        parse_translations(text, path)  # checked here, read by NamedQuery.translations
    return title, description, tuple(params), tuple(groups)


_TRANSLATED = re.compile(r"^(?P<what>title|description|param)@(?P<lang>[a-z]{2,3})$")


def parse_translations(text: str, path: Path) -> dict[str, dict[str, str]]:
    """The ``# title@LANG:``, ``# description@LANG:`` (several lines are joined, as for English) and
    ``# param@LANG: NAME: text`` lines of a query's leading comment block: ``{lang: {"title": …,
    "description": …, "param NAME": …}}``. A language outside sv, fi, en, or a parameter that no
    ``# param:`` line above declares, raises :class:`KgError` naming the file and line.

    >>> parse_translations("# title@sv: Medlemmar\\n# param: a (year): A\\n# param@fi: a: vuosi\\n", Path("q.rq"))
    {'sv': {'title': 'Medlemmar'}, 'fi': {'param a': 'vuosi'}}
    >>> parse_translations("# param@sv: b: B\\n", Path("q.rq"))
    Traceback (most recent call last):
    ...
    kg.core.errors.KgError: q.rq:1: param@sv: expected 'NAME: text' for a parameter declared by a '# param:' line above
    """
    from kg.core.labels import LANGS

    declared: set[str] = set()
    found: dict[str, dict[str, str]] = {}
    for number, content in _comment_lines(text):
        key, _, value = content.partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "param":
            match = _PARAM.match(value)
            if match:
                declared.add(match.group("name"))
            continue
        translated = _TRANSLATED.match(key)
        if not translated:
            continue
        what, lang = translated.group("what"), translated.group("lang")
        if lang not in LANGS:
            raise KgError(f"{key}: the language is one of {', '.join(LANGS)}, not {lang!r}", file=path, line=number)
        texts = found.setdefault(lang, {})
        if what == "param":
            name, sep, described = value.partition(":")
            if not sep or name.strip() not in declared or not described.strip():
                raise KgError(
                    f"{key}: expected 'NAME: text' for a parameter declared by a '# param:' line above",
                    file=path,
                    line=number,
                )
            texts[f"param {name.strip()}"] = described.strip()
        elif what == "description" and "description" in texts:
            texts["description"] = f"{texts['description']} {value}"
        else:
            texts[what] = value
    return found


_COLUMN = re.compile(r"^column\s+(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?P<labels>.*)$")
_COLUMN_LABEL = re.compile(r'\s*(?P<lang>[a-z]{2,3})\s+"(?P<label>[^"]+)"\s*(?:,|$)')


def _column(content: str, path: Path, number: int) -> tuple[str, dict[str, str]]:
    """One ``# column NAME: sv "…", fi "…", en "…"`` line: the column's header in each language
    (:mod:`kg.query.columns`), all three of sv, fi and en.

    >>> _column('column fundingYear: sv "Finansieringsår", fi "Rahoitusvuosi", en "Funding year"', Path("q.rq"), 3)
    ('fundingYear', {'sv': 'Finansieringsår', 'fi': 'Rahoitusvuosi', 'en': 'Funding year'})
    >>> _column('column fundingYear: sv "Finansieringsår"', Path("q.rq"), 3)
    Traceback (most recent call last):
    ...
    kg.core.errors.KgError: q.rq:3: column 'fundingYear' needs a header in each of sv, fi, en (missing: fi, en)
    """
    from kg.core.labels import LANGS

    match = _COLUMN.match(content)
    labels: dict[str, str] = {}
    rest = match.group("labels") if match else ""
    while match and rest.strip():
        found = _COLUMN_LABEL.match(rest)
        if not found:
            match = None
            break
        labels[found.group("lang")] = found.group("label")
        rest = rest[found.end() :]
    if not match:
        raise KgError(
            'bad column declaration: expected \'column NAME: sv "…", fi "…", en "…"\'', file=path, line=number
        )
    missing = [lang for lang in LANGS if lang not in labels]
    if missing:
        raise KgError(
            f"column {match.group('name')!r} needs a header in each of {', '.join(LANGS)} "
            f"(missing: {', '.join(missing)})",
            file=path,
            line=number,
        )
    return match.group("name"), labels


def parse_columns(text: str, path: Path) -> dict[str, dict[str, str]]:
    """The ``# column`` lines of a query's leading comment block: ``{variable: {lang: header}}``."""
    columns = {}
    for number, content in _comment_lines(text):
        if content.partition(":")[0].strip().lower().startswith("column"):
            name, labels = _column(content, path, number)
            columns[name] = labels
    return columns


def _exclusive(value: str, params: list[Parameter], path: Path, number: int) -> Exclusive:
    """One ``# exclusive:`` line, checked against the parameters declared above it."""
    match = _EXCLUSIVE.match(value)
    if not match:
        raise KgError("bad exclusive declaration: expected 'name, name[, …] [(one required)]'", file=path, line=number)
    names = tuple(n.strip() for n in match.group("names").split(","))
    declared = {p.name: p for p in params}
    for name in names:
        if name not in declared:
            raise KgError(
                f"exclusive parameter {name!r} is not declared by a '# param:' line above", file=path, line=number
            )
        if declared[name].required or declared[name].default is not None:
            raise KgError(
                f"exclusive parameter {name!r} cannot be required or have a default (it would always be given)",
                file=path,
                line=number,
            )
    if len(set(names)) != len(names):
        raise KgError("an exclusive group names a parameter twice", file=path, line=number)
    return Exclusive(names, required=bool(match.group("required")))


def read_query(path: Path | str) -> NamedQuery:
    """Read one ``.rq`` file (any path) into a :class:`NamedQuery`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KgError(f"cannot read query: {exc.strerror}", file=path) from exc
    title, description, params, exclusive = parse_header(text, path)
    return NamedQuery(path.stem, path, text, title or path.stem, description, params, exclusive)


def queries_dir() -> Path:
    """The folder of the shipped queries."""
    return resources.shipped("queries")


def available(folder: Path | None = None) -> dict[str, NamedQuery]:
    """Every query of the library by name, sorted.

    >>> "members" in available()
    True
    """
    folder = folder or queries_dir()
    return {p.stem: read_query(p) for p in sorted(folder.glob("*.rq"))}


def get(name_or_path: str, folder: Path | None = None) -> NamedQuery:
    """A query by library name, or by path to any ``.rq`` file.

    An unknown name raises :class:`KgError` suggesting the closest names.

    >>> get("members").title
    'Members of an association of municipalities'
    >>> get("member")
    Traceback (most recent call last):
    ...
    kg.core.errors.KgError: unknown query 'member'; did you mean: members?
    >>> get("missing.rq")
    Traceback (most recent call last):
    ...
    kg.core.errors.KgError: missing.rq: no such file
    """
    candidate = Path(name_or_path)
    if candidate.suffix == ".rq" or len(candidate.parts) > 1:  # a path, not a library name
        if not candidate.is_file():
            raise KgError(f"{name_or_path}: no such file" if not candidate.exists() else f"{name_or_path}: not a file")
        return read_query(candidate)
    library = available(folder)
    if name_or_path in library:
        return library[name_or_path]
    close = difflib.get_close_matches(name_or_path, library, n=3, cutoff=0.5)
    hint = f"; did you mean: {', '.join(close)}?" if close else f"; known queries: {', '.join(library)}"
    raise KgError(f"unknown query {name_or_path!r}{hint}")
