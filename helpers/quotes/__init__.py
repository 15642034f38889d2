"""Direct quotations in news text, each with its speaker, found by readable rules.

The pipeline for one article (all offsets are into the article file's own text), one module
per step:

1. **Paragraphs**: the cleaning stage says which lines are body text; quotes are
   looked for only there (no quotes from headlines, captions or page furniture).
2. **Quote marks** (:mod:`.marks`, :func:`find_quote_spans`): curly “ ”, straight ", « », „ “ are
   paired within a paragraph; a quotation left open at a paragraph's end continues
   when the next paragraph opens with a quote mark (the newspaper convention).
   Stray or unbalanced marks are skipped. Single marks are nested quotes, or the
   main marks in a paragraph that has no double marks; apostrophes (Venezuela’s,
   don't, the Russians’) are never taken for quote marks.
3. **Kind** (:mod:`.marks`, :func:`quote_kind`): ``full`` for a clause of speech, ``fragment`` for
   a few words quoted inside the writer's own sentence (including scare quotes).
4. **Speaker**: the cue around the quote (:mod:`.cues`), tried in order:
   a cue in the same sentence after the quote ("…," said X / "…," X said /
   according to X / — X); a reporting verb before the quote and its subject
   ("X said:", "X told reporters that …", ", adding …" → the main clause's subject);
   an earlier quote in the same sentence; a quote that continues the previous one;
   a speaker named in the sentence before or after. The noun phrase found (names are
   read by :mod:`.names`) is then resolved within the article (:mod:`.speakers`,
   :class:`SpeakerFinder`, which keeps the people and organisations met so far in an
   :class:`EntityRegister`): titles and demonyms dropped ("Cuban Foreign Minister
   Bruno Rodriguez" → Bruno Rodriguez), a last name to the full name introduced
   earlier, he/she to the last person who was the subject of a sentence, "the
   official" to the last person named, "the group"/"the bloc" to the last
   organisation named, and a statement or declaration to the body that issued it.
5. **Confidence** (:func:`confidence`): high, medium, low or none, from the evidence the rule
   used; ``helpers.validate`` checks the speakers of a sample by hand on your own corpus.

The word lists behind these rules (:mod:`.wordlists`) live in ``helpers/data/reporting_verbs.txt``,
``helpers/data/speaker_words.tsv`` and ``helpers/data/given_names.tsv``. :mod:`.extract` runs
the steps on one article (``extract_quotes``), on a corpus (``quotes_for_corpus``, cached and on
every core) and on files for the command line (``quotes_json``).
"""
from .cues import WEAK_CUES, cue_patterns
from .extract import (COLUMNS, CONFIDENCE_LEVELS, CORPUS_COLUMNS, Quote, at_least, confidence, dump_json, extract_quotes,
                      quotes_by_speaker, quotes_for_corpus, quotes_json, quotes_per_article)
from .marks import QuoteSpan, find_quote_spans, quote_kind
from .names import Phrase, classify_name, find_phrases
from .speakers import Entity, EntityRegister, SpeakerFinder, guess_gender
from .wordlists import given_names, reporting_verbs, speaker_words

__all__ = ["COLUMNS", "CONFIDENCE_LEVELS", "CORPUS_COLUMNS", "at_least", "confidence", "Entity", "EntityRegister", "Phrase", "Quote", "QuoteSpan",
           "SpeakerFinder", "WEAK_CUES", "classify_name", "cue_patterns", "dump_json", "extract_quotes",
           "find_phrases", "find_quote_spans", "given_names", "guess_gender", "quote_kind",
           "quotes_by_speaker", "quotes_for_corpus", "quotes_json", "quotes_per_article", "reporting_verbs",
           "speaker_words"]
