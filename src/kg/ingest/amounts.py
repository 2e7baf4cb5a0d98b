"""What a sentence says about money beyond the amount itself: who puts it in, whether it is a joint
sum, a budget or a grant.

The amounts are found by :data:`kg.ingest.extract._AMOUNT` (every Swedish and Finnish way of
writing one: ``13 mkr``, ``1,2 MSEK``, ``119 952 e``, ``1,4 milj. euroa``); this module holds the
general knowledge that decides what they are *of*:

- verbs and nouns of contributing that name no grant (``går in med``, ``satsar``, ``skjuter till``;
  ``osallistuu 40 000 eurolla``, ``sitoutuu rahoittamaan``, ``rahoitusosuus``, ``maksuosuus``):
  the money is its subject's share (:data:`CONTRIBUTES`);
- the verbs of granting in every form (``bevilja``, ``beviljar``, ``myöntää``, ``myönsi``,
  ``medfinansiera``, ``rahoittaa``; :data:`GRANTS`): their subject pays, even when the sentence
  also names the fund or Leader area the money goes to;
- a joint sum (``A och B satsar tillsammans N``, ``A ja B rahoittavat hanketta yhteensä N
  eurolla``): no one actor's amount (:func:`joint_sum`);
- a total budget (``budget``, ``omslutning``, ``kokonaisbudjetti``, ``kustannusarvio``): the
  initiative's cost, which the curated sources do not record as anyone's funding (see
  docs/modelling.md, *Money*: a funding names who pays; source 12 records the shares of a budget,
  not the budget).
"""

from __future__ import annotations

import re

#: Money its subject puts in, told without a verb of granting: ``Storuman kommun går in med N``,
#: ``satsar N på``, ``skjuter till N``, ``avsätter N``; ``osallistuu hankkeeseen N eurolla``,
#: ``sitoutuu rahoittamaan N``, ``panostaa N``, ``kunnan rahoitusosuus on N``.
CONTRIBUTES = re.compile(
    r"\b(?:går in med|gick in med|gått in med|satsar|satsade|satsat|satsa|skjuter till|sköt till|skjutit till|"
    r"avsätter|avsatte|avsatt|avsätta|investerar|investerade|deltar med|deltog med|bidra med|medfinansiera|"
    r"bevilja|finansiera|delfinansiera|egen insats|egna insatse\w*|egenfinansiering|"
    r"panosta\w*|sijoitta\w*|kustanta\w*|budjetoi\w*|rahoitusosuu\w*|maksuosuu\w*|kuntaosuu\w*|"
    r"sitoutu\w* rahoittama\w*)\b"
    # a Finnish amount in the adessive is what pays for something (osallistuu N eurolla)
    r"|\d\s*(?:eurolla|€:lla|e:llä)\b",
    re.IGNORECASE,
)
#: Verbs of granting in every form (the infinitive after ``beslutade att``, ``päätti``, too): the
#: subject pays.
GRANTS = re.compile(
    r"\b(?:bevilja|beviljar|beviljade|beviljat|medfinansiera|medfinansierar|medfinansierade|finansiera|"
    r"finansierar|finansierade|delfinansiera|delfinansierar|tilldela|tilldelar|tilldelade|anslå|anslår|anslog|"
    r"myöntää|myönsi|myöntänyt|myönsivät|myöntävät|rahoittaa|rahoitti|rahoittavat|rahoittivat|rahoittamaan)\b",
    re.IGNORECASE,
)
#: Words that make an amount a sum over several payers (``tillsammans``, ``yhteensä``).
JOINT = re.compile(r"\b(?:tillsammans|gemensamt|sammanlagt|totalt|yhteensä|yhdessä|kaikkiaan)\b", re.IGNORECASE)
#: Words that make an amount an initiative's total cost rather than someone's funding.
BUDGET = re.compile(
    r"\b(?:budget|budgeten|totalbudget|projektbudget|omslutning|omslutningen|kostnad|kostnaden|"
    r"budjetti|kokonaisbudjetti|kokonaisbudjetiltaan|kustannusarvio|kustannusarvioltaan|kokonaiskustannukset|"
    r"kokonaiskustannuksiltaan|kustannukset)\b",
    re.IGNORECASE,
)
#: A body referred back to by its kind at a sentence's head (``Nämnden beslutade …``,
#: ``Maakuntahallitus myönsi …``): the grantor the text named.
BODY_REFERS = re.compile(
    r"^\W*(?:nämnden|styrelsen|kommunstyrelsen|regionstyrelsen|utskottet|fullmäktige|hallitus|"
    r"kunnanhallitus|kaupunginhallitus|maakuntahallitus|lautakunta|valtuusto|jaosto)\b",
    re.IGNORECASE,
)


def contributes(text: str) -> bool:
    """Whether ``text`` tells of money put in without a verb of granting (:data:`CONTRIBUTES`).

    >>> contributes("Storuman kommun går in med 150 000 kronor per år.")
    True
    >>> contributes("Kunta osallistuu hankkeeseen 12 000 eurolla vuodessa.")
    True
    >>> contributes("Kunnassa on 12 000 asukasta.")
    False
    """
    return bool(CONTRIBUTES.search(text))


def joint_sum(text: str, start: int, payers_before: int) -> bool:
    """Whether the amount at ``start`` is a sum several payers put in together (``A och B satsar
    tillsammans 2,6 miljoner``, ``A ja B rahoittavat hanketta yhteensä 60 000 eurolla``): a word of
    togetherness shortly before it and at least two payers named before it.

    >>> joint_sum("A och B satsar tillsammans 2,6 miljoner kronor.", 27, 2)
    True
    >>> joint_sum("A satsar 2,6 miljoner kronor.", 9, 1)
    False
    """
    return payers_before >= 2 and bool(JOINT.search(text[max(0, start - 40) : start]))


def budget_of(text: str, start: int) -> bool:
    """Whether the amount at ``start`` is an initiative's total cost: a budget word shortly before it
    in the same clause (``har en total budget på 4,2 miljoner``, ``kokonaisbudjetti on 600 000
    euroa``, ``kustannusarvio on``).

    >>> budget_of("Hankkeen kokonaisbudjetti on 600 000 euroa.", 29)
    True
    >>> budget_of("Kunta maksaa 600 000 euroa.", 13)
    False
    """
    before = re.split(r"[,;:]\s|\s(?:och|ja|varav|josta)\s", text[max(0, start - 60) : start])[-1]
    return bool(BUDGET.search(before))


def grant_verb_at(text: str) -> re.Match | None:
    """The first verb of granting in ``text`` (:data:`GRANTS`), in any form.

    >>> grant_verb_at("Nämnden beslutade att bevilja projektet 650 000 kr.").group(0)
    'bevilja'
    """
    return GRANTS.search(text)


#: A decision line whose clauses follow (``Nämnden beslutar`` / ``att bevilja …``; ``Hallitus
#: päättää:``): its subject grants what the clauses grant.
DECIDES_ALONE = re.compile(r"\b(?:beslutar|beslutade|beslöt|päättää|päätti|päättivät)\s*[:.]?\s*$", re.IGNORECASE)


def decides_on_grants(sentence: str, text: str) -> re.Match | None:
    """The deciding verb that ends ``sentence`` (:data:`DECIDES_ALONE`) when the whole ``text``
    grants money (:data:`GRANTS`), else None: the clauses of a Swedish decision (``att bevilja X N
    kronor``) follow on lines of their own.

    >>> bool(decides_on_grants("Nämnden beslutar", "Nämnden beslutar\\n\\natt bevilja X 5 000 kronor"))
    True
    >>> decides_on_grants("Nämnden beslutar", "Nämnden beslutar\\n\\natt anta planen")
    """
    found = DECIDES_ALONE.search(sentence)
    return found if found and GRANTS.search(text) else None


def own_words_after(text: str, end: int, width: int = 25) -> str:
    """The words after an amount ending at ``end`` that still belong to it: up to ``width``
    characters, cut before the next number (``36 000 euroa (12 000 euroa/vuosi)``: the yearly word
    is the next amount's).

    >>> own_words_after("yhteensä 36 000 euroa (12 000 euroa/vuosi).", 21)
    ' ('
    >>> own_words_after("50 000 kronor per år under tre år", 13)
    ' per år under tre år'
    """
    after = text[end : end + width]
    return re.split(r"\d", after, maxsplit=1)[0]


#: The municipality's own share named by its kind (``Kunnan rahoitusosuus``, ``kaupungin
#: omarahoitus``, ``kommunens egen insats``, ``kommunens medfinansiering``): the municipality the
#: text is about pays it.
MUNICIPALITY_SHARE = re.compile(
    r"\b(?:kunnan|kaupungin|kuntien|kommunens|stadens|kommunernas)\s+(?:oma\w*\s+)?"
    r"(?:rahoitusosuu\w*|osuu\w*|omarahoitu\w*|kuntaraha\w*|kuntaosuu\w*|maksuosuu\w*|"
    r"egen\s+insats|egna\s+insats|andel|medfinansiering|egenfinansiering|insats)",
    re.IGNORECASE,
)


def municipality_share(text: str, start: int) -> bool:
    """Whether the amount at ``start`` is a municipality's own share named by its kind, in the
    clause before it (:data:`MUNICIPALITY_SHARE`).

    >>> municipality_share("Kunnan rahoitusosuus hankkeeseen on 36 000 euroa.", 36)
    True
    >>> municipality_share("Kuhmon kaupunki sai 36 000 euroa.", 20)
    False
    """
    return bool(MUNICIPALITY_SHARE.search(text[max(0, start - 100) : start]))


#: The municipalities named by their kind in the plural (``Kommunerna``, ``de tre kommunerna``,
#: ``Kunnat``, ``kuntien``): the ones the text named before.
PLURAL_MUNICIPALITIES = re.compile(
    r"\b(?:kommunerna|kommunernas|kunnat|kuntien|kunnille|kunnilta|kaupungit|kaupunkien)\b", re.IGNORECASE
)


#: A payer named by its kind alone before its amount (``Länsstyrelsen bidrar med N``, ``och
#: kommunen med M``, ``Kunta maksaa N``, ``Liitto rahoittaa``): the one of that kind the text named.
KIND_PAYER = re.compile(
    r"\b(länsstyrelsen|regionen|kommunen|staden|förbundet|kunta|kaupunki|liitto|maakuntaliitto)\b"
    r"(?=[^.;:]{0,40}$)",
    re.IGNORECASE,
)


#: The ``kg:`` kinds each word of :data:`KIND_PAYER` names (a county administrative board is a
#: ``GovernmentBody`` like any agency, so ``Länsstyrelsen`` is matched by the name it starts).
KIND_OF_WORD = {
    "länsstyrelsen": (),  # by the name it starts only: other agencies are government bodies too
    "regionen": ("RegionalAuthority",),
    "kommunen": ("Municipality",),
    "staden": ("Municipality",),
    "kunta": ("Municipality",),
    "kaupunki": ("Municipality",),
    "förbundet": ("MunicipalAssociation", "CivilSocietyOrganisation"),
    "liitto": ("RegionalAuthority", "MunicipalAssociation"),
    "maakuntaliitto": ("RegionalAuthority",),
}


#: A payer named by its kind in the ablative or after ``från`` (``sai kunnalta N``, ``N från
#: kommunen``): it pays even where the sentence tells who receives.
FROM_KIND = re.compile(
    r"\b(?:från\s+(länsstyrelsen|regionen|kommunen|staden|förbundet)|(kunna|kaupungi|liito|maakuntaliito)lta)\b",
    re.IGNORECASE,
)
_FROM_WORD = {"kunna": "kunta", "kaupungi": "kaupunki", "liito": "liitto", "maakuntaliito": "maakuntaliitto"}


def from_kind(text: str, start: int, end: int) -> str | None:
    """The kind word (as in :data:`KIND_OF_WORD`) of a payer named by its kind in the ablative or
    after ``från`` next to the amount at ``start``–``end`` (30 characters either side), else None.

    >>> from_kind("Yhdistys sai kunnalta 3 000 euroa.", 22, 33)
    'kunta'
    >>> from_kind("Föreningen fick 3 000 kronor från kommunen.", 16, 28)
    'kommunen'
    """
    found = FROM_KIND.search(text[max(0, start - 30) : end + 30])
    if found is None:
        return None
    return (found.group(1) or _FROM_WORD[found.group(2).lower()]).lower()


def kind_payer(text: str, start: int) -> str | None:
    """The kind word (lower case) that names the payer of the amount at ``start`` in its clause
    (:data:`KIND_PAYER`; the last one before it), else None.

    >>> t = "Länsstyrelsen bidrar med 2 miljoner kronor och kommunen med 500 000 kronor."
    >>> kind_payer(t, 25), kind_payer(t, 60)
    ('länsstyrelsen', 'kommunen')
    >>> kind_payer("Projektet får 2 miljoner kronor.", 14)
    """
    found = list(KIND_PAYER.finditer(text[max(0, start - 60) : start]))
    return found[-1].group(1).lower() if found else None
