"""The ``kg`` command. Every verb is a thin layer over a library function.

Heavy libraries are imported inside the commands, so ``kg --help`` stays fast.
"""

from __future__ import annotations

import math
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperCommand

app = typer.Typer(
    help="samverkan-kg: build, validate and explore the knowledge graph of northern collaboration.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: rich's help renderer alone costs 0.12 s of start-up
)


class ReportFormat(StrEnum):
    text = "text"
    json = "json"


def _local_graph(
    graph: Path | str | None, data: Path | str | None, endpoint: str | None
) -> tuple[Path | None, str | None]:
    """The graph file a command reads (built first when stale) and its key, before it is loaded;
    ``(None, None)`` for an endpoint."""
    if endpoint is not None:
        return None, None
    from kg.analysis import stored
    from kg.build.graph import built_graph_file

    path = built_graph_file(graph, data)
    return path, stored.graph_key(path)


def _fail(exc: Exception, code: int = 2) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(code)


def _note(text: str, lang: str | None = None) -> None:
    """A note on stderr, in ``lang`` (:mod:`kg.core.status`; English for ``None``)."""
    from kg.core.status import STATUS, translate

    typer.echo(STATUS.text("note", lang, text=translate(text, lang)), err=True)


def _noter(lang: str):
    """:func:`_note` in ``lang``, for the ``note`` callbacks of the library."""
    return lambda text: _note(text, lang)


def _status(key: str, lang: str | None, **values: object) -> str:
    """The text of the message ``key`` of :data:`kg.core.status.STATUS` in ``lang``."""
    from kg.core.status import STATUS

    return STATUS.text(key, lang, **values)


def _say(key: str, lang: str, err: bool = False, **values: object) -> None:
    """The status line ``key`` of :data:`kg.core.status.STATUS` in ``lang``."""
    from kg.core.status import STATUS

    typer.echo(STATUS.text(key, lang, **values), err=err)


def _lines(text: str, lang: str) -> str:
    """Lines the library wrote in English, in ``lang`` (:func:`kg.core.status.translate_lines`)."""
    from kg.core.status import translate_lines

    return translate_lines(text, lang)


def _out_format(out: Path | None, given: str | None, by_suffix: dict[str, str], default: str, command: str) -> str:
    """The format a command writes: ``--format`` if given, else the one ``--out``'s extension names, else
    ``default``. A name whose extension names another format than ``--format``, or (without
    ``--format``) an extension that names none, is refused (exit 2): the file would hold something
    other than its name says.

    >>> _out_format(Path("r.json"), None, {".json": "json", ".txt": "table"}, "table", "kg analyze")
    'json'
    >>> _out_format(Path("r"), None, {".json": "json"}, "table", "kg analyze")
    'table'
    """
    suffix = out.suffix.lower() if out is not None else ""
    named = by_suffix.get(suffix)
    known = ", ".join(f"{ext} ({fmt})" for ext, fmt in by_suffix.items())
    if given is not None:
        if named is not None and named != given:
            _fail(ValueError(f"--out {out}: the extension {suffix} means --format {named}, not --format {given}"))
        return given
    if suffix and named is None:
        if len(set(by_suffix.values())) == 1:  # one format only: no --format to give
            _fail(ValueError(f"--out {out}: {command} writes {default} only; name the file {' or '.join(by_suffix)}"))
        _fail(
            ValueError(
                f"--out {out}: {command} cannot tell a format from {suffix}; name the file {known}, or give --format"
            )
        )
    return named or default


def _version(value: bool) -> None:
    if value:
        from kg.core.version import __version__

        typer.echo(f"kg (samverkan-kg) {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """samverkan-kg: build, validate and explore the knowledge graph of northern collaboration."""


LANGUAGES = ("sv", "fi", "en")
LANG_ENV = "KG_LANG"  # the output language when --lang is not given (default sv)


def _env_lang() -> str:
    """The output language of a command whose ``--lang`` names its input's language (``kg ingest``):
    ``KG_LANG``, else ``sv``."""
    import os

    value = os.environ.get(LANG_ENV, "").strip() or "sv"
    if value not in LANGUAGES:
        raise typer.BadParameter(f"expected one of {', '.join(LANGUAGES)}, not {value!r}", param_hint=LANG_ENV)
    return value


def _check_lang(value: str) -> str:
    if value not in LANGUAGES:
        raise typer.BadParameter(f"expected one of {', '.join(LANGUAGES)}, not {value!r}")
    return value


def _positive(value: float) -> float:
    if not (value > 0 and math.isfinite(value)):
        raise typer.BadParameter(f"expected a positive number of seconds (such as 30 or 2.5), not {value}")
    return value


def _zero_or_positive(value: float) -> float:
    if not (value >= 0 and math.isfinite(value)):
        raise typer.BadParameter(f"expected a number of seconds, 0 or more (0: no limit), not {value}")
    return value


def _bounds(low: float | None, high: float | None) -> str:
    """`` from 1 to 9999``, `` of 0 or more``: the range of a number option, for its errors."""
    if low is not None and high is not None:
        return f" from {low:g} to {high:g}"
    if low is not None:
        return f" of {low:g} or more"
    return f" of {high:g} or less" if high is not None else ""


def option_error(exc: Exception) -> Exception:
    """The error of a bad option or argument value in the project's words: ``expected a whole number
    from 1 to 9999, not '20x'`` (the form the option takes and what was given), where typer would show
    pydantic's message (``Input should be a valid integer, unable to parse string as an integer``,
    ``Value error, …``). Other errors are returned unchanged. Click frames it with the option's name
    (``Invalid value for '--year': …``) and exits with 2.

    >>> from pydantic import TypeAdapter, ValidationError
    >>> try:
    ...     TypeAdapter(int).validate_python("x")
    ... except ValidationError as cause:
    ...     error = typer.BadParameter("Input should be a valid integer")
    ...     error.__cause__ = cause
    >>> option_error(error).message
    "expected a whole number, not 'x'"
    """
    cause = exc.__cause__
    if not isinstance(exc, typer.BadParameter) or not type(cause).__module__.startswith("pydantic"):
        return exc
    param = exc.param
    described = getattr(param, "type_descriptor", None)
    info = getattr(described, "parameter_info", None)
    annotation = getattr(described, "annotation", None)
    low, high = getattr(info, "min", None), getattr(info, "max", None)
    errors = cause.errors()
    first = errors[0] if errors else {}
    given = first.get("input")
    if annotation is None:  # a parameter typer does not describe: the kind of value from the error itself
        kind = str(first.get("type", ""))
        annotation = int if kind.startswith("int") else float if kind.startswith("float") else None
    choices = getattr(described, "choices", None) if described is not None else None
    if choices:
        names = ", ".join(str(getattr(c, "value", c)) for c in choices)
        message = f"expected one of {names}"
    elif annotation is int:
        message = f"expected a whole number{_bounds(low, high)}"
    elif annotation is float:
        message = f"expected a number{_bounds(low, high)}"
    elif annotation is bool:
        message = "expected true or false"
    elif annotation is not None and isinstance(annotation, type) and issubclass(annotation, Path):
        message = "expected a path"
    else:
        message = f"expected {getattr(annotation, '__name__', 'another value')}"
    if given is not None:
        message += f", not {str(given)!r}"
    return typer.BadParameter(message, ctx=exc.ctx, param=param)


class KgCommand(TyperCommand):
    """A command whose option and argument errors are the project's own (:func:`option_error`)."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except typer.BadParameter as exc:
            translated = option_error(exc)
            if translated is exc:
                raise
            raise translated from None


def _print_findings(report, severities: tuple[str, ...]) -> None:
    """The report's findings of these severities, on stderr (diagnostics), without the summary line."""
    text = report.to_text(summary=False, severities=severities)
    if text:
        typer.echo(text, err=True)


class Engine(StrEnum):
    auto = "auto"
    rdflib = "rdflib"
    oxigraph = "oxigraph"


EngineOpt = Annotated[
    Engine,
    typer.Option(
        "--engine",
        help="rdflib+pyshacl (the reference), oxigraph (compiled shapes), or auto (the faster: oxigraph).",
    ),
]

DataOpt = Annotated[
    Path | None,
    typer.Option("--data", help="Data folder with sources/ and reference/ (default: ./data, else the shipped data)."),
]


@app.command()
def build(
    data: DataOpt = None,
    out: Annotated[Path, typer.Option("--out", help="Output folder for graph.trig.")] = Path("build"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.")] = False,
    engine: EngineOpt = Engine.auto,
    full: Annotated[bool, typer.Option("--full", help="Rebuild everything (no incremental rebuild).")] = False,
    lang: StatusLangOpt = "sv",
) -> None:
    """Load, derive, validate and write OUT/graph.trig (nothing is written on a Violation)."""
    from kg.build.pipeline import build as run_build
    from kg.core.errors import KgError

    try:
        result = run_build(data, out, engine=engine.value, incremental=not full)
    except KgError as exc:
        _fail(exc)
    # findings are diagnostics (stderr), the summary is the result (stdout); each line once
    _print_findings(result.report, ("Violation",) if quiet else ("Violation", "Warning", "Info"))
    if not quiet or not result.conforms:
        typer.echo(_lines(result.summary(), lang))
    if not result.conforms:
        raise typer.Exit(1)


@app.command("all")
def run_all(
    data: DataOpt = None,
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("build"),
    lang: LangOpt = "sv",
    warnings: Annotated[bool, typer.Option("--warnings", help="List the validation warnings (on stderr).")] = False,
) -> None:
    """The main job: build and validate, analyse (stored in the graph) and draw OUT/network.html."""
    from kg.analysis.analyze import SEED
    from kg.analysis.analyze import analyze as run_analysis
    from kg.analysis.network import bipartite_graph, project, read_network
    from kg.analysis.writeback import write_back
    from kg.build.pipeline import build as run_build
    from kg.core.errors import KgError
    from kg.viz import PageInfo, page_extras, render_page, write_page
    from kg.viz.timeline import yearly_networks, years_of

    try:
        result = run_build(data, out)
    except KgError as exc:
        _fail(exc)
    _print_findings(result.report, ("Violation", "Warning", "Info") if warnings else ("Violation",))
    result.analysis_dropped = False  # stored again below
    typer.echo(_lines(result.summary(), lang))
    if not result.conforms:
        raise typer.Exit(1)
    if result.report.count("Warning") and not warnings:
        from kg.core.status import STATUS

        _note(STATUS.text("warnings_not_listed", lang, n=result.report.count("Warning")), lang)
    source = result.store if result.store is not None else result.dataset
    # the nodes and ties kg viz draws, kept for it below (the analysis graph written back adds no node,
    # tie or label of an actor or initiative, so they are those of the graph file as written: a test holds
    # them to a fresh reading)
    nodes, ties = read_network(source, lang)
    bipartite = bipartite_graph(source, None, lang, nodes=nodes, ties=ties)
    actors = project(bipartite)
    analysis = run_analysis(actors, bipartite)
    params = {"network": "actors", "year": None, "seed": SEED, "lang": lang}
    # the build's store is the on-disk one beside graph.trig: it gets the analysis too
    written = None
    if result.store is not None:
        from kg.build.incremental import record_graph_file

        def written(ranges: dict[str, list[int]], added: int) -> None:
            from kg.build.labeltable import rewrite

            rewrite(result.output.parent, result.store)  # the analysis' labels (its clusters) too
            record_graph_file(result.output.parent, ranges, added)

    write_back(source, result.output, analysis, params, written=written)
    from kg.analysis import stored

    key = stored.graph_key(result.output)
    stored.save(result.output, key, params, analysis)  # for kg viz: its analysis and network (below)
    from kg.core.i18n import decimal

    _say("analysis_stored", lang, clusters=len(analysis.clusters), modularity=decimal(analysis.modularity, 3, lang))
    span = years_of(bipartite)  # the page's slider and details, stored with the network for kg viz
    more = page_extras(source, bipartite, lang, None)
    stored.save_network(result.output, key, lang, nodes, ties, more)
    yearly = (
        yearly_networks(source, "actors", span, lang, nodes=nodes, ties=ties, stated=more["stated"], days=more["days"])
        if span
        else None
    )
    info = PageInfo(0, 0, 0, [])
    html = render_page(
        actors, bipartite=bipartite, analysis=analysis, lang=lang, info=info, dataset=source, yearly=yearly,
        details=more["details"],
    )  # fmt: skip
    page = write_page(Path(out) / "network.html", html)
    _say("page", lang, page=page, summary=_lines(info.summary(), lang))


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Data folders or files to validate (default: the shipped data)."),
    ] = None,
    data: DataOpt = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.text,
    engine: EngineOpt = Engine.auto,
    lang: StatusLangOpt = "sv",
) -> None:
    """Validate data against the shapes and print a report (exit 1 on any Violation)."""
    from kg.build.pipeline import build as run_build
    from kg.core.errors import KgError

    try:
        report = run_build(data, None, files=paths or None, engine=engine.value).report
    except KgError as exc:
        _fail(exc)
    # the findings are diagnostics and stay in English with SHACL's terms; the verdict follows --lang
    typer.echo(report.to_json() if fmt is ReportFormat.json else _lines(report.to_text(), lang))
    if not report.conforms:
        raise typer.Exit(1)


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"
    md = "md"


class HeaderKind(StrEnum):
    names = "names"
    labels = "labels"


GraphOpt = Annotated[
    Path | None,
    typer.Option("--graph", help="A built graph (TriG) to use instead of build/graph.trig."),
]
LangOpt = Annotated[
    str,
    typer.Option(
        "--lang",
        help="Language of the output: labels, headings, column headers, status lines and notes; sv, fi or en.",
        callback=_check_lang,
        envvar=LANG_ENV,
    ),
]
StatusLangOpt = Annotated[
    str,
    typer.Option(
        "--lang", help="Language of the status lines and notes: sv, fi or en.", callback=_check_lang, envvar=LANG_ENV
    ),
]
EndpointOpt = Annotated[
    str | None,
    typer.Option(
        "--endpoint",
        help="Query this SPARQL 1.1 endpoint instead of the local graph "
        "(credentials: KG_SPARQL_USER/KG_SPARQL_PASSWORD or ~/.netrc).",
    ),
]
HttpTimeoutOpt = Annotated[
    float,
    typer.Option(
        "--http-timeout",
        help="Give up on a SPARQL server that does not answer in this many seconds.",
        callback=_positive,
    ),
]
YearOpt = Annotated[int | None, typer.Option("--year", help="Ties that hold in this year.", min=1, max=9999)]


def _one_malloc_arena() -> None:
    """Let every thread of this process allocate from glibc's main heap (``mallopt(M_ARENA_MAX, 1)``).

    ``kg query`` runs the query in a worker thread (so that ``--timeout`` can give up on it); glibc gives
    that thread a heap of its own, which it grows a page range at a time with ``mprotect``: 21,787 calls
    for ``cross-border`` at 1M triples, none with one arena (``strace -c``), 0.02-0.1 s of CPU. The main
    thread only waits meanwhile, so the one heap is never contended. Only the command sets this, not
    the library. Elsewhere than glibc (no ``mallopt``) nothing changes.
    """
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return
    mallopt(-8, 1)  # M_ARENA_MAX (malloc.h)


def _parse_params(values: list[str] | None) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in values or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise typer.BadParameter(f"expected key=value, got {item!r}", param_hint="--param")
        params[key.strip()] = value
    return params


@app.command("queries")
def list_queries(lang: LangOpt = "sv") -> None:
    """List the query library: names, titles and parameters."""
    from kg.query.library import available

    for name, query in available().items():
        typer.echo(f"{name}  ({query.form})")
        typer.echo(f"    {query.title_in(lang)}")
        for param in query.parameters:
            grouped = any(g.required and param.name in g.names for g in query.exclusive)
            if grouped:
                extra = _status("param_grouped", lang)
            elif param.required:
                extra = _status("param_required", lang)
            elif param.default:
                extra = _status("param_default", lang, default=param.default)
            else:
                extra = _status("param_optional", lang)
            example = _status("param_example", lang, example=param.example) if param.example else ""
            described = query.parameter_description(param, lang)
            typer.echo(f"    --param {param.name}=<{param.type}>  {extra}{example}: {described}")
        for group in query.exclusive:
            listed = ", ".join(f"--param {n}" for n in group.names)
            if not group.required:
                key = "group_at_most_one"
            else:
                key = "group_one" if len(group.names) == 2 else "group_one_of_several"
            typer.echo(f"    {_status(key, lang, listed=listed)}")


@app.command()
def query(
    name: Annotated[str | None, typer.Argument(help="A query name from `kg queries`, or a path to a .rq file.")] = None,
    expression: Annotated[str | None, typer.Option("-e", "--expression", help="Run this SPARQL text instead.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="A parameter as key=value (repeat).")] = None,
    fmt: Annotated[
        QueryFormat | None,
        typer.Option(
            "--format", "-f", help="Output format (default: from --out's extension, else table).", show_default=False
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Write to this file (atomically); .txt .csv .tsv .json .md choose the format."
        ),
    ] = None,
    lang: LangOpt = "sv",
    header: Annotated[
        HeaderKind | None,
        typer.Option(
            "--header",
            help="Column headers: names (the query's variables) or labels (in --lang). "
            "Default: labels in table and md (names in English), names in csv, tsv and json.",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Stop the query after this many seconds.", callback=_positive)
    ] = 30.0,
    graph: GraphOpt = None,
    data: DataOpt = None,
    endpoint: EndpointOpt = None,
    http_timeout: HttpTimeoutOpt = 30.0,
    allow_service: Annotated[
        bool, typer.Option("--allow-service", help="Let the query use SERVICE (federation): it then makes requests.")
    ] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Evaluate the query afresh: neither print nor keep a result kept beside the build (results/).",
        ),
    ] = False,
) -> None:
    """Run a named query, a .rq file, or -e 'SPARQL' and print the result.

    On a build's on-disk store, a result that took more than half a second of CPU to make is kept beside the build
    (``results/``, keyed by the graph file's bytes, the query text, parameters and output) and printed
    from there by the next identical call, until the next build (:mod:`kg.query.kept`).
    """
    from kg.core.atomic import write_text
    from kg.core.errors import KgError
    from kg.query.library import get

    if (name is None) == (expression is None):
        raise typer.BadParameter("give a query NAME or -e 'SPARQL', not both")
    _one_malloc_arena()
    graph_suffixes = (".ttl", ".turtle")  # CONSTRUCT and DESCRIBE results are Turtle whatever --format says
    suffixes = {".txt": "table", ".csv": "csv", ".tsv": "tsv", ".json": "json", ".md": "md"}
    graph_out = out is not None and out.suffix.lower() in graph_suffixes and fmt is None
    chosen = "table" if graph_out else _out_format(out, fmt.value if fmt else None, suffixes, "table", "kg query")
    if header is HeaderKind.labels and chosen == "json":
        _fail(
            KgError(
                "--header labels: json keeps the variable names (they are the keys of SPARQL 1.1 Query Results "
                "JSON); use csv or tsv for a header row of labels"
            )
        )
    params = _parse_params(param)
    entry = None
    if not no_cache and endpoint is None and not graph_out:  # a kept answer is printed before rdflib is imported
        try:
            text = expression if expression is not None else get(name).text
            entry = _kept_entry(graph, data, text, params, {"format": chosen, "lang": lang, "header": header})
        except KgError as exc:
            _fail(exc)
        if entry is not None and _print_kept(entry, out):
            return
    from kg.build.graph import open_source
    from kg.query.formats import render
    from kg.query.http import RemoteTimeout
    from kg.query.sparql import QueryTimeout, adhoc, execute

    try:
        named = adhoc(expression, "-e") if expression is not None else get(name)
        started = time.process_time()
        dataset = open_source(graph, data, endpoint, http_timeout=http_timeout, use_store=True, note=_noter(lang))
        try:
            result = execute(dataset, named, params, lang=lang, timeout=timeout, allow_service=allow_service)
            if out is not None and out.suffix and fmt is None and (result.graph is not None) != graph_out:
                raise KgError(
                    f"--out {out}: a {result.form} result is "
                    + (
                        "Turtle: name the file .ttl"
                        if result.graph is not None
                        else f"a table: name the file {', '.join(suffixes)}"
                    )
                )
            text = render(result, chosen, dataset, lang, header.value if header else None, named.columns)
            data_bytes = _printed_bytes(text, out)
            keep = entry is not None and data_bytes is not None and getattr(dataset, "folder", None) is not None
            if keep and result.graph is None and time.process_time() - started >= _keep_seconds():
                entry.store(data_bytes)  # while the store's shared lock is held: no build meanwhile
        finally:
            dataset.close()  # the built store's shared lock: a build may go on
    except (QueryTimeout, RemoteTimeout) as exc:
        _fail(exc, 3)
    except KgError as exc:
        _fail(exc)
    if out is not None:
        write_text(out, text)
    elif data_bytes is not None:
        _write_stdout(data_bytes, b"" if text.endswith("\n") else b"\n")
    else:
        typer.echo(text, nl=not text.endswith("\n"))


def _keep_seconds() -> float:
    """CPU seconds above which ``kg query`` keeps its result (``KG_KEEP_SECONDS``, default
    :data:`kg.query.kept.KEEP_SECONDS`)."""
    import os

    from kg.query.kept import KEEP_SECONDS

    try:
        return float(os.environ.get("KG_KEEP_SECONDS", KEEP_SECONDS))
    except ValueError:
        return KEEP_SECONDS


def _stdout_is_utf8() -> bool:
    import sys

    return (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "").replace("_", "") == "utf8"


def _printed_bytes(text: str, out: Path | None) -> bytes | None:
    """``text`` as the bytes ``kg query`` writes (to ``out``; to standard output as ``typer.echo`` would,
    UTF-8, with a final newline added there), or ``None`` where echo would write other bytes (another
    encoding, ANSI escapes it strips) and so nothing may be kept."""
    if "\x1b" in text or (out is None and not _stdout_is_utf8()):
        return None
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return data


def _write_stdout(data: bytes, end: bytes) -> None:
    import sys

    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.write(end)
    sys.stdout.buffer.flush()


def _kept_entry(graph, data, text: str, params: dict[str, str], output: dict):
    """The kept result's entry for this call (:func:`kg.query.kept.kept`), or ``None`` when the graph is
    not a build whose on-disk store holds it (only there is a result kept or used)."""
    from kg.build.graph import built_graph_file, built_store_state
    from kg.query.kept import kept

    graph_file = built_graph_file(graph, data, None)
    if built_store_state(graph_file) is not None:
        return None
    return kept(graph_file, text, params, {k: getattr(v, "value", v) for k, v in output.items()})


def _print_kept(entry, out: Path | None) -> bool:
    """Print the kept result of ``entry`` (to ``out``, atomically, else to standard output); False on a miss."""
    from kg.core.atomic import atomic_writer

    if out is not None:
        if entry.open() is None:
            return False
        with atomic_writer(out, "wb") as handle:
            return entry.copy_to(handle)
    if not _stdout_is_utf8():
        return False
    import sys

    sys.stdout.flush()
    return entry.copy_to(sys.stdout.buffer, end=b"\n")


class NetworkKind(StrEnum):
    actors = "actors"
    bipartite = "bipartite"
    organisations = "organisations"


class AnalyzeFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command()
def analyze(
    network: Annotated[
        NetworkKind, typer.Option("--network", help="Which projection to analyse.")
    ] = NetworkKind.actors,
    year: YearOpt = None,
    fmt: Annotated[
        AnalyzeFormat | None,
        typer.Option(
            "--format", "-f", help="Report format (default: from --out's extension, else table).", show_default=False
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write the report to this file; .txt .json .csv choose the format."),
    ] = None,
    write_back: Annotated[
        bool, typer.Option("--write-back", help="Store clusters and scores in the graph's analysis graph.")
    ] = False,
    lang: LangOpt = "sv",
    graph: GraphOpt = None,
    data: DataOpt = None,
    endpoint: EndpointOpt = None,
    http_timeout: HttpTimeoutOpt = 30.0,
) -> None:
    """Find collaboration clusters, brokers and central actors (networkx)."""
    from kg.analysis import analyze as analysis_module
    from kg.analysis.network import bipartite_graph, fold_people, project
    from kg.build.graph import DEFAULT_BUILD_DIR, open_source
    from kg.build.result import GRAPH_FILE
    from kg.core.atomic import write_text
    from kg.core.errors import KgError

    if write_back and endpoint is not None:
        _fail(KgError("--write-back stores the analysis in a local graph file; it cannot be used with --endpoint"))
    chosen = _out_format(
        out, fmt.value if fmt else None, {".txt": "table", ".json": "json", ".csv": "csv"}, "table", "kg analyze"
    )
    from kg.analysis import stored

    try:
        path, key = _local_graph(graph, data, endpoint)
        # the build's on-disk store when it holds graph.trig's dataset (no parsing); --write-back
        # changes the graph, so it reads graph.trig into memory
        dataset = open_source(
            path, None, endpoint, http_timeout=http_timeout, use_store=not write_back, note=_noter(lang)
        )
        # the network kg viz (or kg all) stored for these very graph bytes and language, else read now: only
        # what the analysis uses (labels, kinds, types, countries; no dates, names or areas)
        found = stored.load_network(path, key, lang) if key is not None else None
        if found is not None:
            bipartite = bipartite_graph(dataset, year, lang, nodes=found[0], ties=found[1], details=False)
        else:
            bipartite = bipartite_graph(dataset, year, lang, details=False)
    except KgError as exc:
        _fail(exc)
    if not write_back:
        dataset.close()  # the built store's shared lock: a build may go on
    if network is NetworkKind.bipartite:
        projected = project(bipartite)
        _note(_status("bipartite_clusters", lang), lang)
    else:
        projected = project(bipartite)
        if network is NetworkKind.organisations:
            projected = fold_people(projected)
    projected.graph["kind"] = network.value
    params = {"network": network.value, "year": year, "seed": analysis_module.SEED, "lang": lang}
    result = analysis_module.analyze(projected, bipartite)
    if path is not None and key is not None:  # for kg viz (see kg.analysis.stored)
        stored.save(path, key, params, result)
    render = {
        "table": lambda a: analysis_module.to_text(a, lang=lang),
        "json": lambda a: a.to_json() + "\n",
        "csv": analysis_module.to_csv,
    }
    text = render[chosen](result)
    if out is not None:
        write_text(out, text)
    else:
        typer.echo(text, nl=False)
    if write_back:
        from kg.analysis.writeback import write_back as store

        target = Path(graph) if graph is not None else DEFAULT_BUILD_DIR / GRAPH_FILE
        count = store(dataset, target, result, params)
        if path is not None:  # the graph file changed: store the analysis under its new contents
            stored.save(path, stored.graph_key(path), params, result)
        graph_iri = "https://w3id.org/samverkan/id/graph/analysis"
        _say("analysis_written", lang, err=True, count=count, graph=graph_iri, target=target)


class ColorBy(StrEnum):
    type = "type"
    cluster = "cluster"
    country = "country"


class SizeBy(StrEnum):
    degree = "degree"
    betweenness = "betweenness"
    eigenvector = "eigenvector"


@app.command()
def viz(
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("build/network.html"),
    network: Annotated[NetworkKind, typer.Option("--network", help="Projection to draw.")] = NetworkKind.actors,
    color_by: Annotated[ColorBy, typer.Option("--color-by", help="What node colours show.")] = ColorBy.type,
    size_by: Annotated[SizeBy, typer.Option("--size-by", help="What node sizes show.")] = SizeBy.degree,
    focus: Annotated[str | None, typer.Option("--focus", help="Draw only the neighbourhood of this entity.")] = None,
    depth: Annotated[int | None, typer.Option("--depth", help="Steps around --focus (default 1).", min=1)] = None,
    year: YearOpt = None,
    max_nodes: Annotated[int, typer.Option("--max-nodes", help="Draw at most this many nodes.", min=1)] = 3000,
    max_edges: Annotated[
        int, typer.Option("--max-edges", help="Draw at most this many (the heaviest) ties.", min=0)
    ] = 10_000,
    lang: LangOpt = "sv",
    graph: GraphOpt = None,
    data: DataOpt = None,
    endpoint: EndpointOpt = None,
    http_timeout: HttpTimeoutOpt = 30.0,
) -> None:
    """Write the interactive network page: one self-contained, offline HTML file."""
    from kg.analysis.network import bipartite_graph, fold_people, project, read_nodes, read_ties
    from kg.build.graph import open_source
    from kg.core.errors import KgError
    from kg.query.library import Parameter
    from kg.query.sparql import to_term
    from kg.viz import PageInfo, focus_graph, page_extras, render_page, write_page
    from kg.viz.timeline import yearly_networks, years_of

    if depth is not None and focus is None:
        raise typer.BadParameter("--depth needs --focus NAME (the entity to draw the neighbourhood of)")
    _out_format(out, None, {".html": "HTML", ".htm": "HTML"}, "HTML", "kg viz")
    depth = 1 if depth is None else depth
    from kg.analysis import stored
    from kg.analysis.analyze import SEED
    from kg.analysis.analyze import analyze as run_analysis

    dataset = None
    try:
        path, key = _local_graph(graph, data, endpoint)
        # the build's on-disk store when it holds graph.trig's dataset (no parsing: 0.1 s against 4 s at
        # a million triples), closed (its shared lock let go) when the page is written
        dataset = open_source(path, None, endpoint, http_timeout=http_timeout, use_store=True, note=_noter(lang))
        # the nodes and ties an earlier kg viz stored for these very graph bytes, else read now (once, for every
        # year too) and stored
        found = stored.load_network(path, key, lang, extras=True) if key is not None else None
        if found is None:
            if key is not None:
                _note(_status("no_stored_network", lang), lang)
            nodes, ties, extras = read_nodes(dataset, lang), read_ties(dataset), {}
        else:
            nodes, ties, extras = found
        bipartite = bipartite_graph(dataset, year, lang, nodes=nodes, ties=ties)
        if network is NetworkKind.bipartite:
            drawn = bipartite
        else:
            drawn = project(bipartite)
            if network is NetworkKind.organisations:
                drawn = fold_people(drawn)
        # the analysis kg analyze stored for these very graph bytes, else computed now (and stored)
        params = {"network": network.value, "year": year, "seed": SEED, "lang": lang}
        analysis, was_stored = stored.stored_or_computed(
            path,
            key,
            params,
            lambda: run_analysis(project(bipartite) if network is NetworkKind.bipartite else drawn, bipartite),
        )
        if not was_stored and key is not None:
            command = (
                f"kg analyze --network {network.value}{f' --year {year}' if year is not None else ''} --lang {lang}"
            )
            _note(_status("no_stored_analysis", lang, command=command), lang)
        title = None
        if focus is not None:
            center = str(to_term(Parameter("focus", "entity"), focus, dataset))
            if center not in drawn:
                raise KgError(f"--focus {focus!r} is not in the {network.value} network")
            drawn = focus_graph(drawn, center, depth)
            title = f"{drawn.nodes[center].get('label', focus)} (+{depth})"
        # the year slider's networks, as render_page would read them, and the details panel: from what an
        # earlier kg viz (or kg all) stored for these graph bytes, else read and stored with the network
        more = page_extras(dataset, bipartite, lang, year, extras)
        if key is not None and (found is None or more.keys() - extras.keys()):
            stored.save_network(path, key, lang, nodes, ties, {**extras, **more})  # before the page changes them
        span = years_of(bipartite)
        kind = "organisations" if network is NetworkKind.organisations else "actors"
        yearly = (
            yearly_networks(dataset, kind, span, lang, nodes=nodes, ties=ties, stated=more["stated"], days=more["days"])
            if span
            else None
        )
        info = PageInfo(0, 0, 0, [])
        html = render_page(
            drawn,
            yearly=yearly,
            bipartite=bipartite,
            analysis=analysis,
            color_by=color_by.value,
            size_by=size_by.value,
            lang=lang,
            title=title,
            max_nodes=max_nodes,
            max_edges=max_edges,
            info=info,
            dataset=dataset,
            details=more.get("details"),
        )
    except KgError as exc:
        _fail(exc)
    finally:
        if dataset is not None:
            dataset.close()
    size = write_page(out, html).stat().st_size  # the page's UTF-8 bytes (not encoded a second time to count)
    _say("viz_written", lang, out=out, kib=size // 1024, summary=_lines(info.summary(), lang))
    for note in info.notes:
        _note(note, lang)


@app.command()
def serve(
    port: Annotated[int, typer.Option("--port", help="The port to listen on (1-65535).")] = 7878,
    host: Annotated[
        str, typer.Option("--host", help="The address to listen on (default: loopback only; others get a warning).")
    ] = "127.0.0.1",
    graph: GraphOpt = None,
    data: DataOpt = None,
    reconcile: Annotated[
        bool, typer.Option("--reconcile", help="Also serve the W3C Reconciliation Service API (for OpenRefine).")
    ] = False,
    reconcile_port: Annotated[
        int, typer.Option("--reconcile-port", help="The port of the reconciliation service.")
    ] = 7879,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout", help="The server stops a query after this many seconds (0: never).", callback=_zero_or_positive
        ),
    ] = 30.0,
    allow_service: Annotated[
        bool,
        typer.Option("--allow-service", help="Let queries use SERVICE (federation): the server then makes requests."),
    ] = False,
    lang: StatusLangOpt = "sv",
) -> None:
    """Serve the built graph read-only through the Oxigraph SPARQL server (with its query page) until Ctrl-C."""
    from kg.build.graph import built_graph_file
    from kg.core.errors import KgError
    from kg.server.oxigraph import check_port
    from kg.server.oxigraph import serve as run_server

    service = None
    try:
        check_port(port)
        graph_file = built_graph_file(graph, data)
        if reconcile:
            from kg.build.graph import read_dataset
            from kg.reconciliation import Reconciler
            from kg.reconciliation.service import ReconciliationServer

            try:
                service = ReconciliationServer(Reconciler(read_dataset(graph_file)), host, reconcile_port).start()
            except OSError as exc:
                raise KgError(f"cannot serve reconciliation on {host}:{reconcile_port}: {exc.strerror}") from exc
            _say("reconcile_url", lang, url=service.url)
        code = run_server(
            graph_file,
            host=host,
            port=port,
            echo=lambda text: typer.echo(_lines(text, lang)),
            warn=lambda text: typer.echo(_lines(text, lang), err=True),
            timeout=timeout or None,
            allow_service=allow_service,
        )
    except KgError as exc:
        _fail(exc)
    finally:
        if service is not None:
            service.stop()
    raise typer.Exit(code)


@app.command()
def push(
    endpoint: Annotated[
        str, typer.Option("--endpoint", help="The server's SPARQL query endpoint (used to verify the counts).")
    ],
    store_url: Annotated[
        str | None,
        typer.Option("--store-url", help="The server's Graph Store Protocol URL (default: derived from --endpoint)."),
    ] = None,
    update_url: Annotated[
        str | None,
        typer.Option("--update-url", help="The server's SPARQL Update URL (default: derived from --endpoint)."),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Swap graphs the server already has for the new content.")
    ] = False,
    prune: Annotated[
        bool | None,
        typer.Option(
            "--prune/--no-prune",
            help="Remove the server's graphs of sources that no longer exist (default: on with --replace).",
        ),
    ] = None,
    graph: GraphOpt = None,
    data: DataOpt = None,
    http_timeout: HttpTimeoutOpt = 30.0,
    lang: StatusLangOpt = "sv",
) -> None:
    """Upload every named graph to a SPARQL server (Graph Store Protocol), graph by graph, and verify the counts.

    Credentials come from KG_SPARQL_USER/KG_SPARQL_PASSWORD or ~/.netrc, never from the command line.
    """
    from kg.build.graph import built_graph_file
    from kg.core.errors import KgError
    from kg.server.oxigraph import push as run_push

    def progress(event: str, name: str, triples: int) -> None:
        if event == "moved":
            _say("pushed_graph", lang, triples=f"{triples:>8}", name=name)

    try:
        from kg.query.http import check_url

        check_url(endpoint)  # before anything is printed: a URL with user:password@ is refused, never echoed
        graph_file = built_graph_file(graph, data)
        _say("pushing", lang, file=graph_file, endpoint=endpoint)
        report = run_push(
            graph_file,
            endpoint,
            store_url=store_url,
            update_url=update_url,
            replace=replace,
            http_timeout=http_timeout,
            progress=progress,
            prune=prune,
        )
    except KgError as exc:
        _fail(exc)
    typer.echo(_lines(report.summary(), lang))


@app.command()
def synth(
    out: Annotated[Path, typer.Option("--out", "-o", help="The data folder to write (sources/ and reference/).")],
    triples: Annotated[
        int,
        typer.Option("--triples", "-n", help="About how many triples to write (at least the reference data).", min=1),
    ] = 100_000,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: the same seed gives the same files.", min=0)] = 0,
    violations: Annotated[int, typer.Option("--violations", help="Deliberate violations to inject.", min=0)] = 0,
    lang: StatusLangOpt = "sv",
) -> None:
    """Write a synthetic northern graph in the same ontology (for benchmarks and tests)."""
    from kg.synth import synthesize

    summary = synthesize(triples, out, seed=seed, violations=violations)
    _say(
        "synth_written",
        lang,
        triples=summary.triples,
        files=summary.files,
        out=out,
        seed=seed,
        violations=len(summary.violations),
        summary=out / "synth.json",
    )


@app.command()
def reconcile(
    file: Annotated[Path, typer.Argument(help="A CSV file (UTF-8, with a header row) of names to reconcile.")],
    column: Annotated[str, typer.Option("--column", "-c", help="The column that holds the names.")] = "name",
    type_: Annotated[
        str | None, typer.Option("--type", "-t", help="Keep candidates of this class (e.g. kommun, kunta, hanke).")
    ] = None,
    country: Annotated[str | None, typer.Option("--country", help="Keep candidates of this country (SE, FI).")] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Language the names are written in (sv, fi; default: both).")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="Candidates per name.")] = 3,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write the CSV here (atomically).")] = None,
    data: DataOpt = None,
) -> None:
    """Reconcile the names of one CSV column against the graph; write the candidates with scores as CSV."""
    from kg.core.atomic import write_text
    from kg.core.errors import KgError
    from kg.tabular.reconcile_csv import reconcile_csv

    _out_format(out, None, {".csv": "CSV"}, "CSV", "kg reconcile")
    try:
        text = reconcile_csv(file, column, type_=type_, country=country, lang=lang, limit=limit, data_dir=data)
    except KgError as exc:
        _fail(exc)
    if out is not None:
        write_text(out, text)
    else:
        typer.echo(text, nl=False)


@app.command("import")
def import_(
    sheet: Annotated[
        Path,
        typer.Argument(
            help="A workbook (.xlsx) or a folder of CSV files in the layout of docs/import.md; "
            "with --mapping, a register (CSV or JSON)."
        ),
    ],
    stem: Annotated[
        str | None, typer.Option("--id", help="The source id (file stem); default: the source sheet's id.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="The source file to write (default DATA/sources/STEM.ttl).")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check and report, write nothing.")] = False,
    no_new: Annotated[
        bool, typer.Option("--no-new", help="Refuse to mint entities: every row must match the graph.")
    ] = False,
    mapping: Annotated[
        Path | None,
        typer.Option(
            "--mapping",
            "-m",
            help="Import a register (CSV or JSON) with this mapping (mappings/NAME.yaml; see docs/import.md).",
        ),
    ] = None,
    data: DataOpt = None,
    engine: EngineOpt = Engine.oxigraph,
    lang: StatusLangOpt = "sv",
) -> None:
    """Import a sheet (with --mapping: a register) as one source file: reconcile, validate, write atomically."""
    from kg.core.errors import KgError
    from kg.tabular.importer import import_sheet

    if mapping is not None:
        _import_register(sheet, mapping, stem, out, dry_run, no_new, data, engine.value, lang)
        return
    try:
        result = import_sheet(
            sheet, stem=stem, out=out, data_dir=data, dry_run=dry_run, no_new=no_new, engine=engine.value
        )
    except KgError as exc:
        _fail(exc)
    _import_outcome(
        result,
        result.table(),
        f"{len(result.ambiguous)} row(s) need a decision: put the chosen IRI (or 'new') in the "
        "entities sheet's iri column, or an IRI or id in the relation's cell",
        lang,
    )


def _import_outcome(result, table: str, decide: str, lang: str) -> None:
    """Print what ``kg import`` did (``table``: its per-row or per-name report) and exit: 2 when
    names need a decision (``decide`` says how), 1 when the source does not validate with the rest
    of the graph, else say what was written (or would be, on a dry run) in ``lang``. The report and
    the errors stay in English (they name rows, cells and problems, as errors do)."""
    typer.echo(table)
    if result.ambiguous:
        typer.echo(f"error: {decide}; nothing written", err=True)
        raise typer.Exit(2)
    if not result.conforms:
        typer.echo(result.report.to_text(), err=True)
        typer.echo(f"error: {result.stem} does not validate with the rest of the graph; nothing written", err=True)
        raise typer.Exit(1)
    if result.written:
        _say("written_triples", lang, out=result.out, triples=result.triples)
    else:
        _say("dry_run", lang, out=result.out, triples=result.triples)


def _import_register(register, mapping, stem, out, dry_run, no_new, data, engine, lang) -> None:
    from kg.core.errors import KgError
    from kg.tabular.registers import import_register

    try:
        result = import_register(
            register, mapping, stem=stem, out=out, data_dir=data, dry_run=dry_run, no_new=no_new, engine=engine
        )
    except KgError as exc:
        _fail(exc)
    _import_outcome(
        result,
        result.text(),
        f"{len(result.ambiguous)} name(s) need a decision: give each an IRI (or 'new') under "
        f"'reconcile: names:' in {mapping}",
        lang,
    )


class IngestLang(StrEnum):
    auto = "auto"
    sv = "sv"
    fi = "fi"


@app.command()
def ingest(
    file: Annotated[Path, typer.Argument(help="A UTF-8 text or Markdown file in Swedish or Finnish.")],
    stem: Annotated[
        str | None, typer.Option("--id", help="The source id (file stem); default: the file's stem.")
    ] = None,
    lang: Annotated[
        IngestLang,
        typer.Option(
            "--lang",
            help="The text's language; auto tells Swedish from Finnish (the status lines follow KG_LANG, default sv).",
        ),
    ] = IngestLang.auto,
    issued: Annotated[
        str | None, typer.Option("--issued", help="The publication date, YYYY-MM-DD (default: read from the text).")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="The review sheet (.xlsx, or a folder for CSV files; default drafts/STEM.xlsx), "
            "or a source file (.ttl) with every proposal kept.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Propose facts for an id that data/sources/ has already.")
    ] = False,
    data: DataOpt = None,
) -> None:
    """Propose the facts of a document (actors, initiatives, posts, fundings, dates) for review."""
    from kg.core.errors import KgError
    from kg.ingest import ingest as run_ingest
    from kg.ingest.headline import shorten

    said = _env_lang()  # --lang names the document's language: the status lines follow KG_LANG
    try:
        result = run_ingest(file, stem=stem, lang=lang.value, issued=issued, out=out, force=force, data_dir=data)
    except KgError as exc:
        _fail(exc)
    p = result.proposals
    new = sum(1 for e in p.entities.values() if e.is_new)
    unsure = sum(1 for e in p.entities.values() if e.candidates)
    # the title cut at a word and marked, as the sheet's own title is (it was cut in the middle of a word)
    _say("ingest_document", said, stem=p.stem, language=p.lang, title=shorten(p.title, 60))
    _say(
        "ingest_proposed",
        said,
        entities=len(p.entities),
        known=len(p.entities) - new,
        new=new,
        unsure=unsure,
        relations=len(p.relations),
    )
    if result.kind == "ttl":
        _say("ingest_written_ttl", said, out=result.out, triples=result.imported.triples)
    else:
        _say("ingest_written_sheet", said, out=result.out, again=result.out)


class ExportFormat(StrEnum):
    xlsx = "xlsx"
    csv = "csv"
    kumu = "kumu"


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="The workbook (or CSV folder; with --all, a folder) to write.")],
    source: Annotated[str | None, typer.Option("--source", help="The stem of the source to export.")] = None,
    all_sources: Annotated[bool, typer.Option("--all", help="Export every source (one workbook each).")] = False,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="xlsx or csv (the import layout), or kumu (the whole graph).")
    ] = ExportFormat.xlsx,
    data: DataOpt = None,
    lang: StatusLangOpt = "sv",
) -> None:
    """Write sources in the layout of `kg import` (export -> import gives the same triples), or a Kumu workbook."""
    from kg.core.errors import KgError
    from kg.tabular.exporter import export_sources

    try:
        written = export_sources(out, source=source, all_sources=all_sources, fmt=fmt.value, data_dir=data)
    except KgError as exc:
        _fail(exc)
    for path in written:
        _say("written", lang, out=path)


# every command reports bad option values in the project's words (KgCommand), those added later too
for _info in app.registered_commands:
    if _info.cls in (None, TyperCommand):
        _info.cls = KgCommand


def _only(name: str) -> typer.Typer | None:
    """The application with the one command ``name`` (with the group's options), or ``None`` when no
    command has that name.

    Typer turns every command's signature into click parameters before it runs any (0.05 s of CPU for
    this CLI's 14 commands); a call runs one command, so :func:`main` builds that one only, as a lazily
    loading click group would. Usage lines, help and errors of the command are the same.
    """
    import copy

    from typer.main import get_command_name

    for info in app.registered_commands:
        if (info.name or get_command_name(info.callback.__name__)) == name:
            single = copy.copy(app)  # the same settings and group callback (--version)
            single.registered_commands = [info]
            return single
    return None


def main() -> None:  # pragma: no cover - console-script entry point
    import sys

    chosen = _only(sys.argv[1]) if len(sys.argv) > 1 else None
    (chosen or app)()


if __name__ == "__main__":  # pragma: no cover
    main()
