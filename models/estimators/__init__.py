"""Model inputs, codebook cues, baselines and the estimators that make up an innotag model.

The interchangeable estimators are registered here by name, as functions that build the
unfitted base estimator from a :class:`~innotag.models.estimators.model.ModelConfig`. The
command line reads the names (for its choices and help) without importing scikit-learn.
"""


def _nominal(config):
    """multinomial logistic regression"""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=config.stage_c, max_iter=3000)


def _ordinal(config):
    """Frank-Hall ordinal model of binary logistic regressions"""
    from sklearn.linear_model import LogisticRegression

    from innotag.models.estimators.ordinal import FrankHallClassifier

    return FrankHallClassifier(LogisticRegression(C=config.stage_c, solver="liblinear"))


def _svm(config):
    """linear SVM per feature"""
    from sklearn.svm import LinearSVC

    return LinearSVC(C=config.feature_c / 10, class_weight="balanced", random_state=config.seed)


def _logreg(config):
    """logistic regression per feature"""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=config.feature_c, solver="liblinear", class_weight="balanced")


STAGE_MODELS = {"nominal": _nominal, "ordinal": _ordinal}
FEATURE_MODELS = {"svm": _svm, "logreg": _logreg}
