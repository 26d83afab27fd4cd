"""scikit-learn's own conventions checks for the project's two estimators."""

from sklearn.utils.estimator_checks import parametrize_with_checks

from innotag.models.estimators.multilabel import ThresholdedMultiLabelClassifier
from innotag.models.estimators.ordinal import FrankHallClassifier

MULTILABEL_ONLY = "multi-label only: y must be a 2-D 0/1 indicator matrix, and this check fits a 1-D target"
# Checks that fit ThresholdedMultiLabelClassifier on a 1-D target, which it refuses by design.
ONE_D_TARGET_CHECKS = (
    "check_fit_score_takes_y", "check_estimators_overwrite_params", "check_dont_overwrite_parameters",
    "check_estimators_fit_returns_self", "check_readonly_memmap_input", "check_n_features_in_after_fitting",
    "check_positive_only_tag_during_fit", "check_estimators_dtypes", "check_dtype_object",
    "check_estimator_sparse_tag", "check_estimator_sparse_array", "check_estimator_sparse_matrix",
    "check_f_contiguous_array_estimator", "check_classifier_data_not_an_array",
    "check_classifiers_one_label", "check_classifiers_classes", "check_classifiers_train",
    "check_methods_sample_order_invariance", "check_methods_subset_invariance", "check_fit2d_1sample",
    "check_fit2d_1feature", "check_dict_unchanged", "check_fit2d_predict1d",
)


def expected_failures(estimator) -> dict[str, str]:
    if isinstance(estimator, ThresholdedMultiLabelClassifier):
        failures = dict.fromkeys(ONE_D_TARGET_CHECKS, MULTILABEL_ONLY)
        failures["check_classifier_multioutput"] = ("predict applies each label's tuned threshold, "
                                                    "not 0.5 on predict_proba")
        return failures
    return {}


@parametrize_with_checks([FrankHallClassifier(), ThresholdedMultiLabelClassifier(cv=3, random_state=0)],
                         expected_failed_checks=expected_failures)
def test_sklearn_conventions(estimator, check):
    check(estimator)
