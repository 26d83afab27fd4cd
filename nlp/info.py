"""What this installation has: the facts people paste into bug reports."""

from __future__ import annotations

import platform
import sys
from importlib import metadata

from innotag.nlp.pipeline import DEFAULT_PIPELINE, pipeline_info
from innotag.nlp.voikko import voikko_available


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def tool_version() -> str:
    return _version("innotag")


def collect_info(pipeline: str = DEFAULT_PIPELINE) -> dict:
    """Versions of the tool and its libraries and the preprocessing pipeline in use."""
    info = pipeline_info(pipeline)
    return {
        "innotag": tool_version(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "spacy": _version("spacy"),
        "scikit-learn": _version("scikit-learn"),
        "skops": _version("skops"),
        "simplemma": _version("simplemma"),
        "voikko": voikko_available(),
        "pipeline_requested": pipeline,
        "pipeline": info.route,
        "pipeline_package": info.package,
        "pipeline_version": info.version,
        "pipeline_components": list(info.components),
    }
