"""The real development set in the repository holds facts about documents, never their text."""

import json
import subprocess

from conftest import REPO

REAL = REPO / "corpus" / "real"
# A title or URL is short; an adjudicator's reason is our own sentence. Page text would be longer.
LIMITS = {"reason": 600}
DEFAULT_LIMIT = 300


def _strings(value, key=""):
    if isinstance(value, str):
        yield key, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key)


def test_no_committed_file_under_corpus_real_holds_page_text():
    tracked = subprocess.run(["git", "ls-files", "corpus/real"], cwd=REPO, capture_output=True, text=True).stdout.split()
    assert tracked, "corpus/real/ should be tracked"
    assert not any(path.startswith("corpus/real/texts/") for path in tracked)
    for path in tracked:
        if not path.endswith(".jsonl"):
            continue
        for number, line in enumerate((REPO / path).read_text("utf-8").splitlines(), 1):
            for key, value in _strings(json.loads(line)):
                assert len(value) <= LIMITS.get(key, DEFAULT_LIMIT), f"{path}:{number}: field {key!r} is too long"


def test_index_has_two_annotations_and_evidence_offsets_for_every_document():
    rows = [json.loads(line) for line in (REAL / "index.jsonl").read_text("utf-8").splitlines()]
    assert len(rows) >= 200
    genres = {}
    for row in rows:
        genres[row["genre"]] = genres.get(row["genre"], 0) + 1
        assert {"first", "second"} <= set(row["annotations"]) and row["url"].startswith("http")
        disagree = {k: row["annotations"]["first"][k] for k in ("stage", "features")} != {
            k: row["annotations"]["second"][k] for k in ("stage", "features")}
        assert disagree == ("adjudication" in row)
        assert row["evidence"].get("stage"), row["id"]
        for spans in row["evidence"].values():
            assert all(isinstance(a, int) and isinstance(b, int) and 0 <= a < b for a, b in spans)
    assert sum(n >= 10 for n in genres.values()) >= 8
