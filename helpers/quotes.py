"""Direct quotations in news text, each with its speaker, found by readable rules.

The pipeline for one article (all offsets are into the article file's own text):

1. **Paragraphs**: the cleaning stage says which lines are body text; quotes are
   looked for only there (no quotes from headlines, captions or page furniture).
2. **Quote marks** (:func:`find_quote_spans`): curly “ ”, straight ", « », „ “ are
   paired within a paragraph; a quotation left open at a paragraph's end continues
   when the next paragraph opens with a quote mark (the newspaper convention).
   Stray or unbalanced marks are skipped. Single marks are nested quotes, or the
   main marks in a paragraph that has no double marks; apostrophes (Venezuela’s,
   don't, the Russians’) are never taken for quote marks.
3. **Kind** (:func:`quote_kind`): ``full`` for a clause of speech, ``fragment`` for
   a few words quoted inside the writer's own sentence (including scare quotes).
4. **Speaker** (:class:`SpeakerFinder`): the cue around the quote, tried in order:
   a cue in the same sentence after the quote ("…," said X / "…," X said /
   according to X / — X); a reporting verb before the quote and its subject
   ("X said:", "X told reporters that …", ", adding …" → the main clause's subject);
   an earlier quote in the same sentence; a quote that continues the previous one;
   a speaker named in the sentence before or after. The noun phrase found is then
   resolved within the article: titles and demonyms dropped ("Cuban Foreign Minister
   Bruno Rodriguez" → Bruno Rodriguez), a last name to the full name introduced
   earlier, he/she to the last person who was the subject of a sentence, "the
   official" to the last person named, "the group"/"the bloc" to the last
   organisation named, and a statement or declaration to the body that issued it.

The word lists behind these rules live in ``helpers/data/reporting_verbs.txt`` and
``helpers/data/speaker_words.tsv``.
"""
from __future__ import annotations

import bisect
import csv
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from pathlib import Path


from ._lazy import pandas as pd  # imported on first use: one article never needs it
from . import clean, sentences
from .cache import per_article
from .config import DATA_DIR
from .corpus import CorpusError, read_article
from .patterns import any_of
from .text import fold

COLUMNS = ["article", "quote", "start", "end", "speaker", "cue", "kind", "sentence", "speaker_type"]

# --------------------------------------------------------------------------- word lists


def _data_lines(name: str) -> list[str]:
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return [line.strip() for line in fh if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, str]:
    """Every form of every reporting verb, mapped to its first (base) form.

    >>> reporting_verbs()["told"], reporting_verbs()["tweeted"]
    ('tell', 'tweet')
    """
    forms: dict[str, str] = {}
    for line in _data_lines("reporting_verbs.txt"):
        words = line.lower().split()
        for word in words:
            forms.setdefault(word, words[0])
    return forms


@lru_cache(maxsize=1)
def speaker_words() -> dict[str, frozenset[str]]:
    """Words by role (title, document, group, person, org, pronoun, demonym, place, skip)."""
    roles: dict[str, set[str]] = {}
    with open(DATA_DIR / "speaker_words.tsv", encoding="utf-8") as fh:
        rows = csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t")
        next(rows)  # header
        for row in rows:
            if len(row) >= 2:
                roles.setdefault(row[1].strip(), set()).add(row[0].strip().lower())
    return {role: frozenset(words) for role, words in roles.items()}


# --------------------------------------------------------------------------- quote marks

OPENERS = {"“": "”", "«": "»", "„": "“", '"': '"'}
_MARK = re.compile(r"[“”«»„\"]")
_SINGLE = re.compile(r"[‘’']")
_WORD_CHAR = re.compile(r"\w")
_LINE = re.compile(r"[^\n]+")


@dataclass(slots=True)
class QuoteSpan:
    """Where a quotation is: ``start``/``end`` are the offsets of its text (inside the marks).

    ``pieces`` holds one (start, end) per paragraph for a quotation that runs over
    several paragraphs; ``text`` joins them with a space.
    """

    start: int
    end: int
    pieces: list[tuple[int, int]] = field(default_factory=list)
    text: str = ""


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return not _is_space(after) and (_is_space(before) or before in "([{—–-/:;,")


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return not _is_space(before) and (_is_space(after) or not _WORD_CHAR.match(after))


def _double_quotes(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pairs of double marks in text[start:end]: (open index, close index), plus an index left open."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    for match in _MARK.finditer(text, start, end):
        i, mark = match.start(), match.group()
        if open_at is None:
            if mark in OPENERS and (mark != '"' or _can_open(text, i)):
                open_at = i
            continue
        closer = OPENERS[text[open_at]]
        if mark == closer or (mark in "”»" and text[open_at] in "“\"«„") or (mark == '"' and _can_close(text, i)):
            if mark == '"' and not _can_close(text, i) and _can_open(text, i):
                open_at = i  # the earlier straight mark was stray
                continue
            pairs.append((open_at, i))
            open_at = None
        elif mark in "“«„" or (mark == '"' and _can_open(text, i)):
            open_at = i  # a new opening mark while one is open: the earlier one was stray
    return pairs, open_at


def _single_quotes(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pairs of single marks used as the main quote marks, apostrophes left alone, plus an index left open."""
    pairs, open_at = [], None
    for match in _SINGLE.finditer(text, start, end):
        i, mark = match.start(), match.group()
        before = text[i - 1] if i > start else ""
        after = text[i + 1] if i + 1 < end else ""
        if _WORD_CHAR.match(before or " ") and _WORD_CHAR.match(after or " "):
            continue  # don't, Venezuela’s, O'Brien
        if open_at is None:
            if mark in "‘'" and _can_open(text, i):
                open_at = i
        elif mark in "’'" and _can_close(text, i):
            if before == "s" and after and after.isspace() and text.find("’", i + 1, end) != -1:
                continue  # the Russians’ … — a plural possessive while a later close is waiting
            pairs.append((open_at, i))
            open_at = None
    return pairs, open_at


def find_quote_spans(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    """Every quotation in ``text``, in order, looking only inside ``paragraphs`` (default: each line).

    >>> [q.text for q in find_quote_spans('He said "no" and she said “yes, now”.')]
    ['no', 'yes, now']
    >>> [q.text for q in find_quote_spans('“We will stay.\\n“We will win,” he said.')]
    ['We will stay. We will win,']
    >>> find_quote_spans("Venezuela’s allies don't agree; a stray ” mark.")
    []
    """
    if paragraphs is None:
        paragraphs = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    found: list[QuoteSpan] = []
    carried: list[tuple[int, int]] = []  # pieces of a quotation still open from earlier paragraphs
    single = False                       # whether that quotation uses single marks
    for index, (start, end) in enumerate(paragraphs):
        first = start + len(text[start:end]) - len(text[start:end].lstrip())
        if carried and not (first < end and text[first] in ("‘'" if single else "“«„\"")):
            carried = []  # the open quotation did not continue: it was unbalanced
        scan_from = start
        if carried:
            close = _first_single_close(text, first + 1, end) if single else _first_close(text, first + 1, end)
            if close is None:
                carried.append((first + 1, end))
                continue
            carried.append((first + 1, close))
            found.append(_span_from(text, carried))
            carried, scan_from = [], close + 1
        pairs, open_at = _double_quotes(text, scan_from, end)
        single = False
        if not pairs and open_at is None and not _MARK.search(text, start, end):
            pairs, open_at = _single_quotes(text, scan_from, end)
            single = True
        found.extend(_span_from(text, [(o + 1, c)]) for o, c in pairs)
        if open_at is not None and index + 1 < len(paragraphs):
            carried = [(open_at + 1, end)]
    return [q for q in found if q.text.strip()]


def _first_close(text: str, start: int, end: int) -> int | None:
    for match in _MARK.finditer(text, start, end):
        if match.group() in "”»" or (match.group() == '"' and _can_close(text, match.start())):
            return match.start()
        if match.group() in "“«„" or match.group() == '"':
            return None  # a new quotation starts before this one closes
    return None


def _first_single_close(text: str, start: int, end: int) -> int | None:
    for match in _SINGLE.finditer(text, start, end):
        i = match.start()
        before, after = text[i - 1], text[i + 1] if i + 1 < end else ""
        if match.group() in "’'" and not (_WORD_CHAR.match(before) and _WORD_CHAR.match(after or " ")) and _can_close(text, i):
            return i
    return None


def _span_from(text: str, pieces: list[tuple[int, int]]) -> QuoteSpan:
    pieces = [(s, e) for s, e in pieces]
    joined = " ".join(text[s:e].strip() for s, e in pieces)
    return QuoteSpan(pieces[0][0], pieces[-1][1], pieces, joined)


# --------------------------------------------------------------------------- kind

_ANY_MARK = re.compile(r"[“”«»„\"‘’']")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")
_WORDS = re.compile(r"\w+")


def quote_kind(quote: str, before: str) -> str:
    """``full`` for a clause of speech, ``fragment`` for words quoted inside the writer's sentence.

    ``before`` is the text of the sentence before the opening mark. A quotation is
    full when it starts with a capital where speech can start (the sentence's
    start, after a colon, comma or dash), or runs to 25 words or more; otherwise a
    fragment (a scare quote, a phrase worked into the writer's own grammar).

    >>> quote_kind("We will not give up,", "")
    'full'
    >>> quote_kind("Yes, we are ready.", "He told reporters, ")
    'full'
    >>> quote_kind("illegitimate", "help remove its ")
    'fragment'
    >>> quote_kind("Bolivarian Revolution", "the so-called ")
    'fragment'
    """
    words = len(_WORDS.findall(quote))
    if words >= 25:
        return "full"
    first = next((c for c in quote if c.isalnum()), "")
    lead = before.rstrip()
    speech_can_start = lead == "" or lead[-1] in ":,;—–-" or bool(_SENTENCE_END.search(lead))
    if first.isupper() or first.isdigit():
        if speech_can_start and (words >= 2 or _SENTENCE_END.search(quote.rstrip(" ,"))):
            return "full"
    return "fragment"


# --------------------------------------------------------------------------- names

_TOKEN = re.compile(
    # The guard is true wherever one of the next three alternatives can match (each starts with a
    # letter, at most three lower-case letters and a stop), so it only skips their tries at plain words.
    r"(?=[A-Za-z][a-z]{0,3}\.)(?:"
    r"(?:[A-Za-z]\.){2,}+"                                 # U.S., U.N.
    r"|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|St|Jr|Sr)\.(?=\s)"  # titles with a stop
    r"|[A-Z]\.(?=\s+[A-Z]))"                               # an initial: John F. Kennedy
    r"|[A-Za-zÀ-ÖØ-öø-ÿ][\w’'\-]*+"                          # a word (Venezuela’s, pro-imperialist)
    r"|\d[\w.,\-]*+|[^\w\s]")  # repeats possessive: nothing follows them, so the match is the same
# _TOKEN with the whitespace before each token taken into the match, the token itself in group 1.
# No token starts with whitespace, so group 1 is always the very token _TOKEN finds next (same
# start, end, text); the engine just crosses a gap of spaces (a blanked quotation) in one step
# instead of failing a match at every space. Where no token can start after the spaces (an
# underscore, a letter outside Latin-1, the end of the range) the match takes that one character
# (or nothing, at the end) with group 1 empty: _TOKEN would skip it too, and the spaces, taken
# possessively, are crossed once, never once per space. Callers drop the matches without a token.
_SPACED_TOKEN = re.compile(r"\s*+(?:(" + _TOKEN.pattern + r")|\S|\Z)")
_token_text = itemgetter(1)  # a _SPACED_TOKEN match's token: m[1], m.start(1); m.end() is the token's end
_PARTICLES = {"de", "del", "de la", "da", "das", "do", "dos", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "di", "y"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our"}
_POSSESSIVE_ENDINGS = ("’s", "'s", "’", "'")  # in the order _strip_possessive tries them


def _is_cap(token: str) -> bool:
    return token[:1].isupper()


def _strip_possessive(token: str) -> tuple[str, bool]:
    if not token.endswith(_POSSESSIVE_ENDINGS):
        return token, False  # the common case; the loop below would find no suffix either
    for suffix in _POSSESSIVE_ENDINGS:
        if token.endswith(suffix) and len(token) > len(suffix):
            return token[: -len(suffix)], True
    return token, False


@dataclass(slots=True)
class Phrase:
    """A candidate speaker phrase found in a clause."""

    kind: str       # name | org | pronoun | document | group | person
    text: str       # the words (a name without titles; an organisation's name; the noun)
    start: int      # offset in the article
    possessive: bool = False
    context: str = ""  # the words around a role noun ("the statement published by the ALBA bloc")
    titled: bool = False  # a name that came after a title ("President Maduro", "Mr Lula")
    end: int = -1      # offset just after the phrase's last word


_JOINERS = {"of", "for", "the", "and", "in"}
_PLACE_PREFIXES = {"san", "santa", "santo", "la", "el", "los", "las", "port", "puerto", "saint", "st.", "new", "buenos"}


def _joins_name(lowers: list[str], caps: list[bool], first: int, at: int) -> bool:
    """May the lower-case word at ``at`` stay inside the capitalised run that began at ``first``?

    Only inside organisation names and titles: "Organization of American States",
    "Secretary of State Mike Pompeo", "Community of Latin American and Caribbean States".
    """
    roles = speaker_words()
    k = at
    while k < len(lowers) and lowers[k] in _JOINERS:
        k += 1
    if k >= len(lowers) or not caps[k] or k - at > 2:
        return False
    so_far = lowers[first:at]
    if lowers[at] == "in":
        return lowers[at - 1] in ("embassy", "consulate") and k == at + 1  # "the Russian Embassy in Managua"
    if lowers[at] == "and":
        return any(w in roles["org"] for w in so_far) and k == at + 1
    # the preposition hangs on a title or an organisation word ("Secretary of", "Alliance for"),
    # or continues a name that already has one ("… for the Peoples of Our America"); never on a name
    head = lowers[at - 1]
    return head in roles["org"] or head in roles["title"] or any(w in _JOINERS for w in so_far)


def _name_runs(words: list[str], lowers: list[str] | None = None,
               caps: list[bool] | None = None) -> list[tuple[int, int]]:
    """(first, last+1) indices of runs of capitalised words, particles allowed inside.

    ``lowers`` and ``caps`` (each word lower-cased, and whether it starts with a capital)
    may be passed in when the caller has them already.

    >>> _name_runs("Foreign Minister Ana Diaz of the Lima Group met".split())
    [(0, 4), (6, 8)]
    """
    lowers = lowers if lowers is not None else [w.lower() for w in words]
    caps = caps if caps is not None else [w[:1].isupper() for w in words]
    particles, joiners, endings = _PARTICLES, _JOINERS, _POSSESSIVE_ENDINGS
    runs, i, n = [], 0, len(words)
    for first in compress(range(n), caps):  # a run starts only at a capitalised word
        if first < i:
            continue  # inside the run before
        i, j = first, first + 1
        while j < n:
            before = words[j - 1]
            if len(before) > 2 and before.endswith(endings):
                break  # "Venezuela's Foreign Minister": the possessive ends the run
            word = words[j]
            upper = word.isupper()
            if (caps[j] and not upper) or (upper and len(word) > 1 and caps[j - 1]):
                j += 1
                continue
            lower = lowers[j]
            if lower in particles and j + 1 < n and (
                    caps[j + 1] or (lowers[j + 1] in particles and j + 2 < n and caps[j + 2])):
                j += 1
            elif lower in joiners and _joins_name(lowers, caps, i, j):
                j += 1
            else:
                break
        runs.append((i, j))
        i = j
    return runs


_first_char = itemgetter(0)


def _starts_capitalised(words: list[str]) -> list[bool]:
    """``[w[:1].isupper() for w in words]`` for non-empty words, computed without a Python loop."""
    return list(map(str.isupper, map(_first_char, words)))


def classify_name(words: list[str]) -> tuple[str, str] | None:
    """Classify a run of capitalised words: ('org', name), ('name', person), ('place', name) or None.

    Titles and demonyms in front of a name are dropped; a run ending in an
    organisation word (Group, Department, …) or made of an acronym is an
    organisation; a country or city is a place.

    >>> classify_name(["Cuban", "Foreign", "Minister", "Bruno", "Rodriguez"])
    ('name', 'Bruno Rodriguez')
    >>> classify_name(["The", "State", "Department"])
    ('org', 'State Department')
    >>> classify_name(["OAS"])
    ('org', 'OAS')
    >>> classify_name(["OAS", "Harold", "Whitfield"])
    ('name', 'Harold Whitfield')
    >>> classify_name(["Brazil"])
    ('place', 'Brazil')
    >>> classify_name(["Wednesday"]) is None
    True
    """
    return _classify(tuple(words))


@lru_cache(maxsize=20000)
def _classify(words: tuple[str, ...]) -> tuple[str, str] | None:
    roles = speaker_words()
    words = [w for w in words if w]
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if not words:
        return None
    lower = [w.lower() for w in words]
    if all(w in roles["skip"] for w in lower):
        return None
    if lower[-1] in roles["org"] or any(w in roles["org"] and nxt in ("of", "for") for w, nxt in zip(lower, lower[1:])):
        return "org", " ".join(words)  # "Lima Group", "Bolivarian Alliance for the Peoples of Our America"
    if "in" in lower and lower[lower.index("in") - 1] in roles["org"]:
        return "org", " ".join(words)  # "Russian Embassy in Managua"
    acronyms = [w for w in words if _is_acronym(w) and w.lower() not in roles["title"]]
    # drop everything up to the last title word, then skip words and demonyms at either end
    last_title = max((k for k, w in enumerate(lower) if w in roles["title"]), default=-1)
    rest = words[last_title + 1:]
    if last_title >= 0 and rest and rest[0].lower() in ("of", "for"):
        # "Governor of Norte de Santander" is an office; "Representative for Venezuela Elliott Abrams" a person
        start = next((k for k, w in enumerate(rest) if fold(w).lower() in given_names()), None)
        if start is None:
            return "place", " ".join(rest[1:])
        rest = rest[start:]
    while len(rest) > 1 and rest[-1].lower() in roles["skip"]:
        rest = rest[:-1]  # "Sergey Lavrov Wednesday"
    while len(rest) > 1 and (rest[0].lower() in roles["demonym"] or rest[0].lower() in roles["skip"]):
        rest = rest[1:]
    # "Ambassador to the OAS Harold Whitfield", "Representative for Venezuela Elliott Abrams"
    while len(rest) > 2 and (_is_acronym(rest[0]) or rest[0].lower() in roles["place"]):
        rest = rest[1:]
    if not rest:
        return ("org", acronyms[-1]) if acronyms else None
    if len(rest) == 1 and _is_acronym(rest[0]):
        return "org", rest[0]
    if all(w.lower() in roles["skip"] or w.lower() in roles["demonym"] for w in rest):
        return None
    if any(w.lower() in roles["place"] for w in rest):
        return "place", " ".join(rest)
    if len(rest) > 1 and rest[0].lower() in _PLACE_PREFIXES and fold(rest[0]).lower() not in given_names():
        return "place", " ".join(rest)  # La Paz, San José, Puerto Cabezas
    return "name", " ".join(rest)


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("-", "")
    return len(letters) >= 2 and letters.isupper() and letters.isalpha()


# titles that only people have: a lone name after one of them is a person ("Mr Maduro", "President Arce")
_PERSONAL_TITLES = {"mr", "mrs", "ms", "dr", "sir", "dame", "president", "minister", "senator", "sen.", "governor",
                    "gov.", "mayor", "ambassador", "general", "gen.", "secretary", "chancellor", "king", "queen",
                    "pope", "judge", "spokesman", "spokeswoman", "spokesperson", "leader", "commander", "envoy",
                    "rep.", "representative", "congressman", "congresswoman", "adviser", "advisor", "chief", "deputy",
                    "director", "lt.", "col.", "sgt.", "admiral", "prime", "vice-president"}

_INSTITUTION_MODIFIERS = {"foreign", "state", "defense", "defence", "interior", "economy", "finance",
                          "justice", "health", "trade", "presidential", "electoral", "central", "national",
                          "federal", "military", "supreme", "federal", "senior", "top"}


_WORD_OR_HYPHEN = re.compile(r"[\w-]")
_MODIFIER_STOPS = ("and", "or", "of", "to", "by", "with", "for", "in", "on", "at", "from")


def _role_np(words: list[str], i: int) -> tuple[str, list[str]]:
    """The noun phrase ending at role noun ``words[i]``: (determiner, modifiers before the noun)."""
    modifiers: list[str] = []
    verbs = reporting_verbs()
    k = i - 1
    while k >= 0 and len(modifiers) < 4:
        word = words[k]
        lower = word.lower()
        if lower in _DETERMINERS or not _WORD_OR_HYPHEN.match(word):
            break
        if (lower in verbs and verbs[lower] != lower) or lower in _MODIFIER_STOPS:
            break
        modifiers.insert(0, word)
        k -= 1
    determiner = words[k].lower() if k >= 0 and words[k].lower() in _DETERMINERS else ""
    return determiner, modifiers


@lru_cache(maxsize=1)
def _interesting_words() -> frozenset[str]:
    """Lower-case words that can start a phrase other than a name (pronouns and role nouns)."""
    roles = speaker_words()
    words = set(roles["pronoun"]) | roles["document"] | roles["group"] | roles["person"] | roles["crowd"] | {"it"}
    words |= {w + "s" for w in roles["document"]}
    return frozenset(words)


@lru_cache(maxsize=1)
def _phrase_starts() -> frozenset[str]:
    """:func:`_interesting_words` and their possessives ("group's", "ministers’"): a lower-case
    token can begin a phrase only if it is one of these."""
    words = _interesting_words()
    return words | {word + ending for word in words for ending in _POSSESSIVE_ENDINGS}


def find_phrases(text: str, start: int, end: int, offset_masks: str | None = None) -> list[Phrase]:
    """Candidate speaker phrases in text[start:end], in order of appearance.

    >>> [(p.kind, p.text) for p in find_phrases("Foreign Minister Ana Diaz told the group", 0, 40)]
    [('name', 'Ana Diaz'), ('group', 'the group')]
    """
    roles = speaker_words()
    source = offset_masks if offset_masks is not None else text
    # token k is tokens[k][1], from tokens[k].start(1)
    tokens = list(filter(_token_text, _SPACED_TOKEN.finditer(source, start, end)))
    # tokens are never empty, so w[0] is w[:1]; map() keeps these per-token passes out of Python loops
    words = list(map(_token_text, tokens))
    lowers = list(map(str.lower, words))
    runs = dict(_name_runs(words, lowers, _starts_capitalised(words)))
    n = len(tokens)
    # only the starts of name runs and the words in the lists can begin a phrase
    # (the same indices, in the same ascending order, as testing each k for either)
    candidates = sorted({*compress(range(n), map(_phrase_starts().__contains__, lowers)), *runs})
    phrases: list[Phrase] = []
    i = 0
    for at in candidates:
        if at < i:
            continue  # inside a phrase already read
        i = at
        j = runs.get(i)
        if j is not None:
            i = _read_name_run(tokens, words, lowers, i, j, roles, phrases)
        else:
            _read_role_word(source, tokens, words, lowers, runs, i, roles, phrases)
            i += 1
    return phrases


def _read_name_run(tokens: list[re.Match], words: list[str], lowers: list[str], i: int, j: int,
                   roles: dict[str, frozenset[str]], phrases: list[Phrase]) -> int:
    """Read the name run words[i:j] into ``phrases`` (if it is a phrase); the index to go on from."""
    n = len(words)
    lower = lowers[i]
    if lower == "her" and i + 1 < n and lowers[i + 1][:1].islower() and words[i + 1][:1].islower():
        return i + 1  # "Her brother": a possessive, not a speaker
    if lower in roles["pronoun"] or words[i] == "It":
        phrases.append(Phrase("pronoun", lower, tokens[i].start(1), end=tokens[i].end()))
        return i + 1
    reading = _run_reading(tuple(words[i:j]), lowers[j] if j < n else "")
    if reading is None:
        return j
    kind, text, possessive, titled, governs = reading
    if governs:  # "the Maduro government": the run and the word after it
        phrases.append(Phrase(kind, text, tokens[i].start(1), end=tokens[j].end()))
        return j + 1
    # positional arguments (kind, text, start, possessive, context, titled, end): quicker than keywords
    phrases.append(Phrase(kind, text, tokens[i].start(1), possessive, "", titled, tokens[j - 1].end()))
    return j


@lru_cache(maxsize=20000)
def _run_reading(run: tuple[str, ...], follower: str) -> tuple[str, str, bool, bool, bool] | None:
    """What a run of capitalised words (not a pronoun) followed by the lower-cased word
    ``follower`` ("" at the end of the range) stands for: (kind, text, possessive, titled,
    governs) for a phrase, where ``governs`` means the follower belongs to it ("the Maduro
    government"), or None. A pure function of its arguments, so a name met again (names
    recur through an article and a corpus) is read once."""
    words = list(run)
    words[-1], possessive = _strip_possessive(words[-1])
    head = _strip_possessive(follower)[0] if follower else ""
    if head in ("administration", "government") and not possessive:
        name = " ".join(w for w in words if w.lower() not in _DETERMINERS)
        return "org", f"{name} {head}", False, False, True
    kind = _classify(tuple(words))  # what classify_name(words) returns
    if kind is not None and kind[0] == "name" and len(words) == 1 and follower in speaker_words()["group"]:
        kind = ("org", kind[1])  # "Mercosur leaders", "ALBA nations": the name of a body
    if kind is None:
        return None
    dropped = len(words) - len(kind[1].split())  # words in front of the name (words[:0] is empty: no title)
    titled = kind[0] == "name" and dropped != 0 and not _PERSONAL_TITLES.isdisjoint(map(str.lower, words[:dropped]))
    return kind[0], kind[1], possessive, titled, False


def _read_role_word(source: str, tokens: list[re.Match], words: list[str], lowers: list[str],
                    runs: dict[int, int], i: int, roles: dict[str, frozenset[str]], phrases: list[Phrase]) -> None:
    """Read the pronoun or role noun at ``i`` (a word outside name runs) into ``phrases``, if it is one."""
    n = len(tokens)
    lower = lowers[i]
    base = _strip_possessive(lower)[0]
    if base not in _interesting_words():
        return
    following = lowers[i + 1] if i + 1 < n else ""
    if lower == "her" and following[:1].islower() and following not in reporting_verbs():
        return  # "her country": a possessive, not a speaker
    if lower in roles["pronoun"] or lower == "it":
        phrases.append(Phrase("pronoun", lower, tokens[i].start(1), end=tokens[i].end()))
        return
    noun = base[:-1] if base.endswith("s") and base[:-1] in roles["document"] else base
    if (noun in roles["group"] or noun in roles["person"]) and following in roles["person"]:
        return  # "department spokesperson", "chief negotiator": the last noun is the head
    for role in ("document", "group", "person", "crowd"):
        if noun in roles[role]:
            determiner, modifiers = _role_np(words, i)
            phrase_words = ([determiner] if determiner else []) + modifiers + [base]
            first, last = tokens[i - len(modifiers)].start(1), tokens[i].end()
            if base in ("embassy", "consulate", "mission") and i + 2 < n and lowers[i + 1] == "in" and (i + 2) in runs:
                place = runs[i + 2]  # "the Russian embassy in La Paz"
                phrase_words += ["in", *words[i + 2:place]]
                last = tokens[place - 1].end()
            context = source[tokens[max(0, i - 6)].start(1): tokens[min(n - 1, i + 8)].end()]
            phrases.append(Phrase(role, " ".join(phrase_words), first, context=context, end=last))
            return


# --------------------------------------------------------------------------- speakers


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given name (lower case, accents kept as written) -> 'f' or 'm', from data/given_names.tsv."""
    with open(DATA_DIR / "given_names.tsv", encoding="utf-8") as fh:
        rows = csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t")
        next(rows)
        return {row[0].strip().lower(): row[1].strip() for row in rows if len(row) >= 2}


_FEMALE_CLUE = re.compile(r"\b(?:ms|mrs|madam|spokeswoman|congresswoman|chairwoman|businesswoman|first lady|queen|sister|mother|wife|widow)\b")
_MALE_CLUE = re.compile(r"\b(?:mr|spokesman|congressman|chairman|businessman|king|brother|father|husband)\b")


def guess_gender(name: str, clue: str = "") -> str | None:
    """'f', 'm' or None for a person's name, from the given-names list, a title clue, or -a/-o endings.

    >>> guess_gender("Delcy Rodriguez"), guess_gender("Elliott Abrams"), guess_gender("Mercedes Lopez")
    ('f', 'm', 'f')
    >>> guess_gender("Kim Lee", clue="spokeswoman"), guess_gender("Kim Lee")
    ('f', None)
    """
    clue = clue.lower()
    if _FEMALE_CLUE.search(clue):
        return "f"
    if _MALE_CLUE.search(clue):
        return "m"
    first = fold(name.split()[0]).lower() if name.split() else ""
    names = given_names()
    if first in names:
        return names[first]
    if len(name.split()) >= 2 and len(first) > 2:
        if first.endswith("a"):
            return "f"
        if first.endswith("o"):
            return "m"
    return None


@dataclass(slots=True)
class Entity:
    """A speaker: a person (with a guessed gender) or an organisation / collective source."""

    name: str
    kind: str  # person | org
    start: int
    gender: str | None = None
    descriptive: bool = False  # named by a description ("the Argentine foreign ministry")
    agency: bool = False       # a news agency (AFP, EFE): cited as a source, never an antecedent


_PRONOUN_GENDER = {"he": "m", "she": "f", "him": "m", "her": "f"}
_ADJACENT = re.compile(r"\s*(?:(?:also|later|then|again|further|still|previously|once|had|has|have|was|is|were|"
                       r"would|will|did|does|do|had|not|never|[a-z]+ly)\s+)*")


class SpeakerFinder:
    """Resolves the speaker of each quotation in one article (names are per article)."""

    def __init__(self, text: str, masked: str, sentence_spans: list[tuple[int, int]]):
        self.text, self.masked = text, masked
        self.sentences = sentence_spans
        self._sentence_starts = [start for start, _ in sentence_spans]
        self._sentence_phrases: dict[int, list[Phrase]] = {}
        self._range_phrases: dict[tuple[int, int], list[Phrase]] = {}  # ranges in no single sentence
        self.people: dict[str, list[Entity]] = {}     # short forms of a name (folded, lower) -> people
        self.mentions: list[tuple[int, Entity]] = []   # (offset, entity) of every person/org mention
        self._subject_of: dict[int, Entity] = {}       # sentence index -> its subject
        self.aliases: dict[str, str] = {}               # long organisation name -> acronym
        self.issuers: list[tuple[int, str]] = []        # (offset, body) of documents quoted
        self.issued: list[tuple[int, str, Entity]] = []  # (offset, noun, body): "the OAS adopted a resolution"
        self._scan()

    def phrases(self, start: int, end: int) -> list[Phrase]:
        """Candidate phrases in text[start:end]; read once per sentence (or other range) and reused."""
        index = self._sentence_index(start)
        sentences = self.sentences
        if index < len(sentences) and end <= sentences[index][1]:
            cached = self._sentence_phrases.get(index)
            if cached is None:
                cached = find_phrases(self.text, *sentences[index], self.masked)
                self._sentence_phrases[index] = cached
            if start == sentences[index][0] and end == sentences[index][1]:
                return cached
            return [p for p in cached if p.start >= start and p.end <= end]
        # a range over a sentence boundary: read it once (the same offsets are asked again, e.g. by
        # _issuer_in for a document resolved twice); callers never change the lists they get
        cached = self._range_phrases.get((start, end))
        if cached is None:
            cached = self._range_phrases[(start, end)] = find_phrases(self.text, start, end, self.masked)
        return cached

    # -- reading the article once -------------------------------------------------
    def _scan(self) -> None:
        for index, (start, end) in enumerate(self.sentences):
            phrases = self.phrases(start, end)
            self._read_acronyms(phrases, start)
            for phrase in phrases:
                entity = None
                if phrase.kind == "name":
                    if len(phrase.text.split()) == 1 and not self._known(phrase.text) and not phrase.titled:
                        continue  # a lone capitalised word nobody introduced: a place or a common noun
                    clue = self.masked[max(start, phrase.start - 40): phrase.start]
                    entity = self._register(phrase.text, phrase.start, clue)
                elif phrase.kind == "org":
                    entity = self._org(phrase.text, phrase.start)
                elif phrase.kind == "group" and self._self_describing(phrase):
                    entity = self._org(self._strip_determiner(phrase.text), phrase.start)
                    entity.descriptive = True
                if entity is not None:
                    self.mentions.append((phrase.start, entity))
            subject = self._clause_subject(start, end)
            if subject is not None:
                self._subject_of[index] = subject
                if subject.kind == "org" and not subject.descriptive and not subject.agency:
                    self.issued += [(p.start, p.text.split()[-1], subject) for p in phrases if p.kind == "document"]

    _OPEN_BRACKET = re.compile(r"\(\s*$")
    _ACRONYM_JOIN = re.compile(r"[\s(\-–—]*")

    def _read_acronyms(self, phrases: list[Phrase], sentence_start: int) -> None:
        """Learn "Organization of American States (OAS)" and "Bolivarian Alliance … - Peoples' Trade
        Treaty (ALBA-TCP)": the names joined to a bracketed acronym are called by it."""
        for k, phrase in enumerate(phrases):
            if not (phrase.kind == "org" and _is_acronym(phrase.text)
                    and self._OPEN_BRACKET.search(self.masked[max(sentence_start, phrase.start - 3):phrase.start])):
                continue
            chain_start = phrase.start
            for before in reversed(phrases[:k]):
                if not self._ACRONYM_JOIN.fullmatch(self.masked[before.end:chain_start]):
                    break  # only names joined by spaces, dashes and the bracket itself
                if before.kind == "org":
                    self.aliases[fold(before.text).lower()] = phrase.text
                chain_start = before.start

    @staticmethod
    def _keys(name: str) -> list[str]:
        """Short forms a person may be called by later: last name, later names, double surnames."""
        parts = fold(name).lower().split()
        keys = [parts[-1]]
        if len(parts) == 2 and parts[0] not in given_names():
            keys.append(parts[0])  # "Wang Wenbin" is called "Wang"; "Ana Diaz" is never called "Ana"
        if len(parts) >= 3:
            keys += [" ".join(parts[k:]) for k in range(1, len(parts) - 1)]
            keys += [p for p in parts[1:-1] if p not in _PARTICLES]
        return keys

    def _known(self, name: str) -> list[Entity]:
        return self.people.get(fold(name).lower(), [])

    def _register(self, name: str, start: int, clue: str = "") -> Entity:
        name = fold(name)
        parts = name.split()
        if len(parts) == 1 and not self._known(name):  # "Mr Maduro" with no full name given earlier
            entity = Entity(name, "person", start, guess_gender(name, clue))
            self.people.setdefault(name.lower(), []).append(entity)
            return entity
        if len(parts) == 1 or self._known(name):
            known = [e for e in self._known(name) if e.start <= start]
            if known and (len(parts) == 1 or len(known[-1].name.split()) > len(parts)):
                return known[-1]
        for entity in self.people.get(self._keys(name)[0], []):
            if entity.name == name:
                return entity
        entity = Entity(name, "person", start, guess_gender(name, clue))
        for key in self._keys(name):
            self.people.setdefault(key, []).append(entity)
        return entity

    def _org(self, name: str, start: int) -> Entity:
        name = fold(name)
        agency = name.lower().split()[-1] in speaker_words()["agency"] or name.lower() == "associated press"
        return Entity(self.aliases.get(name.lower(), name), "org", start, agency=agency)

    @staticmethod
    def _strip_determiner(text: str) -> str:
        words = text.split()
        return " ".join(words[1:] if words and words[0] in _DETERMINERS else words)

    @staticmethod
    def _self_describing(phrase: Phrase) -> bool:
        """'the Russian foreign ministry', 'a State Department spokesperson': a speaker named by description."""
        roles = speaker_words()
        words = phrase.text.split()
        modifiers = words[1:-1] if words[0] in _DETERMINERS else words[:-1]
        return any(m.lower() in roles["demonym"] or m.lower() in _INSTITUTION_MODIFIERS for m in modifiers)

    def _entity(self, phrase: Phrase) -> Entity | None:
        if phrase.kind == "name":
            known = [e for e in self._known(phrase.text) if e.start <= phrase.start]
            if known and len(known[-1].name.split()) >= len(phrase.text.split()):
                return known[-1]
            return Entity(fold(phrase.text), "person", phrase.start, guess_gender(phrase.text))
        if phrase.kind == "org":
            return self._org(phrase.text, phrase.start)
        return None

    # -- looking back ---------------------------------------------------------------
    def _last(self, kind: str, before: int, gender: str | None = None, head: str | None = None,
              strict: bool = False, named: bool = False) -> Entity | None:
        """The last person or organisation mentioned before ``before`` that fits the filters."""
        last = bisect.bisect_left(self.mentions, before, key=lambda m: m[0])
        for _, entity in reversed(self.mentions[max(0, last - 300):last]):
            if entity.kind != kind or entity.agency or (named and entity.descriptive):
                continue
            if gender and entity.gender != gender and (strict or entity.gender):
                continue
            if head and not fold(entity.name).lower().endswith(head):
                continue
            return entity
        return None

    def _next(self, kind: str, after: int) -> Entity | None:
        return next((e for at, e in self.mentions if e.kind == kind and at > after and not e.agency), None)

    def _subject_before(self, offset: int, kind: str, gender: str | None = None) -> Entity | None:
        """The subject of this or one of the four sentences before, of the right kind and gender.

        With a gender (he/she), a person known to match wins over one whose gender is unknown.
        """
        index = self._sentence_index(offset)
        unknown = None
        for sentence in range(min(index, len(self.sentences) - 1), max(-1, index - 5), -1):
            entity = self._subject_of.get(sentence)
            if entity is None or entity.kind != kind or entity.agency or (sentence == index and entity.start >= offset):
                continue
            if gender and entity.gender != gender:
                if entity.gender is None and index - sentence <= 1:
                    return entity  # the subject just before, gender unknown: most likely the one meant
                if entity.gender is None and unknown is None:
                    unknown = entity
                continue
            return entity
        if gender:
            return self._last(kind, offset, gender, strict=True) or unknown or self._last(kind, offset, gender)
        return self._last(kind, offset)

    # -- resolving a phrase to a speaker ---------------------------------------------
    def resolve(self, phrase: Phrase) -> Entity | None:
        """The entity a candidate phrase stands for, or None."""
        if phrase.kind in ("name", "org"):
            return self._entity(phrase)
        if phrase.kind == "pronoun":
            if phrase.text in _PRONOUN_GENDER:
                return self._subject_before(phrase.start, "person", _PRONOUN_GENDER[phrase.text])
            return self._subject_before(phrase.start, "org")
        head = phrase.text.split()[-1]
        if phrase.kind == "document":
            issuer = self._issuer_in(phrase)
            if issuer is None:  # "the resolution" after "the OAS adopted a resolution"
                issuer = next((body for at, noun, body in reversed(self.issued)
                               if noun == head and at < phrase.start and body.name), None)
            if issuer is None and self.issuers:
                name = next((name for at, name in reversed(self.issuers) if at < phrase.start), None)
                issuer = Entity(name, "org", phrase.start) if name else None
            if issuer is None:
                issuer = self._last("org", phrase.start, named=True) or self._next("org", phrase.start)
            if issuer is not None:
                self.issuers.append((phrase.start, issuer.name))
            return issuer
        if phrase.kind == "group":
            if self._self_describing(phrase):
                return self._org(self._strip_determiner(phrase.text), phrase.start)
            singular = head[:-1] if head.endswith("s") else head
            return (self._last("org", phrase.start, head=singular) or self._subject_before(phrase.start, "org")
                    or self._next("org", phrase.start))
        if phrase.kind == "person":
            if phrase.text.split()[0] in ("a", "an") and self._self_describing(phrase):
                return Entity(self._strip_determiner(phrase.text), "org", phrase.start)
            return self._last("person", phrase.start)
        if phrase.kind == "crowd":  # "protesters chanted": the crowd itself speaks
            return Entity(phrase.text.split()[-1], "org", phrase.start, descriptive=True)
        return None

    _CLAUSE_PUNCT = re.compile(r"[,.;:]")
    _ISSUED_BY = re.compile(r"\s*,?\s*(?:(?:\w+\s+){0,3}?(?:by|from|of)\s+)(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$")

    def _issuer_in(self, phrase: Phrase) -> Entity | None:
        """The body named with a document: "the ALBA declaration", "the Lima Group's statement",
        "a statement (published) by the Lima Group"; None when the phrase names none."""
        line_start = self.masked.rfind("\n", 0, phrase.start) + 1
        before = self.phrases(max(line_start, phrase.start - 60), phrase.end)
        for candidate in reversed(before):
            if candidate.kind == "org" and candidate.end <= phrase.end:
                gap = self.masked[candidate.end:phrase.end]
                if len(gap.split()) <= 4 and not self._CLAUSE_PUNCT.search(gap):
                    return self._org(candidate.text, candidate.start)  # the ALBA (final) declaration
        line_end = self.masked.find("\n", phrase.end)
        after = self.phrases(phrase.end, min(line_end if line_end != -1 else len(self.masked), phrase.end + 80))
        for candidate in after:
            if candidate.kind == "org" and self._ISSUED_BY.fullmatch(self.masked[phrase.end:candidate.start]):
                return self._org(candidate.text, candidate.start)
            if candidate.kind in ("name", "org"):
                break
        return None

    # -- clauses -----------------------------------------------------------------------
    def _sentence_index(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (len(sentences) when none does)."""
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index][1]:
            return index
        return len(self.sentences)

    _INTRO = re.compile(
        r"\s*(?:after|before|during|on|in|at|as|when|while|earlier|later|meanwhile|but|and|however|"
        r"speaking|asked|last|this|since|for|with|also|still|yet|instead|separately|then|like|unlike|"
        r"according)\b[^,]*,\s*",
        re.IGNORECASE)

    # ", which declared Maduro the winner," / ", speaking on behalf of the Latin American members,"
    _RELATIVE = re.compile(r"(?:^|,)\s*(?:which|who|whose|whom|where|[a-z]+ing)\b[^,]*,", re.IGNORECASE)

    def _clause_subject(self, start: int, end: int) -> Entity | None:
        """The first person or organisation in the main clause of text[start:end].

        An opening phrase ("After the meeting in Quito, …") and relative clauses
        (", which declared Maduro the winner,") are not the main clause.
        """
        intro = self._INTRO.match(self.masked, start, end)
        clause_start = intro.end() if intro else start
        phrases = self.phrases(clause_start, end)
        clause = self.masked[clause_start:end]
        # every match of _RELATIVE ends with a comma: without one there is nothing to look for
        relatives = [(m.start() + clause_start, m.end() + clause_start)
                     for m in self._RELATIVE.finditer(clause)] if "," in clause else []
        if relatives:
            phrases = [p for p in phrases if not any(a <= p.start < b for a, b in relatives)]
        return self._first_entity(phrases)

    _APPOSITION = re.compile(r"\s*(?:[a-z][\w-]*\s*){0,2},?\s*")
    _OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")

    def _first_entity(self, phrases: list[Phrase]) -> Entity | None:
        for k, phrase in enumerate(phrases):
            if phrase.possessive and phrase.kind in ("name", "place"):
                continue
            if phrase.kind == "place":
                continue
            if phrase.kind == "name" and len(phrase.text.split()) == 1 and not self._known(phrase.text) and not phrase.titled:
                continue  # a lone capitalised word nobody introduced: a place or a common noun
            if phrase.kind in ("org", "group") and k + 1 < len(phrases) and phrases[k + 1].kind == "person":
                gap = self.masked[phrase.start + len(phrase.text): phrases[k + 1].start]
                if not gap.strip() or gap.strip().lower() in ("’s", "'s"):
                    continue  # "Russian Foreign Ministry spokeswoman Maria Zakharova": the org only describes her
            if phrase.kind == "person" and k + 1 < len(phrases):
                following = phrases[k + 1]
                between = self.masked[phrase.end:following.start]
                if following.kind == "name" and self._APPOSITION.fullmatch(between):
                    # "Canada's foreign minister, Claire Ashworth," / "the chief negotiator, Ambassador Ana Ruiz,"
                    return self.resolve(following)
                if following.kind in ("place", "org") and self._OF_THE.fullmatch(between):
                    # "the representative of Ecuador": the country or body speaks through its envoy
                    return self.resolve(following) if following.kind == "org" else Entity(fold(following.text), "org", following.start)
            entity = self.resolve(phrase)
            if entity is not None:
                return entity
        for phrase in phrases:  # nothing better: a country or capital speaking ("Caracas said")
            if phrase.kind in ("name", "place") and not phrase.possessive:
                return Entity(fold(phrase.text), "org", phrase.start)
        return None

    _AFTER_COMMA = re.compile(r",\s*(?:[a-z]+ly\s+|only\s+|also\s+|then\s+)?$")
    _COORDINATED = re.compile(r"\band\s+(?:[a-z]+ly\s+|also\s+|then\s+)?$")
    _RELATIVE_END = re.compile(r"\b(?:what|which|that|who)\s*$")
    _RELATIVE_SUBJECT = re.compile(r"\b(?:what|which|who|that)\s+(\w+)\s+(?:[a-z]+ly\s+)?$")

    def subject_before_verb(self, sentence_start: int, verb_start: int, verb: str) -> Entity | None:
        """The subject of a reporting verb at ``verb_start`` (the clause's doer)."""
        left = self.masked[sentence_start:verb_start]
        participle = verb.endswith("ing")
        after_comma = self._AFTER_COMMA.search(left)
        coordinated = self._COORDINATED.search(left)
        if (participle and after_comma) or coordinated:
            cut = after_comma.start() if after_comma and participle else coordinated.start()
            return self._clause_subject(sentence_start, sentence_start + cut)
        if participle:  # "a decree labeling …": the nearest actor to the left
            phrases = self.phrases(sentence_start, verb_start)
            for phrase in reversed(phrases):
                if phrase.kind == "place":
                    continue
                if phrase.kind == "document":
                    entity = self._issuer_in(phrase)
                    if entity is not None:
                        return entity
                    continue
                entity = self.resolve(phrase)
                if entity is not None:
                    return entity
            return None
        # "…, he said", "Wang said such claims were": the phrase right before the verb
        phrases = self.phrases(sentence_start, verb_start)
        if phrases and phrases[-1].kind in ("name", "pronoun", "org", "person") and not phrases[-1].possessive:
            gap = self.masked[phrases[-1].end:verb_start]
            if _ADJACENT.fullmatch(gap) and not self._RELATIVE_END.search(self.masked[sentence_start:phrases[-1].start]):
                entity = self.resolve(phrases[-1]) if phrases[-1].kind != "name" else self._entity(phrases[-1])
                if entity is not None:
                    return entity
        # "what she called", "who said": the relative clause's own subject
        relative = self._RELATIVE_SUBJECT.search(left)
        if relative and relative.group(1).lower() in speaker_words()["pronoun"]:
            phrases = self.phrases(sentence_start + relative.start(1), verb_start)
            entity = self._first_entity(phrases)
            if entity is not None:
                return entity
        return self._clause_subject(sentence_start, verb_start)

    def subject_of_sentence(self, index: int) -> Entity | None:
        return self._subject_of.get(index)


# --------------------------------------------------------------------------- cues

def _verb_pattern() -> str:
    """A pattern for any reporting verb form; where one form begins another, the longer is tried first."""
    return any_of(reporting_verbs())


@lru_cache(maxsize=1)
def _cue_patterns() -> dict[str, re.Pattern]:
    verbs = _verb_pattern()
    return {
        # …," said Cuban Foreign Minister Bruno Rodriguez  /  …," reads the final declaration
        "inverted": re.compile(rf"^[\s,.:;!?—–-]*(?P<verb>{verbs})\s+(?P<np>[^,;:—–]+)"),
        # …," Pompeo said  /  …," the statement read  /  …," he told reporters
        "normal": re.compile(rf"^[\s,.:;!?]*(?P<np>(?:[^\s;:!?]+\s+){{1,16}}?)(?:[a-z]+ly\s+)?(?P<verb>{verbs})\b"),
        "appositive": re.compile(rf"^[\s,.:;!?]*(?P<np>[A-Z][^,;:\"“”]{{1,60}}?),\s[^\"“”]{{0,240}}?,\s*(?:[a-z]+ly\s+)?(?P<verb>{verbs})\b"),
        "according": re.compile(r"according to\s+(?P<np>[^,;:.—–]+(?:\.[A-Z][^,;:.—–]*)*)", re.IGNORECASE),
        "dash": re.compile(r"^\s*[—–]\s*(?P<np>[^,;:.]+)"),
        "verb": re.compile(rf"\b(?P<verb>{verbs})\b"),
    }


def _post_cue(finder: SpeakerFinder, start: int, end: int) -> tuple[Entity | None, str | None]:
    """A cue after the quote: '…," said X', '…," X said', '— X', 'according to X'."""
    patterns = _cue_patterns()
    post = finder.masked[start:end]
    for name in ("inverted", "normal", "appositive", "dash"):
        match = patterns[name].match(post)
        if not match:
            continue
        np_start = start + match.start("np")
        phrases = finder.phrases(np_start, start + match.end("np"))
        entity = finder._first_entity(phrases) if name in ("inverted", "dash") else _resolve_subject(finder, phrases)
        if entity is not None:
            return entity, (match.group("verb").lower() if "verb" in match.groupdict() else "dash")
    return _according_to(finder, start, end)


def _according_to(finder: SpeakerFinder, start: int, end: int) -> tuple[Entity | None, str | None]:
    """'according to X' anywhere in text[start:end]."""
    match = _cue_patterns()["according"].search(finder.masked, start, end)
    if match:
        entity = finder._first_entity(finder.phrases(match.start("np"), match.end("np")))
        if entity is not None:
            return entity, "according to"
    return None, None


def _resolve_subject(finder: SpeakerFinder, phrases: list[Phrase]) -> Entity | None:
    """The speaker in the words just before a verb.

    A name followed by an appositive ("Mauro Vieira, the foreign minister of Brazil,")
    is the speaker; otherwise the last name ("State Department spokeswoman Karen
    Whitmore"), otherwise the first role noun or pronoun.
    """
    named = [p for p in phrases if p.kind in ("name", "org") and not p.possessive]
    for phrase in named[:-1]:
        if finder.masked[phrase.end:phrase.end + 3].lstrip().startswith(","):
            return finder.resolve(phrase)
    if named:
        return finder.resolve(named[-1])
    return finder._first_entity(phrases)


_COLON_CUE = re.compile(r"(?P<np>[^.,;:!?]{2,80}):\s*$")


def _pre_cue(finder: SpeakerFinder, sentence_start: int, quote_open: int) -> tuple[Entity | None, str | None]:
    """A reporting verb before the quote in the same sentence, and its subject."""
    patterns = _cue_patterns()
    pre = finder.masked[sentence_start:quote_open]
    entity, cue = _according_to(finder, sentence_start, quote_open)
    if entity is not None:
        return entity, cue
    for verb in reversed(list(patterns["verb"].finditer(pre))):
        word = verb.group("verb")
        if word[0].isupper() and verb.start() > 0 and pre[: verb.start()].strip():
            continue  # "Post", "Reports", "Call" inside a name
        entity = finder.subject_before_verb(sentence_start, sentence_start + verb.start(), word.lower())
        if entity is not None:
            return entity, word.lower()
    colon = _COLON_CUE.search(pre)
    if colon:
        phrases = finder.phrases(sentence_start + colon.start("np"), sentence_start + colon.end("np"))
        entity = _resolve_subject(finder, phrases)
        if entity is not None:
            return entity, "colon"
    return None, None


# --------------------------------------------------------------------------- extraction


_NOT_NEWLINE = re.compile(r"[^\n]")


def _mask(text: str, spans: list[QuoteSpan]) -> str:
    """The text with every quotation's words blanked, so cues are never read inside quotes."""
    chars = list(text)
    for span in spans:
        for start, end in span.pieces:
            # each character but a newline becomes a space, as one slice (same length, so the
            # offsets stay); blanking is idempotent, so overlapping pieces give the same result
            piece = text[start:end]
            chars[start:end] = _NOT_NEWLINE.sub(" ", piece) if "\n" in piece else " " * len(piece)
    return "".join(chars)


def _body_paragraphs(text: str, title: str = "") -> list[tuple[int, int]]:
    """Offsets of the lines the cleaning stage keeps as the article's body (headline given or not)."""
    return list(clean.clean_article(text, title=title).kept_spans)


def _quote_sentences(text: str, paragraphs: list[tuple[int, int]], spans: list[QuoteSpan],
                     found: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentence spans of the body, with sentences inside one quotation merged into one.

    ``found``, when given, are the paragraphs' sentences as the cleaning stage split them.
    """
    if found is None:
        found = []
        for start, end in paragraphs:
            found.extend((start + s, start + e) for s, e in sentences.sentence_spans(text[start:end]))
    inside = [(q.start, q.end) for q in spans]
    merged: list[tuple[int, int]] = []
    k = 0
    for start, end in found:
        while k < len(inside) and inside[k][1] < start:
            k += 1
        boundary_in_quote = k < len(inside) and inside[k][0] < start <= inside[k][1]
        same_paragraph = merged and "\n" not in text[merged[-1][1]:start]
        if merged and boundary_in_quote and same_paragraph:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def extract_quotes(text: str, article_id: str = "", title: str = "") -> pd.DataFrame:
    """Every direct quotation in one article's text, with speaker, cue and kind.

    Returns a DataFrame with columns article, quote, start, end, speaker, cue,
    kind, sentence, speaker_type; ``start``/``end`` are offsets into ``text``.
    ``speaker`` is None when no rule finds one; ``speaker_type`` is "person" or
    "organisation" (a body, a statement's issuer, a country speaking).

    >>> extract_quotes('Foreign Minister Ana Diaz spoke on Monday.\\n\\n"We will not give in," Diaz said.')[["quote", "speaker", "cue", "kind"]].values.tolist()
    [['We will not give in,', 'Ana Diaz', 'said', 'full']]
    """
    frame = pd.DataFrame([{"article": article_id, **r} for r in _quote_records(text, title)], columns=COLUMNS)
    return frame.astype({"start": "int64", "end": "int64", "speaker": "object", "speaker_type": "object"})


def _quote_records(text: str, title: str = "") -> list[dict]:
    """One article's quotations as plain records (all columns but ``article``); what the cache stores."""
    if not _ANY_MARK.search(text):
        return []
    return _quote_records_in_body(text, _body_paragraphs(text, title))


_DASH_AFTER = re.compile(r"\s*[—–]")


def _quote_records_in_body(text: str, paragraphs: list[tuple[int, int]],
                           paragraph_sentences: list[tuple[int, int]] | None = None) -> list[dict]:
    """:func:`_quote_records` for an article whose body paragraphs (offsets of the lines the
    cleaning stage keeps) and, optionally, their sentences are already known, as
    :func:`helpers.clean.clean_corpus` gives them (``body_spans``, ``body_sentences``)."""
    if not _ANY_MARK.search(text):
        return []
    spans = find_quote_spans(text, paragraphs)
    masked = _mask(text, spans)
    sentence_list = _quote_sentences(text, paragraphs, spans, paragraph_sentences)
    finder = SpeakerFinder(text, masked, sentence_list)
    rows: list[dict] = []
    for number, span in enumerate(spans):
        open_at, close_at = span.start - 1, span.end
        first = finder._sentence_index(open_at)
        last = finder._sentence_index(max(close_at, open_at))
        sentence_start = sentence_list[first][0] if first < len(sentence_list) else open_at
        sentence_end = sentence_list[last][1] if last < len(sentence_list) else close_at + 1
        next_open = spans[number + 1].start - 1 if number + 1 < len(spans) else len(text)
        post_end = min(sentence_end, next_open)
        before = masked[sentence_start:open_at]
        kind = quote_kind(span.text, before)
        entity, cue = None, None
        if kind == "fragment" and rows and rows[-1]["_sentence"] == first and rows[-1]["speaker"]:
            entity, cue = Entity(rows[-1]["speaker"], rows[-1]["speaker_type"], open_at), "same sentence"
        starts_sentence = not before.strip(" \t—–-")
        order = (_post_cue, _pre_cue) if starts_sentence else (_pre_cue, _post_cue)
        line_end = text.find("\n", close_at)
        if _DASH_AFTER.match(masked[close_at + 1:close_at + 4]):  # "…” — Name, title" closing a paragraph
            post_end = min(next_open, line_end if line_end != -1 else len(text))
        for rule in order if entity is None else ():
            if rule is _post_cue:
                entity, cue = _post_cue(finder, close_at + 1, post_end)
            else:
                entity, cue = _pre_cue(finder, sentence_start, open_at)
            if entity is not None:
                break
        if entity is None and not starts_sentence:  # words quoted in a sentence about someone
            entity = finder._clause_subject(sentence_start, open_at)
            cue = "sentence subject" if entity is not None else None
        if entity is None:
            entity, cue = _neighbour_cue(finder, rows, first, last, kind, open_at)
        rows.append({
            "quote": span.text, "start": span.start, "end": span.end,
            "speaker": entity.name if entity else None, "cue": cue, "kind": kind,
            "sentence": text[sentence_start:sentence_end].strip(),
            "speaker_type": ("person" if entity.kind == "person" else "organisation") if entity else None,
            "_sentence": first, "_last": last,
        })
    for row in rows:
        del row["_sentence"], row["_last"]
    return rows


_POINTS_BACK = re.compile(r"\W*(?:that|this|those|these|such|so)\b", re.IGNORECASE)
_REFERS_BACK = re.compile(r"\b(?:put it|words of|message (?:of|from)|remarks by|stated by|said by)\b")
_VERB_OBJECT_BACK = re.compile(r"\s+(?:this|that|so|it)\b")


def _neighbour_cue(finder: SpeakerFinder, rows: list[dict], first: int, last: int, kind: str,
                   open_at: int) -> tuple[Entity | None, str | None]:
    """No cue in the quote's own sentence: look at the quotes and sentences around it.

    In order: the previous quote continues in the same paragraph; the sentence before ends
    with a colon ("He told the assembly:"); the sentence after points back at the quote and
    names the speaker ("That was how Ortega put it."); a person who was the subject of the
    sentence before; an earlier quote continuing across paragraphs; an organisation that was
    the subject of the sentence before.
    """
    text = finder.masked
    previous_quote = rows[-1] if rows and rows[-1]["speaker"] else None
    if previous_quote and previous_quote["_last"] >= first - 1 and "\n" not in text[previous_quote["end"]:open_at]:
        return Entity(previous_quote["speaker"], previous_quote["speaker_type"], 0), "continuation"
    previous = finder.subject_of_sentence(first - 1) if first > 0 else None
    if previous is not None:
        previous_start, previous_end = finder.sentences[first - 1]
        if text[previous_start:previous_end].rstrip().endswith(":"):
            return previous, "previous sentence"
    if kind == "full" and last + 1 < len(finder.sentences):
        next_start, next_end = finder.sentences[last + 1]
        following = text[next_start:next_end]
        verb = _cue_patterns()["verb"].search(following)
        points_back = _POINTS_BACK.match(following) or _REFERS_BACK.search(following) or (
            verb and _VERB_OBJECT_BACK.match(following[verb.end():]))
        if points_back:
            entity = finder._first_entity(finder.phrases(next_start, next_end))
            if entity is not None:
                return entity, "next sentence"
    if previous is not None and previous.kind == "person":
        return previous, "previous sentence"
    if previous_quote and kind == "full" and previous_quote["_last"] >= first - 3:
        return Entity(previous_quote["speaker"], previous_quote["speaker_type"], 0), "continuation"
    if previous is not None:
        return previous, "previous sentence"
    return None, None


def quotes_for_corpus(articles: pd.DataFrame, text_column: str = "text", progress: bool = False) -> pd.DataFrame:
    """Quotations of every article in a corpus DataFrame (from ``load_corpus``), one row each.

    Offsets refer to each article's text as loaded (the raw ``text`` column). Quotes are looked
    for in the body paragraphs the cleaning stage keeps: the ``body_spans`` column that
    :func:`helpers.clean.clean_corpus` adds, or, for articles not cleaned yet, a fresh
    cleaning (the ``title`` column, when there is one, tells it which line is the headline). Per-article
    results are cached and computed on every core (:func:`helpers.cache.per_article`).
    """
    if text_column == "text" and "body_spans" in articles.columns:  # cleaned already: reuse its paragraphs
        sentences_of = articles["body_sentences"] if "body_sentences" in articles.columns else [None] * len(articles)
        inputs = list(zip(articles["text"], articles["body_spans"], sentences_of))
        results = per_article("quotes", _quote_records_in_body, inputs, progress=progress)
    else:
        titles = articles["title"].fillna("").astype(str) if "title" in articles.columns else [""] * len(articles)
        inputs = [(text, title) for text, title in zip(articles[text_column], titles)]
        results = per_article("quotes", _quote_records, inputs, progress=progress)
    # assembled column by column (a large corpus has a few hundred thousand quotes)
    columns = {"article": [ident for ident, records in zip(articles["id"], results) for _ in records]}
    for column in COLUMNS[1:]:
        columns[column] = [record[column] for records in results for record in records]
    frame = pd.DataFrame(columns if columns["article"] else None, columns=COLUMNS)  # no quotes: empty object columns
    return frame.astype({"start": "int64", "end": "int64", "speaker": "object", "speaker_type": "object"})


def quotes_json(paths: list[str | Path]) -> dict:
    """The JSON document ``python -m helpers quotes`` prints, for files or folders of .txt files.

    Articles are keyed by file name; a ``metadata.csv`` in a folder's parent (a corpus) gives
    each file's headline to the cleaning stage. Raises :class:`CorpusError` for a path that is
    missing or not a .txt file, a folder with no .txt files, or two files with the same name.
    """
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(p for p in path.glob("*.txt") if p.is_file())
            if not found:
                raise CorpusError(path, "the folder holds no .txt files", "point at the articles folder itself (for example corpus/articles)")
            files.extend(found)
        elif not path.exists():
            raise CorpusError(path, "no such file or folder", "give the path of a .txt article or of a folder of them")
        elif path.suffix.lower() != ".txt":
            raise CorpusError(path, "only .txt articles are read", "give .txt files (add saved web pages with `python -m helpers add`)")
        else:
            files.append(path)
    names = [p.name for p in files]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise CorpusError(repeated[0], "two files given have this name, and the output is keyed by file name", "score the folders one at a time")
    articles: dict[str, list[dict]] = {}
    for path in files:
        records = _quote_records(read_article(path), _titles_beside(path.parent).get(path.name, ""))
        articles[path.name] = [{k: r[k] for k in ("quote", "start", "end", "speaker", "cue", "kind")} for r in records]
    return {"articles": articles}


@lru_cache(maxsize=16)
def _titles_beside(folder: Path) -> dict[str, str]:
    """file name -> title from the metadata.csv of the corpus that ``folder`` is the articles of (if any)."""
    metadata = folder.parent / "metadata.csv"
    if not metadata.is_file():
        return {}
    try:
        with open(metadata, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (csv.Error, UnicodeDecodeError, OSError):
        return {}
    return {row["file"]: row["title"] or "" for row in rows if row.get("file") is not None and "title" in row}


def dump_json(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1)


# --------------------------------------------------------------------------- summaries


def quotes_by_speaker(quotes: pd.DataFrame) -> pd.DataFrame:
    """Quotes, quoted words, full quotes and articles per speaker, most quoted words first.

    Quotations with no speaker are grouped as "(no speaker found)".

    >>> table = quotes_by_speaker(pd.DataFrame({"article": ["a", "a", "b"], "speaker": ["Ana Diaz", None, "Ana Diaz"],
    ...     "quote": ["We stay.", "a mistake", "We go now."], "kind": ["full", "fragment", "full"]}))
    >>> table.loc["Ana Diaz"].tolist()
    [2, 5, 2, 2]
    """
    frame = quotes.assign(speaker=quotes["speaker"].fillna("(no speaker found)"),
                          words=quotes["quote"].str.count(r"\w+"),
                          full=quotes["kind"].eq("full"))
    table = frame.groupby("speaker").agg(quotes=("quote", "size"), quoted_words=("words", "sum"),
                                         full_quotes=("full", "sum"), articles=("article", "nunique"))
    return table.sort_values(["quoted_words", "quotes"], ascending=False).astype("int64")


def quotes_per_article(quotes: pd.DataFrame, articles: pd.Index) -> pd.DataFrame:
    """Full quotations and fragments per article, one row per article of ``articles`` (none: zeros).

    >>> quotes = pd.DataFrame({"article": ["a", "a", "b"], "kind": ["full", "fragment", "full"]})
    >>> quotes_per_article(quotes, pd.Index(["a", "b", "c"])).to_dict("index")
    {'a': {'full': 1, 'fragment': 1}, 'b': {'full': 1, 'fragment': 0}, 'c': {'full': 0, 'fragment': 0}}
    """
    return (quotes.groupby(["article", "kind"]).size().unstack(fill_value=0)
            .reindex(index=articles, columns=["full", "fragment"], fill_value=0))
