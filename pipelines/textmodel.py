"""The text model: a second, learned reading of whether a news text has a trade measure as its
subject, beside the relevance rule (pipelines.relevance), which it can overrule only when it is
sure (pipelines.relevance.judge).

It is a logistic regression over the text's words, word pairs and character n-grams (1-3, inside
words: Chinese is read by characters), weighted by tf-idf (sublinear term frequencies, l2
norm), as scikit-learn computes them. It was trained on the development texts of the news corpus
(tests/cases/news/dev.yaml) only; the held-out files never trained it. Its weights are
pipelines/data/text_model.json.gz; this module reads them with the standard library (scikit-learn
is needed only to train, a test dependency):

    python -m pipelines.textmodel train tests/cases/news/dev.yaml pipelines/data/text_model.json.gz

`probability` is the model's probability that a text is about a measure; `strongest` names the
features that pushed the text most toward the model's side, for the reason shown to the analyst.

The category model is a second regression over the same features: a multinomial one, trained on
the relevant development texts and their categories (pipelines.vocab.Category), which reads a
news text's category where the category rules' step is weak (pipelines.classify). Its weights
are pipelines/data/category_model.jsonl.gz (a header line, then one line per feature, read line by
line so that loading it never holds the whole file as Python objects):

    python -m pipelines.textmodel train-categories tests/cases/news/dev.yaml \
        pipelines/data/category_model.jsonl.gz
"""

from __future__ import annotations

import gzip
import json
import math
import re
import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipelines.nfkc import nfkc

MODEL_FILE = Path(__file__).parent / "data" / "text_model.json.gz"
CATEGORY_MODEL_FILE = Path(__file__).parent / "data" / "category_model.jsonl.gz"
WORD = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern
CHAR = "#"  # the prefix of a character n-gram's feature name
MIN_DF = 2  # a feature must occur in at least this many training texts
# The model reads texts of at least this many words, as long as those it was trained on (the
# shortest development text has 136): a headline and a line or two are beyond what it learnt.
MIN_WORDS = 100
LATIN_WORD = re.compile(r"[^\W\d_]+")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
C = 10.0  # the regression's inverse regularization strength


def features(text: str) -> Counter[str]:
    """The text's feature counts: lowercased words (two word characters or more), adjacent word
    pairs, and the character 1- to 3-grams of each whitespace-separated token padded with a
    space (scikit-learn's `char_wb`)."""
    text = nfkc(text).lower()
    words = WORD.findall(text)
    counts = Counter(words)
    counts.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    for token in text.split():
        padded = f" {token} "
        for n in (1, 2, 3):
            counts.update(CHAR + padded[i:i + n] for i in range(len(padded) - n + 1))
    return counts


def words_in(text: str) -> int:
    """A text's length in words: its words of letters (none in Chinese) plus one per two Chinese
    characters."""
    cjk = len(CJK.findall(text))
    return len(LATIN_WORD.findall(CJK.sub(" ", text))) + cjk // 2


def text_of(title: str, body: str) -> str:
    """What the model reads: the headline, then the body."""
    return f"{title}\n{body}"


def reads(text: str) -> bool:
    """Whether the text is long enough for the model (MIN_WORDS)."""
    return words_in(text) >= MIN_WORDS


@dataclass(frozen=True)
class TextModel:
    """The trained weights: per feature its idf and coefficient, and the intercept."""

    idf: dict[str, float]
    coef: dict[str, float]
    intercept: float

    def weights(self, text: str) -> dict[str, float]:
        """The text's tf-idf vector (sublinear tf, l2-normalized) over the model's features."""
        vector = {k: (1 + math.log(n)) * self.idf[k]
                  for k, n in features(text).items() if k in self.idf}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {k: v / norm for k, v in vector.items()}

    def probability(self, text: str) -> float:
        """The probability that the text has a trade measure as its subject."""
        return self.probability_of(self.weights(text))

    def probability_of(self, vector: dict[str, float]) -> float:
        """The probability of a text's vector (`weights`)."""
        logit = self.intercept + sum(v * self.coef[k] for k, v in vector.items())
        return 1 / (1 + math.exp(-logit)) if logit > -700 else 0.0

    def strongest(self, vector: dict[str, float], toward: bool, n: int = 3) -> list[str]:
        """The n words or word pairs of a text's vector (`weights`) that pushed it most toward
        relevant (`toward`) or unrelated, strongest first (character n-grams are left out: they
        explain nothing)."""
        sign = 1 if toward else -1
        pushes = sorted(((sign * v * self.coef[k], k) for k, v in vector.items()
                         if not k.startswith(CHAR)), reverse=True)
        return [k for push, k in pushes[:n] if push > 0]


@dataclass(frozen=True)
class CategoryModel:
    """The category model's weights: one intercept per category (`classes` gives their order)
    and, per feature, a row of `table` (at `index[feature]`): its idf, then one coefficient per
    category. A flat array of floats, not a dict of tuples: the shipped model has some 63,000
    features, and held as Python objects they would take five times the memory."""

    classes: tuple[str, ...]
    index: dict[str, int]
    table: array[float]
    intercept: tuple[float, ...]

    @classmethod
    def of(cls, classes: Sequence[str], rows: Iterable[tuple[str, float, Sequence[float]]],
           intercept: Sequence[float]) -> CategoryModel:
        """The model of per-feature rows (feature, idf, coefficients per category), read one at
        a time."""
        index: dict[str, int] = {}
        table: array[float] = array("d")
        for name, idf, coefficients in rows:
            index[name] = len(index)
            table.append(idf)
            table.extend(coefficients)
        return cls(tuple(classes), index, table, tuple(intercept))

    @property
    def _width(self) -> int:
        return len(self.classes) + 1

    def weights(self, text: str) -> dict[str, float]:
        """The text's tf-idf vector (sublinear tf, l2-normalized) over the model's features."""
        width, index, table = self._width, self.index, self.table
        vector = {k: (1 + math.log(n)) * table[index[k] * width]
                  for k, n in features(text).items() if k in index}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {k: v / norm for k, v in vector.items()}

    def probabilities_of(self, vector: dict[str, float]) -> dict[str, float]:
        """Each category's probability for a text's vector (`weights`): the softmax of the
        categories' scores."""
        scores, width, table = list(self.intercept), self._width, self.table
        for k, v in vector.items():
            row = self.index[k] * width + 1
            for i in range(len(scores)):
                scores[i] += v * table[row + i]
        top = max(scores)
        exps = [math.exp(x - top) for x in scores]
        total = sum(exps)
        return {name: e / total for name, e in zip(self.classes, exps, strict=True)}

    def strongest(self, vector: dict[str, float], category: str, n: int = 3) -> list[str]:
        """The n words or word pairs of a text's vector (`weights`) that pushed it most toward
        `category` against the others on average, strongest first (character n-grams are left
        out: they explain nothing)."""
        width, table, k = self._width, self.table, len(self.classes)
        i = self.classes.index(category)

        def push(feature: str) -> float:
            row = self.index[feature] * width + 1
            own = table[row + i]
            others = (sum(table[row:row + k]) - own) / (k - 1)
            return vector[feature] * (own - others)

        pushes = sorted(((push(f), f) for f in vector if not f.startswith(CHAR)), reverse=True)
        return [f for p, f in pushes[:n] if p > 0]


@lru_cache(maxsize=1)
def text_model(path: Path = MODEL_FILE) -> TextModel:
    """The shipped model (read once)."""
    return model_of(stored_weights(path))


def stored_weights(path: Path = MODEL_FILE) -> dict[str, Any]:
    """The stored weights, as `train` made them."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


# --- training (scikit-learn; a test dependency) -------------------------------------------------


def corpus_texts(path: Path) -> list[dict[str, Any]]:
    """The texts of a corpus file (tests/cases/news/*.yaml)."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data["texts"] if isinstance(data, dict) else data


def fit(texts: list[dict[str, Any]]) -> tuple[Any, Any, Any]:
    """scikit-learn's vectorizer, tf-idf and regression fitted on corpus texts (title, body,
    relevant)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.linear_model import LogisticRegression

    vectorizer, tfidf = DictVectorizer(), TfidfTransformer(sublinear_tf=True)
    regression = LogisticRegression(C=C, max_iter=5000)
    regression.fit(tfidf.fit_transform(vectorizer.fit_transform(counted_features(texts))),
                   [bool(t["relevant"]) for t in texts])
    return vectorizer, tfidf, regression


def train(texts: list[dict[str, Any]]) -> dict[str, Any]:
    """The model's weights trained on corpus texts, as stored."""
    return weights_of(fit(texts), len(texts))


def weights_of(fitted: tuple[Any, Any, Any], trained_on: int) -> dict[str, Any]:
    """The weights of a fitted model (`fit`), as stored (six significant digits)."""
    vectorizer, tfidf, regression = fitted
    return {"trained_on": trained_on, "min_df": MIN_DF, "C": C,
            "intercept": float(regression.intercept_[0]),
            "features": {str(k): [round(float(i), 6), float(f"{c:.6g}")] for k, i, c in
                         zip(vectorizer.get_feature_names_out(), tfidf.idf_,
                             regression.coef_[0], strict=True)}}


def counted_features(texts: list[dict[str, Any]]) -> list[dict[str, int]]:
    """Each corpus text's feature counts, without the features of fewer than MIN_DF texts."""
    counted = [features(text_of(t["title"], t["body"])) for t in texts]
    df = Counter(k for counts in counted for k in counts)
    kept = {k for k, n in df.items() if n >= MIN_DF}
    return [{k: n for k, n in counts.items() if k in kept} for counts in counted]


def categorized(texts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The corpus texts the category model learns from: the relevant ones, with a category."""
    return [t for t in texts if t.get("relevant") and t.get("category")]


def fit_categories(texts: list[dict[str, Any]]) -> tuple[Any, Any, Any]:
    """scikit-learn's vectorizer, tf-idf and multinomial regression fitted on the categories of
    corpus texts (`categorized`)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.linear_model import LogisticRegression

    texts = categorized(texts)
    vectorizer, tfidf = DictVectorizer(), TfidfTransformer(sublinear_tf=True)
    regression = LogisticRegression(C=C, max_iter=5000)
    regression.fit(tfidf.fit_transform(vectorizer.fit_transform(counted_features(texts))),
                   [t["category"] for t in texts])
    return vectorizer, tfidf, regression


def category_weights_of(fitted: tuple[Any, Any, Any], trained_on: int) -> dict[str, Any]:
    """The weights of a fitted category model (`fit_categories`), as stored."""
    vectorizer, tfidf, regression = fitted
    return {"trained_on": trained_on, "min_df": MIN_DF, "C": C,
            "classes": [str(c) for c in regression.classes_],
            "intercept": [float(f"{b:.6g}") for b in regression.intercept_],
            "features": {str(k): [round(float(i), 6), [float(f"{c:.6g}") for c in coefs]]
                         for k, i, coefs in zip(vectorizer.get_feature_names_out(), tfidf.idf_,
                                                regression.coef_.T, strict=True)}}


def category_model_of(data: dict[str, Any]) -> CategoryModel:
    """The category model of stored weights."""
    return CategoryModel.of(data["classes"], ((k, v[0], v[1]) for k, v in
                                              data["features"].items()), data["intercept"])


@lru_cache(maxsize=1)
def category_model(path: Path = CATEGORY_MODEL_FILE) -> CategoryModel:
    """The shipped category model (read once, line by line)."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        header = json.loads(f.readline())
        return CategoryModel.of(header["classes"], map(json.loads, f), header["intercept"])


def stored_category_weights(path: Path = CATEGORY_MODEL_FILE) -> dict[str, Any]:
    """The stored category weights, as `category_weights_of` made them."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        data = json.loads(f.readline())
        data["features"] = {name: [idf, coefficients]
                            for name, idf, coefficients in map(json.loads, f)}
    return data


def save_categories(model: dict[str, Any], path: Path) -> None:
    """Write the category weights: gzipped JSON lines, a header and then one line per feature
    in the order of their names, byte-for-byte the same for the same model."""
    header = {k: v for k, v in model.items() if k != "features"}
    lines = [json.dumps(header, ensure_ascii=False, sort_keys=True)]
    lines += [json.dumps([name, *model["features"][name]], ensure_ascii=False)
              for name in sorted(model["features"])]
    _write_gzip(("\n".join(lines) + "\n").encode("utf-8"), path)


def model_of(data: dict[str, Any]) -> TextModel:
    """The model of stored weights."""
    return TextModel(idf={k: v[0] for k, v in data["features"].items()},
                     coef={k: v[1] for k, v in data["features"].items()},
                     intercept=data["intercept"])


def save(model: dict[str, Any], path: Path) -> None:
    """Write the weights, gzipped JSON, byte-for-byte the same for the same model."""
    _write_gzip(json.dumps(model, ensure_ascii=False, sort_keys=True).encode("utf-8"), path)


def _write_gzip(data: bytes, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0,
                                                filename="") as f:
        f.write(data)


def main(argv: list[str]) -> None:
    if len(argv) != 3 or argv[0] not in ("train", "train-categories"):
        sys.exit("usage: python -m pipelines.textmodel train CORPUS.yaml OUT.json.gz | "
                 "train-categories CORPUS.yaml OUT.jsonl.gz")
    texts = corpus_texts(Path(argv[1]))
    if argv[0] == "train-categories":
        texts = categorized(texts)
        save_categories(category_weights_of(fit_categories(texts), len(texts)), Path(argv[2]))
    else:
        save(train(texts), Path(argv[2]))
    print(f"{argv[2]}: trained on {len(texts)} texts")


if __name__ == "__main__":
    main(sys.argv[1:])
