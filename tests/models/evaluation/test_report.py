from innotag.models.corpus.agreement import agreement
from innotag.models.evaluation.report import format_agreement


def test_agreement_table_uses_the_short_label_names(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text('{"id": "1", "stage": "tarve", "features": ["toimijaroolit"]}\n'
                     '{"id": "2", "stage": "kokeilu", "features": []}\n', encoding="utf-8")
    second.write_text('{"id": "1", "stage": "tarve", "features": []}\n'
                      '{"id": "2", "stage": "vakiinnuttaminen", "features": []}\n', encoding="utf-8")
    result = agreement(first, second)
    assert result.stage_exact == 0.5 and result.feature_micro_f1 == 0.0
    table = format_agreement(result)
    assert "vakiinn" in table and "feature micro-F1" in table
