"""Register mappings: the YAML files in ``mappings/`` that say how a register's rows become facts.

A mapping is read with PyYAML, keeping the line of every key, and checked against :data:`SCHEMA`
before any row is read: an unknown key is an error naming the mapping's file and line and the
closest valid key, so a typo never drops a field silently. The layout is documented in
``docs/import.md`` (section *Registers*).

>>> from pathlib import Path
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     path = Path(tmp) / "m.yaml"
...     _ = path.write_text("source:\\n  id: x\\n  titel: y\\n", encoding="utf-8")
...     try:
...         load_mapping(path)
...     except MappingErrors as exc:
...         print(str(exc.errors[0]).replace(tmp, "TMP"), len(exc.errors))
TMP/m.yaml:3: unknown key 'titel' in 'source'; closest valid: 'title' 6
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from kg.core.errors import KgError


class MappingError(KgError):
    """A problem with the mapping file itself: ``mappings/x.yaml:12: unknown key 'colum'``."""


class MappingErrors(KgError):
    """Every problem of a mapping file at once."""

    def __init__(self, errors: list[KgError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


class Node(dict):
    """A YAML mapping that remembers its own line and the line of each key (1-based)."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class Seq(list):
    """A YAML sequence that remembers its line."""

    line: int = 0


#: A field that takes a constant, or a column with options (see :func:`field_keys`).
VALUE = {"column", "values", "default", "lang", "format", "empty", "split", "currency", "kind", "scope", "zero"}
#: The sections and keys a mapping may have; a key mapped to a set is a field of that section.
SCHEMA: dict[str, Any] = {
    "source": {
        "id": str,
        "title": dict,
        "language": str,
        "publisher": str,
        "issued": str,
        "url": str,
        "original_url": str,
        "licence": str,
        "kind": str,
        "description": dict,
        "notes": list,
    },
    "read": {"format": str, "delimiter": str, "encoding": str, "spaces": str, "repair": list},
    "filter": {"column": str, "in": list},
    "exclude": list,
    "project": {
        "key": list,
        "iri": str,
        "type": str,
        "name": VALUE,
        "code": VALUE,
        "start": VALUE,
        "end": VALUE,
        "programme": VALUE,
    },
    "organisation": {"name": VALUE, "role": VALUE, "country": VALUE, "located_in": VALUE, "type": VALUE},
    "funding": {"funder": VALUE, "fund": VALUE, "amount": VALUE, "paid": VALUE, "planned": VALUE},
    "reconcile": {"country": (str, list), "lang": str, "names": dict},
}
REQUIRED = {"source": ("id", "title", "language"), "project": ("key", "iri", "name"), "organisation": ("name",)}


def _loader():
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def mapping(loader, node):
        loader.flatten_mapping(node)
        result = Node()
        result.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            key = str(key)
            if key in result:
                raise MappingError(f"key '{key}' given twice", line=key_node.start_mark.line + 1)
            result[key] = loader.construct_object(value_node, deep=True)
            result.lines[key] = key_node.start_mark.line + 1
        return result

    def sequence(loader, node):
        result = Seq(loader.construct_object(child, deep=True) for child in node.value)
        result.line = node.start_mark.line + 1
        return result

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, sequence)
    # every scalar is text: "1.3.2015", "NO", "yes" and "2017" stay as written
    Loader.yaml_implicit_resolvers = {}
    return Loader


def _closest(value: str, choices) -> str:
    near = difflib.get_close_matches(value, sorted(choices), n=2, cutoff=0.5)
    return ("; closest valid: " + ", ".join(f"'{c}'" for c in near)) if near else ""


def load_mapping(path: Path | str) -> Node:
    """Read and check a mapping file. Raises :class:`MappingErrors` (file and line of each problem)."""
    import yaml

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise MappingErrors([MappingError(f"cannot read the mapping: {exc.strerror}", file=path)]) from None
    try:
        data = yaml.load(text, Loader=_loader())  # a SafeLoader subclass
    except MappingError as exc:
        exc.file = path
        raise MappingErrors([exc]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise MappingErrors(
            [MappingError(f"not valid YAML: {getattr(exc, 'problem', exc)}", file=path, line=line)]
        ) from None
    if not isinstance(data, Node):
        raise MappingErrors(
            [MappingError("a mapping is a YAML mapping of sections (source, read, project, …)", file=path)]
        )
    errors: list[KgError] = []

    def err(message: str, line: int) -> None:
        errors.append(MappingError(message, file=path, line=line))

    for section, value in data.items():
        spec = SCHEMA.get(section)
        if spec is None:
            err(f"unknown section '{section}'{_closest(section, SCHEMA)}", data.line_of(section))
            continue
        if spec is list:
            if not isinstance(value, list):
                err(f"'{section}' is a list", data.line_of(section))
            continue
        if not isinstance(value, Node):
            err(f"'{section}' is a mapping of keys", data.line_of(section))
            continue
        for key, item in value.items():
            kind = spec.get(key)
            if kind is None:
                err(f"unknown key '{key}' in '{section}'{_closest(key, spec)}", value.line_of(key))
            elif kind is VALUE:
                if isinstance(item, Node):
                    for option in item:
                        if option not in VALUE:
                            err(
                                f"unknown key '{option}' in '{section}.{key}'{_closest(option, VALUE)}",
                                item.line_of(option),
                            )
                elif not isinstance(item, str):
                    err(f"'{section}.{key}' is a value or a mapping with 'column'", value.line_of(key))
            elif kind is dict and not isinstance(item, Node):
                err(f"'{section}.{key}' is a mapping", value.line_of(key))
            elif kind is list and not isinstance(item, list):
                err(f"'{section}.{key}' is a list", value.line_of(key))
            elif kind is str and not isinstance(item, str):
                err(f"'{section}.{key}' is a single value", value.line_of(key))
            elif isinstance(kind, tuple) and not (
                isinstance(item, str) or (isinstance(item, list) and item and all(isinstance(i, str) for i in item))
            ):
                err(f"'{section}.{key}' is a value or a list of values", value.line_of(key))
        for key in REQUIRED.get(section, ()):
            if key not in value:
                err(f"'{section}' needs '{key}'", value.line)
    for section in ("source", "read", "project", "organisation"):
        if section not in data:
            err(f"the mapping needs the section '{section}'", 1)
    if errors:
        raise MappingErrors(errors)
    return data
