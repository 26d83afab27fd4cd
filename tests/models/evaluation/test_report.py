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


def _statistics(genres: dict[str, int]) -> dict:
    from innotag.models.corpus.load import load_corpus
    from innotag.models.corpus.validate import corpus_statistics

    from conftest import CORPUS

    stats = corpus_statistics(load_corpus(CORPUS).examples)
    stats["genres"] = genres
    return stats


def test_statistics_fit_80_columns_with_every_header_whole():
    from innotag.models.evaluation.report import format_statistics
    from innotag.models.schema import FEATURE_IDS, SHORT_NAMES, STAGE_IDS

    long_names = {"hyvinvointialueen_sosiaali_ja_terveyspalvelujen_kehittamissuunnitelma": 12,
                  "sosiaalihuollon_asiakassuunnitelma": 3, "uutinen": 40}
    text = format_statistics(_statistics(long_names))
    assert max(len(line) for line in text.splitlines()) <= 80
    header = next(line for line in text.splitlines() if line.startswith("stage"))
    assert header.split() == ["stage", "docs"] + [SHORT_NAMES[f] for f in FEATURE_IDS]
    assert all(f"{SHORT_NAMES[label]} = {label}" in " ".join(text.split()) for label in STAGE_IDS + FEATURE_IDS
               if SHORT_NAMES[label] != label)
    # a long name stays whole on one line, with its count
    assert any("hyvinvointialueen_sosiaali_ja_terveyspalvelujen_kehittamissuunnitelma 12" in line
               for line in text.splitlines())


def test_cv_summary_gives_the_spread_over_folds_and_says_it_is_not_real_documents():
    from innotag.models.evaluation.report import format_cv_summary

    def system(value):
        return {"stage": {"macro_f1": value, "qwk": value, "accuracy": value},
                "features": {"micro_f1": value},
                "per_fold": dict.fromkeys(("stage.macro_f1", "stage.qwk", "stage.accuracy", "features.micro_f1"),
                                          [value - 0.1, value, value + 0.1])}

    text = format_cv_summary({"folds": 3, "scores": {"innotag": system(0.6), "keywords": system(0.4),
                                                     "majority": system(0.1)}}, 84)
    assert "3 folds of the 84 training documents" in text
    row = next(line for line in text.splitlines() if line.startswith("stage macro-F1"))
    assert row.split() == ["stage", "macro-F1", "0.600", "0.600", "±", "0.100", "0.500–0.700", "0.400", "0.100"]
    assert "not what the model gets on real documents" in " ".join(text.split())
    assert "innotag evaluate corpus/real/" in text


def test_report_has_per_class_tables_and_a_caption_for_every_figure(evaluation_result, tmp_path):
    from innotag.models.evaluation.charts import CHARTS
    from innotag.models.evaluation.report import stage_classes, write_report

    written = write_report(evaluation_result, tmp_path / "report")
    report = (tmp_path / "report" / "report.md").read_text("utf-8")
    assert [p.name for p in written] == ["report.md", *CHARTS]
    for number, (name, (_, title, _)) in enumerate(CHARTS.items(), 1):
        assert f"![{title}]({name})" in report and f"*Figure {number}. {title}: my-model on held-out.jsonl, n=60.*" in report
    visio = evaluation_result.systems["innotag"]["features"]["per_feature"]["yhteinen_visio"]
    assert f"| yhteinen_visio | {visio['precision']:.3f} | {visio['recall']:.3f} | {visio['f1']:.3f} | " \
           f"{visio['support']} |" in report
    tarve = stage_classes(evaluation_result.systems["innotag"]["stage"]["confusion"])["tarve"]
    assert tarve["support"] == 10 and f"| tarve | {tarve['precision']:.3f} | {tarve['recall']:.3f} |" in report


def test_stage_classes_from_a_confusion_matrix():
    from innotag.models.evaluation.report import stage_classes

    confusion = [[2, 2, 0, 0, 0, 0], [0, 4, 0, 0, 0, 0]] + [[0] * 6] * 4
    classes = stage_classes(confusion)
    assert classes["tarve"] == {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "support": 4, "predicted": 2}
    assert classes["ideointi"]["precision"] == 4 / 6 and classes["kokeilu"]["f1"] == 0.0
