import numpy as np

from innotag.models.estimators.features import LEMMAS, VERBS, make_vectorizer, model_inputs, stage_columns, tense_profile
from innotag.nlp.preprocess import Preprocessed


def doc(verbs, lemmas=("malli", "kokeilla")):
    return Preprocessed(sentences=["x"], sentence_lemmas=[list(lemmas)], sentence_verbs=[list(verbs)],
                        n_words=len(lemmas), n_known=len(lemmas))


def test_tense_profile_is_the_share_of_each_tense():
    rows = tense_profile([doc(["kokeilla~past", "olla~past", "levittää~pres", "olla~cnd"]), doc([])])
    np.testing.assert_allclose(rows, [[0.5, 0.25, 0.25], [0, 0, 0]])


def test_model_inputs_carry_lemmas_and_marked_verbs():
    X = model_inputs([doc(["kokeilla~past"])])
    assert X[0, LEMMAS] == "malli kokeilla" and X[0, VERBS] == "kokeilla~past"


def test_the_stage_model_does_not_see_the_cue_block():
    docs = [doc(["kokeilla~past"], ("yhteinen", "visio", "malli")), doc([], ("malli", "ohjausryhmä"))] * 2
    vectorizer = make_vectorizer(char_ngrams=False, min_df=1)
    X = vectorizer.fit_transform(model_inputs(docs))
    assert stage_columns(vectorizer).stop == vectorizer.output_indices_["cues"].start < X.shape[1]
