"""Names as match keys: case, diacritics, Unicode normal form, inflection and generic words.

A name becomes a set of *keys* with a penalty each (0 for the name as written). The same
function turns the graph's labels and the names to reconcile into keys, so that two spellings
meet when any of their keys agree. Steps, each adding to the penalty:

- ``exact`` (0): NFC, case-folded, punctuation and runs of spaces collapsed;
- ``folded`` (3): diacritics stripped as well (``Övertorneå`` = ``overtornea``);
- ``inflected`` (5): each word may be replaced by its lemma: Finnish case endings through Voikko
  (Debian ``libvoikko1`` + ``voikko-fi`` with the ``libvoikko`` binding) where installed, else
  simplemma (Voikko's answer is taken alone where Voikko runs: it knows place names); Swedish
  genitive ``-s`` and definite forms (``-en``, ``-et``, ``-erna``, …) by rule; a suffix after a
  colon (``ESF:n``, ``R10:ssä``) dropped;
- ``generic`` (8): words that only say what kind of body it is (kommun, kunta, kaupunki, stad,
  municipality, län, maakunta, …) dropped, so ``Posion kunnan`` meets ``Posio``.

Set ``KG_VOIKKO=0`` in the environment to use the simplemma fallback even where Voikko is installed.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from itertools import product

from kg.core.labels import fold

EXACT, FOLDED, INFLECTED, GENERIC = 0, 3, 5, 8

#: Words that name the kind of body rather than the body (in lemma form, folded).
GENERIC_WORDS = frozenset(
    {
        "kommun",
        "kommune",
        "stad",
        "kunta",
        "kaupunki",
        "municipality",
        "city",
        "town",
        "of",
        "lan",
        "laani",
        "maakunta",
        "landskap",
        "county",
    }
)
#: Short words left out of abbreviations built from initials.
STOP_WORDS = frozenset({"och", "i", "for", "av", "pa", "ja", "and", "of", "the", "in", "till", "med"})

_PUNCT = re.compile(r"[^\w\s:]+", re.UNICODE)
_COLON_SUFFIX = re.compile(r"^(\w+):\w+$", re.UNICODE)
_SPACE = re.compile(r"\s+")
# Swedish definite and genitive endings, longest first: kommunerna(s), förbundet(s), regionen(s), …
_SV_ENDINGS = ("ernas", "arnas", "ornas", "erna", "arna", "orna", "ens", "ets", "en", "et", "s")


def exact_key(text: str) -> str:
    """The name as written, without case, Unicode normal form or punctuation differences.

    >>> exact_key("  Kemijärven  Kehitys Oy ") == exact_key("KEMIJA\\u0308RVEN kehitys oy")
    True
    >>> exact_key("ELY-keskus")
    'ely keskus'
    """
    text = unicodedata.normalize("NFC", text).casefold()
    text = _PUNCT.sub(" ", text).replace(":", " ")
    return _SPACE.sub(" ", text).strip()


def folded_key(text: str) -> str:
    """:func:`exact_key` with diacritics stripped.

    >>> folded_key("Övertorneå"), folded_key("Jåhkåmåhkke")
    ('overtornea', 'jahkamahkke')
    """
    return fold(exact_key(text))


def tokens(text: str) -> list[str]:
    """The words of a name (case-folded, NFC), keeping a colon suffix on its word.

    >>> tokens("Lapin liitolta"), tokens("ESF:n rahoitus"), tokens("ELY-keskus")
    (['lapin', 'liitolta'], ['esf:n', 'rahoitus'], ['ely', 'keskus'])
    """
    text = unicodedata.normalize("NFC", text).casefold()
    return [t.strip(":") for t in _PUNCT.sub(" ", text).split() if t.strip(":")]


def _voikko_wanted() -> bool:
    return os.environ.get("KG_VOIKKO", "1").strip().lower() not in ("0", "false", "no", "off")


@lru_cache(maxsize=1)
def voikko_fi():
    """The Finnish morphological analyser, one ``libvoikko.Voikko("fi")`` per process, or None where the
    binding, libvoikko1 or the Finnish dictionary (Debian ``voikko-fi``) is missing. Its ``analyze(word)``
    gives a list of dicts per reading: ``BASEFORM`` (the nominative), ``CLASS`` (``etunimi``, ``sukunimi``,
    ``paikannimi``, ``nimisana``, ``teonsana`` …), ``SIJAMUOTO`` (the case).

    >>> analyser = voikko_fi()
    >>> analyser is None or any(a.get("BASEFORM") == "Kajaani" for a in analyser.analyze("Kajaanin"))
    True
    """
    try:
        import libvoikko

        return libvoikko.Voikko("fi")
    except Exception:  # the binding, libvoikko1 or the Finnish dictionary is missing
        return None


def finnish_analyser() -> str:
    """Which Finnish analyser is in use: ``voikko`` or ``simplemma``.

    >>> finnish_analyser() in ("voikko", "simplemma")
    True
    """
    return "voikko" if _voikko_wanted() and voikko_fi() is not None else "simplemma"


@lru_cache(maxsize=200_000)
def _finnish_lemmas(word: str, use_voikko: bool) -> tuple[str, ...]:
    found: list[str] = []
    if use_voikko:
        voikko = voikko_fi()
        if voikko is not None:
            for analysis in voikko.analyze(word):
                base = analysis.get("BASEFORM")
                if base:
                    found.append(base.casefold())
    if not use_voikko or voikko_fi() is None:
        import simplemma

        found.append(simplemma.lemmatize(word, lang="fi").casefold())
    if not found or found == [word.casefold()]:
        found.extend(_foreign_name_stems(word))
    return tuple(dict.fromkeys(w for w in found if w and w != word))


#: Finnish case endings on a foreign (Swedish) name the analysers do not know: after a final ``å``
#: directly (``Skellefteån``, ``Piteålle``), after a final consonant with a linking ``i``
#: (``Storumanin``, ``Arjeplogissa``).
_FOREIGN_AFTER_VOWEL = re.compile(r"^(\w{3,}[åÅ])(?:n|ssa|ssä|sta|stä|han|hon|lle|lla|llä|lta|ltä|ksi|ta|tä|na|nä)$")
_FOREIGN_AFTER_CONSONANT = re.compile(
    r"^(\w{3,}[bcdfgjklmnprstvzBCDFGJKLMNPRSTVZ])i(?:n|ssa|ssä|sta|stä|in|lle|lla|llä|lta|ltä|ksi|a|ä|na|nä)$"
)


def _foreign_name_stems(word: str) -> list[str]:
    """The bases a Finnish case ending on a foreign name leaves (none for a Finnish word).

    >>> _foreign_name_stems("Skellefteån"), _foreign_name_stems("Storumanissa"), _foreign_name_stems("talo")
    (['skellefteå'], ['storuman'], [])
    """
    return [
        m.group(1).casefold() for m in (_FOREIGN_AFTER_VOWEL.match(word), _FOREIGN_AFTER_CONSONANT.match(word)) if m
    ]


@lru_cache(maxsize=200_000)
def _swedish_lemmas(word: str) -> tuple[str, ...]:
    found = []
    for ending in _SV_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            found.append(word[: -len(ending)])
    return tuple(dict.fromkeys(w for w in found if w and w != word))


def word_forms(word: str, langs: tuple[str, ...]) -> tuple[str, ...]:
    """The word and its possible lemmas in the given languages (``sv``, ``fi``), the word first.

    >>> word_forms("kaupungilta", ("fi",))[:2]
    ('kaupungilta', 'kaupunki')
    >>> "kommun" in word_forms("kommunens", ("sv",))
    True
    """
    forms = [word]
    match = _COLON_SUFFIX.match(word)
    if match:
        forms.append(match.group(1))
    base = forms[-1]
    if base.isalpha():
        use_voikko = _voikko_wanted()
        for lang in langs:
            if lang == "fi":
                forms.extend(_finnish_lemmas(base, use_voikko))
            elif lang == "sv":
                forms.extend(_swedish_lemmas(base))
    return tuple(dict.fromkeys(forms))


_MAX_COMBINATIONS = 64


def keys(text: str, langs: tuple[str, ...] = ("sv", "fi")) -> dict[str, int]:
    """Every match key of ``text`` with its penalty (lowest wins).

    >>> k = keys("Kemijärven kaupungilta", ("fi",))
    >>> k["kemijarvi"]
    8
    >>> keys("Pajala")
    {'pajala': 0}
    """
    found: dict[str, int] = {}

    def add(key: str, penalty: int) -> None:
        if key and penalty < found.get(key, 99):
            found[key] = penalty

    exact = exact_key(text)
    add(exact, EXACT)
    add(fold(exact), FOLDED)
    words = tokens(text)
    if not words:
        return found
    options = [word_forms(w, langs) for w in words]
    combos = 1
    for i, opts in enumerate(options):
        if combos * len(opts) > _MAX_COMBINATIONS:
            options[i] = opts[:1] + opts[-1:] if len(opts) > 1 else opts
        combos *= len(options[i])
    for combo in product(*options):
        changed = any(c != w for c, w in zip(combo, words, strict=True))
        folded_words = [fold(c) for c in combo]
        if changed:
            add(" ".join(folded_words), INFLECTED)
        kept = [w for w in folded_words if w not in GENERIC_WORDS]
        if kept and len(kept) < len(folded_words):
            add(" ".join(kept), GENERIC)
    return found


def initials(text: str) -> str | None:
    """An abbreviation made of the initials of a name of three or more words (stop words left out).

    >>> initials("Elinkeino-, liikenne- ja ympäristökeskus")
    'ely'
    >>> initials("Europeiska socialfonden") is None
    True
    """
    words = [fold(w) for w in re.split(r"[\s\-–/]+", unicodedata.normalize("NFC", text)) if w.strip(",.;:()")]
    words = [w.strip(",.;:()") for w in words]
    words = [w for w in words if w and w not in STOP_WORDS]
    if len(words) < 3:
        return None
    return "".join(w[0] for w in words if w[0].isalnum())


def looks_like_abbreviation(text: str) -> bool:
    """True for a short name written mostly in capitals, such as ``ELY`` or ``R10``.

    >>> looks_like_abbreviation("ELY"), looks_like_abbreviation("Pajala")
    (True, False)
    """
    stripped = text.strip()
    letters = [c for c in stripped if c.isalpha()]
    return 2 <= len(stripped) <= 8 and bool(letters) and sum(c.isupper() for c in letters) >= len(letters) - 1
