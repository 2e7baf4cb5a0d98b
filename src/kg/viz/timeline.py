"""The year slider's data: which nodes and ties exist in each year.

The page does not apply time rules of its own. For every year of the slider it takes
:mod:`kg.analysis.network`'s network of that year (``bipartite_graph(dataset, year)`` and its projection,
exactly what ``kg analyze --year Y`` reads), so whatever the graph's rules say about undated
facts, ends and memberships, the slider shows the same ties. So that a large graph does not cost a
projection per year, :class:`YearlyNetworks` reads the same answer for the page's own nodes and
ties from the ties and the ``active`` query once (a test holds it to the built graphs).

>>> from kg.build import build
>>> from kg.analysis.network import bipartite_graph
>>> ds = build(out_dir=None).dataset
>>> span = years_of(bipartite_graph(ds))
>>> span[0] <= 2020 <= span[-1]
True
>>> yearly = yearly_networks(ds, "actors", [2020])
>>> sorted(yearly)
[2020]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

import networkx as nx

MAX_YEARS = 40  # the slider covers at most the last 40 years the data mentions


def years_of(bipartite: nx.Graph, max_years: int = MAX_YEARS) -> list[int]:
    """Every year from the earliest to the latest start or end date of a node (at most ``max_years``)."""
    found = set()
    for _, attrs in bipartite.nodes(data=True):
        for key in ("start", "end"):
            value = str(attrs.get(key) or "")
            if value[:4].isdigit():
                found.add(int(value[:4]))
    if not found:
        return []
    last = max(found)
    return list(range(max(min(found), last - max_years + 1), last + 1))


def yearly_networks(
    dataset, kind: str, years: list[int], lang: str | None = "sv", *, nodes=None, ties=None, stated=None, days=None
) -> YearlyNetworks:
    """``{year: (bipartite, drawn)}``: each year's actor–initiative graph and its ``kind`` projection
    (``nodes`` and ``ties``: see :func:`kg.analysis.network.yearly_bipartite_graphs`).

    The mapping reads the nodes, ties, source years and active initiatives once and builds a year's
    graphs only when that year is looked up; :func:`presence` asks it which of the page's nodes and
    ties exist in each year without building any of them (:meth:`YearlyNetworks.presence`).
    ``stated`` (:func:`~kg.analysis.network.source_years`) and ``days``
    (:func:`~kg.analysis.network.active_days`) are read when not given."""
    return YearlyNetworks(dataset, kind, years, lang, nodes=nodes, ties=ties, stated=stated, days=days)


class YearlyNetworks(Mapping):
    """``{year: (bipartite, drawn)}`` as :func:`yearly_networks` describes, built lazily.

    Each year's graphs are :func:`kg.analysis.network.bipartite_graph` of that year and its
    projection (:func:`~kg.analysis.network.project`, and :func:`~kg.analysis.network.fold_people`
    for ``organisations``). Building them for every year of the slider costs a projection per year
    (23 projections of 117k ties at a million triples, most of ``kg viz``'s time); the page needs
    only which of its nodes and ties exist in each year, which :meth:`presence` reads from the
    stated ties with the same rules (a test holds the two to the same answers).
    """

    def __init__(
        self,
        dataset,
        kind: str,
        years: list[int],
        lang: str | None = "sv",
        *,
        nodes=None,
        ties=None,
        stated=None,
        days=None,
    ):
        from kg.analysis.network import active_by_year, read_nodes, read_ties, source_years

        self.kind, self.lang, self.dataset = kind, lang, dataset
        self.years = sorted(years)
        self.nodes = read_nodes(dataset, lang) if nodes is None and years else (nodes or {})
        self.ties = read_ties(dataset) if ties is None and years else (ties or [])
        self.stated = (source_years(dataset) if stated is None else stated) if years else {}
        self.active = active_by_year(dataset, self.years, days) if years else {}
        self._graphs: dict[int, tuple] = {}
        self._index: _TieIndex | None = None

    def __getitem__(self, year: int) -> tuple:
        if year not in self.active:
            raise KeyError(year)
        if year not in self._graphs:
            from kg.analysis.network import bipartite_graph, fold_people, project

            bipartite = bipartite_graph(
                self.dataset, year, self.lang, nodes=self.nodes, ties=self.ties, stated=self.stated,
                initiatives=self.active[year],
            )  # fmt: skip
            drawn = bipartite if self.kind == "bipartite" else project(bipartite)
            if self.kind == "organisations":
                drawn = fold_people(drawn)
            self._graphs[year] = (bipartite, drawn)
        return self._graphs[year]

    def __iter__(self):
        return iter(self.years)

    def __len__(self) -> int:
        return len(self.years)

    def presence(self, items: list, years: list[int], layer: int, edges: bool) -> list[str | None] | None:
        """:func:`presence` read from the ties, or None where this mapping cannot (the
        ``organisations`` projection, or years it does not hold): then build the graphs."""
        if years != self.years or (layer == 1 and edges and self.kind == "organisations"):
            return None
        if self._index is None:
            self._index = _TieIndex(self)
        index = self._index
        if not edges:
            found = [index.node_bits(item) for item in items]
        elif layer == 0 or self.kind == "bipartite":
            found = [index.pair_bits(*item) for item in items]
        else:
            found = [index.projected_bits(*item) for item in items]
        return [_mask(bits, len(years)) for bits in found]


def _mask(bits: int, count: int) -> str | None:
    """``bits`` (bit ``i`` = the ``i``-th year) as one "0"/"1" per year, or None when every bit is set.

    >>> _mask(0b0110, 4), _mask(0b1111, 4), _mask(0, 3)
    ('0110', None, '000')
    >>> _mask(0b0001, 4)
    '1000'
    """
    if bits == (1 << count) - 1:
        return None
    return format(bits, f"0{count}b")[::-1]  # the lowest bit (the first year) first


class _TieIndex:
    """The stated ties of a :class:`YearlyNetworks`, as year bit masks (bit ``i``: ``years[i]``).

    The rules are those of :mod:`kg.analysis.network`: a tie holds in a year when its initiative is
    active then, a membership or affiliation in the years of the sources that state it
    (``_active``); ties whose ends are not both nodes are left out; the ties of one pair of nodes
    are one edge whose role is the strongest of the roles that hold that year and whose actor is
    the first such tie's (``bipartite_graph``); two actors are joined in a year by an
    organisation tie between them, a shared initiative, or a membership of the same organisation
    of at most ``MAX_COMEMBERS`` members that year (``project``).
    """

    def __init__(self, yearly: YearlyNetworks):
        from kg.analysis.network import INITIATIVE_ROLES, MAX_COMEMBERS, ORGANISATION_ROLES

        years, nodes = yearly.years, yearly.nodes
        self.all = (1 << len(years)) - 1
        bit = {year: 1 << i for i, year in enumerate(years)}
        running: dict[str, int] = defaultdict(int)
        for year, initiatives in yearly.active.items():
            for initiative in initiatives:
                running[initiative] |= bit[year]
        order = {role: i for i, role in enumerate((*INITIATIVE_ROLES, *ORGANISATION_ROLES))}
        per_pair: dict[tuple, list] = defaultdict(list)  # the ties of one pair of nodes, in order
        for tie in yearly.ties:
            if tie.actor not in nodes or tie.target not in nodes:
                continue
            if tie.role in ORGANISATION_ROLES:
                bits = 0
                for source in tie.sources:
                    bits |= bit.get(yearly.stated.get(source), 0)
            else:
                bits = running.get(tie.target, 0)
            if bits:
                key = (tie.actor, tie.target) if tie.actor <= tie.target else (tie.target, tie.actor)
                per_pair[key].append((tie.actor, tie.role, bits))
        # per pair: {(actor, strongest role): the years in which the pair's edge has them}
        self.edges: dict[tuple, dict[tuple, int]] = {}
        for key, found in per_pair.items():
            if len(found) == 1:
                actor, role, bits = found[0]
                self.edges[key] = {(actor, role): bits}
                continue
            merged: dict[tuple, int] = defaultdict(int)
            union = 0
            for _, _, bits in found:
                union |= bits
            for i in range(union.bit_length()):  # only the years in which some tie of the pair holds
                if not union >> i & 1:
                    continue
                holding = [(actor, role) for actor, role, bits in found if bits >> i & 1]
                merged[(holding[0][0], min((r for _, r in holding), key=order.get))] |= 1 << i
            self.edges[key] = dict(merged)
        self.touching: dict[str, int] = defaultdict(int)
        self.joined: dict[str, dict[str, int]] = defaultdict(dict)  # actor -> initiative -> years
        self.member: dict[str, dict[str, int]] = defaultdict(dict)  # actor -> organisation -> years
        self.linked: dict[tuple, int] = defaultdict(int)  # organisation ties between two actors
        for key, kinds in self.edges.items():
            for (actor, role), bits in kinds.items():
                self.touching[key[0]] |= bits
                self.touching[key[1]] |= bits
                target = key[1] if actor == key[0] else key[0]
                if role in ORGANISATION_ROLES:
                    self.linked[key] |= bits
                    if role == "member":
                        self.member[actor][target] = self.member[actor].get(target, 0) | bits
                else:
                    self.joined[actor][target] = self.joined[actor].get(target, 0) | bits
        sizes: dict[str, list[int]] = defaultdict(lambda: [0] * len(years))
        for organisations in self.member.values():
            for organisation, bits in organisations.items():
                counts = sizes[organisation]
                for i in range(len(years)):
                    counts[i] += bits >> i & 1
        self.small = {  # the years in which an organisation's members are joined to each other
            organisation: sum(1 << i for i, count in enumerate(counts) if count <= MAX_COMEMBERS)
            for organisation, counts in sizes.items()
        }

    def node_bits(self, node) -> int:
        # a node is in a year's network with a tie that holds that year (``bipartite_graph``)
        return self.touching.get(node, 0)

    def pair_bits(self, a, b) -> int:
        key = (a, b) if a <= b else (b, a)
        bits = 0
        for value in self.edges.get(key, {}).values():
            bits |= value
        return bits

    def projected_bits(self, a, b) -> int:
        if a == b:
            return 0
        bits = self.linked.get((a, b) if a <= b else (b, a), 0)
        mine, theirs = self.joined.get(a, {}), self.joined.get(b, {})
        for initiative in mine.keys() & theirs.keys():
            bits |= mine[initiative] & theirs[initiative]
        mine, theirs = self.member.get(a, {}), self.member.get(b, {})
        for organisation in mine.keys() & theirs.keys():
            bits |= mine[organisation] & theirs[organisation] & self.small.get(organisation, 0)
        return bits & self.all


def presence(items: list, yearly: dict[int, tuple], years: list[int], layer: int, edges: bool) -> list[str | None]:
    """Per item, one character per year ("1" present, "0" absent), or None where present in every year.

    ``items`` are node ids or ``(a, b)`` pairs; ``layer`` 0 reads the bipartite graphs, 1 the projections.

    >>> g = nx.Graph([("a", "b")])
    >>> presence([("a", "b"), ("a", "c")], {2020: (g, g), 2021: (nx.Graph(), nx.Graph())}, [2020, 2021], 1, True)
    ['10', '00']
    """
    if isinstance(yearly, YearlyNetworks):
        found = yearly.presence(items, years, layer, edges)
        if found is not None:
            return found
    graphs = [yearly[y][layer] for y in years]
    masks: list[str | None] = []
    for item in items:
        flags = "".join("1" if (g.has_edge(*item) if edges else item in g) else "0" for g in graphs)
        masks.append(None if "0" not in flags else flags)
    return masks
