"""Cross-validation folds, metrics, held-out evaluation and reports."""
