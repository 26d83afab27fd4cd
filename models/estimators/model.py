"""The innotag model: a shared TF-IDF vectorizer, a stage classifier and a feature classifier.

:class:`InnotagModel` works on preprocessed documents (:class:`innotag.nlp.preprocess.Preprocessed`);
reading and preprocessing stay outside it, so the persisted object holds only
scikit-learn estimators and the project's two estimator classes.
"""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass, field

import numpy as np
import scipy.sparse as sp
from sklearn.base import clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, cross_val_predict

from innotag.models.errors import ModelError
from innotag.models.estimators import FEATURE_MODELS, STAGE_MODELS
from innotag.models.estimators.domain import similarity, stage_centroids
from innotag.models.estimators.evidence import sentence_evidence, weighted_documents
from innotag.models.estimators.features import (VERBS, make_vectorizer, model_inputs, sentence_inputs, stage_columns,
                                                tense_profile)
from innotag.models.estimators.prior import REAL_STAGE_PRIOR, REAL_TEMPERATURE, adjust
from innotag.models.estimators.multilabel import ThresholdedMultiLabelClassifier
from innotag.models.estimators.ordinal import FrankHallClassifier
from innotag.models.schema import FEATURE_IDS, STAGE_IDS
from innotag.nlp.preprocess import Preprocessed

# Flags that withhold labels: the model has nothing to go on.
EMPTY, NOT_FINNISH, UNKNOWN_VOCABULARY = "empty", "not_finnish", "unknown_vocabulary"
SHORT = "short"  # labels are given, but from little text
OUT_OF_DOMAIN = "out_of_domain"  # labels are given, but the training corpus had little like it
BLOCKING_FLAGS = (EMPTY, NOT_FINNISH, UNKNOWN_VOCABULARY)
EVIDENCE_TASKS = ("stage", "features")


@dataclass
class ModelConfig:
    """Everything that defines a model besides the data; stored in ``meta.json``.

    The defaults were chosen by 5-fold cross-validation on the corpus
    (``python bench/model_selection.py``; figures in ``bench/RESULTS.md``).
    """

    stage_model: str = "ordinal"      # a name in STAGE_MODELS
    stage_c: float = 10.0
    feature_model: str = "svm"        # a name in FEATURE_MODELS, calibrated
    feature_c: float = 10.0
    char_ngrams: bool = True
    compounds: bool = False           # Voikko compound parts: lowered CV scores on the corpus
    verb_tense: bool = False          # tense/mood-marked verbs (pipelines with a morphologizer)
    tense_profile: bool = True        # shares of past/present/conditional verbs, for the stage model
    cues: bool = True                 # codebook cue phrases as a feature block
    cue_weight: float = 0.3
    min_df: int = 2
    calibration_cv: int = 3           # folds for the stage model's sigmoid calibration
    threshold_cv: int = 5             # folds for the features' calibration and thresholds
    min_known_ratio: float = 0.5      # below this share of Finnish words: not_finnish
    min_vocabulary_share: float = 0.2  # below this share of lemmas in the training vocabulary: unknown_vocabulary
    short_words: int = 25
    out_of_domain_percentile: float = 5.0  # training documents less similar than this share are the limit
    # Evidence weighting (see evidence.py): the share of a document's input that is its
    # evidence-weighted sentence sum, per task; 0 leaves the task document-level only.
    evidence_mix_stage: float = 0.0
    evidence_mix_features: float = 0.0
    evidence_c: float = 1.0
    evidence_cv: int = 5
    # Stage probabilities for real documents (prior.py): the prior to move to (None: the
    # corpus's own) and a temperature above 1 that softens over-confident answers.
    stage_prior: list[float] | None = field(default_factory=lambda: list(REAL_STAGE_PRIOR))
    stage_temperature: float = REAL_TEMPERATURE
    seed: int = 0

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "ModelConfig":
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)


def _calibrated(estimator, config: ModelConfig):
    # ensemble=False: one base model fitted on all data (its coefficients explain the
    # prediction) with a sigmoid calibrator fitted on cross-validated scores.
    return CalibratedClassifierCV(estimator, method="sigmoid", cv=config.calibration_cv, ensemble=False)


def make_stage_classifier(config: ModelConfig):
    return _calibrated(_registered(STAGE_MODELS, config.stage_model, "stage")(config), config)


def make_feature_classifier(config: ModelConfig):
    base = _registered(FEATURE_MODELS, config.feature_model, "feature")(config)
    # calibrated and thresholded inside, on one set of out-of-fold scores
    return ThresholdedMultiLabelClassifier(base, cv=config.threshold_cv, random_state=config.seed)


def _registered(registry: dict, name: str, kind: str):
    if name not in registry:
        raise ModelError(f"unknown {kind} model {name!r}; use one of {', '.join(registry)}")
    return registry[name]


@dataclass
class Prediction:
    """Model output for one document; labels are None when a blocking flag is set."""

    stage: str | None
    stage_probabilities: dict[str, float] | None
    expected_stage: float | None
    features: list[str] | None
    feature_probabilities: dict[str, float] | None
    thresholds: dict[str, float]
    ecosystem_score: int | None
    flags: list[str] = field(default_factory=list)
    explanation: dict | None = None


class InnotagModel:
    """Vectorizer + stage classifier + feature classifier, fitted together."""

    def __init__(self, config: ModelConfig | None = None):
        self.config = config or ModelConfig()

    def fit(self, docs: list[Preprocessed], stages, feature_matrix, evidence: list[dict] | None = None) -> "InnotagModel":
        """Fit on preprocessed documents; ``evidence`` gives, per document, its evidence passages by label
        (``{"stage": [...], "<feature>": [...]}``, or None where a document was not annotated)."""
        X = model_inputs(docs)
        self.__dict__.pop("_feature_names", None)  # a refit has new features
        # The fast pipeline marks no verbs: then the block would have no vocabulary.
        verbs = self.config.verb_tense and any(X[:, VERBS])
        self.vectorizer_ = make_vectorizer(char_ngrams=self.config.char_ngrams, compounds=self.config.compounds,
                                           verbs=verbs, cues=self.config.cues, cue_weight=self.config.cue_weight,
                                           min_df=self.config.min_df)
        Xv = self.vectorizer_.fit_transform(X)
        sentences = self._sentence_rows(docs) if self._weighs_evidence else None
        self.evidence_classifiers_ = {}
        weights = {}
        for task in EVIDENCE_TASKS:
            if self._mix(task):
                labels = _evidence_labels(docs, evidence, task)
                weights[task] = self._fit_evidence(task, sentences, labels)
        stage_X = self._task_inputs("stage", Xv, sentences, weights.get("stage"), docs)
        self.stage_classifier_ = make_stage_classifier(self.config).fit(stage_X, np.asarray(stages))
        self.stage_train_prior_ = np.bincount(np.asarray(stages), minlength=len(STAGE_IDS)) / len(stages)
        feature_X = self._task_inputs("features", Xv, sentences, weights.get("features"), docs)
        self.feature_classifier_ = make_feature_classifier(self.config).fit(feature_X, np.asarray(feature_matrix))
        self.vocabulary_ = set(self.vectorizer_.named_transformers_["words"].vocabulary_)
        words = self.vectorizer_.output_indices_["words"]
        self.domain_centroids_ = stage_centroids(Xv[:, words], np.asarray(stages), len(STAGE_IDS))
        self.domain_threshold_ = float(np.percentile(self.domain_similarity(Xv), self.config.out_of_domain_percentile))
        return self

    def domain_similarity(self, Xv) -> np.ndarray:
        """Cosine of each vectorised document to the nearest stage centroid of the training corpus."""
        return similarity(Xv[:, self.vectorizer_.output_indices_["words"]], self.domain_centroids_)

    # -- evidence weighting ---------------------------------------------------------------
    @property
    def _weighs_evidence(self) -> bool:
        return any(self._mix(task) for task in EVIDENCE_TASKS)

    def _mix(self, task: str) -> float:
        return self.config.evidence_mix_stage if task == "stage" else self.config.evidence_mix_features

    def _columns(self, task: str) -> slice:
        return stage_columns(self.vectorizer_) if task == "stage" else slice(None)

    def _sentence_rows(self, docs):
        """All sentences' vectors, and the document each belongs to."""
        owner = np.repeat(np.arange(len(docs)), [len(d.sentence_lemmas) for d in docs])
        if not len(owner):  # no sentences at all (empty documents)
            return sp.csr_matrix((0, len(self._feature_names))), owner
        return self.vectorizer_.transform(np.vstack([sentence_inputs(d) for d in docs])), owner

    def _fit_evidence(self, task, sentences, labels) -> np.ndarray:
        """Fit P(evidence | sentence) on annotated documents; return out-of-fold weights for them."""
        S, owner = sentences
        annotated = labels >= 0
        if annotated.sum() == 0 or len(set(labels[annotated])) < 2:
            raise ModelError("evidence weighting needs a corpus with evidence annotation (an 'evidence' field); "
                             "set evidence_mix_stage and evidence_mix_features to 0 for a corpus without it")
        X_sent = S[:, self._columns(task)]
        y, groups = labels[annotated], owner[annotated]
        classifier = LogisticRegression(C=self.config.evidence_c, class_weight="balanced", max_iter=3000)
        self.evidence_classifiers_[task] = clone(classifier).fit(X_sent[annotated], y)
        weights = self.evidence_classifiers_[task].predict_proba(X_sent)[:, 1]
        n_splits = min(self.config.evidence_cv, len(set(groups)))
        if n_splits >= 2:  # out-of-fold weights, so training documents look like new ones
            weights[annotated] = cross_val_predict(classifier, X_sent[annotated], y, groups=groups,
                                                   cv=GroupKFold(n_splits=n_splits), method="predict_proba")[:, 1]
        return weights

    def _evidence_weights(self, task, S) -> np.ndarray:
        """P(evidence) of each sentence row of ``S`` (already restricted to the task's columns)."""
        return self.evidence_classifiers_[task].predict_proba(S)[:, 1] if S.shape[0] else np.zeros(0)

    def _task_inputs(self, task, Xv, sentences, weights, docs):
        """A task's input: document TF-IDF, its evidence-weighted sentence sum (if mixed), the tense profile (stage)."""
        columns = self._columns(task)
        mix = self._mix(task)
        blocks = [(1 - mix) * Xv[:, columns]]
        if mix:
            S, owner = sentences
            if weights is None:
                weights = self._evidence_weights(task, S[:, columns])
            blocks.append(mix * weighted_documents(S[:, columns], owner, weights, len(docs)))
        if task == "stage" and self.config.tense_profile:
            blocks.append(sp.csr_matrix(tense_profile(docs)))
        return sp.hstack(blocks, format="csr") if len(blocks) > 1 else blocks[0]

    # -- prediction ---------------------------------------------------------------------
    def predict_arrays(self, docs: list[Preprocessed]) -> tuple[np.ndarray, np.ndarray]:
        """Stage probabilities (n, 6) and feature probabilities (n, 6), no flags applied."""
        return self._predict_vectors(docs, self.vectorizer_.transform(model_inputs(docs)))

    def _predict_vectors(self, docs: list[Preprocessed], Xv) -> tuple[np.ndarray, np.ndarray]:
        sentences = self._sentence_rows(docs) if self._weighs_evidence else None
        stage_proba = np.zeros((len(docs), len(STAGE_IDS)))
        stage_proba[:, self.stage_classifier_.classes_] = self.stage_classifier_.predict_proba(
            self._task_inputs("stage", Xv, sentences, None, docs))
        stage_proba = adjust(stage_proba, np.maximum(self.stage_train_prior_, 1e-12), self.config.stage_prior,
                             self.config.stage_temperature)
        return stage_proba, self.feature_classifier_.predict_proba(
            self._task_inputs("features", Xv, sentences, None, docs))

    @property
    def thresholds(self) -> dict[str, float]:
        return {f: float(t) for f, t in zip(FEATURE_IDS, self.feature_classifier_.thresholds_)}

    def flags(self, doc: Preprocessed, domain_similarity: float | None = None) -> list[str]:
        if not doc.lemmas:
            return [EMPTY]
        if doc.n_words >= 5 and doc.known_ratio < self.config.min_known_ratio:
            return [NOT_FINNISH]
        words = [lemma for lemma in doc.lemmas if lemma != "#num"]
        in_vocabulary = sum(lemma in self.vocabulary_ for lemma in words) / max(len(words), 1)
        if in_vocabulary < self.config.min_vocabulary_share:
            return [UNKNOWN_VOCABULARY]
        flags = [SHORT] if doc.n_words < self.config.short_words else []
        if domain_similarity is not None and domain_similarity < self.domain_threshold_:
            flags.append(OUT_OF_DOMAIN)
        return flags

    def predict(self, docs: list[Preprocessed], explain: bool = False) -> list[Prediction]:
        if not docs:
            return []
        Xv = self.vectorizer_.transform(model_inputs(docs))  # once, for the calls and the domain check
        stage_proba, feature_proba = self._predict_vectors(docs, Xv)
        similarities = self.domain_similarity(Xv)
        thresholds = self.thresholds
        results = []
        for i, doc in enumerate(docs):
            flags = self.flags(doc, similarities[i])
            if any(f in BLOCKING_FLAGS for f in flags):
                results.append(Prediction(None, None, None, None, None, thresholds, None, flags))
                continue
            present = [f for f, p in zip(FEATURE_IDS, feature_proba[i]) if p >= thresholds[f]]
            stage = int(np.argmax(stage_proba[i]))
            results.append(Prediction(
                stage=STAGE_IDS[stage],
                stage_probabilities={s: round(float(p), 4) for s, p in zip(STAGE_IDS, stage_proba[i])},
                expected_stage=round(float(np.dot(np.arange(1, len(STAGE_IDS) + 1), stage_proba[i])), 3),
                features=present,
                feature_probabilities={f: round(float(p), 4) for f, p in zip(FEATURE_IDS, feature_proba[i])},
                thresholds=thresholds,
                ecosystem_score=len(present),
                flags=flags,
                explanation=self.explain(doc, stage, present) if explain else None,
            ))
        return results

    # -- explanations ---------------------------------------------------------------------
    def explain(self, doc: Preprocessed, stage: int, present: list[str], n_terms: int = 8, n_sentences: int = 3) -> dict:
        """Terms and sentences that pushed the stage call and each present feature most.

        For a linear model a term's push is its TF-IDF weight times its coefficient in
        the direction of the call; with evidence weighting, the document's own vector and
        its evidence-weighted sentence sum each contribute their share. The sentences are
        those the model leaned on: each sentence's push, times its evidence weight where
        the task weighs evidence. Character n-grams count in the model but are not listed,
        because a reader cannot check a 4-letter fragment.
        """
        x = self.vectorizer_.transform(model_inputs([doc]))
        sentences = self._sentence_rows([doc]) if doc.sentences else None
        names = self._feature_names
        readable = np.array([not n.startswith("chars__") for n in names])
        directions = {"stage": ("stage", self._stage_direction(stage))}
        for f in present:
            directions[f] = ("features", self.feature_classifier_.estimators_[FEATURE_IDS.index(f)].coef_.ravel())
        out = {}
        for key, (task, coef) in directions.items():
            columns, mix = self._columns(task), self._mix(task)
            n = len(names[columns])  # the tense profile's columns, if any, come last and are not terms
            doc_w, evidence_w = coef[:n], coef[n:2 * n] if mix else None
            contrib = x[:, columns].multiply(doc_w).toarray().ravel() * (1 - mix)
            evidence = []
            if sentences is not None:
                S, owner = sentences[0][:, columns], sentences[1]
                scores = S @ doc_w * (1 - mix)
                if mix:
                    weights = self._evidence_weights(task, S)
                    pooled = weighted_documents(S, owner, weights, 1)
                    contrib = contrib + pooled.multiply(evidence_w).toarray().ravel() * mix
                    scores = scores + weights * (S @ evidence_w) * mix
                evidence = [doc.sentences[i] for i in np.argsort(-scores)[:n_sentences] if scores[i] > 0]
            contrib = contrib * readable[columns]
            top = [i for i in np.argsort(-contrib)[:n_terms] if contrib[i] > 0]
            terms = [{"term": names[columns][i].split("__", 1)[1], "weight": round(float(contrib[i]), 4)} for i in top]
            out[key] = {"terms": terms, "sentences": evidence}
        return out

    @functools.cached_property
    def _feature_names(self) -> np.ndarray:
        """Column names of the fitted vectorizer; built once, as it takes ~0.07 s each time."""
        return self.vectorizer_.get_feature_names_out()

    def _stage_direction(self, stage: int) -> np.ndarray:
        """Stage coefficients towards ``stage`` over the stage model's input columns."""
        base = _base_estimator(self.stage_classifier_)
        k = int(np.searchsorted(base.classes_, stage))
        if isinstance(base, FrankHallClassifier):
            return base.direction(k)
        return base.coef_[k] - base.coef_.mean(axis=0)


def _evidence_labels(docs, evidence, task: str) -> np.ndarray:
    """Per sentence: 1 evidence, 0 background, -1 document not annotated. Features: evidence of any feature."""
    out = []
    for i, doc in enumerate(docs):
        passages = (evidence or [None] * len(docs))[i]
        if not passages:
            out.append(np.full(len(doc.sentence_lemmas), -1))
            continue
        wanted = [p for label, texts in passages.items() if (label == "stage") == (task == "stage") for p in texts]
        out.append(sentence_evidence(doc.sentences, wanted).astype(int))
    return np.concatenate(out) if out else np.zeros(0, dtype=int)


def _base_estimator(calibrated):
    return calibrated.calibrated_classifiers_[0].estimator if isinstance(calibrated, CalibratedClassifierCV) else calibrated

