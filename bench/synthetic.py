"""A deterministic generator of synthetic news corpora for the scale benchmark.

``generate_articles(n, seed)`` returns n news-like articles (about 500 words each) built from
sentence templates: reporting with names, titles and alliances, direct quotations of several
kinds (said X, X said:, split quotes, fragments, statements), and page furniture lines
(captions with credits, "RELATED:" links, "Follow us" lines, newsletter boxes) for the cleaner.
The same n and seed always give the same corpus, byte for byte.

``write_corpus(folder, n, seed)`` writes it as a corpus folder (articles/*.txt + metadata.csv).
"""
from __future__ import annotations

import csv
import random
from pathlib import Path

PEOPLE = [("Foreign Minister", "Ana", "Vidal"), ("President", "Tomas", "Herrera"), ("Senator", "Lucia", "Mendez"),
          ("Defense Minister", "Pablo", "Ortega"), ("Ambassador", "Carla", "Rios"), ("Vice President", "Jorge", "Salas"),
          ("Opposition leader", "Marta", "Quiroga"), ("Secretary of State", "John", "Whitaker"),
          ("Foreign Minister", "Sergei", "Volkov"), ("spokeswoman", "Li", "Wen"), ("Economy Minister", "Diego", "Paredes"),
          ("Interior Minister", "Rosa", "Campos")]
COUNTRIES = ["Venezuela", "Cuba", "Bolivia", "Nicaragua", "Colombia", "Brazil", "Argentina", "Peru", "Chile",
             "Mexico", "Ecuador", "Honduras", "Panama", "Paraguay", "Uruguay", "Guatemala"]
POWERS = ["the United States", "Russia", "China", "Turkey", "Cuba", "Iran"]
BLOCS = ["ALBA", "the Lima Group", "CELAC", "the OAS", "Mercosur"]
CITIES = ["Caracas", "Havana", "La Paz", "Managua", "Bogota", "Brasilia", "Lima", "Quito", "Washington", "Moscow"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TOPICS = ["sanctions", "the election", "the border crisis", "oil exports", "humanitarian aid", "the migration crisis",
          "debt talks", "military exercises", "the opposition protests", "trade agreements"]
QUOTES = ["We will not accept any interference in our internal affairs",
          "The region needs dialogue, not threats",
          "This government has lost all legitimacy",
          "Our people have the right to decide their own future",
          "The sanctions are hurting ordinary families, not the elite",
          "We stand with our allies and we will keep standing with them",
          "There can be no solution without free and fair elections",
          "History will judge those who stayed silent",
          "The doors of dialogue remain open",
          "Nobody will be allowed to destabilise this country"]
FRAGMENTS = ["illegitimate", "a historic mistake", "economic war", "a dangerous escalation", "unacceptable",
             "a lifeline", "an attack on sovereignty", "the end of an era"]
FURNITURE = ["Follow us on Facebook, Twitter and Instagram.", "Advertisement", "Sign up for our daily newsletter.",
             "RELATED: {bloc} leaders gather in {city} as pressure grows", "Share this article with Email Facebook Twitter",
             "{name} speaks to reporters in {city}, {country}. Jane Doe / AP", ", , , ,",
             "By submitting this form, I agree to the terms.", "Reporting by Ana Lopez; Editing by Tom Brown"]


def _person(rng: random.Random) -> tuple[str, str, str]:
    return rng.choice(PEOPLE)


def _sentence(rng: random.Random) -> str:
    title, first, last = _person(rng)
    kind = rng.randrange(12)
    country, power, bloc, city = rng.choice(COUNTRIES), rng.choice(POWERS), rng.choice(BLOCS), rng.choice(CITIES)
    topic, day, quote = rng.choice(TOPICS), rng.choice(DAYS), rng.choice(QUOTES)
    if kind == 0:
        return f'"{quote}," said {title} {first} {last} of {country}.'
    if kind == 1:
        return f'{title} {first} {last} said on {day}: "{quote}."'
    if kind == 2:
        return f'"{quote}," {last} told reporters in {city}. "We will meet again next month."'
    if kind == 3:
        return f'{bloc} called the move "{rng.choice(FRAGMENTS)}" and urged {power} to reconsider.'
    if kind == 4:
        return f'"{quote}," the statement read, according to a copy seen by reporters.'
    if kind == 5:
        return f"{power.capitalize() if power[0].islower() else power} and {country} discussed {topic} in {city} on {day}, officials said."
    if kind == 6:
        return f"Leaders of {bloc} met in {city} to discuss {topic}, as tensions with {power} continued to rise."
    if kind == 7:
        return f"{country}'s government has rejected criticism from {bloc} over {topic} since early {rng.choice(['January', 'March', 'May', 'October'])}."
    if kind == 8:
        return f"Analysts in {city} said the dispute over {topic} could reshape relations between {country} and {power}."
    if kind == 9:
        return f"According to {first} {last}, the talks on {topic} in {city} were \"{rng.choice(FRAGMENTS)}\" for the region."
    if kind == 10:
        return f"The U.S. Treasury said on {day} it would review {topic} with {country}, a move welcomed by {bloc}."
    return f"Thousands of people marched in {city} on {day} to protest against {topic}, witnesses said."


def generate_article(index: int, seed: int = 0, words: int = 500) -> str:
    """One synthetic article: a headline, body paragraphs of 2-4 sentences, and a few furniture lines."""
    rng = random.Random(seed * 1_000_003 + index)
    bloc, city, country = rng.choice(BLOCS), rng.choice(CITIES), rng.choice(COUNTRIES)
    lines = [f"{bloc.replace('the ', '').title()} Leaders Meet In {city} Over {country} Crisis", ""]
    count = 0
    while count < words:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
        count += len(paragraph.split())
        lines += [paragraph, ""]
        if rng.random() < 0.12:
            title, first, last = _person(rng)
            lines += [rng.choice(FURNITURE).format(bloc=bloc, city=city, country=country, name=f"{first} {last}"), ""]
    lines.append(f"Follow us on Twitter for more news from {city}.")
    return f"[{index}] " + "\n".join(lines) + "\n"


def generate_articles(n: int, seed: int = 0) -> list[str]:
    """``n`` synthetic articles, the same for the same ``n`` and ``seed``."""
    return [generate_article(i, seed) for i in range(n)]


def write_corpus(folder: str | Path, n: int, seed: int = 0) -> Path:
    """Write ``n`` synthetic articles as a corpus folder and return it."""
    folder = Path(folder)
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    with open(folder / "metadata.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["id", "file", "title", "outlet", "date", "url", "language"])
        for i, text in enumerate(generate_articles(n, seed)):
            name = f"synthetic_{i:06d}.txt"
            (folder / "articles" / name).write_text(text, encoding="utf-8")
            writer.writerow([f"synthetic_{i:06d}", name, text.splitlines()[0][:80], f"Outlet {i % 7}",
                             f"20{17 + i % 3}-0{1 + i % 9}-1{i % 10}", "", "en"])
    return folder
