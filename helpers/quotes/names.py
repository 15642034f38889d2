"""Names in running text: capitalised runs read as people, organisations or roles (``find_phrases``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter

from ..text import fold
from .wordlists import given_names, reporting_verbs, speaker_words


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
PARTICLES = {"de", "del", "de la", "da", "das", "do", "dos", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "di", "y"}
DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our"}
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
    role: str = ""     # the title in front of a name ("Cuban Foreign Minister" of "... Bruno Rodriguez")


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
    particles, joiners, endings = PARTICLES, _JOINERS, _POSSESSIVE_ENDINGS
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


_PARTICLE_HYPHEN = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ud|ul|bin|ibn|ben|abu|abd)-[A-Z]")


def _starts_capitalised(words: list[str]) -> list[bool]:
    """Whether each (non-empty) word starts a name: it starts with a capital, or it is an Arabic
    particle joined to a capitalised name ("al-Jubeir", "el-Sisi", "bin-Salman").

    >>> _starts_capitalised(["Adel", "al-Jubeir", "said", "al-", "Xi"])
    [True, True, False, False, True]
    """
    caps = list(map(str.isupper, map(_first_char, words)))
    for k, word in enumerate(words):
        if not caps[k] and "-" in word[:4] and _PARTICLE_HYPHEN.match(word):
            caps[k] = True
    return caps


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


# "West-leaning", "Thirty-something", "Fifty-seven-year-old", "Kremlin-backed": a capital, then
# lower-case parts joined by hyphens, is a description in front of a name, not a part of it
# ("Jean-Claude" and "al-Jubeir" have a capital after the hyphen or none before it)
_DESCRIPTOR = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)+$")
# a word that opens a clause, capitalised only because it starts a sentence ("Since Saied took office")
_CLAUSE_OPENERS = frozenset({"since", "when", "after", "although", "though", "while", "if", "because", "before",
                             "until", "once", "unlike", "but", "and", "so", "yet", "meanwhile", "however", "also"})


@lru_cache(maxsize=20000)
def _classify(words: tuple[str, ...]) -> tuple[str, str] | None:
    """See :func:`classify_name`.

    >>> [_classify(w) for w in [("Since", "Saied"), ("Thirty-something", "Nahla"), ("Saudi", "Arabia"),
    ...                         ("Jean-Claude", "Juncker")]]
    [('name', 'Saied'), ('name', 'Nahla'), ('place', 'Saudi Arabia'), ('name', 'Jean-Claude Juncker')]
    """
    roles = speaker_words()
    words = [w for w in words if w]
    while words and (words[0].lower() in DETERMINERS or words[0].lower() in _CLAUSE_OPENERS
                     or _DESCRIPTOR.match(words[0])):
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
    acronyms = [w for w in words if is_acronym(w) and w.lower() not in roles["title"]]
    # drop everything up to the last title word, then skip words and demonyms at either end
    last_title = max((k for k, w in enumerate(lower) if w in roles["title"]), default=-1)
    rest = words[last_title + 1:]
    if last_title >= 0 and rest and rest[0].lower() in ("of", "for"):
        # "Governor of Norte de Santander" is an office; "Representative for Venezuela Elliott Abrams" a person
        start = next((k for k, w in enumerate(rest) if fold(w).lower() in given_names()), None)
        if start is None:  # "Prime Minister of the Republic of Slovenia Janez Jansa": a name after the place
            last_place = max((k for k, w in enumerate(rest) if w.lower() in roles["place"]), default=len(rest))
            start = last_place + 1 if len(rest) - last_place - 1 >= 2 else None
        if start is None:
            return "place", " ".join(rest[1:])
        rest = rest[start:]
    while len(rest) > 1 and rest[-1].lower() in roles["skip"]:
        rest = rest[:-1]  # "Sergey Lavrov Wednesday"
    body_end = max((k for k, w in enumerate(rest[:-2]) if w.lower() in roles["org"]), default=-1)
    if body_end >= 0 and fold(rest[body_end + 1]).lower() in given_names():
        rest = rest[body_end + 1:]  # "(Co-Chair of the) OSCE Minsk Group Igor Popov": the person after the body
    while len(rest) > 1 and (rest[0].lower() in roles["demonym"] or rest[0].lower() in roles["skip"]):
        if len(rest) == 2 and rest[0].lower() in roles["demonym"] and rest[1].lower() in roles["place"]:
            break  # "Saudi Arabia": a country whose name begins with its demonym
        rest = rest[1:]
    # "Ambassador to the OAS Harold Whitfield", "Representative for Venezuela Elliott Abrams"
    while len(rest) > 2 and (is_acronym(rest[0]) or rest[0].lower() in roles["place"]):
        rest = rest[1:]
    if not rest:
        return ("org", acronyms[-1]) if acronyms else None
    if len(rest) == 1 and is_acronym(rest[0]):
        return "org", rest[0]
    if all(w.lower() in roles["skip"] or w.lower() in roles["demonym"] for w in rest):
        return None
    if any(w.lower() in roles["place"] for w in rest) and not (
            last_title >= 0 and not _PERSONAL_TITLES.isdisjoint(lower[:last_title + 1])):
        return "place", " ".join(rest)  # (after a personal title a name: "Foreign Minister Park Jin")
    if len(rest) > 1 and rest[0].lower() in _PLACE_PREFIXES and fold(rest[0]).lower() not in given_names():
        return "place", " ".join(rest)  # La Paz, San José, Puerto Cabezas
    return "name", " ".join(rest)


def is_acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("-", "")
    return len(letters) >= 2 and letters.isupper() and letters.isalpha()


# titles that only people have: a lone name after one of them is a person ("Mr Maduro", "President Arce")
_PERSONAL_TITLES = {"mr", "mrs", "ms", "dr", "sir", "dame", "president", "minister", "senator", "sen.", "governor",
                    "gov.", "mayor", "ambassador", "general", "gen.", "secretary", "chancellor", "king", "queen",
                    "pope", "judge", "spokesman", "spokeswoman", "spokesperson", "leader", "commander", "envoy",
                    "rep.", "representative", "congressman", "congresswoman", "adviser", "advisor", "chief", "deputy",
                    "director", "lt.", "col.", "sgt.", "admiral", "prime", "vice-president", "sheikh", "sheikha",
                    "prince", "princess", "emir", "amir", "sultan"}

INSTITUTION_MODIFIERS = {"foreign", "state", "defense", "defence", "interior", "economy", "finance",
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
        if lower in DETERMINERS or not _WORD_OR_HYPHEN.match(word):
            break
        if (lower in verbs and verbs[lower] != lower) or lower in _MODIFIER_STOPS:
            break
        modifiers.insert(0, word)
        k -= 1
    determiner = words[k].lower() if k >= 0 and words[k].lower() in DETERMINERS else ""
    return determiner, modifiers


@lru_cache(maxsize=1)
def _interesting_words() -> frozenset[str]:
    """Lower-case words that can start a phrase other than a name (pronouns and role nouns)."""
    roles = speaker_words()
    words = set(roles["pronoun"]) | roles["document"] | roles["group"] | roles["person"] | roles["crowd"] | {"it"}
    words |= {w + "s" for w in roles["document"] | roles["person"]}  # "statements", "ministers", "diplomats"
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
        if all(w in roles["title"] for w in lowers[i:j]) and (lowers[j - 1] in roles["person"]
                                                                  or lowers[j - 1] in _PERSONAL_TITLES):
            # "the Prime Minister", "the Foreign Secretary" in capitals: a role named without a name
            k = i - 1 if i > 0 and lowers[i - 1] in DETERMINERS else i
            phrases.append(Phrase("person", " ".join(words[k:j]), tokens[k].start(1), end=tokens[j - 1].end()))
        return j
    kind, text, possessive, titled, governs, role = reading
    if governs:  # "the Maduro government": the run and the word after it
        phrases.append(Phrase(kind, text, tokens[i].start(1), end=tokens[j].end()))
        return j + 1
    # positional arguments (kind, text, start, possessive, context, titled, end, role): quicker than keywords
    phrases.append(Phrase(kind, text, tokens[i].start(1), possessive, "", titled, tokens[j - 1].end(), role))
    return j


@lru_cache(maxsize=20000)
def _run_reading(run: tuple[str, ...], follower: str) -> tuple[str, str, bool, bool, bool, str] | None:
    """What a run of capitalised words (not a pronoun) followed by the lower-cased word
    ``follower`` ("" at the end of the range) stands for: (kind, text, possessive, titled,
    governs, role) for a phrase, where ``governs`` means the follower belongs to it ("the Maduro
    government") and ``role`` is the title in front of a person's name, or None. A pure function of its arguments, so a name met again (names
    recur through an article and a corpus) is read once."""
    words = list(run)
    words[-1], possessive = _strip_possessive(words[-1])
    head = _strip_possessive(follower)[0] if follower else ""
    if head in ("administration", "government") and not possessive:
        name = " ".join(w for w in words if w.lower() not in DETERMINERS)
        return "org", f"{name} {head}", False, False, True, ""
    kind = _classify(tuple(words))  # what classify_name(words) returns
    if kind is not None and kind[0] == "name" and len(words) == 1 and follower in speaker_words()["group"]:
        kind = ("org", kind[1])  # "Mercosur leaders", "ALBA nations": the name of a body
    if kind is None:
        return None
    dropped = len(words) - len(kind[1].split())  # words in front of the name (words[:0] is empty: no title)
    titled = kind[0] == "name" and dropped != 0 and not _PERSONAL_TITLES.isdisjoint(map(str.lower, words[:dropped]))
    return kind[0], kind[1], possessive, titled, False, _role_of(words[:dropped]) if kind[0] == "name" else ""


def _role_of(words: list[str]) -> str:
    """The title among the words in front of a name: from its first title word (a demonym before it
    kept), without determiners ("the Cuban Foreign Minister" -> "Cuban Foreign Minister").

    >>> _role_of(["the", "Cuban", "Foreign", "Minister"]), _role_of(["the", "Pacific"])
    ('Cuban Foreign Minister', '')
    """
    roles = speaker_words()
    lower = [w.lower() for w in words]
    first = next((k for k, w in enumerate(lower) if w in roles["title"]), None)
    if first is None:
        return ""
    while first > 0 and lower[first - 1] in roles["demonym"]:
        first -= 1
    return " ".join(words[first:])


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
    noun = base[:-1] if base.endswith("s") and (base[:-1] in roles["document"] or base[:-1] in roles["person"]) else base
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
