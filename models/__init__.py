"""Everything after preprocessing, one subpackage per concern.

- ``corpus``: loading annotated corpora, validating them, inter-annotator agreement;
- ``estimators``: model inputs and vectorizer, codebook cues, baselines, the thresholded
  multi-label and ordinal estimators, and :class:`~innotag.models.estimators.model.InnotagModel`;
- ``evaluation``: folds and cross-validation, metrics, held-out evaluation, reports;
- ``persistence``: safe model directories and the model card;
- ``tagging``: input expansion, the :class:`~innotag.models.tagging.tagger.Tagger`, batch runs
  and output writers;
- ``train``: fitting a model on a corpus and writing its directory.

The public names are re-exported by the top-level ``innotag`` package.
"""
