"""Model inputs and the TF-IDF feature blocks built from preprocessed documents.

A document enters the scikit-learn models as a row of three strings: its normalised lemma
stream, its Voikko compound parts and its tense- or mood-marked verbs, each space-separated. Keeping the spaCy step
outside the estimators means the persisted model holds only standard scikit-learn
objects (no callables), and the same preprocessing serves training and prediction.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer

from innotag.models.estimators.cues import cue_vocabulary
from innotag.nlp.preprocess import Preprocessed

LEMMAS, COMPOUNDS, VERBS = 0, 1, 2
TOKEN_PATTERN = r"\S+"


def model_inputs(docs: Sequence[Preprocessed]) -> np.ndarray:
    """(n_documents, 3) object array: lemma text, compound-part text, marked-verb text."""
    rows = np.empty((len(docs), 3), dtype=object)
    for i, doc in enumerate(docs):
        rows[i, LEMMAS] = " ".join(doc.lemmas)
        rows[i, COMPOUNDS] = " ".join(doc.compounds)
        rows[i, VERBS] = " ".join(doc.verbs)
    return rows


def sentence_inputs(doc: Preprocessed) -> np.ndarray:
    """One model-input row per sentence, for locating evidence sentences."""
    rows = np.empty((len(doc.sentence_lemmas), 3), dtype=object)
    verbs = doc.sentence_verbs or [[] for _ in doc.sentence_lemmas]
    for i, (lemmas, marked) in enumerate(zip(doc.sentence_lemmas, verbs)):
        rows[i, LEMMAS] = " ".join(lemmas)
        rows[i, COMPOUNDS] = ""
        rows[i, VERBS] = " ".join(marked)
    return rows


TENSES = ("past", "pres", "cnd")


def tense_profile(docs: Sequence[Preprocessed]) -> np.ndarray:
    """(n_documents, 3): the shares of past, present and conditional among a document's marked verbs.

    A report of what was done leans to the past tense, a plan to the present (Finnish has no
    future tense) and to the conditional; three numbers carry that across genres better than
    the verbs themselves. All zeros where the pipeline marks no verbs.
    """
    rows = np.zeros((len(docs), len(TENSES)))
    for i, doc in enumerate(docs):
        marks = [verb.rsplit("~", 1)[-1] for verb in doc.verbs]
        if marks:
            rows[i] = [marks.count(t) / len(marks) for t in TENSES]
    return rows


def make_vectorizer(*, char_ngrams: bool = True, compounds: bool = False, verbs: bool = False, cues: bool = True,
                    cue_weight: float = 0.3, min_df: int = 2, max_word_ngram: int = 2) -> ColumnTransformer:
    """Lemma uni/bigrams, optionally character n-grams, compound parts and codebook cue phrases.

    The cue block marks the codebook's feature cue phrases (binary, unnormalised) so that
    the feature model can weigh them; without it they are diluted among thousands of
    n-grams. It comes last, so the stage model can leave it out (see ``stage_columns``).
    """
    blocks = [("words", TfidfVectorizer(token_pattern=TOKEN_PATTERN, lowercase=False, ngram_range=(1, max_word_ngram),
                                        min_df=min_df, sublinear_tf=True, dtype=np.float64), LEMMAS)]
    if char_ngrams:
        blocks.append(("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=min_df,
                                                sublinear_tf=True, max_features=60_000, dtype=np.float64), LEMMAS))
    if compounds:
        blocks.append(("compounds", TfidfVectorizer(token_pattern=TOKEN_PATTERN, lowercase=False, min_df=min_df,
                                                    sublinear_tf=True, dtype=np.float64), COMPOUNDS))
    if verbs:
        blocks.append(("verbs", TfidfVectorizer(token_pattern=TOKEN_PATTERN, lowercase=False, min_df=min_df,
                                                sublinear_tf=True, dtype=np.float64), VERBS))
    weights = {name: 1.0 for name, _, _ in blocks}
    if cues:
        blocks.append(("cues", TfidfVectorizer(token_pattern=TOKEN_PATTERN, lowercase=False, ngram_range=(1, 3),
                                               vocabulary=cue_vocabulary(), binary=True, use_idf=False, norm=None,
                                               dtype=np.float64), LEMMAS))
        weights["cues"] = cue_weight
    return ColumnTransformer(blocks, sparse_threshold=1.0, transformer_weights=weights)


def stage_columns(vectorizer: ColumnTransformer) -> slice:
    """Columns the stage model uses: every block but the feature cues (they lowered stage scores in CV)."""
    indices = vectorizer.output_indices_
    return slice(0, indices["cues"].start) if "cues" in indices else slice(None)
