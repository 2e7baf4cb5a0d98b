"""Reading a document for ``kg ingest``: UTF-8 text or Markdown, its language, its lines.

Every problem is an :class:`IngestError` naming the file (and the line where one is at fault):
an empty file, a binary file, bytes that are not UTF-8, a language other than Swedish or Finnish
(unless the caller names the language).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from kg.core.errors import KgError

LANGUAGES = ("sv", "fi")

#: Frequent short words of each language (function words, and the words of municipal texts).
STOPWORDS = {
    "sv": frozenset(
        [
            "och",
            "att",
            "det",
            "som",
            "en",
            "ett",
            "är",
            "för",
            "med",
            "på",
            "av",
            "till",
            "har",
            "inte",
            "om",
            "de",
            "den",
            "var",
            "vi",
            "kan",
            "ska",
            "också",
            "från",
            "kommun",
            "kommunen",
            "kommunerna",
            "projektet",
            "under",
            "eller",
            "mellan",
            "efter",
            "samt",
            "år",
            "vid",
            "sig",
            "där",
        ]
    ),
    "fi": frozenset(
        [
            "ja",
            "on",
            "että",
            "ovat",
            "myös",
            "sekä",
            "tai",
            "se",
            "ei",
            "kuin",
            "joka",
            "jonka",
            "hankkeen",
            "hanke",
            "kunnan",
            "kunta",
            "kaupungin",
            "kaupunki",
            "vuonna",
            "mukaan",
            "osalta",
            "tulee",
            "lisäksi",
            "sen",
            "ole",
            "ollut",
            "ovat",
            "voi",
            "kanssa",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "is",
            "for",
            "with",
            "that",
            "are",
            "this",
            "from",
            "was",
            "were",
            "by",
            "an",
            "be",
            "have",
            "has",
            "which",
        ]
    ),
    "de": frozenset(
        [
            "und",
            "der",
            "die",
            "das",
            "ist",
            "nicht",
            "mit",
            "für",
            "von",
            "den",
            "auf",
            "ein",
            "eine",
            "zu",
            "im",
            "dem",
            "sich",
        ]
    ),
    "no": frozenset(["ikke", "jeg", "og", "hva", "hvordan", "noe", "mye", "være", "kommune", "fylke"]),
}


class IngestError(KgError):
    """A document ``kg ingest`` cannot read, or an output it must not write."""


def read_document(path: Path | str) -> str:
    """The text of ``path`` (UTF-8, a byte-order mark allowed), normalised to NFC with ``\\n`` lines.

    Raises :class:`IngestError` for a missing, empty, binary or non-UTF-8 file:

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as f:
    ...     _ = f.write("Pajala kommun\\r\\n".encode())
    >>> read_document(f.name)
    'Pajala kommun\\n'
    >>> os.unlink(f.name)
    """
    path = Path(path)
    if not path.is_file():
        raise IngestError("no such file" if not path.exists() else "not a file", file=path)
    raw = path.read_bytes()
    if not raw.strip():
        raise IngestError("the file is empty: a text in Swedish or Finnish was expected", file=path)
    if b"\x00" in raw[:65536]:
        raise IngestError(
            "a binary file, not text (it contains NUL bytes); give a UTF-8 text or Markdown file", file=path
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise IngestError(
            f"not UTF-8 text (byte {exc.start} cannot be read as UTF-8); save it as UTF-8 and try again",
            file=path,
            line=line,
        ) from exc
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t\f")
    if controls > max(8, len(text) // 100):
        raise IngestError("a binary file, not text (it is full of control characters)", file=path)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not re.search(r"\w", text):
        raise IngestError("the file has no words: a text in Swedish or Finnish was expected", file=path)
    return text


def detect_language(text: str) -> tuple[str | None, dict[str, int]]:
    """The language of ``text`` by its frequent words: ``sv``, ``fi``, or None when another one
    (English, German, Norwegian) leads or too few words are known; and the counts.

    >>> detect_language("Projektet leds av Pajala kommun och finansieras av Region Norrbotten.")[0]
    'sv'
    >>> detect_language("Hankkeen hallinnoinnista vastaa Posion kunta ja se on mukana.")[0]
    'fi'
    >>> detect_language("The project is led by the municipality of Pajala and funded by the region.")[0] is None
    True
    """
    words = re.findall(r"[^\W\d_]+", text.lower())
    counts = {lang: sum(1 for w in words if w in stop) for lang, stop in STOPWORDS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    if best not in LANGUAGES or counts[best] < 2:
        return None, counts
    return best, counts


def markdown_headings(text: str) -> tuple[int, ...]:
    """The character offsets where Markdown's ATX headings (``# …`` to ``###### …``) start.

    >>> markdown_headings("Meny\\n# Ny satsning\\ntext\\n## Bakgrund\\n")
    (5, 24)
    """
    return tuple(m.start() for m in re.finditer(r"(?m)^#{1,6}(?=\s)", text))


def markdown_to_text(text: str) -> str:
    """Markdown's markup replaced by spaces (headings, emphasis, links keep their words), so that
    character offsets in the result are offsets in the file.

    >>> markdown_to_text("# Move on up\\n**Pajala** [kommun](https://pajala.se)")
    '  Move on up\\n  Pajala    kommun                    '
    """

    def blank(match: re.Match) -> str:
        return " " * len(match.group(0))

    text = re.sub(r"(?m)^#{1,6}(?=\s)", blank, text)
    text = re.sub(r"\]\([^)\s]*\)", blank, text)
    text = re.sub(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)|\[", blank, text)
    return text
