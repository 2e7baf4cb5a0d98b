"""The reconciliation index: every label, alternative label and official code of the graph."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.core.labels import fold, preference
from kg.core.namespaces import KG
from kg.reconciliation import text as T

#: Classes whose instances are not reconciled (the graph's own bookkeeping).
SKIPPED_CLASSES = frozenset(KG[name] for name in ("Cluster", "Analysis", "ReferenceDataset", "SourceDocument"))
#: Columns of the candidates table.
COLUMNS = ["name", "rank", "id", "label", "type", "country", "code", "score", "match", "method", "matched"]
#: Scores of the ways to match, before penalties (0..100).
SCORE_IRI, SCORE_CODE, SCORE_LABEL, SCORE_ABBREVIATION, FUZZY_WEIGHT = 100.0, 100.0, 100.0, 90.0, 0.85
ALT_PENALTY = 2
#: A top candidate is a ``match`` when it scores at least this and leads the next by MATCH_MARGIN.
MATCH_SCORE, MATCH_MARGIN = 90.0, 5.0
FUZZY_CUTOFF = 75.0
FUZZY_SKIP = 95.0

_CODE = re.compile(
    r"^(?:(?:kommunkod|kuntanumero|kuntakoodi|municipality code|code|kod|koodi)\s*:?\s*)?(?:(se|fi)[-\s]?)?(\d{1,4})$",
    re.IGNORECASE,
)
_METHOD_OF_PENALTY = {T.EXACT: "exact", T.FOLDED: "folded", T.INFLECTED: "inflected", T.GENERIC: "generic"}


def _index_penalty(penalty: int, alt: bool) -> int:
    # a label is the canonical spelling: its folded form costs 1 (a name typed without
    # diacritics is still the name); an alternative label costs ALT_PENALTY more
    return (1 if penalty == T.FOLDED else penalty) + (ALT_PENALTY if alt else 0)


def label_langs(lang: str | None) -> tuple[str, ...]:
    """The analysers to run on a name in language ``lang`` (None: Swedish and Finnish).

    >>> label_langs("fi"), label_langs("en"), label_langs(None), label_langs("fit")
    (('fi',), (), ('sv', 'fi'), ('fi',))
    """
    if lang is None:
        return ("sv", "fi")
    lang = lang.lower()
    if lang in ("fi", "fit"):
        return ("fi",)
    if lang == "sv":
        return ("sv",)
    return ()


def _inside_a_word(query: str, key: str, score: float) -> float:
    """``score`` (WRatio of two folded names), or their plain ratio when WRatio came from finding the
    shorter name inside the longer one in the middle of a word.

    WRatio scores a name 1.5 or more times shorter than the other by its best partial match, so
    ``are`` (Åre) scored 90 inside ``matarenki``; a shorter name counts as found in a longer one only
    where it starts a word of it (``lulea`` in ``lulea tekniska universitet``, ``norrbotten`` in
    ``norrbottens lan``).

    >>> _inside_a_word("matarenki", "are", 90.0)
    50.0
    >>> _inside_a_word("lulea tekniska universitet", "lulea", 90.0)
    90.0
    >>> _inside_a_word("norrbottens lan", "norrbotten", 90.0)
    90.0
    """
    from rapidfuzz import fuzz

    short, long = sorted((query, key), key=len)
    if not short or len(long) < 1.5 * len(short):
        return score
    start = fuzz.partial_ratio_alignment(short, long).dest_start
    if start == 0 or not long[start - 1].isalnum():
        return score
    return round(fuzz.ratio(query, key), 1)


@dataclass
class Entity:
    """One reconcilable node: its IRI, classes, country, official code and names."""

    iri: URIRef
    types: set[URIRef] = field(default_factory=set)
    country: str | None = None
    code: str | None = None
    labels: list[tuple[str, str | None, bool]] = field(default_factory=list)  # (text, lang, alternative?)

    def label(self, lang: str | None) -> str:
        """The entity's label in the preferred language (else an alternative label, else the IRI)."""
        for wanted in preference(lang):
            for text, label_lang, alt in self.labels:
                if not alt and label_lang == wanted:
                    return text
        main = sorted(t for t, _, alt in self.labels if not alt)
        if main:
            return main[0]
        return sorted(t for t, _, _ in self.labels)[0] if self.labels else str(self.iri)


@dataclass
class Hit:
    entity: int
    score: float
    method: str
    matched: str


class Reconciler:
    """Candidates for names, from an rdflib graph or dataset (the union of its graphs).

    >>> from kg.reconciliation import default_reconciler
    >>> r = default_reconciler()
    >>> df = r.reconcile(["Posion kunnan", "Kemijärven kaupungilta", "Lapin liitolta"], lang="fi")
    >>> list(df[df["rank"] == 1]["id"].str.rsplit("/", n=1).str[-1])
    ['fi-614', 'fi-320', 'lapin-liitto']
    """

    def __init__(self, graph) -> None:
        self.entities: list[Entity] = []
        self.by_iri: dict[URIRef, int] = {}
        # key -> (entity, penalty of the key, alternative label?, label)
        self.keys: dict[str, list[tuple[int, int, bool, str]]] = defaultdict(list)
        self.codes: dict[str, list[int]] = defaultdict(list)
        self.abbreviations: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self.class_labels: dict[str, URIRef] = {}
        #: each key of ``class_labels`` as it is written (the label, or the class's name): what an error
        #: message suggests, so that "kommunalförbund" is not offered as "kommunalforbund"
        self.class_spellings: dict[str, str] = {}
        self.class_names: dict[URIRef, dict[str, str]] = defaultdict(dict)  # class -> language -> label
        self.subclasses: dict[URIRef, set[URIRef]] = defaultdict(set)
        self._allowed_cache: dict[tuple, set[int] | None] = {}  # the entities are fixed once read
        self._choices_cache: dict[int, list[str]] = {}
        self._read(graph)
        # fuzzy scoring compares with the labels as written (folded), not with their inflected variants
        self._choices = sorted(
            k for k, entries in self.keys.items() if len(k) >= 3 and any(e[1] <= T.FOLDED for e in entries)
        )

    # ------------------------------------------------------------------ building
    def _read(self, graph) -> None:
        classes = {c for c in graph.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
        for cls in classes:
            self.subclasses[cls].add(cls)
            self.class_labels[fold(cls.split("#")[-1])] = cls
            self.class_spellings.setdefault(fold(cls.split("#")[-1]), cls.split("#")[-1])
            for label in sorted(graph.objects(cls, RDFS.label)):
                self.class_labels.setdefault(T.folded_key(str(label)), cls)
                self.class_spellings.setdefault(T.folded_key(str(label)), str(label))
                if isinstance(label, Literal) and label.language:
                    self.class_names[cls].setdefault(label.language, str(label))
        changed = True
        while changed:  # transitive closure of rdfs:subClassOf
            changed = False
            for sub, sup in graph.subject_objects(RDFS.subClassOf):
                if sup in self.subclasses and not self.subclasses[sub] <= self.subclasses[sup]:
                    self.subclasses[sup] |= self.subclasses[sub] | {sub}
                    changed = True
        for s, cls in graph.subject_objects(RDF.type):
            if not isinstance(s, URIRef) or cls in SKIPPED_CLASSES or s in classes:
                continue
            if not (isinstance(cls, URIRef) and str(cls).startswith(str(KG))):
                continue
            index = self.by_iri.get(s)
            if index is None:
                index = self.by_iri[s] = len(self.entities)
                self.entities.append(Entity(s))
            self.entities[index].types.add(cls)
        for index, entity in enumerate(self.entities):
            s = entity.iri
            for o in graph.objects(s, KG.country):
                entity.country = str(o).upper()
            for prop in (KG.municipalityCode, KG.areaCode):
                for o in graph.objects(s, prop):
                    entity.code = str(o)
                    self._add_code(str(o), index, entity.country)
            for alt, prop in ((False, RDFS.label), (True, SKOS.altLabel)):
                for o in sorted(graph.objects(s, prop)):
                    if isinstance(o, Literal):
                        entity.labels.append((str(o), o.language, alt))
                        self._add_label(index, str(o), o.language, alt)

    def _add_code(self, code: str, index: int, country: str | None) -> None:
        self.codes[code].append(index)
        if country:
            self.codes[f"{country.lower()}-{code}"].append(index)

    def _add_label(self, index: int, label: str, lang: str | None, alt: bool) -> None:
        for key, penalty in T.keys(label, label_langs(lang)).items():
            self.keys[key].append((index, penalty, alt, label))
        abbreviation = T.initials(label)
        if abbreviation:
            self.abbreviations[abbreviation].append((index, label))

    # ------------------------------------------------------------------ filters
    def resolve_type(self, type_: str | URIRef) -> URIRef:
        """The class meant by ``type_``: an IRI, ``kg:Name``, a local name or a label in sv/fi/en.

        Raises ``KeyError`` with the closest class names when none fits.

        >>> from kg.reconciliation import default_reconciler
        >>> r = default_reconciler()
        >>> [r.resolve_type(t).split("#")[1] for t in ("kunta", "kommun", "Municipality", "hanke")]
        ['Municipality', 'Municipality', 'Municipality', 'Project']
        """
        value = str(type_).strip()
        if value.startswith("kg:"):
            value = str(KG) + value[3:]
        if URIRef(value) in self.subclasses:
            return URIRef(value)
        found = self.class_labels.get(T.folded_key(value))
        if found is None:
            raise KeyError(f"unknown type {type_!r}; closest: {', '.join(self.closest_types(value))}")
        return found

    def closest_types(self, value: str, limit: int = 3) -> list[str]:
        """The class names and labels nearest to ``value`` (for error messages)."""
        from rapidfuzz import process

        found = process.extract(T.folded_key(value), sorted(self.class_labels), limit=limit)  # ties: by name
        return list(dict.fromkeys(self.class_spellings.get(key, key) for key, _, _ in found))

    def _allowed(self, type_: URIRef | None, country: str | None) -> set[int] | None:
        if (type_, country) not in self._allowed_cache:
            self._allowed_cache[type_, country] = self._allowed_uncached(type_, country)
        return self._allowed_cache[type_, country]

    def _choices_for(self, allowed: set[int] | None) -> list[str]:
        """The fuzzy-match keys that name at least one allowed entity: the type and country filters
        apply before the best fuzzy keys are kept, so that many similar names of other types cannot
        crowd out the right one."""
        if allowed is None:
            return self._choices
        cache_key = id(allowed)  # the allowed sets are cached per filter, so their identity is stable
        if cache_key not in self._choices_cache:
            self._choices_cache[cache_key] = [
                k for k in self._choices if any(entry[0] in allowed for entry in self.keys[k])
            ]
        return self._choices_cache[cache_key]

    def _allowed_uncached(self, type_: URIRef | None, country: str | None) -> set[int] | None:
        if type_ is None and country is None:
            return None
        allowed = set()
        members = self.subclasses.get(type_, {type_}) if type_ is not None else None
        for index, entity in enumerate(self.entities):
            if members is not None and not entity.types & members:
                continue
            # a country excludes the other country's entities, not those whose country is not recorded
            # (an initiative, a network): they stay candidates
            if country is not None and entity.country is not None and entity.country != country.upper():
                continue
            allowed.add(index)
        return allowed

    # ------------------------------------------------------------------ matching
    def candidates(
        self,
        name: str,
        *,
        type: str | URIRef | None = None,
        country: str | None = None,
        lang: str | None = None,
        limit: int = 5,
        fuzzy: bool = True,
    ) -> list[Hit]:
        """The best candidates for one name, best first (at most ``limit``)."""
        allowed = self._allowed(self.resolve_type(type) if type is not None else None, country)
        best: dict[int, Hit] = {}

        def offer(index: int, score: float, method: str, matched: str) -> None:
            if allowed is not None and index not in allowed:
                return
            current = best.get(index)
            if current is None or score > current.score:
                best[index] = Hit(index, score, method, matched)

        value = str(name).strip()
        if not value:
            return []
        if value.startswith(("http://", "https://", "urn:")) and URIRef(value) in self.by_iri:
            offer(self.by_iri[URIRef(value)], SCORE_IRI, "iri", value)
        code = _CODE.match(value)
        if code:
            prefix, digits = code.groups()
            for candidate in {digits, digits.zfill(4), digits.zfill(3), digits.zfill(2)}:  # zeros a sheet dropped
                key = f"{prefix.lower()}-{candidate}" if prefix else candidate
                for index in self.codes.get(key, ()):
                    offer(index, SCORE_CODE, "code", self.entities[index].code or value)
        query_keys = T.keys(value, label_langs(lang))
        for key, qpen in query_keys.items():
            for index, ipen, alt, label in self.keys.get(key, ()):
                offer(index, SCORE_LABEL - qpen - _index_penalty(ipen, alt), _METHOD_OF_PENALTY[max(qpen, ipen)], label)
        if T.looks_like_abbreviation(value):
            for index, label in self.abbreviations.get(T.folded_key(value).replace(" ", ""), ()):
                offer(index, SCORE_ABBREVIATION, "abbreviation", label)
        # a name that already has a candidate of FUZZY_SKIP or more gets no fuzzy candidates (they
        # could not change its ``match``: fuzzy scores stay below 86)
        if fuzzy and len(value) >= 3 and not any(h.score >= FUZZY_SKIP for h in best.values()):
            from rapidfuzz import fuzz, process

            # the name as written, and without its generic words (``Pajalla kommun`` -> ``pajalla``)
            queries = {T.folded_key(value)} | {k for k, p in query_keys.items() if p == T.GENERIC}
            for query in sorted(queries):
                for key, score, _ in process.extract(
                    query,
                    self._choices_for(allowed),
                    scorer=fuzz.WRatio,
                    limit=max(limit * 4, 10),
                    score_cutoff=FUZZY_CUTOFF,
                ):
                    score = _inside_a_word(query, key, score)
                    if score < FUZZY_CUTOFF:
                        continue
                    for index, ipen, alt, label in self.keys[key]:
                        offer(index, round(score * FUZZY_WEIGHT - _index_penalty(ipen, alt), 1), "fuzzy", label)
        ranked = sorted(best.values(), key=lambda h: (-h.score, str(self.entities[h.entity].iri)))
        return ranked[:limit]

    def reconcile(
        self,
        names: Iterable[str] | str,
        type: str | URIRef | None = None,
        country: str | None = None,
        lang: str | None = None,
        *,
        limit: int = 5,
        fuzzy: bool = True,
    ):
        """Candidates for each name as a pandas DataFrame (columns :data:`COLUMNS`).

        One row per candidate, best first within each name (``rank`` 1, 2, …); a name without
        any candidate gets one row with ``rank`` 0, no ``id`` and method ``none``. ``score`` is
        0..100; ``match`` is True on a top candidate scoring at least 90 and 5 points ahead of
        the next, i.e. one that can be taken without asking. ``method`` says how it matched:
        ``iri``, ``code`` (kommunkod, kuntanumero, area code), ``exact``, ``folded``
        (diacritics), ``inflected`` (a lemma), ``generic`` (kind words dropped),
        ``abbreviation`` (initials) or ``fuzzy`` (rapidfuzz WRatio, weighted 0.85; only for names
        without a candidate of 95 or more).
        """
        import pandas as pd

        if isinstance(names, str):
            names = [names]
        type_ = self.resolve_type(type) if type is not None else None
        rows = []
        for name in names:
            # one more candidate than shown, so that the verdict on the top one does not depend on ``limit``
            hits = self.candidates(name, type=type_, country=country, lang=lang, limit=max(limit, 1) + 1, fuzzy=fuzzy)
            if not hits:
                rows.append([name, 0, None, None, None, None, None, 0.0, False, "none", None])
                continue
            unique = hits[0].score >= MATCH_SCORE and (len(hits) == 1 or hits[0].score - hits[1].score >= MATCH_MARGIN)
            for rank, hit in enumerate(hits[: max(limit, 1)], start=1):
                entity = self.entities[hit.entity]
                rows.append(
                    [
                        name,
                        rank,
                        str(entity.iri),
                        entity.label(lang),
                        self.type_name(entity),
                        entity.country,
                        entity.code,
                        float(hit.score),
                        rank == 1 and unique,
                        hit.method,
                        hit.matched,
                    ]
                )
        frame = pd.DataFrame(rows, columns=COLUMNS)
        return frame.astype({"rank": "int64", "score": "float64", "match": "bool"})

    def type_name(self, entity: Entity) -> str:
        """The most specific kg: class of an entity, by local name."""
        types = sorted(entity.types, key=lambda c: (-len(self._superclasses(c)), str(c)))
        return types[0].split("#")[-1] if types else ""

    def _superclasses(self, cls: URIRef) -> set[URIRef]:
        return {sup for sup, subs in self.subclasses.items() if cls in subs}
