"""Helpers of ``bench/peers.py``: one module per peer system, shared utilities and the worker.

Every peer has the same shape: ``fit(texts, docs, stages, features, inner, seed)`` returns a
fitted object whose ``predict(texts, docs)`` gives stage probabilities (n, 6), feature
scores (n, 6) and feature decisions (n, 6); ``save(dir)`` writes the model and
``tagger(dir)`` loads it for the speed runs (``bench/peers/worker.py``).
"""
