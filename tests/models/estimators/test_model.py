from innotag.models.corpus.load import load_corpus, preprocess_corpus
from innotag.models.estimators.model import EMPTY, NOT_FINNISH, InnotagModel, ModelConfig
from innotag.nlp.preprocess import Preprocessed


def test_real_prior_moves_calls_towards_common_stages_and_temperature_keeps_them(small_corpus):
    corpus = load_corpus(small_corpus)
    docs, _ = preprocess_corpus(corpus, "fast", progress=False)
    base = dict(threshold_cv=3, calibration_cv=2)
    as_learnt = InnotagModel(ModelConfig(stage_prior=None, stage_temperature=1.0, **base)).fit(
        docs, corpus.stages, corpus.feature_matrix)
    prior = [0.02, 0.9, 0.02, 0.02, 0.02, 0.02]
    shifted = InnotagModel(ModelConfig(stage_prior=prior, stage_temperature=1.0, **base)).fit(
        docs, corpus.stages, corpus.feature_matrix)
    softened = InnotagModel(ModelConfig(stage_prior=prior, stage_temperature=3.0, **base)).fit(
        docs, corpus.stages, corpus.feature_matrix)
    p0, p1, p2 = (m.predict_arrays(docs)[0] for m in (as_learnt, shifted, softened))
    assert (p1.argmax(1) == 1).sum() > (p0.argmax(1) == 1).sum()
    assert (p2.argmax(1) == p1.argmax(1)).all() and p2.max(1).mean() < p1.max(1).mean()


def test_flags_for_documents_the_model_cannot_label():
    model = InnotagModel()
    model.vocabulary_ = {"malli"}
    assert model.flags(Preprocessed()) == [EMPTY]
    english = Preprocessed(sentences=["x"], sentence_lemmas=[["the", "model"]], n_words=6, n_known=1)
    assert model.flags(english) == [NOT_FINNISH]
