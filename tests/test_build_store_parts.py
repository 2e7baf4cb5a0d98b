"""Issue 22: the full build bulk-loads its on-disk store in parts (less memory). However small the
parts, the store holds what one bulk load of everything holds, the ontology's blank nodes included
(each bulk load names blank nodes anew, so the lines that hold them must stay in one part)."""

from __future__ import annotations

import itertools

import pyoxigraph as ox

import kg.build.incremental as incremental
from kg.build import build
from kg.query.stores import canonical_quads


def _content(folder) -> set[str]:
    return canonical_quads(ox.Store.read_only(str(folder / "store")))


def test_store_loaded_in_small_parts_holds_the_same_quads(tmp_path, monkeypatch):
    whole = build(out_dir=tmp_path / "whole", engine="oxigraph", incremental=False)
    assert whole.conforms
    whole.store.close() if hasattr(whole.store, "close") else None
    monkeypatch.setattr(incremental, "BULK_CHUNK_BYTES", 1 << 16)  # about a hundred parts for the shipped data
    parts = build(out_dir=tmp_path / "parts", engine="oxigraph", incremental=False)
    assert parts.conforms
    parts.store.close() if hasattr(parts.store, "close") else None
    incremental._forget(tmp_path / "whole" / "store")
    incremental._forget(tmp_path / "parts" / "store")
    quads_whole, quads_parts = _content(tmp_path / "whole"), _content(tmp_path / "parts")
    assert any("_:" in quad for quad in quads_whole), "the ontology's RDF lists give blank nodes"
    assert quads_parts == quads_whole
    assert (tmp_path / "whole" / "graph.trig").read_bytes() == (tmp_path / "parts" / "graph.trig").read_bytes()


def test_parts_end_at_line_ends_and_keep_blank_nodes_together():
    lines = [b'<a%d> <p> "%d" <g> .\n' % (i, i) for i in range(50)]
    lines[20:23] = [b'_:x <p> "1" <g> .\n', b'<b> <p> "2" <g> .\n', b"<c> <p> _:x <g> .\n"]
    text = b"".join(lines)
    ranges = incremental.bulk_chunks(text, 40)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))
    assert all(text[end - 1 : end] == b"\n" for _, end in ranges)
    first, last = text.find(b"_:"), text.rfind(b"_:")
    assert [r for r in ranges if r[0] <= first < r[1]] == [r for r in ranges if r[0] <= last < r[1]]
    assert len(ranges) > 10
