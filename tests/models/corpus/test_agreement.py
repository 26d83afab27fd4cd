from conftest import write_jsonl
from innotag.models.corpus.agreement import agreement

DOCS = [("a", "tarve", []), ("b", "kokeilu", ["monitoimijaisuus"]), ("c", "skaalaaminen", ["monitoimijaisuus"]),
        ("d", "ideointi", []), ("e", "systeeminen_muutos", ["asiakasosallisuus"])]


def records(changes=None):
    changes = changes or {}
    return [{"id": i, "text": "teksti", "stage": changes.get(i, s), "features": f} for i, s, f in DOCS]


def test_identical_annotations_agree_fully(tmp_path):
    a = write_jsonl(tmp_path / "a.jsonl", records())
    result = agreement(a, a)
    assert result.documents == 5 and result.stage_exact == 1.0 and result.stage_kappa_quadratic == 1.0
    assert result.features["monitoimijaisuus"]["kappa"] == 1.0


def test_disagreement_lowers_scores_and_matches_by_id(tmp_path):
    a = write_jsonl(tmp_path / "a.jsonl", records())
    b = write_jsonl(tmp_path / "b.jsonl", records({"a": "ideointi"})[:4])
    result = agreement(a, b)
    assert result.documents == 4
    assert result.stage_exact == 0.75 and result.stage_within_one == 1.0
    assert 0 < result.stage_kappa_quadratic < 1
    assert result.stage_confusion[0][1] == 1
