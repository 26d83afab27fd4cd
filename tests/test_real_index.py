"""The real development set in the repository holds facts about documents, never their text."""

import importlib.util
import json
import re
import subprocess

from conftest import REPO

REAL = REPO / "corpus" / "real"
# A title or URL is short; an adjudicator's reason is our own sentence. Page text would be longer.
LIMITS = {"reason": 600}
DEFAULT_LIMIT = 300


def _jsonl(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


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
    rows = _jsonl(REAL / "index.jsonl")
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


def test_each_genre_of_the_first_round_is_split_in_half_between_templates_and_held_out_pages():
    rows = _jsonl(REAL / "index.jsonl")
    by_genre = {}
    for row in rows:
        assert row["role"] in {"template", "held_out"} and row["round"] in {1, 2}, row["id"]
        if row["round"] == 2:
            assert row["role"] == "held_out", row["id"]  # collected after the modelled part was written
            continue
        by_genre.setdefault(row["genre"], []).append(row["role"])
    for genre, roles in by_genre.items():
        assert abs(roles.count("template") - roles.count("held_out")) <= 1, genre


def _committed_plans(part, plans):
    """The committed plans of a part, after checking that they equal a rerun of the plan script."""
    committed = (REPO / "corpus" / "design" / f"plans-{part}.jsonl").read_text("utf-8").splitlines()
    assert [json.dumps(p, ensure_ascii=False) for p in plans] == committed
    return [json.loads(line) for line in committed]


def _design_module(name):
    spec = importlib.util.spec_from_file_location(name, REPO / "corpus" / "design" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_modelled_plans_are_a_rerun_and_imitate_only_template_pages():
    committed = _committed_plans("modelled", _design_module("plan").make_modelled_plans(3, 3))
    roles = {row["id"]: row["role"] for row in _jsonl(REAL / "index.jsonl")}
    assert {roles[p["template"]] for p in committed} == {"template"}


def test_the_overlap_check_measures_the_longest_run_shared_with_a_real_text():
    overlap = _design_module("real_overlap")
    known = overlap.shingles("yksi kaksi kolme neljä viisi kuusi seitsemän kahdeksan")
    assert overlap.longest_shared_run("nolla yksi kaksi kolme neljä viisi kuusi seitsemän loppu", known) == 7
    assert overlap.longest_shared_run("yksi kaksi kolme neljä viisi", known) == 0


def test_the_overlap_check_leaves_statute_names_out():
    overlap = _design_module("real_overlap")
    name = overlap.STATUTE_NAMES[0]
    assert name not in overlap.without_statute_names(f"Laiksi {name.upper()} annetun lain muuttamisesta")


def test_the_counterfactual_plans_are_a_rerun_and_each_revision_keeps_its_source_features():
    plans = _committed_plans("counterfactual", _design_module("plan").make_counterfactual_plans(4, 480))
    by_id = {p["id"]: p for p in plans}
    sources = {r["id"]: r for path in (REPO / "corpus").glob("*.jsonl") for r in _jsonl(path)}
    revisions = _jsonl(REPO / "corpus" / "extra" / "counterfactual.jsonl")
    assert len(revisions) >= 470
    for revision in revisions:
        plan, source = by_id[revision["id"]], sources[revision["revises"]]
        assert revision["revises"] == plan["source"] and revision["stage"] == plan["stage"]
        assert source["stage"] == plan["source_stage"] and sorted(revision["features"]) == sorted(source["features"])


def test_the_implicit_plans_are_a_rerun_and_its_documents_hold_no_codebook_stage_word():
    plan = _design_module("plan")
    committed = _committed_plans("implicit", plan.make_implicit_plans(5, 400))
    banned = re.compile("|".join(plan.IMPLICIT_BANNED), re.I)
    documents = _jsonl(REPO / "corpus" / "extra" / "implicit.jsonl")
    assert len(documents) == len(committed)
    assert not [d["id"] for d in documents if banned.search(d["text"])]
