import numpy as np

from innotag.models.estimators.baselines import KeywordFeatureClassifier, KeywordStageClassifier, PrevalenceClassifier

X = np.array([["kysely tilasto ongelma", ""], ["pilotti kokeilu palaute", ""], ["laki hallitus", ""],
              ["lakimuutos velvoite pilotti", ""]], dtype=object)


def test_keyword_stage_rules():
    model = KeywordStageClassifier().fit(X, np.array([1, 1, 2, 5]))
    assert model.predict(X).tolist() == [0, 2, 1, 5]  # no cue -> majority (1); tie -> later stage


def test_keyword_feature_rules():
    X2 = np.array([["yhteiskehittäminen nuori", ""], ["rahoittaja ohjausryhmä", ""]], dtype=object)
    predicted = KeywordFeatureClassifier().fit(X2, np.zeros((2, 6))).predict(X2)
    assert predicted[0].tolist() == [0, 0, 0, 0, 1, 0] and predicted[1].tolist() == [0, 0, 1, 0, 0, 0]


def test_prevalence():
    model = PrevalenceClassifier().fit(X, np.array([[1, 0], [1, 0], [1, 1], [0, 0]]))
    assert model.predict_proba(X[:1]).tolist() == [[0.75, 0.25]]
    assert model.predict(X[:1]).tolist() == [[1, 0]]
