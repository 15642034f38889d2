"""Quote finding and speaker attribution, one invented sentence per rule, plus the seeds."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from helpers.quotes import classify_name, extract_quotes, find_quote_spans, quote_kind, quotes_by_speaker, quotes_json
from helpers.score import score
from conftest import GOLD, PROJECT_ROOT, SEED_CORPUS


def quotes_of(text: str) -> list[tuple[str, str | None]]:
    frame = extract_quotes(text)
    return list(zip(frame["quote"], frame["speaker"]))


def speaker_of(text: str) -> str | None:
    frame = extract_quotes(text)
    assert len(frame) == 1, frame
    return frame.loc[0, "speaker"]


# --------------------------------------------------------------------------- finding quotes

@pytest.mark.parametrize("text, expected", [
    ('He said “we are ready” on Monday.', ["we are ready"]),
    ('He said "we are ready" on Monday.', ["we are ready"]),
    ("The crowd chanted «no pasarán» in the square.", ["no pasarán"]),
    ("Der Minister sagte „wir sind bereit“ am Montag.", ["wir sind bereit"]),
    ('“He told me ‘never again’ twice,” she said.', ["He told me ‘never again’ twice,"]),
])
def test_each_kind_of_quote_mark(text, expected):
    assert [q.text for q in find_quote_spans(text)] == expected


def test_offsets_point_into_the_text():
    text = 'Intro line.\n\n"We reject it," the minister said.\n'
    frame = extract_quotes(text)
    start, end = frame.loc[0, ["start", "end"]]
    assert text[start:end] == "We reject it,"


def test_quotation_running_over_two_paragraphs_is_one_quote():
    text = ('The minister spoke for an hour.\n\n'
            '“We will not accept foreign interference in our affairs.\n\n'
            '“We will defend our sovereignty with every legal means,” said Ana Diaz.\n')
    frame = extract_quotes(text)
    assert len(frame) == 1
    assert frame.loc[0, "quote"] == ("We will not accept foreign interference in our affairs. "
                                     "We will defend our sovereignty with every legal means,")
    assert frame.loc[0, "speaker"] == "Ana Diaz"
    assert text[frame.loc[0, "start"]:].startswith("We will not accept")


def test_unclosed_quote_at_paragraph_end_without_continuation_is_skipped():
    text = 'He said “this never closes.\n\nA new paragraph says “something else,” she said.\n'
    assert [q.text for q in find_quote_spans(text)] == ["something else,"]


def test_quote_left_open_after_a_colon_runs_to_the_end_of_its_paragraph():
    text = 'The minister said: “We will never accept this deal in its present form\n\nThe talks ended on Monday.\n'
    assert [q.text for q in find_quote_spans(text)] == ["We will never accept this deal in its present form"]


def test_quote_left_open_after_a_full_stop_runs_to_the_end_of_its_paragraph():
    text = 'Ana Diaz spoke on Monday. "It is possible to move this process forward again\n'
    assert [q.text for q in find_quote_spans(text)] == ["It is possible to move this process forward again"]


@pytest.mark.parametrize("text, expected", [
    ("” We will stay in the bloc,” the minister said.", ["We will stay in the bloc,"]),
    ("\ufffdWe won\ufffdt leave the bloc,\ufffd the minister said.", ["We won’t leave the bloc,"]),
])
def test_marks_mangled_by_a_page_still_make_quotes(text, expected):
    assert [q.text for q in find_quote_spans(text)] == expected


def test_quote_over_paragraphs_left_open_at_the_end_of_the_text_is_kept():
    text = ('Ana Diaz spoke on Monday.\n\n“We will defend our sovereignty with every legal means.\n\n'
            '“And we will not be alone in the region')
    assert [q.text for q in find_quote_spans(text)] == [
        "We will defend our sovereignty with every legal means. And we will not be alone in the region"]


def test_a_short_stray_opening_mark_is_no_quote():
    assert find_quote_spans('The vote, “he said\n\nNothing else.') == []


def test_single_marks_beside_double_marks_in_one_paragraph():
    text = "Diaz called them ‘true friends’ bound by “shared history”, and Peru's envoy didn't disagree."
    assert [q.text for q in find_quote_spans(text)] == ["true friends", "shared history"]


def test_single_marks_inside_a_double_quotation_stay_part_of_it():
    text = '“He told me ‘never again’ twice,” she said, and Chile’s envoy agreed.'
    assert [q.text for q in find_quote_spans(text)] == ["He told me ‘never again’ twice,"]


def test_tex_style_marks_of_old_wire_archives():
    text = "Diaz said the plan ``contains positive elements.'' She left at noon."
    spans = find_quote_spans(text)
    assert [q.text for q in spans] == ["contains positive elements."]
    assert text[spans[0].start:spans[0].end] == "contains positive elements."


def test_apostrophes_are_never_quote_marks():
    text = ("Venezuela’s allies don't agree. The Russians’ position isn’t new; it's the "
            "countries' view and O'Brien's too, rock ’n’ roll.")
    assert find_quote_spans(text) == []
    assert extract_quotes(text).empty


def test_british_single_quotes_as_main_marks():
    text = "Ms Diaz said: ‘We won’t be bullied by anyone.’ She left Caracas’s airport at noon."
    assert [q.text for q in find_quote_spans(text)] == ["We won’t be bullied by anyone."]


@pytest.mark.parametrize("text", [
    "", "No quotes at all in this sentence.",
    "“ “ “ “ only opening marks “ here “",
    "only closing ” marks ” here ” and ” there",
    '" straight " " " marks """ everywhere "',
    "«««»»»„„““”” mixed ’’‘‘ marks",
])
def test_broken_input_never_raises(text):
    extract_quotes(text)


def test_a_one_megabyte_article():
    paragraphs, size = [], 0
    while size < 1_000_000:
        paragraphs.append(f'Officials met for round {len(paragraphs)}. "We will keep talking," said Ana Diaz, the minister.')
        size += len(paragraphs[-1]) + 2
    text = "\n\n".join(paragraphs)
    frame = extract_quotes(text)
    assert len(frame) == text.count('"') // 2
    assert set(frame["speaker"]) == {"Ana Diaz"}


def test_quotes_in_a_headline_line_are_not_taken():
    text = ("Maduro Calls Sanctions ‘Economic War’ At Summit\n\n"
            'Venezuela\'s president spoke on Monday. "We will win," said Nicolas Maduro.\n')
    assert [q for q, _ in quotes_of(text)] == ["We will win,"]


# --------------------------------------------------------------------------- kind

@pytest.mark.parametrize("quote, before, kind", [
    ("We will not give up,", "", "full"),
    ("Yes, we are ready.", "She told reporters, ", "full"),
    ("Enough is enough.", "The minister said: ", "full"),
    ("illegitimate", "help remove its ", "fragment"),
    ("a historic mistake", "called the decision ", "fragment"),
    ("Bolivarian Revolution", "the so-called ", "term"),
    ("the importance of deepening contacts with the countries that still support the regime, "
     "urging them to be part of a solution to a crisis with a growing impact in the region", "stressed ", "full"),
])
def test_quote_kind(quote, before, kind):
    assert quote_kind(quote, before) == kind


# --------------------------------------------------------------------------- names

@pytest.mark.parametrize("words, expected", [
    (["Foreign", "Minister", "Jorge", "Arreaza"], ("name", "Jorge Arreaza")),
    (["U.S.", "National", "Security", "Adviser", "Ana", "Ruiz"], ("name", "Ana Ruiz")),
    (["Venezuelan", "Eva", "Mora"], ("name", "Eva Mora")),
    (["Carlos", "Fernandez", "de", "Cossio"], ("name", "Carlos Fernandez de Cossio")),
    (["The", "Lima", "Group"], ("org", "Lima Group")),
    (["ALBA"], ("org", "ALBA")),
    (["Costa", "Rica"], ("place", "Costa Rica")),
])
def test_classify_name(words, expected):
    assert classify_name(words) == expected


# --------------------------------------------------------------------------- speakers, one rule each

def test_said_after_the_quote_inverted():
    assert speaker_of('"We will stay," said Defense Minister Paula Vidal.') == "Paula Vidal"


def test_name_said_after_the_quote():
    text = 'Trade Minister Omar Sosa arrived late.\n\n"Talks are over," Sosa said.'
    assert speaker_of(text) == "Omar Sosa"


def test_speaker_with_appositive_after_the_quote():
    text = '"We are watching closely," Ruiz, the secretary of state, said on Friday.'
    assert speaker_of(text) == "Ruiz"


def test_said_colon_before_the_quote():
    assert speaker_of('Senator Lia Ortega said: "The vote was rigged."') == "Lia Ortega"


def test_said_comma_before_the_quote_after_an_opening_phrase():
    text = 'After the meeting in Quito, President Tomas Vera said, "We have reached a deal."'
    assert speaker_of(text) == "Tomas Vera"


def test_quote_split_around_the_attribution():
    text = '"We came to talk," said Marta Gil. "We leave with nothing."'
    assert quotes_of(text) == [("We came to talk,", "Marta Gil"), ("We leave with nothing.", "Marta Gil")]


def test_according_to():
    text = 'The deal is "dead in the water," according to Ramon Pino, a senior negotiator.'
    assert speaker_of(text) == "Ramon Pino"


def test_wrote_on_twitter():
    text = 'Opposition leader Juana Rey wrote on Twitter: "The people have spoken!"'
    frame = extract_quotes(text)
    assert frame.loc[0, "speaker"] == "Juana Rey" and frame.loc[0, "cue"] == "wrote"


def test_dash_attribution():
    assert speaker_of("“Sovereignty is not negotiable.” — Hector Lugo, the foreign minister") == "Hector Lugo"


def test_speaker_named_in_the_sentence_before():
    text = ("Interior Minister Rosa Blanco spoke to reporters outside the palace.\n\n"
            "“Nobody will be allowed to destabilise this country.”\n")
    assert speaker_of(text) == "Rosa Blanco"


def test_speaker_named_in_the_sentence_after():
    text = ("“We expected more from our neighbours.”\n\n"
            "Economy Minister Luis Pardo said this at a press conference on Tuesday.\n")
    assert speaker_of(text) == "Luis Pardo"


def test_pronoun_goes_to_the_last_person_who_was_a_subject():
    text = ("Foreign Minister Elena Duarte met envoy Pablo Mena on Monday. She later spoke to the press.\n\n"
            '"Our doors remain open," she said.')
    assert speaker_of(text) == "Elena Duarte"


def test_last_name_resolves_to_the_full_name_introduced_earlier():
    text = ("Colombian President Ivan Suarez met the press.\n\n"
            '"We are not at war," Suarez said.')
    assert speaker_of(text) == "Ivan Suarez"


def test_same_last_name_resolves_to_the_most_recent_person():
    text = ("Foreign Minister Bruno Lopez spoke first. Later, Vice-President Delia Lopez took the floor.\n\n"
            '"This is a day of unity," said Lopez.')
    assert speaker_of(text) == "Delia Lopez"


def test_names_are_resolved_per_article():
    first = 'Minister Bruno Lopez spoke.\n\n"Yes," said Lopez.'
    second = 'Senator Ana Lopez spoke.\n\n"No," said Lopez.'
    assert speaker_of(first) == "Bruno Lopez" and speaker_of(second) == "Ana Lopez"


def test_accents_are_folded_in_canonical_names():
    text = 'Foreign Minister Delcy Rodríguez arrived.\n\n"We are here," said Rodriguez.'
    assert speaker_of(text) == "Delcy Rodriguez"


def test_statement_goes_to_the_body_that_issued_it():
    text = ("The Lima Group met in Ottawa on Monday.\n\n"
            '"We reject the elections as illegitimate," the statement read.')
    assert speaker_of(text) == "Lima Group"


def test_statement_published_by_a_named_body():
    text = '"We stand with our ally," read the statement published by the leftist ALBA bloc.'
    assert speaker_of(text) == "ALBA"


def test_in_a_statement_the_ministry_said():
    text = 'In a statement, the Foreign Ministry said "the decision violates international law."'
    assert speaker_of(text) == "Foreign Ministry"


def test_collective_noun_goes_to_the_last_organisation():
    text = ("The Organization of American States met in Washington.\n\n"
            'The bloc condemned "the systematic attacks" on the legislature.')
    assert speaker_of(text) == "Organization of American States"


def test_indefinite_collective_noun_looks_ahead_when_nothing_came_before():
    text = ('A regional bloc has called for pressure on the "illegitimate" government.\n\n'
            "The Lima Group was formed in 2017.")
    assert speaker_of(text) == "Lima Group"


def test_role_noun_goes_to_the_last_person_named():
    text = ('After a call between envoy Tom Hale and Foreign Minister Igor Petrov, the Russian official '
            'warned of "grave consequences" for the region.')
    assert speaker_of(text) == "Igor Petrov"


def test_participle_after_a_comma_takes_the_main_subject():
    text = ('During the summit, the ALBA nations praised both leaders, honoring them as "our founders".')
    assert speaker_of(text) == "ALBA"


def test_fragment_shares_the_speaker_of_an_earlier_quote_in_its_sentence():
    text = ('Defence Minister Oleg Sorin warned of "serious steps" if Washington keeps what it calls '
            '"pressure tactics."')
    assert quotes_of(text) == [("serious steps", "Oleg Sorin"), ("pressure tactics.", "Oleg Sorin")]


def test_administration_as_speaker():
    text = ('Sanctions followed the Biden administration’s decree labeling the country an "unusual threat".')
    assert speaker_of(text) == "Biden administration"


def test_no_speaker_when_nobody_is_named():
    assert speaker_of('It was, in the end, "a long day."') is None


def test_pronoun_right_before_the_verb_is_the_subject_despite_a_relative_clause():
    text = ("Mexican President Ramon Alba spoke in the capital.\n\n"
            "Asked whether he would recognise the council's result, which declared President Ivo Mena the winner, "
            'he said, "We will wait for the tally sheets."')
    assert speaker_of(text) == "Ramon Alba"


def test_object_pronoun_after_according_to():
    text = ("Ambassador Pavel Orlov met the press on Monday.\n\n"
            'According to him, the commission will sign "a package of documents" in May.')
    assert speaker_of(text) == "Pavel Orlov"


def test_organisation_before_a_role_noun_only_describes_the_person():
    text = ('Russian Foreign Ministry spokeswoman Irina Lenz struck a similar tone, writing that the '
            '"sanctions habit" was hurting ordinary people.')
    assert speaker_of(text) == "Irina Lenz"


def test_next_sentence_that_points_back_at_the_quote():
    text = ("Envoy Carl Visser praised the talks.\n\n"
            "“We are nobody’s backyard.” That was how President Omar Tello put it in a July speech.")
    frame = extract_quotes(text)
    assert frame.loc[0, "speaker"] == "Omar Tello" and frame.loc[0, "cue"] == "next sentence"


def test_a_person_named_only_after_a_title():
    text = ("Mr Pardo still treats the bloc as a stage. At a summit in December he told the leaders:\n\n"
            "‘The alliance is not a museum.’")
    assert speaker_of(text) == "Pardo"


def test_surname_first_names_are_found_by_the_surname():
    text = ("Foreign Ministry spokesperson Zhou Minghao spoke in Beijing.\n\n"
            '"Cooperation is open to all," Zhou said.')
    assert speaker_of(text) == "Zhou Minghao"


def test_single_quote_quotation_over_two_paragraphs():
    text = "Ms Vega spoke last. ‘We chose sovereignty, and it has a price.\n\n‘We are ready to pay it,’ she said."
    frame = extract_quotes(text)
    assert frame["quote"].tolist() == ["We chose sovereignty, and it has a price. We are ready to pay it,"]


def test_an_office_of_a_place_is_not_a_person():
    text = ('Governor of Norte de Caldas, Liliana Prado, opened the bridge. '
            '"Trade comes back today," she said.')
    assert speaker_of(text) == "Liliana Prado"


def test_a_document_without_its_issuer_goes_to_the_last_named_organisation():
    text = ("Mercosur leaders met in Asuncion.\n\n"
            "The summit’s final communiqué, which Argentina signed, committed members to “redouble efforts” on trade.")
    assert speaker_of(text) == "Mercosur"


def test_he_prefers_the_nearest_person_whose_gender_is_unknown_over_a_distant_match():
    text = ("Senator Pablo Ruiz spoke first. Later the floor went to envoy Yoshi Tanaka. Tanaka talked at length.\n\n"
            '"We are close to a deal," he said.')
    assert speaker_of(text) == "Yoshi Tanaka"


def test_a_crowd_speaks_as_one():
    assert speaker_of('"Land is not for sale!" protesters chanted outside the ministry.') == "protesters"


def test_a_place_with_a_spanish_article_is_not_a_person():
    text = ("Ana Lucia Brenes, a teacher, lives near La Paz. Her street flooded.\n\n"
            "“We were forgotten,” she said.")
    assert speaker_of(text) == "Ana Lucia Brenes"


def test_a_news_agency_is_never_the_antecedent():
    text = ("LIMA (EFE) - Peru's foreign ministry summoned the ambassador on Monday.\n\n"
            'In a statement, the ministry said the remarks were "unacceptable."')
    assert speaker_of(text) == "Peru's foreign ministry"


def test_an_embassy_keeps_its_city():
    text = 'The Russian Embassy in Managua said the visit was "routine" and planned long ago.'
    assert speaker_of(text) == "Russian Embassy in Managua"


def test_a_capitalised_possessive_her_is_not_a_speaker():
    text = ("Vice President Delia Ramos spoke first.\n\n"
            "Her brother, Jorge Ramos, who heads the assembly, went further, saying lawmakers would review "
            '"every agreement with that ministry of colonies."')
    assert speaker_of(text) == "Jorge Ramos"


def test_names_with_two_particles():
    text = ("Former minister Ramon de la Vega died on Sunday.\n\n"
            "‘The invoices always came,’ de la Vega once said.")
    assert speaker_of(text) == "Ramon de la Vega"


def test_a_document_goes_to_the_body_that_adopted_it_earlier():
    text = ("The OAS Permanent Council adopted a resolution on Venezuela on Wednesday.\n\n"
            "The National Assembly rejected it. The resolution, sponsored by four countries, urges Caracas "
            'to allow "independent scrutiny" of the vote.')
    assert speaker_of(text) == "OAS Permanent Council"


def test_a_long_appositive_after_the_quote():
    text = ('"China offers roads and ports," Li Haoran, a research fellow at the Institute of Latin American '
            "Studies in Beijing, told the Global Times on Tuesday.")
    assert speaker_of(text) == "Li Haoran"


def test_and_does_not_join_two_organisations():
    text = ('Leaders of the European Union and the South American Mercosur bloc met. In a joint communique, '
            'Mercosur leaders hailed the deal as "a historic milestone".')
    assert speaker_of(text) == "Mercosur leaders"  # the bloc's leaders speaking together (the actor: Mercosur)


# --------------------------------------------------------------------------- seeds and CLI

def test_seed_scorecard():
    result = score(json.loads(GOLD.read_text(encoding="utf-8")), quotes_json([SEED_CORPUS / "articles"]))
    assert result["f1"] >= 0.95 and result["full_recall"] == 1.0 and result["speaker_accuracy"] >= 0.95, result


def test_cli_prints_the_gold_shape():
    result = subprocess.run([sys.executable, "-m", "helpers", "quotes", str(SEED_CORPUS / "articles" / "000_b4172eddce0fcf27.txt")],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    (records,) = document["articles"].values()
    assert set(records[0]) == {"quote", "start", "end", "speaker", "cue", "kind", "confidence"}


def test_cli_on_a_missing_path_is_one_sentence(tmp_path):
    result = subprocess.run([sys.executable, "-m", "helpers", "quotes", str(tmp_path / "nope.txt")],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=120)
    assert result.returncode == 1 and "nope.txt" in result.stderr and "Traceback" not in result.stderr


def test_an_acronym_in_brackets_names_the_organisation_before_it():
    text = ("Leaders of the Bolivarian Alliance for the Peoples of Our America - Peoples' Trade Treaty (ALBA-TCP) met. "
            'The Bolivarian Alliance for the Peoples of Our America called the blockade "criminal".')
    assert speaker_of(text) == "ALBA-TCP"


def test_the_title_keeps_a_headline_quote_out():
    text = ('Maduro tells allies: "We will resist until the very end of this."\n\n'
            'Venezuela\'s president spoke on Monday. "We will win," said Nicolas Maduro.\n')
    title = 'Maduro tells allies: "We will resist until the very end of this."'
    assert [q for q, _ in zip(extract_quotes(text, title=title)["quote"], range(9))] == ["We will win,"]


def test_cli_refuses_non_txt_files_and_repeated_names(tmp_path):
    (tmp_path / "one").mkdir(), (tmp_path / "two").mkdir()
    for folder in ("one", "two"):
        (tmp_path / folder / "a.txt").write_text('"Yes," said Ana Diaz.', encoding="utf-8")
    (tmp_path / "page.html").write_text("<p>x</p>", encoding="utf-8")
    for args in ([str(tmp_path / "one"), str(tmp_path / "two")], [str(tmp_path / "page.html")]):
        result = subprocess.run([sys.executable, "-m", "helpers", "quotes", *args], capture_output=True, text=True,
                                cwd=PROJECT_ROOT, timeout=120)
        assert result.returncode == 1 and "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_role_with_a_compound_noun_then_the_name_in_apposition():
    text = ("Trade Minister Federico Lanus spoke first.\n\n"
            'Brazil\'s chief negotiator, Ambassador Ricardo Amaral, said: "Nobody gets everything in a deal."')
    assert speaker_of(text) == "Ricardo Amaral"


def test_the_representative_of_a_country_speaks_for_it():
    text = ('The representative of Ecuador, speaking on behalf of the Latin American members of the Council, '
            'said: "We want a zone of peace."')
    assert speaker_of(text) == "Ecuador"


# The tokenizer as first written: the faster forms in helpers.quotes must find exactly its tokens.
_PLAIN_TOKEN = __import__("re").compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|St|Jr|Sr)\.(?=\s)"
    r"|[A-Z]\.(?=\s+[A-Z])"
    r"|[A-Za-zÀ-ÖØ-öø-ÿ][\w’'\-]*"
    r"|\d[\w.,\-]*|[^\w\s]")


@pytest.mark.parametrize("text", [
    "John F. Kennedy met Mr. Smith, Mrs. Ana Diaz and Capt. O'Brien in Washington D.C. on Jan. 5.",
    "The U.S. and the U.N. (OAS) said e.g. “no”.      Venezuela’s St. Clair Jr. Sgt.\nF. A.B.C.d. Mr.",
    "Łukasz Vučić_2 met ²Dr.\tGen.  Col.X Lt. T. the Russians’ envoy 3.5,000 -- — « »",
    "   “" + " " * 80 + "”, said Foreign Minister Bruno Rodriguez.  A.  B. c. Mr",
])
def test_the_tokenizer_finds_the_same_tokens_as_the_plain_pattern(text):
    from helpers.quotes import names as quotes
    for start, end in [(0, len(text)), (3, len(text) - 4), (10, 40), (len(text) // 2, len(text))]:
        plain = [(m.start(), m.end(), m.group()) for m in _PLAIN_TOKEN.finditer(text, start, end)]
        assert [(m.start(), m.end(), m.group()) for m in quotes._TOKEN.finditer(text, start, end)] == plain
        spaced = [(m.start(1), m.end(), m[1]) for m in quotes._SPACED_TOKEN.finditer(text, start, end) if m[1]]
        assert spaced == plain


def test_a_long_gap_before_a_character_no_token_starts_with_is_crossed_once():
    """Spaces (a blanked quotation) before an underscore or a non-Latin letter are not re-read
    from every space: the matches are as many as the characters after the gap, not the spaces."""
    from helpers.quotes import names as quotes
    text = "x" + " " * 200_000 + "_Ł" + " " * 200_000
    matches = list(quotes._SPACED_TOKEN.finditer(text))
    assert [m[1] for m in matches if m[1]] == ["x"] and len(matches) <= 5  # x, gap+_, Ł, gap+end, end


def test_phrases_with_titles_initials_possessives_and_an_embassy():
    from helpers.quotes import find_phrases
    text = "Mr. John F. Kennedy's aide told the Russian embassy in La Paz that Sen. Ana Diaz and the OAS agreed."
    found = [(p.kind, p.text, p.possessive, p.titled) for p in find_phrases(text, 0, len(text))]
    assert ("group", "the Russian embassy in La Paz", False, False) in found
    assert found[0][:3] == ("name", "John F. Kennedy", True)


@pytest.mark.parametrize("text, speaker", [
    ('"We will stay in the bloc," said Prime Minister Datuk Seri Anwar Rahman.', "Anwar Rahman"),
    ('"We will stay in the bloc," said Crown Prince Mohammed bin Salman.', "Mohammed bin Salman"),
    ('"We will stay in the bloc," said Foreign Minister Adel al-Jubeir.', "Adel al-Jubeir"),
    ('"We will stay in the bloc," said Archbishop Pedro Vega.', "Pedro Vega"),
    ('"We will stay in the bloc," said Democrat Ruth Cole.', "Ruth Cole"),
    ('"We will stay in the bloc," said the Minister for Trade and the Pacific Ana Seselja.', "Ana Seselja"),
])
def test_honorifics_titles_and_particles_are_not_part_of_the_name(text, speaker):
    assert speaker_of(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    ('Foreign Minister Ana Diaz arrived on Monday. A Chilean diplomat who asked not to be named said: '
     '"We will not allow it."', "Chilean diplomat"),
    ('Ana Diaz arrived on Monday. "We will not allow it," one official said.', "official"),
    ('Ana Diaz arrived on Monday. "We will not allow it," officials said.', "officials"),
    ('Ana Diaz arrived on Monday. "We will not allow it," the official said.', "Ana Diaz"),
])
def test_an_unnamed_source_is_described_not_given_a_nearby_name(text, speaker):
    assert speaker_of(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    ('Arab foreign ministers have vowed to "defeat terrorism" at their summit.', "Arab foreign ministers"),
    ('The G7 leaders met in Bavaria on Monday.\n\n"We will act on energy at once," the leaders said.', "G7 leaders"),
    ('Ana Diaz met the ministers on Monday. "We will act on energy at once," the ministers said.', "ministers"),
    ('Ana Diaz met the ministers on Monday. They added: "We will act on energy at once."', None),
])
def test_people_speaking_together_are_one_collective_speaker_never_one_person(text, speaker):
    assert speaker_of(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    ('The summit ended.\n\n"It was a good deal," said the Polish prime minister, Leszek Miller.', "Leszek Miller"),
    ('The summit ended.\n\n"We are not bluffing." - British Foreign Minister Robin Cook on the veto', "Robin Cook"),
    ('The summit ended.\n\n"We are not bluffing." – Robin Cook, British foreign minister', "Robin Cook"),
])
def test_a_description_then_a_name_and_a_spaced_hyphen_name_the_speaker(text, speaker):
    assert speaker_of(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    ('Foreign Minister Park Jin met President Yoon Suk-yeol. "Dokdo was not discussed," the foreign minister said.',
     "Park Jin"),
    ("Iran and Saudi Arabia restored ties. Iran's foreign minister said relations were \"on the right track\".",
     "Iran's foreign minister"),
    ('Paraguayan President Santiago Pena spoke first. Luis Lacalle Pou followed. The Uruguayan president said: '
     '"Either the bloc opens up or we go our own way."', "Luis Lacalle Pou"),
])
def test_a_role_named_without_a_name_is_its_holder_or_a_description(text, speaker):
    assert speaker_of(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    ('"The leadership still wants peace," said chief Palestinian negotiator Saeb Erakat.', "Saeb Erakat"),
    ('Turkish PM Ahmet Davutoglu praised the plan, saying it was "a historic step".', "Ahmet Davutoglu"),
    ('"We are ready," Kenyan Foreign Minister Amina Mohamed told reporters in Nairobi.', "Amina Mohamed"),
    ('Minister-designate Saad Hariri said: "I declare to all Lebanese that we will not give up."', "Saad Hariri"),
])
def test_nationalities_and_titles_from_anywhere_are_not_part_of_the_name(text, speaker):
    assert speaker_of(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    ('The talks stalled.\n\n"No meetings are envisaged," AFP reported quoting Foreign Minister Lakshman Kadirgamar.',
     "Lakshman Kadirgamar"),
    ('The envoys met.\n\n"The ceasefire must hold," the statement quoted Martin Sajdik as saying.', "Martin Sajdik"),
    ('Ana Diaz spoke on Monday.\n\n"The ceasefire must hold," she said, quoting a proverb.', "Ana Diaz"),
])
def test_the_one_quoted_speaks_not_the_agency_or_document_passing_the_words_on(text, speaker):
    assert speaker_of(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    ('"We must defend democracy," President Lula said, citing Nelson Mandela.', "Lula"),
    ('"We must defend democracy," said President Lula, quoting Simon Bolivar.', "Lula"),
])
def test_a_speaker_citing_or_quoting_someone_else_is_still_the_speaker(text, speaker):
    assert speaker_of(text) == speaker


def test_the_one_spoken_to_is_not_who_he_said_points_to():
    text = ('"The coup took us all by surprise," said Prime Minister Tuilaepa Malielegaoi in an interview with '
            "Pacific Beat's John Paligaru.\n\nThe army has not responded.\n\n\"We need to take action,\" he said.")
    assert list(extract_quotes(text)["speaker"]) == ["Tuilaepa Malielegaoi"] * 2


def test_a_reporting_verb_between_two_quotes_of_a_sentence_brings_its_own_speaker():
    text = ('European Parliament president Martin Schulz called for "clarity" from the UK, while '
            "Belgium's PM Charles Michel said \"we cannot accept this\".")
    assert list(extract_quotes(text)["speaker"]) == ["Martin Schulz", "Charles Michel"]


@pytest.mark.parametrize("text, speaker", [
    ('Russian Co-Chair of the OSCE Minsk Group Igor Popov spoke on Monday. "We will meet soon," Popov said.',
     "Igor Popov"),
    ('The presidency began in January.\n\n"We will work in all the key areas," said the Prime Minister.\n\n'
     "Prime Minister of the Republic of Slovenia Janez Jansa spoke in Brdo.", "Janez Jansa"),
])
def test_a_person_named_after_a_body_or_a_place_and_a_role_named_before_the_name(text, speaker):
    assert speaker_of(text) == speaker


@pytest.mark.parametrize("text, speaker", [
    ('According to the Taliban, Baradar told Khalilzad it was vital those two points "be finalised".', "Baradar"),
    ('According to the ministry, the talks were "productive".', None),
    ('Kenya was in crisis.\n\n"We will not rest," said African Union chairman John Kufuor as he left.', "John Kufuor"),
    ('Foreign Minister Sheikh Mohammed bin Abdulrahman Al Thani spoke first.\n\n'
     '"We were asked to wait," Sheikh Mohammed said.', "Mohammed bin Abdulrahman Al Thani"),
    ("The talks began.\n\nThe reports are \"positive\", Colombia's foreign minister said.\n\n"
     "Colombian Foreign Minister Luis Murillo spoke later.", "Luis Murillo"),
    ('Foreign Minister Jorge Arreaza spoke in Caracas.\n\n"The blockade will fail," Colombia\'s foreign minister said.',
     "Colombia's foreign minister"),
    ('President Nicolas Maduro spoke. Vice President Delcy Rodriguez followed.\n\n"We stay," the president said.',
     "Nicolas Maduro"),
    ('Former Mexican President Felipe Calderon visited Madrid.\n\n"We will welcome him," King Felipe said.', "Felipe"),
])
def test_who_spoke_behind_a_source_a_body_an_honorific_or_a_role(text, speaker):
    assert speaker_of(text) == speaker


def test_a_place_where_something_happens_is_not_a_speaker():
    text = 'The gathering in Bavaria was overshadowed by the war.\n\n"We will act on energy at once," the leaders said.'
    assert speaker_of(text) == "leaders"


@pytest.mark.parametrize("text, kind, speaker", [
    ('Maduro denounced the so-called "humanitarian channel" on Monday.', "term", None),
    ('The opposition leader, dubbed "the interim president" by his allies, spoke on Monday.', "term", None),
    ('President Joko "Jokowi" Widodo arrived in Lima on Monday.', "term", None),
    ('Ministers signed the "Declaration of Lima on Democratic Order" on Monday.', "title", None),
    ('She wrote a report titled "Why the bloc failed" last year.', "title", None),
    ('Protesters outside the embassy chanted "Out with the OAS!"', "chant", "Protesters"),
    ('Maduro denounced what he called a "coup" by the opposition.', "fragment", "Maduro"),
])
def test_terms_titles_and_chants_are_told_from_speech(text, kind, speaker):
    frame = extract_quotes(text)
    assert frame[["kind", "speaker"]].values.tolist() == [[kind, speaker]]


def test_the_title_in_front_of_a_name_is_kept_as_the_speakers_role():
    text = ('Cuban Foreign Minister Bruno Rodriguez spoke on Monday. "We will stay," Rodriguez said. '
            '"And we will win," he added.')
    frame = extract_quotes(text)
    assert frame[["speaker", "speaker_role"]].values.tolist() == [["Bruno Rodriguez", "Cuban Foreign Minister"]] * 2


def test_one_speaker_id_per_person_across_the_corpus():
    from helpers.quotes.people import speaker_ids
    names = pd.Series(["Nicolás Maduro", "Maduro", "Nicolas Maduro", "Bill Harmon", "William Harmon",
                       "Delcy Rodriguez", "Bruno Rodriguez", "Rodriguez", "OAS", None])
    kinds = pd.Series(["person"] * 8 + ["organisation", None])
    ids, shown = speaker_ids(names, kinds)
    assert ids.iloc[0] == ids.iloc[1] == ids.iloc[2] and ids.iloc[3] == ids.iloc[4]
    assert len({ids.iloc[5], ids.iloc[6], ids.iloc[7]}) == 3  # a shared surname alone stays apart
    assert ids.iloc[9] is None and shown[ids.iloc[0]] in ("Nicolás Maduro", "Nicolas Maduro")


def test_quotes_by_speaker_counts_a_person_once_under_any_name():
    quotes = pd.DataFrame({"article": ["a", "a", "b"], "speaker": ["Bill Harmon", "Harmon", "William Harmon"],
                           "speaker_type": ["person"] * 3, "quote": ["We stay.", "We go.", "Never."],
                           "kind": ["full"] * 3})
    table = quotes_by_speaker(quotes)
    assert table.index.tolist() == ["William Harmon"] and table.loc["William Harmon", "quotes"] == 3


def test_he_said_never_goes_to_a_country_named_before():
    assert speaker_of('Chile and Uruguay joined Peru on Monday. "We will not allow it," he said.') is None
    assert speaker_of('Foreign Minister Ana Diaz met her counterparts from Chile and Uruguay. '
                      '"We will not allow it," she said.') == "Ana Diaz"


@pytest.mark.parametrize("text, expected", [
    # a description joined by hyphens in front of the name is not part of it
    ('"The talks are over," Thirty-something Elena Ruiz told reporters in Quito.', "Elena Ruiz"),
    ('"We won," the West-leaning Tomas Varga told supporters in the square.', "Tomas Varga"),
    # a clause opener capitalised at the start of a sentence is not a first name
    ('"We act within the constitution," Varga said on Sunday.\n\nSince Varga took office in 2019, he has '
     'clashed with parliament.', "Varga"),
    # a country whose name begins with its demonym keeps it
    ('"We welcome the accord," Saudi Arabia said in a statement on Sunday.', "Saudi Arabia"),
])
def test_descriptions_and_clause_openers_are_not_part_of_a_speakers_name(text, expected):
    assert speaker_of(text) == expected


def test_quote_finding_work_grows_in_proportion_to_a_text_of_one_endless_sentence(monkeypatch):
    """A page whose full stops were lost (one "sentence" of thousands of quotations): the work per
    quotation is bounded, so doubling the text doubles the work (it used to quadruple), and each
    row keeps a bounded piece of the sentence, not all of it."""
    from helpers.quotes import extract, speakers

    monkeypatch.setattr(extract, "WINDOW", 400)  # any bound will do; a small one keeps the test short
    calls = []
    real = speakers.SpeakerFinder.resolve
    monkeypatch.setattr(speakers.SpeakerFinder, "resolve", lambda self, phrase: calls.append(1) or real(self, phrase))
    unit = 'the minister spoke and "we will not accept this outcome" said the envoy, and then '
    work = {}
    for n in (60, 120, 240):
        calls.clear()
        table = extract.extract_quotes(unit * n)
        assert len(table) == n
        assert table["sentence"].str.len().max() <= 2 * 400 + len(unit) + 2
        work[n] = len(calls)
    assert work[240] / work[120] < 2.3 and work[120] / work[60] < 2.3, work


def test_phrases_of_part_of_a_sentence_are_those_inside_it_even_when_found_out_of_order():
    from helpers.quotes.speakers import SpeakerFinder

    text = ("Officials of the leftist ALBA bloc and the Lima Group met Foreign Minister Ana Diaz in Havana, "
            "where the OAS envoy said the talks were useful.")
    finder = SpeakerFinder(text, text, [(0, len(text))])
    found = finder.phrases(0, len(text))
    assert [p.start for p in found] != sorted(p.start for p in found)  # "ALBA", then "the leftist ALBA bloc"
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            assert finder.phrases(start, end) == [p for p in found if p.start >= start and p.end <= end]


def test_a_long_sentence_keeps_its_speaker_and_a_cut_one_says_so():
    from helpers.quotes import extract

    guests = ", ".join(f"the delegation of country number {k} and its advisers" for k in range(1, 26))
    sentence = f'Foreign Minister Ana Diaz, who met {guests}, said: "We will not accept any outcome imposed from outside."'
    assert 1_400 < len(sentence) < extract.WINDOW
    row = extract.extract_quotes(sentence).iloc[0]
    assert row["speaker"] == "Ana Diaz" and row["sentence"] == sentence
    endless = 'the minister spoke and "we will not accept this outcome" said the envoy, and then ' * 200
    cut = extract.extract_quotes(endless)["sentence"]
    assert cut.str.startswith("…").any() and cut.str.endswith("…").any()


def test_a_colon_cue_is_found_at_the_end_of_a_long_text_before_the_quotation():
    from helpers.quotes import extract

    lead = "Officials met for hours, and the talks ran late into the night, " * 20
    row = extract.extract_quotes(f'{lead}and then Foreign Minister Ana Diaz: "We will not accept it."').iloc[0]
    assert row["speaker"] == "Ana Diaz"
