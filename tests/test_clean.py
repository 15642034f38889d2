"""Cleaning: page furniture out, every body sentence and gold quotation kept, every removal audited."""
from __future__ import annotations

import json
import re
import unicodedata

import pandas as pd
import pytest

from helpers import _linefilter, clean
from helpers.corpus import load_corpus, read_article
from conftest import GOLD, SEED_CORPUS

ARTICLES = SEED_CORPUS / "articles"

# The body of each seed article, sentence by sentence, written out from reading the files.
# Everything else in a seed is page furniture (see FURNITURE_LINES).
BODY_SENTENCES = {
    '000_b4172eddce0fcf27.txt': [
        "Venezuela's leftist, regional allies have pledged to support its embattled government at a summit in Havana, where President Nicolás Maduro accused the opposition of resorting to violence to lay the groundwork for a foreign invasion.",
        'The show of solidarity comes as Maduro faces intensifying criticism abroad, as well as the first sustained wave of anti-government demonstrations in three years, fueled by an economic crisis and erosion of democracy.',
        '"We reject the aggressions and concerted manipulations against our ally," read the statement published by the leftist ALBA bloc of 11 Caribbean and Latin American countries on Monday.',
        'The association was founded by Communist-ruled Cuba and its top ally Venezuela 13 years ago as a counterpoint to U.S. influence in Latin America.',
        "It singled out the Washington-based Organization of American States, which has been bitterly critical of Maduro, for what it called attempts to undermine Venezuela's sovereignty.",
        'The OAS chief, Luis Almagro, called for elections to restore full democracy in Venezuela, given the political and institutional crisis roiling the country.',
        "Venezuela's Supreme Court decided in late March to take over the functions of the opposition-led Congress before an outcry forced it to retreat.",
        'On Friday, Maduro banned opposition leader Henrique Capriles from political office for 15 years.',
        '"We condemn the interventionist, illegal and pro-imperialist behavior of the OAS secretary general," the statement read.',
        'To preserve Venezuela\'s independence was to "preserve the independence, unity, and development of the region", said Cuban Foreign Minister Bruno Rodriguez.',
        '"This is the time of unity, peace and hope," said Rodriguez.',
        'Latin America has shifted away from leftist populism toward more centrist policies in recent years and so the ALBA bloc has lost heavyweight regional allies, such as Argentina and Brasil.',
        'Venezuela has come under increased pressure over the past weeks not just from the OAS, but also American and European countries that have condemned its crackdown on the opposition.',
        'During a 1-1/2-hour speech, Maduro said he was open to dialogue but the opposition was not.',
        '"The only way to reach peace is through words, through dialogue," he said.',
        '"But the reality is the order has come from Washington for zero dialogue in Venezuela, to make our country explode and give way for a foreign intervention".',
        "Opposition leaders slammed the government for arbitrary use of force in breaking up Monday's demonstrations, pointing to tear gas being fired into one Caracas clinic.",
    ],
    '001_5e80e2839d0ada42.txt': [
        'Caracas said it called the meeting to discuss violence and the attempted destabilization by local and international opposition.',
        'Venezuelan Foreign Minister Delcy Rodríguez and other ministers from the region kicked off Tuesday a special session of the Community of Latin American and Caribbean States, or CELAC, in San Salvador to discuss recent violence in the South American country.',
        '“Arriving in El Salvador for a meeting of foreign ministers of CELAC requested by Venezuela, with the strength of the country and its constituent power!” said Rodriguez on Twitter.',
        'El Salvador holds the pro-tempore presidency of the international organization, which was created under late Venezuelan President Hugo Chavez with the support of many of the left-wing leaders within the group among the 33 countries of the region, who see CELAC as a platform to fight western and U.S. imperialism in Latin America and the Caribbean.',
        'Salvadoran Foreign Minister Hugo Martinez said the meeting would analyze the escalation of violence instigated from abroad and unleashed by opposition groups, and the interference of the secretary-general of the Organization of American States, Luis Almagro.',
        '“We must treat things with the greatest restraint and respect between us,” said Martinez.',
        '“At the end of the day at CELAC, we must be more united.”',
        'Caracas requested the meeting on April 25, just before Venezuela announced plans to leave the OAS, which the country has accused of trying to promote a coup against President Nicolas Maduro and allow for foreign intervention.',
        'Almagro has repeatedly called for the Democratic Charter of the OAS to be applied against Venezuela due to its internal political situation, which would have led to its suspension from the organization.',
        'Rodriguez has criticized Almagro, accusing him of responding to U.S. interests to destabilize her country, adding that the organization has a historical precedent of promoting interventions, coups and invasions in the region.',
        'She also has slammed the organization for its hypocrisy of constantly criticizing the political and economic crisis in Venezuela while turning a blind eye to human rights abuses in other countries.',
    ],
    '002_d42d025d699d3b1e.txt': [
        'A regional bloc of countries in the Americas has called on the international community to put more pressure on Venezuela’s allies, including Russia, to resolve the growing crisis in the South American country and help remove its "illegitimate" government.',
        'The Lima Group on June 6 stressed in a statement "the importance of deepening contacts with the countries that still support Nicolas Maduro\'s illegitimate regime, especially Russia, China, Cuba, and Turkey, urging them to be part of the solution to a crisis which has a growing impact in the region."',
        "The Lima Group was created in 2017 to seek a solution to the long-standing crisis in Venezuela under Maduro's rule.",
        'The latest statement, issued after a meeting in Guatemala City, was signed by members Argentina, Brazil, Canada, Chile, Colombia, Costa Rica, Guatemala, Honduras, Panama, Paraguay, and Peru.',
        'The group condemned "the systematic attacks" against Venezuela’s National Assembly, which has seen several of its members put under investigation for treason and similar charges by Maduro’s government.',
        'The United States and some 50 other nations are seeking the ouster of Maduro, as thousands of Venezuelan citizens have taken to the streets to protest his regime.',
        'Maduro, who is supported by Russia, China, and Cuba, took office in 2013 after the death of Hugo Chavez, and was sworn in for a second term in January following elections in May 2018 that were marred by an opposition boycott and claims of vote-rigging.',
        "He has been criticized for alleged human rights abuses and for his handling of Venezuela's economy.",
        'Opposition leader Juan Guaido, who heads the National Assembly, has declared himself interim president and is supported by the United States and its allies.',
        'In its statement, the Lima Group also rejected Maduro\'s call for early legislative elections and insisted that he step down and allow a transitional government to organize "free, fair, and transparent" presidential elections.',
        'The group accused the Maduro government of increasing involvement with "different forms of corruption, drug trafficking, and transnational organized crime."',
    ],
    '003_ad5586c0f8a614fe.txt': [
        'Member states also pledged to create a legal defense fund for Latin American and Caribbean migrants in the United States.',
        'The Bolivarian Alliance for the Peoples of Our America (ALBA) issued calls for Latin American unity and solidarity with Venezuela’s Bolivarian Revolution this past Sunday during its 14th summit in Caracas.',
        'Heads of the regional bloc’s 11 member countries denounced “imperialism’s new onslaught” across the region whose principal target they identified as Venezuela.',
        '“The defense of Venezuela and its revolution is not the exclusive problem of Venezuelans.',
        'It is the cause that brings together all of us who fight for the true independence of Latin America and the Caribbean,” reads the summit’s final declaration.',
        'In particular, the allied leftist governments condemned the latest US sanctions targeting Venezuelan Vice-President Tareck El Aissami alongside the outgoing Obama administration’s renewal of an executive decree labeling Venezuela an “unusual and extraordinary threat” to US national security.',
        'During the summit, the ALBA nations also commemorated the four-year anniversary of the death of former Venezuelan President Hugo Chavez together with the four-month anniversary of the death of Cuban revolutionary leader Fidel Castro, honoring both men as “our founders, whose examples and ideas interpret and encapsulate the legacy of the liberators”.',
        'The regional integration bloc additionally voiced its solidarity with the people of Mexico in the face of the wall that the Trump administration has promised to construct along the two countries’ shared border.',
        'Likewise concerning the Trump administration’s expanded anti-immigrant policies, member-states vowed to create a joint legal fund to defend migrants facing deportation in the US.',
        '“We express our concern for the treatment of our Lain American and Caribbean sisters and brothers who find themselves in the situation of migrants; in this sense, we propose to relaunch the Migrant Legal Support and Advisory Fund as part of the ALBA Bank,” the final statement reads.',
        'The bloc also declared its support for the Peoples’ World Conference for a World Without Walls Towards Universal Citizenship, which will be held in Cochabamba, Bolivia this coming June 20-21.',
        'The ALBA-Peoples’ Commercial Treaty was signed in 2004 by Hugo Chavez and Fidel Castro as a Latin American integrationist alternative to the US-backed Free Trade Area of the Americas.',
        'Over the past decade, the bloc has been progressively expanded to currently include Venezuela, Cuba, Bolivia, Nicaragua, Ecuador, Dominica, Antigua and Barbados, St. Vincent and the Grenadines, Saint Lucia, Saint Kitts and Nevis, and Grenada.',
    ],
    '004_22c78462ad9b2c8f.txt': [
        'Venezuela’s socialist President Nicolas Maduro clung to power Thursday, calling on the country’s armed forces to oppose “any coup plotter” after opposition leader Juan Guaido failed to win defections from military leaders.',
        'After two days of massive street demonstrations against his government, the embattled Maduro said at a televised event with the military high command, “Yes, we are in combat; keep morale high in this fight to disarm any traitor, any coup plotter.”',
        'Guaido, supported by a small contingent of defecting security forces, earlier in the week called for a massive uprising against Maduro.',
        'Thousands of people rallied in the streets of the capital, Caracas, on Tuesday and Wednesday, with some hurling rocks at security forces, who occasionally fired back with live ammunition, rubber bullets and tear gas.',
        'Two people were killed in the skirmishes, with dozens injured.',
        'But there appeared to be no mass defections of military leaders to Guaido, the National Assembly leader who declared himself as the country’s interim president in January and has been recognized by the United States and about 50 other countries as the legitimate leader of the South American nation.',
        'Guaido said staggered industrial action would start Thursday, leading to a general strike.',
        'But the streets of Caracas were calm.',
        'Top U.S. officials have voiced their support for the uprising against Maduro, with Secretary of State Mike Pompeo saying Wednesday that President Donald Trump is prepared to intervene militarily in Venezuela.',
        '“If that is what is required, this is what the United States will do,” Pompeo said.',
        'But Pompeo and Trump have not specified what would prompt the U.S. to send troops to Venezuela.',
        'On Twitter late Wednesday, Trump said, “I am continuing to monitor the situation in Venezuela very closely.',
        'The United States stands with the People of Venezuela and their Freedom!”',
        "The strike is Guaido's latest strategy in his effort to force Maduro from power through a popular uprising.",
        'Millions of Venezuelans— wearied by out-of-control inflation, severe food and fuel shortages, a lack of medical care, and periodic blackouts — have fled the country.',
        "As head of the opposition-controlled National Assembly, Guaido used the constitution to declare Maduro's presidency illegitimate, saying Maduro's election in December was a fraud.",
        'Maduro has accused Guaido of trying to carry out a U.S.- and Colombian-supported coup and says the opposition will fail.',
        'He said demonstrators will be prosecuted "for the serious crimes that have been committed against the constitution, the rule of law and the right to peace."',
        "Wednesday's confrontations between opposition supporters and Venezuelan troops ended with one woman dead after she was shot in the head during a protest in the capital.",
        'Meanwhile, the unrest is turning into a battleground of rhetoric between the United States and Russia.',
        'After a telephone conversation between Pompeo and Foreign Minister Sergey Lavrov Wednesday, the Russian official warned of "the most drastic of consequences" if the United States continues what it calls "aggressive steps."',
        'The State Department was more muted, only saying that Russian and Cuban intervention is "destabilizing for Venezuela."',
        'U.S. National Security Adviser John Bolton said, "This is our hemisphere.',
        "It's not where the Russians ought to be interfering.",
        'This is a mistake on their part.',
        'It\'s not going to lead to an improvement of relations."',
        'Earlier in the week, Bolton called on top Venezuelan officials to join with Guaido to overthrow Maduro in a peaceful takeover.',
        'Meanwhile, a top Cuban diplomat has denied U.S. accusations that thousands of Cuban troops are on the ground in Venezuela.',
        '"Cuba does not participate in military operations nor in security operations in Venezuela," Cuban chief of U.S. Affairs Carlos Fernandez de Cossio told the Associated Press.',
        'He said the 20,000 Cubans in Venezuela are primarily medical workers.',
        'But he did say, as hemispheric partners, Cuba and Venezuela have the sovereign right to military and intelligence cooperation.',
        'Cuba and Russia are longtime allies of Venezuela and its socialist governments.',
        'Russia has supplied economic support and military equipment to the Maduro government while Venezuela has sent billions of dollars in oil to Cuba in exchange for medical aid.',
    ],
}

# Line numbers (1-based, in the raw file) of every line of furniture in the seeds, and the text
# that must not survive cleaning. 003 line 6 is a dateline: only its start goes, its sentence stays.
FURNITURE_LINES = {
    "000_b4172eddce0fcf27.txt": {
        1: "IE 11 is not supported",
        3: "Under Siege At Home, Venezuela's Maduro Gets Support From Regional Allies In Cuba",
        5: "Venezuela's leftist, regional allies pledged to support its embattled government at a summit in Havana.",
        6: "Nicolas Maduro, Raul Castro",
        7: "Ramon Espinosa / AP",
        8: "Source: Reuters",
        20: "RELATED:",
        42: "Follow NBC News Latino",
    },
    "001_5e80e2839d0ada42.txt": {
        1: ", , , ,",
        3: "Venezuelan President Nicolas Maduro arrives in Cuba for a CELAC summit in Havana, Jan. 27, 2014.",
        17: "Venezuela’s OAS Exit Gains Support from International Allies",
    },
    "002_d42d025d699d3b1e.txt": {},
    "003_ad5586c0f8a614fe.txt": {
        1: "ALBA Pledges Solidarity with Venezuela at 14th Summit",
        6: "Caracas, March 6, 2017 ( –",
    },
    "004_22c78462ad9b2c8f.txt": {
        7: "Opposition leader Juan Guaido speaks to supporters in Caracas, Venezuela, May",
        8: "Opposition leader Juan Guaido speaks to supporters",
        37: "Anti-government protesters, one carrying a homemade mortar, take cover",
        38: "Anti-government protesters, one carrying a homemade mortar",
        60: "Sign up to receive our latest news!",
        62: "By submitting this form, I agree to the terms.",
    },
}


@pytest.fixture(scope="module")
def seeds():
    articles = load_corpus(SEED_CORPUS)
    return {row.file: clean.clean_article(row.text, article_id=row.id, title=row.title)
            for row in articles.itertuples()}


@pytest.mark.parametrize("name", sorted(BODY_SENTENCES))
def test_every_body_sentence_of_a_seed_is_kept(seeds, name):
    text = seeds[name].text
    missing = [s for s in BODY_SENTENCES[name] if s not in text]
    assert not missing


# The article's own subheads (short lines between paragraphs of prose) are kept as body.
SUBHEADS = {"004_22c78462ad9b2c8f.txt": ["US action", "Role of Russia", "Cuban troops"]}


@pytest.mark.parametrize("name", sorted(BODY_SENTENCES))
def test_nothing_but_body_sentences_and_subheads_survives_in_a_seed(seeds, name):
    paragraphs = seeds[name].paragraphs
    assert [p for p in paragraphs if p in SUBHEADS.get(name, [])] == SUBHEADS.get(name, [])
    rest = "\n\n".join(p for p in paragraphs if p not in SUBHEADS.get(name, []))
    for sentence in BODY_SENTENCES[name]:
        rest = rest.replace(sentence, "", 1)
    assert rest.strip() == ""


@pytest.mark.parametrize("name", sorted(FURNITURE_LINES))
def test_every_furniture_line_of_a_seed_is_removed_and_audited(seeds, name):
    result = seeds[name]
    raw_lines = read_article(ARTICLES / name).split("\n")
    assert {entry["line"] for entry in result.removed} == set(FURNITURE_LINES[name])
    for number, fragment in FURNITURE_LINES[name].items():
        line = raw_lines[number - 1].strip()
        assert fragment in line
        assert clean.normalise_line(line) not in result.paragraphs
        if len(fragment.split()) > 3:  # short subheads ("Cuban troops") also occur inside body sentences
            assert fragment not in result.text


def test_seed_paragraphs_stay_paragraphs(seeds):
    result = seeds["000_b4172eddce0fcf27.txt"]
    assert result.paragraphs[0].startswith("Venezuela's leftist, regional allies have pledged")
    assert result.paragraphs[-1].startswith("Opposition leaders slammed")
    assert len(result.paragraphs) == 15
    assert "\n\n\n" not in result.text and "\n" not in result.paragraphs[6]


def test_every_gold_quotation_is_still_in_the_clean_text(seeds):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    quotes = [(name, q["quote"]) for name, items in gold.items() for q in items]
    assert len(quotes) == 29
    missing = [(name, quote) for name, quote in quotes if quote not in seeds[name].text]
    assert not missing


def test_audit_entries_point_at_the_raw_lines(seeds):
    for name, result in seeds.items():
        raw_lines = read_article(ARTICLES / name).split("\n")
        for entry in result.removed:
            assert set(entry) == {"article", "line", "text", "rule", "reason"}
            assert entry["text"] and entry["text"] in raw_lines[entry["line"] - 1]
            assert entry["rule"] in set(clean.RULES["name"]) and entry["reason"]


def test_kept_spans_are_offsets_into_the_raw_text(seeds):
    for name, result in seeds.items():
        raw = read_article(ARTICLES / name)
        from_spans = [clean.normalise_line(raw[start:end]) for start, end in result.kept_spans]
        assert from_spans == result.paragraphs
        assert all(raw[start:end] == raw[start:end].strip() for start, end in result.kept_spans)


def test_dateline_goes_but_the_sentence_after_it_stays(seeds):
    result = seeds["003_ad5586c0f8a614fe.txt"]
    raw = read_article(ARTICLES / "003_ad5586c0f8a614fe.txt")
    entry = next(e for e in result.removed if e["line"] == 6)
    assert entry["rule"] == "dateline" and entry["text"] == "Caracas, March 6, 2017 ( –"
    spans = [raw[s:e] for s, e in result.kept_spans]
    assert any(span.startswith("The Bolivarian Alliance for the Peoples") for span in spans)


def test_clean_corpus_adds_columns_and_returns_the_audit():
    articles = load_corpus(SEED_CORPUS)
    cleaned = clean.clean_corpus(articles)
    audit = clean.cleaning_audit(cleaned)
    assert {"clean_text", "clean_words", "sentences"} <= set(cleaned.columns)
    assert len(cleaned) == len(articles) and articles.columns.tolist() == cleaned.columns.tolist()[:len(articles.columns)]
    assert (cleaned["clean_words"] < cleaned["words"]).sum() == 4
    assert (cleaned["clean_words"] == cleaned["words"]).sum() == 1  # 002 has no furniture
    assert cleaned["sentences"].tolist() == [len(BODY_SENTENCES[f]) + len(SUBHEADS.get(f, [])) for f in cleaned["file"]]
    assert audit.columns.tolist() == ["article", "line", "text", "rule", "reason"]
    assert len(audit) == sum(len(lines) for lines in FURNITURE_LINES.values())
    assert set(audit["article"]) == {"000_b4172eddce0fcf27", "001_5e80e2839d0ada42",
                                     "003_ad5586c0f8a614fe", "004_22c78462ad9b2c8f"}


def test_clean_corpus_with_nothing_to_remove_gives_an_empty_audit():
    frame = pd.DataFrame({"id": ["a"], "title": [float("nan")], "text": ["Cuba sent doctors.\n"]})
    cleaned = clean.clean_corpus(frame)
    audit = clean.cleaning_audit(cleaned)
    assert cleaned.loc[0, "clean_text"] == "Cuba sent doctors."
    assert audit.empty and audit.columns.tolist() == clean.AUDIT_COLUMNS


# ----------------------------------------------------------------------------- invented articles

LEDE = "Peru's foreign minister said on Tuesday that the Lima Group would meet again in May."
MIDDLE = ('"We will not recognise the result," she told reporters in Lima. '
          "Colombia and Brazil backed the call.")
CLOSE = "Venezuela's government did not respond to a request for comment."


def invented(furniture: str, where: str = "middle") -> str:
    """A short article in the style of another site, with one line of furniture in it."""
    parts = {"top": [furniture, LEDE, MIDDLE, CLOSE], "middle": [LEDE, furniture, MIDDLE, CLOSE],
             "bottom": [LEDE, MIDDLE, CLOSE, furniture]}[where]
    return "\n\n".join(parts) + "\n"


BODY = "\n\n".join([LEDE, MIDDLE, CLOSE])


@pytest.mark.parametrize("rule, furniture, where", [
    ("browser_notice", "Your browser is out of date. Please update it to read this story.", "top"),
    ("browser_notice", "Media playback is unsupported on your device", "middle"),
    ("skip_link", "Skip to main content", "top"),
    ("advertisement", "Advertisement", "middle"),
    ("advertisement", "Story continues below advertisement", "middle"),
    ("image_furniture", "Image copyright Getty Images", "middle"),
    ("image_furniture", "Image caption Protesters gathered outside the foreign ministry", "middle"),
    ("image_furniture", "Getting images", "middle"),
    ("image_furniture", "Photo: Ernesto Benavides/AFP", "middle"),
    ("caption_credit", "Protesters march in Lima on Monday. Martin Mejia / AP", "middle"),
    ("caption_photo_tag", "Peru's foreign minister speaks in Lima. (AP Photo/Martin Mejia)", "middle"),
    ("caption_photo_tag", "Ministers pose for a group photo before the meeting. Photo: Reuters", "middle"),
    ("source_line", "Source: Associated Press", "top"),
    ("related_link", "Read more: Why the Lima Group matters", "middle"),
    ("related_link", "RELATED: Peru recalls its ambassador", "middle"),
    ("related_heading", "More on this story", "bottom"),
    ("social_follow", "Follow us on Twitter and Facebook", "bottom"),
    ("share_buttons", "Share this with Email Facebook Twitter", "top"),
    ("share_buttons", "Facebook Twitter WhatsApp Copy link", "top"),
    ("newsletter", "Subscribe to our newsletter", "bottom"),
    ("newsletter", "Sign up for our daily briefing", "bottom"),
    ("consent", "By signing up, you agree to our Privacy Policy and Terms of Use.", "bottom"),
    ("cookie_notice", "We use cookies to improve your experience on our site.", "bottom"),
    ("click_here", "Click here to read the full statement", "middle"),
    ("tags", "Topics: Peru, Venezuela, Lima Group", "bottom"),
    ("timestamp", "Updated 3:45 PM ET, Tue May 7, 2019", "top"),
    ("timestamp", "Published: 7 May 2019", "top"),
    ("byline", "By Marco Aquino and Luc Cohen, Reuters", "top"),
    ("wire_credit", "Reporting by Marco Aquino; Editing by Sandra Maler", "bottom"),
    ("wire_credit", "The Associated Press contributed to this report.", "bottom"),
    ("wire_credit", "Copyright 2019 The Associated Press. All rights reserved.", "bottom"),
    ("punctuation_only", "* * *", "middle"),
    ("punctuation_only", "| | |", "middle"),
    ("skip_link", "2. Skip to main menu", "top"),
    ("comments_notice", "No comments yet.", "bottom"),
    ("comments_notice", "12 Comments", "bottom"),
    ("comments_notice", "Sorry. Comments are closed on this story.", "bottom"),
    ("rights_reserved", "All rights reserved by the Lima Herald.", "bottom"),
    ("syndication_note", "This article has not been edited by our staff and is published from a wire feed.", "bottom"),
    ("template_code", "{{story.headline}} {{story.date}}", "top"),
    ("relative_time", "45 minutes ago", "bottom"),
    ("weather_widget", "18 °C", "top"),
    ("date_only", "Thursday, 4 June 2015", "top"),
    ("date_only", "2015-06-04 10:32", "top"),
    ("bare_url", "https://www.example.org/world/peru-talks-2019", "bottom"),
    ("contact_email", "Contact: newsdesk@example.org", "bottom"),
    ("language_switcher", "English | Español | Français | Português", "top"),
    ("timestamp", "Page last updated at 09:15 GMT, Friday, 5 June 2015", "bottom"),
    ("share_buttons", "Share on:", "bottom"),
    ("newsletter", "Breaking News Emails", "bottom"),
    ("comment_form", "Your email address will not be published. Required fields are marked *", "bottom"),
    ("comment_form", "Deja una respuesta", "bottom"),
    ("comment_form", "Guardar mi nombre, correo electrónico y web en este navegador para la próxima vez que comente.", "bottom"),
    ("donation_appeal", "Support independent journalism", "bottom"),
    ("donation_appeal", "Make a monthly contribution", "bottom"),
    ("donation_appeal", "We need your help! Our readership has slowly been shrinking.", "bottom"),
    ("donation_appeal", "Every month we rely on your donations. You can support us in three ways:", "bottom"),
    ("share_appeal", "Let others know about these events.", "bottom"),
    ("share_appeal", "If you can, please respond to this message.", "bottom"),
    ("post_buttons", "|| Back ||", "top"),
    ("caption_photo_tag", "(AAP Photo)", "middle"),
    ("caption_photo_tag", "(Lima Summit Press Pool)", "middle"),
    ("caption_photo_tag", "Delegates count ballots at a polling station in Lima. Image copyright AFP", "middle"),
    ("image_description", "A video grab shows the foreign minister leaving the talks", "middle"),
    ("image_description", "File photo of the summit venue in Lima", "middle"),
    ("teaser", "QUITO: Ecuador's electoral council has proposed a new code of conduct for", "bottom"),
    ("name_list", "Martin Vizcarra, Nestor Popolizio, Juan Guaido", "top"),
    ("caption_dated", "Peru's Foreign Minister Nestor Popolizio speaks at a news conference in Lima, Peru, "
                      "Tuesday, May 7, 2019.", "middle"),
    ("subhead", "What happens next", "bottom"),
    ("subhead", "Peru Leads Regional Push Against Maduro Government", "middle"),
    ("skip_link", "Zum Inhalt springen", "top"),
    ("skip_link", "Ir al contenido principal", "top"),
    ("date_other_language", "mardi, mai 7, 2019", "top"),
    ("date_other_language", "7 de mayo de 2019", "top"),
    ("field_label", "[Full text]", "top"),
    ("section_marker", "--- MENU ---", "top"),
    ("breadcrumb_trail", "News > World > Americas", "top"),
    ("breadcrumb_trail", "Politics » Lima Group", "top"),
    ("post_number", "#12 Re: Lima Group statement", "bottom"),
    ("paywall", "Get unlimited access to all our journalism", "bottom"),
    ("paywall", "Start your 14-day free trial today.", "bottom"),
    ("rights_reserved", "All rights reserved. Sections of this page may not be copied without permission.", "bottom"),
    ("numbers_only", "1394.72", "bottom"),
    ("section_names", "World | Americas | Politics | Video", "top"),
    ("advertisement", "Ad info", "top"),
    ("advertisement", "- Advertisement -", "middle"),
    ("post_buttons", "View Quote", "bottom"),
    ("cookie_notice", "Please note that we use cookies to improve our services. By continuing to use the site you agree.", "top"),
    ("related_link", "(MORE HEADLINES)", "bottom"),
    ("wire_credit", "© Copyright 2024 Lima Wire. All rights reserved. Republication is prohibited", "bottom"),
    ("share_buttons", "Copy Link", "bottom"),
    ("share_buttons", "Drukuj Print Share:", "bottom"),
    ("paywall", "Register now for FREE unlimited access to", "bottom"),
    ("comments_notice", "Discuss here!", "bottom"),
    ("caption_photo_tag", "A Venezuelan flag flies over the summit venue in Lima. REUTERS/Ana Diaz/Illustration/File Photo", "middle"),
    ("article_age", "This article is more than 6 years old", "top"),
    ("unavailable_content", "We’re sorry, this feature is currently unavailable.", "middle"),
    ("related_link", "Read more »", "bottom"),
    ("related_link", "Read the full story ›", "bottom"),
    ("related_heading", "Don't miss", "bottom"),
    ("related_heading", "Editor's picks", "bottom"),
    ("donation_appeal", "Your support makes all the difference.", "bottom"),
    ("rights_reserved", "Copying or publishing any information from the Lima Herald without written permission is prohibited.", "bottom"),
    ("rights_reserved", "error: Alert: Content is protected !!", "bottom"),
    ("image_furniture", "admin's picture", "top"),
    ("image_furniture", "Foto: Ana Diaz/ dpa", "middle"),
    ("image_furniture", "Photo:", "middle"),
    ("advertisement", "Story continues below this ad", "middle"),
    ("comment_form", "or register to post a comment.", "bottom"),
    ("stray_line", "Foreign ministers of the Lima Group at the summit venue in Lima on Tuesday", "middle"),
    ("stray_line", "Brazil courts Chinese investors as the Mercosur summit opens in Brasilia", "middle"),
])
def test_each_rule_removes_its_kind_of_line_and_leaves_the_body(rule, furniture, where):
    result = clean.clean_article(invented(furniture, where), article_id="x")
    assert result.text == BODY
    assert [(entry["rule"], entry["text"]) for entry in result.removed] == [(rule, furniture)]


@pytest.mark.parametrize("sentence", [
    "A source close to the talks said Russia would follow China's lead.",
    "Sources: the word appears here only as a quotation, said the minister, who asked for an answer.",
    "Related talks in Quito will follow in June, officials said.",
    "Follow-up meetings are planned, and supporters follow Maduro on Twitter and Facebook.",
    "The photo, taken by a Reuters photographer, showed Maduro in Havana.",
    "Photographs of the meeting were shared on Facebook, Twitter and WhatsApp.",
    "Millions subscribe to state television, which did not report the summit.",
    "Subscribers were told to sign up for updates from the electoral council by text message.",
    "By signing the accord, Bolivia agreed to the terms set by Caracas.",
    "By Tuesday, talks had resumed in Oslo.",
    "Share prices in Caracas fell after the announcement, traders said on Twitter.",
    "Updated figures released on May 1 showed 50 people had died.",
    "Editing by hand the final declaration, ministers removed a reference to the OAS.",
    "Click, the opposition's new messaging app, was blocked in Venezuela.",
    "Copyright law was not discussed at the summit.",
    "Advertising revenue at state media fell by half.",
    "The group, which met in Lima, Jan. 4, 2019, rejected the vote. It called for new elections.",
    "Maduro took office on April 19, 2013.",
    "Venezuela — once the region's richest country — now imports food.",
    "The plan is not supported by Russia, which has backed Maduro, a browser of old alliances.",
    "Cookies were served at the reception, a diplomat joked.",
    "No comment was immediately available from the ministry.",
    "All rights groups condemned the vote, and the OAS said its comments are closed to no one.",
    "The talks ended 20 minutes ago, officials said.",
    "Temperatures reached 40 C in Lima on Monday, delaying the talks.",
    "Ministers met on May 7, 2019 in Lima.",
    "He can be reached at press@example.org for comment, the ministry said.",
    "English, Spanish and Portuguese are the bloc's working languages.",
    "This story has been told many times, the minister said.",
    "The minister left a comment in the visitors' book.",
    "Donations from Gulf states funded the talks.",
    "Website traffic rose during the summit, the ministry said.",
    "Lima will support our reporting on the summit, the minister joked.",
    "The Associated Press (AP) reported the deal first, officials said.",
    "\"Peace remains the only choice,\" said the chief negotiator, Ana Ruiz. (DPA)",
    "Pool reporters were not allowed into the room, the ministry said.",
    "The file photo shows nothing new, the ministry said.",
    "The consultation ended on Friday and public comments are closed.",
    "Breaking news alerts were sent to phones across the capital as the quake struck.",
    "Become a member of the bloc, Lula told Bolivia, and trade will follow.",
    "Make a donation to the relief fund, the minister urged citizens on Monday.",
    "If you value our sovereignty, vote no, Morales told supporters in El Alto.",
    "The above report was generated by the ministry and has not been verified.",
    "All rights reserved under the 1991 accord were suspended by the junta.",
    "Updated 5:30 figures show the peso fell again.",
    "Home to the bloc's secretariat, Lima hosted the talks.",
    "The offer of a 30-day free trial period for the visa scheme was welcomed, officials said.",
    "#1 on the agenda was Venezuela, the minister said.",
    "Growth > 3% was the target, and the peso » fell, the minister said.",
    "Get access to all the documents, the opposition demanded of the electoral council.",
    "« Never », he said, and left the room.",
    "Europe, Africa and Asia sent delegates, the ministry said.",
    "Peru wants talks with Chile and Bolivia as observers, its foreign minister said in an interview to RFE/RL.",
    "Quote me on this, the minister told reporters in Lima.",
    "Officials said the website uses cookies, and the opposition called it spying.",
    "Peru's minister spoke in an interview to RFE/RL.",
    "This was published as a decree 19 years ago and is still in force, officials said.",
    "We are sorry, the minister said, but the border stays closed.",
    "Print and broadcast media were barred from the summit, the ministry said.",
    "Copyright disputes were raised at the summit in 2024, the ministry said.",
    "Reproduction of the ballots without observers was not permitted, the commission said.",
    "Your support for the accord matters, the minister told the assembly in Lima.",
    "We need your support to end this war, the president told parliament on Tuesday.",
    "We count on your support, he said, and the crowd cheered.",
    "Please respond to this proposal by Friday, the commission told the government.",
    "Back in Kyiv, the talks resumed on Monday after a week of delays.",
])
def test_body_sentences_with_furniture_words_are_left_alone(sentence):
    raw = invented(sentence, "middle")
    result = clean.clean_article(raw, article_id="x")
    assert result.removed == []
    assert sentence in result.text


def test_headline_and_standfirst_are_removed_and_the_lede_kept():
    raw = ("Lima Group Urges Russia and China to Drop Support for Maduro\n\n"
           "The Lima Group urged Russia and China to drop their support for Maduro.\n\n"
           "The Lima Group on Thursday urged Russia and China to drop their support for Nicolas Maduro, "
           "saying his government had no legitimacy.\n\nCuba rejected the statement.\n")
    result = clean.clean_article(raw, article_id="g", title="Lima Group Urges Russia and China to Drop Support for Maduro")
    assert [e["rule"] for e in result.removed] == ["headline", "standfirst"]
    assert result.text.startswith("The Lima Group on Thursday urged")
    assert result.text.endswith("Cuba rejected the statement.")


def test_headline_is_recognised_without_a_title_and_repeated_later():
    raw = "Cuba Sends Doctors To Caracas\nCuba sent 200 doctors to Caracas on Monday.\nCuba Sends Doctors To Caracas\n"
    result = clean.clean_article(raw)
    assert [(e["line"], e["rule"]) for e in result.removed] == [(1, "headline"), (3, "duplicate_line")]
    assert result.text == "Cuba sent 200 doctors to Caracas on Monday."


def test_truncated_caption_and_its_full_form_are_removed():
    raw = (LEDE + "\nMinisters arrive for the Lima Group meeting in Lima, Peru, Tues\n"
           "Ministers arrive for the Lima Group meeting in Lima, Peru, Tuesday, May 7, 2019.\n" + CLOSE)
    result = clean.clean_article(raw)
    assert [e["rule"] for e in result.removed] == ["truncated_caption", "caption_dated"]
    assert result.text == LEDE + "\n\n" + CLOSE


def test_a_repeated_line_is_removed_once_seen():
    pull_quote = '"We will not recognise the result," she said.'
    raw = "\n".join([LEDE, pull_quote, CLOSE, pull_quote])
    result = clean.clean_article(raw)
    assert [(e["line"], e["rule"]) for e in result.removed] == [(4, "duplicate_line")]
    assert result.paragraphs == [LEDE, pull_quote, CLOSE]


@pytest.mark.parametrize("raw, prefix, rule", [
    ("CARACAS (Reuters) - Venezuela's opposition called for protests.", "CARACAS (Reuters) -", "dateline_wire"),
    ("CARACAS, Venezuela (AP) — Venezuela's opposition called for protests.", "CARACAS, Venezuela (AP) —", "dateline_wire"),
    ("Havana, Jan. 27, 2014 — Venezuela's opposition called for protests.", "Havana, Jan. 27, 2014 —", "dateline"),
    ("LIMA, 14 December 2002 — Venezuela's opposition called for protests.", "LIMA, 14 December 2002 —", "dateline"),
    ("LIMA (Andina News) ― Venezuela's opposition called for protests.", "LIMA (Andina News) ―", "dateline_wire"),
])
def test_datelines_of_other_sites_keep_the_sentence_after_them(raw, prefix, rule):
    result = clean.clean_article(raw + "\n")
    assert result.text == "Venezuela's opposition called for protests."
    assert result.removed == [{"article": "", "line": 1, "text": prefix, "rule": rule,
                               "reason": dict(zip(clean.RULES["name"], clean.RULES["reason"]))[rule]}]
    assert raw[slice(*result.kept_spans[0])] == result.text


# ----------------------------------------------------------------------------- normalisation


def test_unicode_is_normalised_and_quotation_marks_are_kept():
    raw = ("Rodri\u0301guez\u00a0said:\u2009“We\u200b stand with Venezuela.”  It’s \"final\", he added.\t\n"
           "\n\u3000Second\u202fparagraph.\u00ad\n")
    result = clean.clean_article(raw)
    assert result.paragraphs == ["Rodríguez said: “We stand with Venezuela.” It’s \"final\", he added.",
                                 "Second paragraph."]
    assert unicodedata.is_normalized("NFC", result.text)
    assert raw[slice(*result.kept_spans[1])] == "Second\u202fparagraph.\u00ad"


def test_lines_become_paragraphs_and_blank_lines_do_not_multiply():
    raw = "First line.\nSecond line.\n\n\n\nThird line.\n"
    assert clean.clean_article(raw).text == "First line.\n\nSecond line.\n\nThird line."


def test_empty_article_cleans_to_nothing():
    result = clean.clean_article("\n  \n")
    assert result.text == "" and result.removed == [] and result.kept_spans == []


# ----------------------------------------------------------------------------- the rules table


def test_rules_table_lists_every_rule_in_plain_words():
    assert clean.RULES.columns.tolist() == ["name", "kind", "reason"]
    names = clean.RULES["name"].tolist()
    assert len(names) == len(set(names))
    assert {r.name for r in clean.pattern_rules()} | {r.name for r in clean.STRUCTURAL_RULES} == set(names)
    assert clean.RULES["reason"].str.len().gt(15).all()
    assert set(clean.RULES["kind"]) == {"pattern", "pattern (start of line only)", "structure"}


def test_a_bad_pattern_in_the_rules_file_is_reported_by_name(tmp_path):
    path = tmp_path / "rules.tsv"
    path.write_text("name\tscope\tpattern\treason\nbroken\tline\t(unclosed\ta broken rule\n", encoding="utf-8")
    with pytest.raises(ValueError, match="broken"):
        clean._load_patterns(path)


def test_rules_file_rows_are_compiled_patterns():
    tsv = (clean.BOILERPLATE_FILE).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in tsv.splitlines() if line and not line.startswith("#")]
    assert rows[0] == ["name", "scope", "pattern", "reason"]
    assert all(len(row) == 4 for row in rows)
    assert all(isinstance(rule.pattern, re.Pattern) for rule in clean.pattern_rules())


def test_removed_by_rule_and_line_by_line_tables():
    raw = invented("Advertisement") + "Subscribe to our newsletter\n"
    table = clean.line_by_line(raw, article_id="x")
    assert table["rule"].tolist() == ["", "advertisement", "", "", "newsletter"]
    assert table.loc[0, "kept"] == LEDE
    audit = pd.DataFrame(clean.clean_article(raw, article_id="x").removed)
    assert clean.removed_by_rule(audit)["lines"].to_dict() == {"advertisement": 1, "newsletter": 1}


# ----------------------------------------------------------------------------- the quick test before the line rules
# clean_article first asks a quick test built from the patterns whether any line rule can match a
# line, and tries the rules one by one only if it can. The quick test must never say "no" wrongly.

# For every line rule, invented lines it removes: one for each branch of its pattern that a line can
# match away from its start (those are the branches the quick test finds by their fixed text), plus
# letters that the regex engine takes for others when ignoring case (ſ for s, İ for i).
# A new row in data/boilerplate.tsv needs an example here.
LINE_RULE_EXAMPLES = {
    "article_age": ["This was published 19 years ago", "This article is more than 5 years old",
                    "This story was first published over two years ago."],
    "unavailable_content": ["We're sorry, this feature is currently unavailable. Please try again later.",
                            "https://example.org/status/1 This post can't be displayed because social cookies are off"],
    "browser_notice": ["IE 11 is not supported", "Sorry, JavaScript is disabled in this window.",
                       "Please enable cookies to continue", "Rotate your phone for a better viewing experience",
                       "Media playback is not supported on this device"],
    "skip_link": ["Skip to main content", "3. Skip to more Example sites", "Aller au contenu",
                  "Ugrás a tartalomhozUgrás a menüpontokhoz"],
    "date_other_language": ["jeudi, avril 25, 2024", "25 de abril de 2024", "Donnerstag, 25. April 2024",
                            "25 aprile 2024"],
    "field_label": ["[Notes]", "[Photo]"],
    "section_marker": ["*** Weather ***", "== Search =="],
    "breadcrumb_trail": ["Home >> Regions >> Middle East", "Home › News › Europe"],
    "post_number": ["#5504 - 08/12/03 12:04 PM", "#3"],
    "paywall": ["Already a subscriber? Log in", "Enjoy full access to every article"],
    "numbers_only": ["+3.71%", "8,257.60", "4:30"],
    "post_buttons": ["Reply with quote", "Report post", "Back to top"],
    "section_names": ["Middle East Asia-pacific Africa Europe Americas", "News, Sport, Weather"],
    "comments_notice": ["No comments:", "Comments have been closed", "You have commented 12 times on this site."],
    "rights_reserved": ["All rights reserved by the Example Gazette.", "All rights reserved. Copyright Example Press.",
                        "All contents of this website are protected by copyright."],
    "syndication_note": ["This story was auto-generated from a syndicated feed."],
    "template_code": ["- Advertisement -spot_img", "{{item.title}}"],
    "relative_time": ["2 hours ago", "Just now"],
    "weather_widget": ["-3 C", "21.5°F"],
    "date_only": ["22nd Jun 2018", "Jan. 4, 2019", "04/06/2015"],
    "bare_url": ["www.example.org/news"],
    "contact_email": ["(e-mail: desk@example.org)"],
    "language_switcher": ["عربي English Français 中文"],
    "comment_form": ["Cancel reply", "Name *", "Los campos obligatorios están marcados con *",
                     "Votre adresse e-mail ne sera pas publiée."],
    "donation_appeal": ["Donate now", "Become a member", "We depend on your generosity to keep reporting."],
    "share_appeal": ["Please forward this message to everyone you know.", "Pass it on to your friends."],
    "image_description": ["A screen grab from state television shows the minister", "Handout photo of the delegates arriving"],
    "advertisement": ["ADVERTISEMENT", "Continue reading the main story"],
    "image_furniture": ["Image copyright AFP", "Getting data", "Photos: Reuters"],
    "caption_credit": ["Delegates arrive at the summit in Quito. Dolores Ochoa / AP"],
    "caption_photo_tag": ["Lula meets Maduro in Brasilia. (Reuters photo)",
                          "The summit opened on Monday. Image: Presidency of Peru",
                          "Protesters in Caracas, Venezuela. Getty Images", "Delegates gather in Lima. ſhutterstock",
                          "Ministers meet in Ankara. İMAGE: Turkish presidency"],
    "source_line": ["Sources: AFP, Reuters"],
    "related_link": ["Read more: Lula's visit to Caracas", "WATCH » Maduro speaks"],
    "related_heading": ["You may also like", "Most read"],
    "social_follow": ["Follow El Comercio on Instagram and TikTok"],
    "share_buttons": ["Share on WhatsApp", "Facebook · Twitter · Email"],
    "newsletter": ["Get our free weekly newsletter", "Sign in"],
    "consent": ["By registering, you accept our terms of use",
                "This site is protected by reCAPTCHA and the Google Privacy Policy."],
    "cookie_notice": ["This website uses cookies", "Manage cookies", "Cookie settings"],
    "click_here": ["Tap here to watch the video"],
    "tags": ["Filed under: Venezuela, Russia"],
    "timestamp": ["Last updated: Monday, March 4, 2019", "Posted 2019-03-04 at noon"],
    "byline": ["By Ana Vidal and Tomas Herrera"],
    "wire_credit": ["(Additional reporting by Ana Vidal in Lima)", "Reuters contributed to this story.",
                    "© 2019 Reuters", "Agencia EFE. All rights reserved."],
    "punctuation_only": ["— — —"],
}


def first_line_rule(rules, text):
    """The rule the plain definition gives: try every line rule in order, the first found wins."""
    return next((rule.name for rule in rules if rule.scope == "line" and rule.pattern.search(text)), None)


@pytest.mark.parametrize("rule", [r.name for r in clean.pattern_rules() if r.scope == "line"])
def test_the_quick_test_lets_every_line_rule_remove_its_lines(rule):
    examples = LINE_RULE_EXAMPLES.get(rule)
    assert examples, f"add invented lines for the rule {rule!r} to LINE_RULE_EXAMPLES"
    matcher = clean._line_matcher()
    for example in examples:
        text = clean.normalise_line(example)
        assert first_line_rule(clean.pattern_rules(), text) == rule  # the example is one of the rule's lines
        assert matcher.may_match(text) and matcher.line_rule(text).name == rule
        removed = clean.clean_article(invented(example), article_id="x").removed
        assert [(e["rule"], e["text"]) for e in removed] == [(rule, example)]


def test_the_quick_test_is_built_from_every_line_rule():
    """Every line rule is covered: tried at the line start with the others and found away from the
    start by its fixed text, or searched on every line."""
    matcher = clean._line_matcher()
    line_rules = [r for r in clean.pattern_rules() if r.scope == "line"]
    assert matcher.line_rules == tuple(line_rules)
    side_by_side = [_linefilter._scoped(r.pattern.pattern) for r in line_rules if r.pattern not in matcher.searched]
    assert matcher.at_start.pattern == "|".join(side_by_side)
    for rule in line_rules:
        if rule.pattern in matcher.searched:
            continue
        for text, folded in _linefilter._needed_away_from_start(rule.pattern):
            pieces = matcher.texts.folded if folded else matcher.texts.exact
            assert any(piece in text for piece in pieces), (rule.name, text)


def test_folding_agrees_with_the_regex_engine_ignoring_case():
    """A letter that re.IGNORECASE takes for an ASCII one (İ, ı, ſ, the Kelvin sign) folds to it."""
    import sys

    takes_for_ascii = re.compile(r"(?i)[\x00-\x7f]")
    chars = [chr(c) for c in range(sys.maxunicode + 1) if takes_for_ascii.fullmatch(chr(c))]
    for char in chars:
        for ascii_char in map(chr, range(128)):
            if re.fullmatch("(?i)" + re.escape(ascii_char), char):
                assert _linefilter._fold(char) == ascii_char.lower(), char


@pytest.mark.parametrize("pattern, needed", [
    (r"(?i)^skip to", set()),                                      # anchored at the start: the regex finds it
    (r"(?i)\bcontributed(?: reporting)? to this", {("contributed", True)}),
    (r"\s?/\s?", {("/", False)}),
    (r"(?i:ab)CDE", {("CDE", False)}),                             # the longer text is the better test
    (r"(?:alpha|beta)\d", {("alpha", False), ("beta", False)}),
    (r"^Intro|\bplain\b", {("plain", False)}),
    (r"\d{5}$", None),                                             # no fixed text: searched every time
    (r"(?i)^x|\w+\d$", None),
    (r"(?:word)?s", {("s", False)}),
    (r"(?i)caf\u00e9 au lait", {(" au lait", True)}),              # é ignoring case is not used
])
def test_fixed_texts_found_in_patterns(pattern, needed):
    assert _linefilter._needed_away_from_start(re.compile(pattern)) == (None if needed is None else frozenset(needed))


def test_a_new_rule_in_another_rules_file_is_honoured(tmp_path):
    rows = [
        "press_release\tline\t(?i)\\bfor immediate release\\b\ta press-release header",
        "postcode\tline\t^Lima \\d{5}$|\\d{5} Lima$\ta postcode line, with no fixed text away from the start",
        "doubled\tline\t^(\\w+) \\1$\ta word said twice (a back-reference: cannot stand beside other patterns)",
        "editor_note\tprefix\t(?i)^editor's note:\\s*\ta note from the editor in front of the first sentence",
    ]
    path = tmp_path / "boilerplate.tsv"
    path.write_text(clean.BOILERPLATE_FILE.read_text(encoding="utf-8") + "\n".join(rows) + "\n", encoding="utf-8")
    rules = clean._load_patterns(path)[1]
    matcher = clean._line_matcher(path)
    assert [r.name for r in matcher.line_rules][-3:] == ["press_release", "postcode", "doubled"]
    lines = {
        "PERU MINISTRY OF FOREIGN AFFAIRS - FOR IMMEDIATE RELEASE": "press_release",
        "Office of the spokesman, 15074 Lima": "postcode",
        "Lima Lima": "doubled",
        "Advertisement": "advertisement",                          # an earlier rule still wins
        "For immediate release: Advertisement": "press_release",
        LEDE: None,
        "The release of the prisoners was announced for immediate effect in Lima.": None,
    }
    for text, rule in lines.items():
        assert first_line_rule(rules, text) == rule
        found = matcher.line_rule(text)
        assert (found.name if found else None) == rule, text
    rule, match = matcher.prefix_match("Editor's note: " + LEDE)
    assert rule.name == "editor_note" and match.group() == "Editor's note: "
    assert clean._line_matcher().prefix_match("Editor's note: " + LEDE) is None


# ----------------------------------------------------------------------------- fast paths agree with the plain definitions


@pytest.mark.parametrize("text", ["", ".", "a.", 'He said "no."', "Role of Russia", "a.\n", "a.\n\n", "a)", "a.)",
                                  "…”", "end.) ’", "x.\"'”’)]\"", "a. b", "(a)\n", "Ends, \n"])
def test_sentence_end_is_looked_for_at_the_end_only(text):
    assert clean._ends_sentence(text) == bool(clean._SENTENCE_END.search(text))


@pytest.mark.parametrize("line", ["  plain text  ", "two  spaces", "tab\there", "form\ffeed", "\u00a0odd", "a\rb",
                                  "Rodri\u0301guez", "soft\u00adhyphen", " ", "x\x0by"])
def test_plain_lines_are_normalised_as_before(line):
    expected = clean._SPACES.sub(" ", clean._INVISIBLE.sub("", clean._ODD_SPACE.sub(
        " ", unicodedata.normalize("NFC", line)))).strip()
    assert clean.normalise_line(line) == expected


@pytest.mark.parametrize("title, line, same", [
    ("Lima Group Meets", "LIMA GROUP MEETS", True), ("Lima Group Meets", "Lima Group Meets Again", False),
    ("Lima Group Meets", "Lima Group", False), ("Peru’s Plan", "peru’s plan!", True), ("Lima", "— Lima —", True),
])
def test_headline_words_are_compared_one_by_one(title, line, same):
    words = [w.lower() for w in clean._WORD.findall(title)]
    assert clean._has_normal_title(line, words) == same == (clean._normal_title(line) == clean._normal_title(title))


def test_body_sentences_are_the_sentences_of_the_kept_paragraphs_as_written():
    """clean_corpus's body_sentences are what splitting each kept paragraph of the raw text gives,
    also where cleaning changed a paragraph's spaces; the sentence count is the clean text's."""
    from helpers.sentences import sentence_spans, split_sentences

    raw = ("Lima Group Meets\n\nThe group met in Lima. It spoke of Venezuela.\n"
           "Advertisement\n\nMaduro\u00a0said  no.   Guaido  said yes. The U.S. Treasury agreed.\n")
    cleaned = clean.clean_corpus(pd.DataFrame({"id": ["a"], "title": [""], "text": [raw]}))
    expected = [(start + s, start + e) for start, end in cleaned.loc[0, "body_spans"]
                for s, e in sentence_spans(raw[start:end])]
    assert cleaned.loc[0, "body_sentences"] == expected and len(expected) == 5
    assert cleaned.loc[0, "sentences"] == len(split_sentences(cleaned.loc[0, "clean_text"])) == 5


def test_a_list_after_a_colon_is_kept_as_body():
    raw = ("Three countries left the group on Monday and two stayed, officials said.\n\n"
           "These are the countries that left:\n\nPeru\nChile\nCosta Rica\n\n"
           "The rest will meet again in March, the statement said.\n\nWhat comes next\n\n"
           "Analysts expect more departures.")
    result = clean.clean_article(raw)
    assert "Peru\n\nChile\n\nCosta Rica" in result.text
    assert [(entry["rule"], entry["text"]) for entry in result.removed] == [("subhead", "What comes next")]


def test_lines_of_figures_are_not_subheads():
    raw = ("Results so far, with most of the votes counted:\n\nKenyatta 2,800,000 (53%)\n"
           "Odinga 2,200,000 (42%)\n\nCounting resumes on Tuesday.")
    lines = clean.clean_article(raw).text.split("\n\n")
    assert lines[1:3] == ["Kenyatta 2,800,000 (53%)", "Odinga 2,200,000 (42%)"]
    assert clean.clean_article("Talks End\n\nTurnout: 64.5 %\n\nThe count began.").removed == [
        {"article": "", "line": 1, "text": "Talks End", "rule": "headline", "reason": clean._REASONS["headline"]}]


def test_a_wrapped_paragraph_ends_where_its_last_line_ends_a_sentence_or_a_title_follows():
    raw = ("Leaders of the nine member states met in Caracas on Monday and then\nwent home\nOil Prices\n"
           "The price of oil fell again on Tuesday as traders sold their contracts.\n")
    result = clean.clean_article(raw)
    assert result.text.startswith("Leaders of the nine member states met in Caracas on Monday and then went home\n\n")
    assert [(e["rule"], e["text"]) for e in result.removed] == [("subhead", "Oil Prices")]


def test_a_line_whose_dateline_was_cut_starts_a_paragraph_and_the_headline_still_goes():
    title = "Cuba sends thousands of doctors to Venezuela amid crisis"
    raw = (title + "\nHAVANA (Reuters) - Cuba sent 2,000 doctors to Venezuela on Monday, officials said.\n"
           "The doctors will work in clinics across the country, the ministry said.\n")
    result = clean.clean_article(raw, title=title)
    assert result.text.split("\n\n")[0] == "Cuba sent 2,000 doctors to Venezuela on Monday, officials said."
    assert [e["rule"] for e in result.removed] == ["headline", "dateline_wire"]
    assert all(raw[s:e] == raw[s:e].strip() and "HAVANA" not in raw[s:e] for s, e in result.kept_spans)


def test_hard_wrapped_wire_copy_becomes_paragraphs():
    raw = ("BRUSSELS (Reuters) - European Union leaders failed to agree a summit\n"
           "statement on Thursday that sought to hold Russia to account for the\n"
           "downing of the airliner, diplomats said.\n"
           "\"We will come back to it in March,\" the ambassador told reporters on\n"
           "the sidelines of the summit.\n")
    paragraphs = clean.clean_article(raw).text.split("\n\n")
    assert paragraphs == [
        "European Union leaders failed to agree a summit statement on Thursday that sought to hold Russia "
        "to account for the downing of the airliner, diplomats said.",
        "\"We will come back to it in March,\" the ambassador told reporters on the sidelines of the summit."]


def test_teasers_of_other_stories_go_with_their_headlines_and_dated_paragraphs_stay():
    raw = ("LIMA: Peru's foreign minister said on Tuesday that the Lima Group would meet again in May.\n\n"
           "BOGOTA: Colombia backed the call, its foreign ministry said in a statement.\n\n"
           "Related\n\n"
           "Ecuador proposes new rules for the April vote\n\n"
           "QUITO: The electoral council has drafted a proposed code of\n\n"
           "Chile's senate debates pension reform\n\n"
           "SANTIAGO: Chile's senate began a debate on Tuesday on a plan that would\n")
    result = clean.clean_article(raw)
    assert result.text.split("\n\n") == [
        "LIMA: Peru's foreign minister said on Tuesday that the Lima Group would meet again in May.",
        "BOGOTA: Colombia backed the call, its foreign ministry said in a statement."]
    assert [e["rule"] for e in result.removed] == ["related_heading", "teaser", "teaser", "teaser", "teaser"]


def test_a_breadcrumb_trail_from_home_is_removed_with_its_items():
    raw = ("Home\n- World\n- Americas\n- Peru says the Lima Group will meet again in ..\n\n" + BODY + "\n")
    result = clean.clean_article(raw, article_id="b")
    assert result.text == BODY
    assert {entry["rule"] for entry in result.removed} == {"breadcrumb"}
    assert len(result.removed) == 4


def test_a_list_of_countries_after_a_colon_is_not_a_breadcrumb():
    raw = LEDE + "\n\nThese countries stayed:\n- Peru\n- Chile\n- Colombia\n\n" + CLOSE + "\n"
    assert clean.clean_article(raw, article_id="l").removed == []


def test_a_list_of_other_stories_with_their_times_is_removed():
    ticker = ["Peru recalls envoy over Lima Group rowPolitics May 7, 16:43",
              "Chile backs new talks on Venezuela (07.05.2019)",
              "Oil prices fall as Caracas talks stall 15:05"]
    result = clean.clean_article("\n".join(ticker) + "\n\n" + BODY + "\n", article_id="t")
    assert result.text == BODY
    assert [entry["rule"] for entry in result.removed] == ["story_list"] * 3


def test_one_line_ending_with_a_time_stays():
    raw = LEDE + "\n\nThe vote was set for Tuesday at 10:30\n\n" + CLOSE + "\n"
    assert clean.clean_article(raw, article_id="t").removed == []


def test_the_caption_just_before_a_photo_credit_goes_with_it():
    caption = "Foreign ministers of the Lima Group pose for a photo before the meeting in Lima"
    raw = "\n\n".join([LEDE, caption + "\n© Ana Diaz / Example Photo", MIDDLE, CLOSE]) + "\n"
    result = clean.clean_article(raw, article_id="c")
    assert result.text == BODY
    assert [entry["rule"] for entry in result.removed] == ["caption_before_credit", "caption_credit"]


def test_a_paragraph_before_a_photo_credit_stays_when_it_ends_a_sentence():
    raw = "\n\n".join([LEDE, "Photo: AFP", MIDDLE, CLOSE]) + "\n"
    result = clean.clean_article(raw, article_id="c")
    assert result.text == BODY


def test_a_pull_quote_repeating_the_body_is_removed_and_the_body_kept():
    pull = "We will not recognise the result of an election held without observers"
    quote = '"We will not recognise the result of an election held without observers," she said in Lima.'
    raw = "\n\n".join([LEDE, quote, pull, CLOSE]) + "\n"
    result = clean.clean_article(raw, article_id="p")
    assert result.text == "\n\n".join([LEDE, quote, CLOSE])
    assert [entry["rule"] for entry in result.removed] == ["repeated_text"]


def test_of_two_near_copies_the_summary_above_goes():
    summary = "The Lima Group met in Lima on Tuesday and called for new elections in Venezuela"
    body = "The Lima Group met in Lima on Tuesday and called for new elections in Venezuela."
    result = clean.clean_article("\n\n".join([summary + " (LG)", body, CLOSE]) + "\n", article_id="s")
    assert result.text == "\n\n".join([body, CLOSE])
    assert [entry["rule"] for entry in result.removed] == ["repeated_text"]


def test_short_repeated_phrases_are_not_pull_quotes():
    raw = "\n\n".join([LEDE, MIDDLE, "The talks ended without a deal.",
                       "Ministers said the talks ended without a deal on Tuesday.", CLOSE]) + "\n"
    assert clean.clean_article(raw, article_id="r").removed == []


def test_a_long_dated_paragraph_cut_short_is_the_article_not_a_teaser():
    long_line = "LIMA (AP) - " + " ".join(["The ministers met again on Tuesday and talked about the vote"] * 6)
    raw = LEDE + "\n\n" + long_line + "\n"
    result = clean.clean_article(raw, article_id="t")
    assert [entry["rule"] for entry in result.removed] == ["dateline_wire"]
    assert result.text.endswith("talked about the vote")


@pytest.mark.parametrize("line", [
    "The ministers agreed to meet again in Quito before the end of June",   # the past tense: the report's own
    "The ministers will meet again in Quito before the end of June and in",  # continued by the next line
    '"We will meet again in Quito before the end of June," the minister',   # a quotation
    "The ministers will meet again in Quito to discuss three questions:",   # introduces a list
])
def test_a_line_without_a_full_stop_stays_when_it_reads_as_the_report(line):
    follows = "continued by a line in lower case, as a paragraph broken in two is." if line.endswith("in") else MIDDLE
    raw = "\n\n".join([LEDE, line, follows, CLOSE]) + "\n"
    result = clean.clean_article(raw, article_id="s")
    assert "stray_line" not in {entry["rule"] for entry in result.removed}
    assert line in result.text


def test_a_first_line_in_sentence_case_is_the_headline_and_a_summary_repeating_it_stays():
    headline = "Lima Group ministers meet in Lima as Venezuela talks stall"
    summary = "Ministers of the Lima Group meet in Lima, where Peru calls for elections in Venezuela"
    result = clean.clean_article("\n\n".join([headline, summary, BODY]) + "\n", article_id="h")
    assert [(entry["rule"], entry["text"]) for entry in result.removed] == [("headline", headline)]
    assert result.text.startswith(summary)


def test_a_caption_as_the_last_line_of_a_page_cut_short_stays():
    raw = "\n\n".join([LEDE, MIDDLE, "Foreign ministers of the Lima Group at the summit venue in Lima"]) + "\n"
    assert clean.clean_article(raw, article_id="s").removed == []


RELATED = ["• Analysis: what the Lima Group wants", "• Timeline: Venezuela's crisis", "• What next for the bloc?"]


def test_three_link_lines_in_a_row_are_a_link_list():
    raw = BODY + "\n\n" + "\n".join(RELATED) + "\n"
    result = clean.clean_article(raw, article_id="k")
    assert result.text == BODY
    assert [entry["rule"] for entry in result.removed] == ["link_list"] * 3


def test_the_paragraphs_of_a_donation_appeal_go_with_its_first_and_last_lines():
    appeal = ["Your support helps us to tell the story",
              "From elections to trade, our reporters are on the ground when the story breaks.",
              "At such a moment we need reporters on the ground. Your gift keeps them there.",
              "Your support makes all the difference."]
    result = clean.clean_article("\n\n".join([*appeal, LEDE, MIDDLE, CLOSE]) + "\n", article_id="d")
    assert result.text == BODY
    assert [entry["rule"] for entry in result.removed] == ["donation_appeal", "appeal_block", "appeal_block",
                                                           "donation_appeal"]


def test_the_list_an_appeal_introduces_goes_with_it():
    appeal = ["We need your help! Our readership has slowly been shrinking.",
              "Every month we rely on your donations. You can support us in three ways:",
              "1. Tell your friends about us and follow us online.",
              "2. Subscribe to our daily newsletter.",
              "3. Give what you can."]
    result = clean.clean_article("\n\n".join([LEDE, MIDDLE, CLOSE, *appeal]) + "\n", article_id="d")
    assert result.text == BODY
    assert [entry["rule"] for entry in result.removed] == ["donation_appeal"] * 2 + ["appeal_block"] * 3


def test_a_list_in_the_story_after_a_colon_stays():
    intro = "The ministers agreed on three points:"
    items = ["1. A ceasefire from Monday.", "2. Talks in Geneva within a month.", "3. Observers at the border."]
    raw = "\n\n".join([LEDE, intro, *items, CLOSE]) + "\n"
    text = clean.clean_article(raw, article_id="l").text
    assert all(item in text for item in items)


def test_a_short_story_between_two_appeal_banners_stays():
    raw = "\n\n".join(["Support independent journalism", LEDE, MIDDLE, CLOSE, "Support independent journalism"]) + "\n"
    result = clean.clean_article(raw, article_id="d")
    assert result.text == BODY


def test_a_question_ending_an_excerpt_before_one_read_more_button_stays():
    question = "But will the new declaration change anything for the people of the region?"
    raw = "\n\n".join([LEDE, MIDDLE, question, "Read more"]) + "\n"
    assert question in clean.clean_article(raw, article_id="q").text


def test_headlines_before_read_more_buttons_go_and_a_paragraph_before_one_stays():
    box = ["Mercosur ministers meet in Asuncion", "Read more", "Will the Lima Group survive 2021?", "Read more"]
    raw = "\n\n".join([LEDE, MIDDLE, CLOSE, *box]) + "\n"
    result = clean.clean_article(raw, article_id="m")
    assert result.text == BODY
    assert [entry["rule"] for entry in result.removed] == ["teaser_before_more", "related_link"] * 2
    paragraph = "\n\n".join([LEDE, MIDDLE, CLOSE, "Read more"]) + "\n"
    assert clean.clean_article(paragraph, article_id="m").text == BODY  # CLOSE ends a sentence: it stays


def test_the_storys_bulleted_highlights_above_its_first_paragraph_stay():
    highlights = ["• Peru confirms it will leave the group, tells lawmakers to wait for details",
                  "• Chile and Colombia say they will stay in the bloc for now",
                  "• Want our newsletter?"]
    raw = "\n".join(highlights) + "\n\n" + BODY + "\n"
    result = clean.clean_article(raw, article_id="h")
    assert result.text == "\n\n".join(highlights[:2] + [LEDE, MIDDLE, CLOSE])
    below = BODY + "\n\n" + "\n".join(highlights) + "\n"  # the same lines below the article: other stories
    assert clean.clean_article(below, article_id="h").text == BODY


def test_a_long_paragraph_ending_like_a_caption_is_not_a_caption():
    paragraph = " ".join(["The ministers met in Lima and agreed to meet again in June."] * 6) + " (Read photo caption)"
    raw = "\n\n".join([LEDE, paragraph, CLOSE]) + "\n"
    assert clean.clean_article(raw, article_id="c").removed == []


def test_a_list_of_links_is_one_list_across_lines_already_removed():
    links = ["Lima Group meets in Ottawa", "12 Comments", "Maduro sworn in for a second term", "12 Comments",
             "Guaido named interim president by the assembly"]
    raw = "\n\n".join([BODY, *links]) + "\n"
    result = clean.clean_article(raw, article_id="l")
    assert result.text == BODY
    assert [entry["rule"] for entry in result.removed].count("link_list") == 3


@pytest.mark.parametrize("items", [
    ["Peru left in 2021.", "Chile stayed.", "Colombia stayed."],        # items ending with full stops
    ["Peru 12 (40%)", "Chile 9 (30%)", "Colombia 9 (30%)"],            # figures
    ['"We will stay" - Peru', '"We will stay too" - Chile', '"So will we" - Colombia'],  # quotations
    RELATED[:2],                                                          # only two lines
])
def test_an_articles_own_short_lines_are_not_a_link_list(items):
    raw = "\n\n".join([LEDE, "\n".join(items), MIDDLE, CLOSE]) + "\n"
    result = clean.clean_article(raw, article_id="k")
    assert "link_list" not in {entry["rule"] for entry in result.removed}


def test_readers_comments_after_their_count_are_removed_to_the_end():
    comments = "3 Comments\n\n1. Ana\nMay 7, 2019\n\nThe Lima Group should have acted sooner.\n\n2. Tom\nAgreed."
    result = clean.clean_article(BODY + "\n\n" + comments + "\n", article_id="m")
    assert result.text == BODY
    assert {entry["rule"] for entry in result.removed} == {"comments", "date_only"}  # the date goes first


def test_a_comment_count_alone_takes_nothing_after_it():
    raw = LEDE + "\n\n12 Comments\n\n" + MIDDLE + "\n\n" + CLOSE + "\n"
    result = clean.clean_article(raw, article_id="m")
    assert result.text == BODY
    assert [entry["rule"] for entry in result.removed] == ["comments_notice"]


def test_lines_above_the_headline_are_the_pages_not_the_articles():
    title = "Lima Group Calls for New Elections"
    raw = "The voice of the Andes since 1990.\nMarch 3, 2019 | 21 °C\n\n" + title + "\n\n" + BODY + "\n"
    result = clean.clean_article(raw, article_id="h", title=title)
    assert result.text == BODY
    assert [entry["rule"] for entry in result.removed] == ["above_headline", "above_headline", "headline"]


def test_prose_above_a_repeated_headline_keeps_everything_above_it():
    title = "Lima Group Calls for New Elections"
    prose = ("Peru's foreign minister said on Tuesday that the Lima Group would meet again in May to discuss "
             "the crisis in Venezuela, where the opposition leader has called for new elections and for "
             "the army to stand aside, and where millions have left the country.")
    raw = "Andean Herald\n\n" + prose + "\n\n" + title + "\n\n" + CLOSE + "\n"
    result = clean.clean_article(raw, article_id="h", title=title)
    assert prose in result.text
    assert "above_headline" not in {entry["rule"] for entry in result.removed}


def test_a_caption_shown_twice_goes_both_times():
    caption = "Foreign ministers of the Lima Group posing for a picture before the meeting in Lima"
    raw = "\n\n".join([LEDE, caption + "\n" + caption, MIDDLE, CLOSE]) + "\n"
    result = clean.clean_article(raw, article_id="d")
    assert result.text == BODY
    assert [entry["rule"] for entry in result.removed] == ["duplicate_line", "duplicate_line"]


def test_a_sentence_repeated_keeps_its_first_copy():
    raw = "\n\n".join([LEDE, MIDDLE, CLOSE, CLOSE]) + "\n"
    result = clean.clean_article(raw, article_id="d")
    assert result.text == BODY
    assert [entry["rule"] for entry in result.removed] == ["duplicate_line"]


def test_a_short_subhead_between_paragraphs_of_prose_is_kept():
    raw = "\n\n".join([LEDE, "What happens next", MIDDLE, CLOSE]) + "\n"
    result = clean.clean_article(raw, article_id="s")
    assert result.removed == []
    assert result.paragraphs[1] == "What happens next"


def test_long_items_of_a_list_after_a_colon_stay():
    items = ["- The state of war between the two countries has come to an end;",
             "- The two nations will forge close political, economic and security cooperation",
             "- Trade and diplomatic ties will resume",
             "- The boundary decision will be implemented"]
    raw = LEDE + "\n\nThe two leaders signed a five-point agreement, which reads as follows:\n" + "\n".join(items) + "\n\n" + CLOSE + "\n"
    result = clean.clean_article(raw, article_id="l")
    assert result.removed == []
    assert all(item in result.text for item in items)
