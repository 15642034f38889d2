"""Cues: the words around a quotation that name its speaker ("…," said X; X said: "…"; according to X)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..patterns import any_of
from .wordlists import reporting_verbs
from .names import Phrase
from .speakers import Entity, SpeakerFinder


# The ``cue`` column names the rule that found a quotation's speaker: the reporting verb as
# written ("said", "told") when a verb rule found it, else one of these. The last four are the
# weaker rules, used when the quotation's own sentence names no speaker: check those first.
DASH = "dash"                            # "…" — Name, title
ACCORDING_TO = "according to"            # according to Name
COLON = "colon"                          # Name, title: "…"
SAME_SENTENCE = "same sentence"          # a fragment in a sentence whose earlier quote has a speaker
CONTINUATION = "continuation"            # the quote continues the previous one
PREVIOUS_SENTENCE = "previous sentence"  # the subject of the sentence before
NEXT_SENTENCE = "next sentence"          # the sentence after points back at the quote and names the speaker
SENTENCE_SUBJECT = "sentence subject"    # words quoted in a sentence about someone
WEAK_CUES = (CONTINUATION, PREVIOUS_SENTENCE, NEXT_SENTENCE, SENTENCE_SUBJECT)


def _verb_pattern() -> str:
    """A pattern for any reporting verb form; where one form begins another, the longer is tried first."""
    return any_of(reporting_verbs())


@lru_cache(maxsize=1)
def cue_patterns() -> dict[str, re.Pattern]:
    verbs = _verb_pattern()
    return {
        # …," said Cuban Foreign Minister Bruno Rodriguez  /  …," reads the final declaration
        "inverted": re.compile(rf"^[\s,.:;!?—–-]*(?P<verb>{verbs})\s+(?P<np>[^,;:—–]+)"),
        # …," Pompeo said  /  …," the statement read  /  …," he told reporters
        "normal": re.compile(rf"^[\s,.:;!?]*(?P<np>(?:[^\s;:!?]+\s+){{1,16}}?)(?:[a-z]+ly\s+)?(?P<verb>{verbs})\b"),
        "appositive": re.compile(rf"^[\s,.:;!?]*(?P<np>[A-Z][^,;:\"“”]{{1,60}}?),\s[^\"“”]{{0,240}}?,\s*(?:[a-z]+ly\s+)?(?P<verb>{verbs})\b"),
        "according": re.compile(r"according to\s+(?P<np>[^,;:.—–]+(?:\.[A-Z][^,;:.—–]*)*)", re.IGNORECASE),
        "dash": re.compile(r"^\s*(?:[—–]|\s-)\s*(?P<np>[^,;:.]+)"),
        "verb": re.compile(rf"\b(?P<verb>{verbs})\b"),
    }


# "… quoting Minister X" (an agency or document passing words on) and "… quoted/cited X as saying"
_QUOTING = re.compile(r"\bquoting\s+(?P<np>(?:[\w.'’-]+\s+){0,6}?[\w.'’-]+)(?:\s*[,.;]|\s*$)"
                      r"|\b(?:quoted|cited)\s+(?P<np2>(?:[\w.'’-]+\s+){0,6}?[\w.'’-]+)\s+as\s+(?:saying|telling|stating|writing)\b")


def _quoted_person(finder: SpeakerFinder, start: int, end: int) -> Entity | None:
    """'…," AFP reported quoting Foreign Minister Ana Ruiz' / '…," the statement quoted Ruiz as
    saying': the one quoted speaks, not the agency or the document that passes the words on."""
    match = _QUOTING.search(finder.masked, start, end)
    if match is None:
        return None
    group = "np" if match.group("np") else "np2"
    named = [p for p in finder.phrases(match.start(group), match.end(group)) if p.kind == "name" and not p.possessive]
    return finder.resolve(named[-1]) if named else None


def post_cue(finder: SpeakerFinder, start: int, end: int) -> tuple[Entity | None, str | None]:
    """A cue after the quote: '…," said X', '…," X said', '— X', 'according to X'."""
    patterns = cue_patterns()
    post = finder.masked[start:end]
    quoted = _quoted_person(finder, start, end)
    found = _post_cue_patterns(finder, patterns, post, start, end)
    if quoted is not None and (found[0] is None or found[0].kind != "person" or found[0].agency):
        return quoted, "quoted"  # the agency or document passing the words on is not who spoke
    return found


def _post_cue_patterns(finder: SpeakerFinder, patterns: dict, post: str, start: int,
                       end: int) -> tuple[Entity | None, str | None]:
    for name in ("inverted", "normal", "appositive", "dash"):
        match = patterns[name].match(post)
        if not match:
            continue
        np_start = start + match.start("np")
        phrases = finder.phrases(np_start, start + match.end("np"))
        entity = finder.first_entity(phrases) if name in ("inverted", "dash") else _resolve_subject(finder, phrases)
        if name == "inverted" and not any(p.kind == "org" or (p.kind == "name" and (len(p.text.split()) > 1 or p.titled))
                                          for p in phrases):
            named = _apposed_name(finder, start + match.end("np"), end)
            entity = named or entity  # '…," said the Polish prime minister, Leszek Miller'
        if entity is not None:
            return entity, (match.group("verb").lower() if "verb" in match.groupdict() else DASH)
    return _according_to(finder, start, end)


_APPOSED = re.compile(r",\s*(?P<np>[A-Z][^,;:.!?\"“”]{1,60})")


def _apposed_name(finder: SpeakerFinder, start: int, end: int) -> Entity | None:
    """The person named right after a comma at ``start`` (", Leszek Miller."): who a description
    before it ("the Polish prime minister") stands for."""
    match = _APPOSED.match(finder.masked, start, end)
    if match is None:
        return None
    phrases = finder.phrases(match.start("np"), match.end("np"))
    if phrases and phrases[0].kind == "name" and phrases[0].start == match.start("np") and not phrases[0].possessive:
        return finder.resolve(phrases[0])
    return None


def _according_to(finder: SpeakerFinder, start: int, end: int) -> tuple[Entity | None, str | None]:
    """'according to X' anywhere in text[start:end]."""
    match = cue_patterns()["according"].search(finder.masked, start, end)
    if match:
        entity = finder.first_entity(finder.phrases(match.start("np"), match.end("np")))
        if entity is not None:
            return entity, ACCORDING_TO
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
    return finder.first_entity(phrases)


_COLON_CUE = re.compile(r"(?P<np>[^.,;:!?]{2,80}):\s*$")


NEAREST_VERBS = 6  # reporting verbs before a quotation tried for its speaker, nearest first


def pre_cue(finder: SpeakerFinder, sentence_start: int, quote_open: int) -> tuple[Entity | None, str | None]:
    """A reporting verb before the quote in the same sentence, and its subject."""
    patterns = cue_patterns()
    pre = finder.masked[sentence_start:quote_open]
    according = patterns["according"].search(pre)
    for verb in reversed(list(patterns["verb"].finditer(pre))):
        word = verb.group("verb")
        if word[0].isupper() and verb.start() > 0 and pre[: verb.start()].strip():
            continue  # "Post", "Reports", "Call" inside a name
        if according is None or verb.start() < according.end():
            break  # no verb after "according to X": X is the source
        # "According to the Taliban, Baradar told Khalilzad it was vital …": the one who spoke
        entity = finder.subject_before_verb(sentence_start, sentence_start + verb.start(), word.lower())
        if entity is not None:
            return entity, word.lower()
        break
    entity, cue = _according_to(finder, sentence_start, quote_open)
    if entity is not None:
        return entity, cue
    # the nearest reporting verbs only: a real sentence has one or two before its quotation, and a
    # text of one endless "sentence" has hundreds, each of which would be read for its subject
    for verb in reversed(list(patterns["verb"].finditer(pre))[-NEAREST_VERBS:]):
        word = verb.group("verb")
        if word[0].isupper() and verb.start() > 0 and pre[: verb.start()].strip():
            continue  # "Post", "Reports", "Call" inside a name
        entity = finder.subject_before_verb(sentence_start, sentence_start + verb.start(), word.lower())
        if entity is not None:
            return entity, word.lower()
    # the cue ends the text before the quotation: look at its last 82 characters only (a search of
    # the whole window tried 80 characters at every position)
    tail = max(0, len(pre.rstrip()) - 82)
    colon = _COLON_CUE.search(pre, tail)
    if colon:
        phrases = finder.phrases(sentence_start + colon.start("np"), sentence_start + colon.end("np"))
        entity = _resolve_subject(finder, phrases)
        if entity is not None:
            return entity, COLON
    return None, None
