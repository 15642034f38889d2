"""The entities an article names, and who a noun phrase or pronoun refers to (``SpeakerFinder``)."""
from __future__ import annotations

import bisect
import re
from itertools import accumulate
from dataclasses import dataclass

from .. import sentences
from ..text import fold
from .wordlists import given_names, speaker_words
from .names import DETERMINERS, INSTITUTION_MODIFIERS, PARTICLES, Phrase, find_phrases, is_acronym


_FEMALE_CLUE = re.compile(r"\b(?:ms|mrs|madam|spokeswoman|congresswoman|chairwoman|businesswoman|first lady|queen|sister|mother|wife|widow)\b")
_MALE_CLUE = re.compile(r"\b(?:mr|spokesman|congressman|chairman|businessman|king|brother|father|husband)\b")


def guess_gender(name: str, clue: str = "") -> str | None:
    """'f', 'm' or None for a person's name, from the given-names list or a title clue (a name's
    ending is no guide across languages: Mustafa and Hamza are men, so an unlisted name is None).

    >>> guess_gender("Delcy Rodriguez"), guess_gender("Elliott Abrams"), guess_gender("Mercedes Lopez")
    ('f', 'm', 'f')
    >>> guess_gender("Kim Lee", clue="spokeswoman"), guess_gender("Kim Lee"), guess_gender("Tuilaepa Malielegaoi")
    ('f', None, None)
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
    role: str = ""             # a person's title where the article names them ("Foreign Minister")


_PRONOUN_GENDER = {"he": "m", "she": "f", "him": "m", "her": "f"}
_NOT_GOVERNMENT = frozenset({"opposition", "dissident", "dissidents", "rebel", "rebels", "exiled", "exile"})
_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several", "two", "three", "many"})
_ADJACENT = re.compile(r"\s*(?:(?:also|later|then|again|further|still|previously|once|had|has|have|was|is|were|"
                       r"would|will|did|does|do|had|not|never|[a-z]+ly)\s+)*")


class EntityRegister:
    """Every person and organisation one article names, in order, and the short forms each is
    called by later (a last name, an acronym): the memory the speaker rules look back into."""

    def __init__(self) -> None:
        self.people: dict[str, list[Entity]] = {}     # short forms of a name (folded, lower) -> people
        self.mentions: list[tuple[int, Entity]] = []   # (offset, entity) of every person/org mention
        self.aliases: dict[str, str] = {}               # long organisation name -> acronym
        self.addressed: set[int] = set()                 # offsets of people named as the one spoken to

    def mention(self, start: int, entity: Entity) -> None:
        """Record that ``entity`` is mentioned at ``start`` (mentions come in text order)."""
        self.mentions.append((start, entity))

    @staticmethod
    def keys(name: str) -> list[str]:
        """Short forms a person may be called by later: last name, later names, double surnames."""
        parts = fold(name).lower().split()
        keys = [parts[-1]]
        if len(parts) == 2 and parts[0] not in given_names():
            keys.append(parts[0])  # "Wang Wenbin" is called "Wang"; "Ana Diaz" is never called "Ana"
        if len(parts) >= 3:
            keys += [" ".join(parts[k:]) for k in range(1, len(parts) - 1)]
            keys += [p for p in parts[1:-1] if p not in PARTICLES]
        return keys

    def known(self, name: str) -> list[Entity]:
        """The people already called ``name`` (a full name or one of its short forms)."""
        return self.people.get(fold(name).lower(), [])

    def person(self, name: str, start: int, clue: str = "", role: str = "") -> Entity:
        """The person a name mentioned at ``start`` stands for: someone introduced earlier whose
        full name it shortens, or a new person (``clue``: the words before, for the gender;
        ``role``: a title in front of the name, kept when the person has none yet)."""
        entity = self._person(fold(name), start, f"{clue} {role}" if role else clue)
        if role and not entity.role:
            entity.role = role
        return entity

    # honorifics with which a first name alone names the person ("Sheikh Mohammed", "Prince Faisal");
    # not "King Felipe", whose first name is shared with commoners named before him
    _HONORIFIC = re.compile(r"\b(?:sheikh|sheikha|prince|emir|amir|sultan)\s*$", re.IGNORECASE)

    def _person(self, name: str, start: int, clue: str) -> Entity:
        parts = name.split()
        if len(parts) == 1 and not self.known(name) and self._HONORIFIC.search(clue):
            # "Sheikh Mohammed", "Prince Faisal": an honorific and a first name stand for the person so named
            first = [e for _, e in reversed(self.mentions) if e.kind == "person" and e.start < start
                     and len(e.name.split()) > 1 and e.name.split()[0].lower() == name.lower()]
            if first:
                return first[0]
        if len(parts) == 1 and not self.known(name):  # "Mr Maduro" with no full name given earlier
            entity = Entity(name, "person", start, guess_gender(name, clue))
            self.people.setdefault(name.lower(), []).append(entity)
            return entity
        if len(parts) == 1 or self.known(name):
            known = [e for e in self.known(name) if e.start <= start]
            if known and (len(parts) == 1 or len(known[-1].name.split()) > len(parts)):
                return known[-1]
        for entity in self.people.get(self.keys(name)[0], []):
            if entity.name == name:
                return entity
        entity = Entity(name, "person", start, guess_gender(name, clue))
        for key in self.keys(name):
            self.people.setdefault(key, []).append(entity)
        return entity

    def org(self, name: str, start: int) -> Entity:
        """The organisation a name stands for (by its acronym when the article gave one)."""
        name = fold(name)
        agency = name.lower().split()[-1] in speaker_words()["agency"] or name.lower() == "associated press"
        return Entity(self.aliases.get(name.lower(), name), "org", start, agency=agency)

    def last(self, kind: str, before: int, gender: str | None = None, head: str | None = None,
             strict: bool = False, named: bool = False) -> Entity | None:
        """The last person or organisation mentioned before ``before`` that fits the filters."""
        last = bisect.bisect_left(self.mentions, before, key=lambda m: m[0])
        for at, entity in reversed(self.mentions[max(0, last - 300):last]):
            if entity.kind != kind or entity.agency or (named and entity.descriptive):
                continue
            if gender and at in self.addressed:
                continue  # "in an interview with Ana Ortiz", "he told Lula": not who "he said" points to
            if gender and entity.gender != gender and (strict or entity.gender):
                continue
            if head and not fold(entity.name).lower().endswith((head, head + "s")):
                continue
            return entity
        return None

    def first_after(self, kind: str, after: int) -> Entity | None:
        """The first person or organisation mentioned after ``after``."""
        return next((e for at, e in self.mentions if e.kind == kind and at > after and not e.agency), None)


class SpeakerFinder:
    """Resolves who a phrase near a quotation stands for, in one article: a name, a title ("the
    minister"), a pronoun, a document ("the statement") or a group ("the bloc"); the people and
    organisations met so far are kept in an :class:`EntityRegister` (``register``)."""

    def __init__(self, text: str, masked: str, sentence_spans: list[tuple[int, int]]):
        self.text, self.masked = text, masked
        self.sentences = sentence_spans
        self._sentence_starts = [start for start, _ in sentence_spans]
        self._sentence_phrases: dict[int, tuple[list[Phrase], list[int], list[int]]] = {}  # phrases, bisection keys
        self._range_phrases: dict[tuple[int, int], list[Phrase]] = {}  # ranges in no single sentence
        self.register = EntityRegister()
        self._subject_of: dict[int, Entity] = {}       # sentence index -> its subject
        self.issuers: list[tuple[int, str]] = []        # (offset, body) of documents quoted
        self.issued: list[tuple[int, str, Entity]] = []  # (offset, noun, body): "the OAS adopted a resolution"
        self._scan()

    def phrases(self, start: int, end: int) -> list[Phrase]:
        """Candidate phrases in text[start:end]; read once per sentence (or other range) and reused."""
        index = self.sentence_index(start)
        sentences = self.sentences
        if index < len(sentences) and end <= sentences[index][1]:
            cached = self._sentence_phrases.get(index)
            if cached is None:
                found = find_phrases(self.text, *sentences[index], self.masked)
                # phrases are in reading order, but a group phrase may reach back before the one
                # found just before it ("ALBA", then "the leftist ALBA bloc"): bisect on the largest
                # start so far and on the smallest start from here on, which are sorted
                starts = [p.start for p in found]
                cached = self._sentence_phrases[index] = (found, list(accumulate(starts, max)),
                                                          list(accumulate(starts[::-1], min))[::-1])
            found, most_so_far, least_from_here = cached
            if start == sentences[index][0] and end == sentences[index][1]:
                return found
            # the phrases inside the range, in their order (the slice found by bisection: a sentence
            # may hold thousands, and a quotation asks for a few of them)
            lo = bisect.bisect_left(most_so_far, start)
            hi = bisect.bisect_left(least_from_here, end)
            return [p for p in found[lo:hi] if p.start >= start and p.end <= end]
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
                    if len(phrase.text.split()) == 1 and not self.register.known(phrase.text) and not phrase.titled:
                        continue  # a lone capitalised word nobody introduced: a place or a common noun
                    clue = self.masked[max(start, phrase.start - 40): phrase.start]
                    entity = self.register.person(phrase.text, phrase.start, clue, phrase.role)
                elif phrase.kind == "org":
                    entity = self.register.org(phrase.text, phrase.start)
                elif phrase.kind in ("group", "person") and self._collective(phrase) or (
                        phrase.kind == "group" and self._self_describing(phrase)):
                    entity = self.register.org(self._strip_determiner(phrase.text), phrase.start)
                    entity.descriptive = True
                if entity is not None:
                    self.register.mention(phrase.start, entity)
                    if entity.kind == "person" and self._ADDRESSED.search(self.masked, max(start, phrase.start - 60),
                                                                          phrase.start):
                        self.register.addressed.add(phrase.start)
            subject = self.clause_subject(start, end)
            if subject is not None:
                self._subject_of[index] = subject
                if subject.kind == "org" and not subject.descriptive and not subject.agency:
                    self.issued += [(p.start, p.text.split()[-1], subject) for p in phrases if p.kind == "document"]

    # the words before the person spoken to: "in an interview with (Pacific Beat's) Ana Ortiz", "he told Lula"
    _ADDRESSED = re.compile(r"\b(?:interview(?:ed)?\s+(?:with|by)|told|telling|tells|(?:speaking|talking|spoke|talked)"
                            r"\s+(?:to|with))\s+(?:[^\s,.;:!?]+\s+){0,4}$", re.IGNORECASE)
    _OPEN_BRACKET = re.compile(r"\(\s*$")
    _ACRONYM_JOIN = re.compile(r"[\s(\-–—]*")

    def _read_acronyms(self, phrases: list[Phrase], sentence_start: int) -> None:
        """Learn "Organization of American States (OAS)" and "Bolivarian Alliance … - Peoples' Trade
        Treaty (ALBA-TCP)": the names joined to a bracketed acronym are called by it."""
        for k, phrase in enumerate(phrases):
            if not (phrase.kind == "org" and is_acronym(phrase.text)
                    and self._OPEN_BRACKET.search(self.masked[max(sentence_start, phrase.start - 3):phrase.start])):
                continue
            chain_start = phrase.start
            for before in reversed(phrases[:k]):
                if not self._ACRONYM_JOIN.fullmatch(self.masked[before.end:chain_start]):
                    break  # only names joined by spaces, dashes and the bracket itself
                if before.kind == "org":
                    self.register.aliases[fold(before.text).lower()] = phrase.text
                chain_start = before.start

    @staticmethod
    def _strip_determiner(text: str) -> str:
        words = text.split()
        return " ".join(words[1:] if words and words[0] in DETERMINERS else words)

    @staticmethod
    def _self_describing(phrase: Phrase) -> bool:
        """'the Russian foreign ministry', 'a State Department spokesperson': a speaker named by description."""
        roles = speaker_words()
        words = phrase.text.split()
        modifiers = words[1:-1] if words[0] in DETERMINERS else words[:-1]
        return (any(m.lower() in roles["demonym"] or m.lower() in INSTITUTION_MODIFIERS for m in modifiers)
                or SpeakerFinder._collective(phrase))

    @staticmethod
    def _collective(phrase: Phrase) -> bool:
        """'the G7 leaders', 'Arab foreign ministers', 'EU officials': people named together by the
        body or country they belong to (a capitalised word before a plural noun for people), who
        speak as one."""
        words = phrase.text.split()
        head = words[-1].lower()
        if not head.endswith("s") or not (head[:-1] in speaker_words()["person"] or head == "leaders"):
            return False
        modifiers = words[1:-1] if words[0] in DETERMINERS else words[:-1]
        if any(m.lower() in _NOT_GOVERNMENT for m in modifiers):
            return False  # "Venezuelan opposition lawmakers" do not speak for Venezuela
        return any(m[:1].isupper() for m in modifiers)

    def _entity(self, phrase: Phrase) -> Entity | None:
        if phrase.kind == "name":
            known = [e for e in self.register.known(phrase.text) if e.start <= phrase.start]
            if known and len(known[-1].name.split()) >= len(phrase.text.split()):
                return known[-1]
            if phrase.titled and len(phrase.text.split()) == 1:  # "Sheikh Mohammed": whom the title and name fit
                return self.register.person(phrase.text, phrase.start, role=phrase.role)
            return Entity(fold(phrase.text), "person", phrase.start, guess_gender(phrase.text), role=phrase.role)
        if phrase.kind == "org":
            return self.register.org(phrase.text, phrase.start)
        return None

    def _subject_before(self, offset: int, kind: str, gender: str | None = None) -> Entity | None:
        """The subject of this or one of the four sentences before, of the right kind and gender.

        With a gender (he/she), a person known to match wins over one whose gender is unknown.
        """
        index = self.sentence_index(offset)
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
            return self.register.last(kind, offset, gender, strict=True) or unknown or self.register.last(kind, offset, gender)
        return self.register.last(kind, offset)

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
                issuer = self.register.last("org", phrase.start, named=True) or self.register.first_after("org", phrase.start)
            if issuer is not None:
                self.issuers.append((phrase.start, issuer.name))
            return issuer
        if phrase.kind == "group":
            if self._self_describing(phrase):
                return self.register.org(self._strip_determiner(phrase.text), phrase.start)
            singular = head[:-1] if head.endswith("s") else head
            return (self.register.last("org", phrase.start, head=singular) or self._subject_before(phrase.start, "org")
                    or self.register.first_after("org", phrase.start))
        if phrase.kind == "person":
            first = phrase.text.split()[0]
            if self._collective(phrase):
                return Entity(self._strip_determiner(phrase.text), "org", phrase.start, descriptive=True)
            if first in DETERMINERS and head.endswith("s") and head[:-1] in speaker_words()["person"]:
                # "the leaders", "the ministers": the people named together before, never one person
                return (self.register.last("org", phrase.start, head=head)
                        or Entity(self._strip_determiner(phrase.text), "org", phrase.start, descriptive=True))
            if first in ("a", "an") and self._self_describing(phrase):
                return Entity(self._strip_determiner(phrase.text), "org", phrase.start)
            if first in _INDEFINITE or (first not in DETERMINERS and head.endswith("s")):
                # "a senior diplomat", "one official", "officials": someone not named, described
                words = phrase.text.split()
                return Entity(" ".join(words[1:] if first in _INDEFINITE else words), "person", phrase.start,
                              descriptive=True)
            return self._holder_of(phrase)
        if phrase.kind == "crowd":  # "protesters chanted": the crowd itself speaks
            return Entity(phrase.text.split()[-1], "org", phrase.start, descriptive=True)
        return None

    def _holder_of(self, phrase: Phrase) -> Entity | None:
        """Who a role named without a name stands for ("the foreign minister", "Iran's foreign
        minister", "the envoy"): the last person given that very title (the same title words; a
        nationality before it, or the owner of "Iran's foreign minister", also in their role);
        else, for a role with "the" ("the minister", "the Russian official"), the last person
        named (or, when nobody was named before, the first person given that title after); a role
        owned by a country ("Saudi Arabia's foreign minister") that nobody is known to hold is a
        described speaker."""
        words = phrase.text.split()
        described = [w.lower() for w in words if w.lower() not in DETERMINERS]
        roles = speaker_words()
        offices = [w for w in described if w in roles["title"] or w in roles["person"]]
        title = offices + [w for w in described if w in roles["demonym"] and w not in offices]
        owned = words[0].lower() not in DETERMINERS and len(described) > len(title)  # "Iran's foreign minister"
        # the owner of "Saudi Arabia's foreign minister": its capitalised words, matched in a role by
        # their first four letters ("Colombia" in "Colombian Foreign Minister")
        owner = [fold(w).lower().replace("’s", "").replace("'s", "")[:4] for w in words
                 if w[:1].isupper() and w.lower() not in roles["title"]] if owned else []

        def holds(entity: Entity) -> bool:
            role = fold(entity.role).lower().split()
            held = [w for w in role if w in roles["title"] or w in roles["person"]]
            return (entity.kind == "person" and bool(role) and sorted(held) == sorted(offices)
                    and all(w in role for w in title) and (not owner or any(w[:4] in owner for w in role)))

        last = bisect.bisect_left(self.register.mentions, phrase.start, key=lambda m: m[0])
        for _, entity in reversed(self.register.mentions[max(0, last - 300):last]):
            if holds(entity):
                return entity
        earlier = None if owned else self.register.last("person", phrase.start)  # "the Russian official"
        if earlier is None and title:  # '"…," said the Prime Minister.' and the name comes later
            for _, entity in self.register.mentions[last:last + 40]:
                if holds(entity):
                    return entity
        if owned:
            return Entity(phrase.text, "person", phrase.start, descriptive=True)
        return earlier

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
                    return self.register.org(candidate.text, candidate.start)  # the ALBA (final) declaration
        line_end = self.masked.find("\n", phrase.end)
        after = self.phrases(phrase.end, min(line_end if line_end != -1 else len(self.masked), phrase.end + 80))
        for candidate in after:
            if candidate.kind == "org" and self._ISSUED_BY.fullmatch(self.masked[phrase.end:candidate.start]):
                return self.register.org(candidate.text, candidate.start)
            if candidate.kind in ("name", "org"):
                break
        return None

    # -- clauses -----------------------------------------------------------------------
    def sentence_index(self, offset: int) -> int:
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

    def clause_subject(self, start: int, end: int) -> Entity | None:
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
        return self.first_entity(phrases)

    _APPOSITION = re.compile(r"\s*(?:[a-z][\w-]*\s*){0,2},?\s*")
    _OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")

    def first_entity(self, phrases: list[Phrase]) -> Entity | None:
        for k, phrase in enumerate(phrases):
            if phrase.possessive and phrase.kind in ("name", "place"):
                continue
            if phrase.kind == "place":
                continue
            if phrase.kind == "name" and len(phrase.text.split()) == 1 and not self.register.known(phrase.text) and not phrase.titled:
                continue  # a lone capitalised word nobody introduced: a place or a common noun
            if (phrase.kind in ("org", "group", "name") and k + 1 < len(phrases)
                    and (phrases[k + 1].kind == "person" or self._collective(phrases[k + 1]))):
                gap = self.masked[phrase.start + len(phrase.text): phrases[k + 1].start]
                if not gap.strip() or gap.strip().lower() in ("’s", "'s"):
                    continue  # "Russian Foreign Ministry spokeswoman Maria Zakharova": the org only describes her
            if phrase.kind in ("org", "group") and k + 1 < len(phrases) and phrases[k + 1].kind == "name":
                gap = self.masked[phrase.end: phrases[k + 1].start].lower().replace("’s", "").replace("'s", "").split()
                roles = speaker_words()
                if gap and all(w in roles["title"] or w in roles["person"] for w in gap):
                    continue  # "African Union chairman John Kufuor": the body only describes him
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
            if phrase.kind in ("name", "place") and not phrase.possessive and not self._located(phrase):
                return Entity(fold(phrase.text), "org", phrase.start)
        return None

    _LOCATIVE = re.compile(r"\b(?:in|at|near|into|across|outside|inside|within|around|through)\s+(?:the\s+)?$",
                           re.IGNORECASE)

    def _located(self, phrase: Phrase) -> bool:
        """True for a place named as where something happens ("the gathering in Bavaria"), not as
        the one who acts: a name right after "in", "at", "near", "across"…"""
        return self._LOCATIVE.search(self.masked, max(0, phrase.start - 12), phrase.start) is not None

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
            return self.clause_subject(sentence_start, sentence_start + cut)
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
            entity = self.first_entity(phrases)
            if entity is not None:
                return entity
        return self.clause_subject(sentence_start, verb_start)

    def subject_of_sentence(self, index: int) -> Entity | None:
        return self._subject_of.get(index)
