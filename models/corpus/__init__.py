"""Annotated corpora: loading, validation, inter-annotator agreement."""
