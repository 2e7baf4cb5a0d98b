"""What ``kg ingest`` proposes: entities, relations, the document's description, each with where
in the text it was read (:class:`Evidence`) and how sure the reader is (``confidence``, 0..1)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    """Where a proposal was read: the sentence (numbered from 1) and the characters ``start``–``end``
    of the text (0-based, end exclusive), and the words as written.

    >>> str(Evidence(3, 120, 133, "Posion kunnan"))
    'sentence 3, chars 120–133: "Posion kunnan"'
    """

    sentence: int
    start: int
    end: int
    text: str

    def __str__(self) -> str:
        return f'sentence {self.sentence}, chars {self.start}–{self.end}: "{self.text}"'


@dataclass
class EntityProposal:
    """One actor, initiative or event: an existing IRI of the graph (``iri``) or a new one (None),
    its class (a ``kg:`` local name), its name as the text gives it (base form), and what else the
    text says of it."""

    key: str
    kind: str
    name: str
    evidence: Evidence
    iri: str | None = None
    confidence: float = 0.8
    candidates: list[str] = field(default_factory=list)
    country: str | None = None
    start: str | None = None
    end: str | None = None
    duration: str | None = None
    located_in: list[str] = field(default_factory=list)  # keys of other entities
    mentions: int = 1
    alt_names: list[str] = field(default_factory=list)  # other names the text gives (an acronym)
    known_as: tuple[str, str] | None = None  # a known entity's preferred label in the graph: (text, sv or fi)
    known_type: str | None = None  # a known entity's most specific class in the graph (a kg: local name)

    @property
    def is_new(self) -> bool:
        return self.iri is None


@dataclass
class RelationProposal:
    """A fact between two entities (by key): ``relation`` is a ``kg:`` property's local name
    (``leads``, ``participatesIn``, ``funds``, ``holdsPost``, …). A funding carries its amount as
    written in the sheet's syntax (``ca 5000 / year``) and currency; a post its role."""

    subject: str
    relation: str
    object: str
    evidence: Evidence
    confidence: float = 0.7
    role: str | None = None
    amount: str | None = None
    currency: str | None = None
    yearly: bool = False
    approximate: bool = False
    start: str | None = None
    end: str | None = None


@dataclass
class Proposals:
    """Everything read from one document."""

    stem: str
    lang: str
    title: str
    issued: str | None
    publisher: str | None  # an entity key
    entities: dict[str, EntityProposal] = field(default_factory=dict)
    relations: list[RelationProposal] = field(default_factory=list)
    dates: list[tuple[str, Evidence]] = field(default_factory=list)  # every date read, as xsd lexical forms

    def relation_keys(self) -> set[tuple[str, str, str]]:
        return {(r.subject, r.relation, r.object) for r in self.relations}

    def add_relation(self, relation: RelationProposal) -> None:
        """Add ``relation`` unless the same fact (with the same amount) is there already, or it
        ties an entity to itself."""
        if relation.subject == relation.object:
            return
        for other in self.relations:
            if (other.subject, other.relation, other.object, other.amount, other.role) == (
                relation.subject,
                relation.relation,
                relation.object,
                relation.amount,
                relation.role,
            ):
                other.confidence = max(other.confidence, relation.confidence)
                return
        if relation.relation == "funds" and relation.amount:
            # one total and one yearly amount per funder and initiative (the shapes allow no more):
            # the first one read stays, unless it was approximate and this one is exact
            for other in self.relations:
                if (other.subject, other.relation, other.object, other.yearly) == (
                    relation.subject,
                    "funds",
                    relation.object,
                    relation.yearly,
                ) and other.amount:
                    if other.approximate and not relation.approximate:
                        self.relations.remove(other)
                        break
                    return
        if relation.relation == "holdsPost" and relation.role:
            # one post per person and organisation (kg import makes one node of them, with one role): the
            # first title read stays (``kommunchef`` before a later ``kommundirektör`` for the same post)
            for other in self.relations:
                same = (other.subject, other.relation, other.object) == (relation.subject, "holdsPost", relation.object)
                if same and other.role:
                    other.confidence = max(other.confidence, relation.confidence)
                    return
        # a more specific participation (leads, funds) replaces a plain one
        if relation.relation in ("leads", "organises", "presentsAt"):
            self.relations = [
                r
                for r in self.relations
                if not (r.relation == "participatesIn" and (r.subject, r.object) == (relation.subject, relation.object))
            ]
        elif relation.relation == "participatesIn" and any(
            (r.subject, r.object) == (relation.subject, relation.object)
            and r.relation in ("leads", "organises", "presentsAt", "funds")
            for r in self.relations
        ):
            return
        self.relations.append(relation)
