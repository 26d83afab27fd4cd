import pytest

from innotag.models.evaluation.charts import CHARTS, confusion_chart, feature_chart, reliability_chart, save, subject


def _texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts]


def test_titles_name_the_model_the_data_set_and_n(evaluation_result):
    assert subject(evaluation_result) == "my-model on held-out.jsonl, n=60"
    for draw, _, _ in CHARTS.values():
        assert "my-model on held-out.jsonl, n=60" in draw(evaluation_result).axes[0].get_title()


def test_confusion_cells_give_counts_and_row_shares_and_rows_their_n(evaluation_result):
    fig = confusion_chart(evaluation_result)
    confusion = evaluation_result.systems["innotag"]["stage"]["confusion"]
    row = confusion[0]
    assert f"{row[0]}\n{row[0] / sum(row):.0%}" in _texts(fig)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()][0] == f"1 tarve\n(n={sum(row)})"
    right = sum(confusion[k][k] for k in range(6))
    assert f"{right} of 60 right" in fig.axes[0].get_title()


def test_feature_bars_are_labelled_and_a_zero_score_is_written(evaluation_result):
    fig = feature_chart(evaluation_result)
    f1 = evaluation_result.systems["innotag"]["features"]["per_feature"]["yhteinen_visio"]["f1"]
    texts = _texts(fig)
    assert f"{f1:.2f}" in texts
    assert texts.count("0") == 6  # the majority answer finds no feature: six explicit zeros
    assert "(n=" in fig.axes[0].get_xticklabels()[0].get_text()


def test_reliability_title_has_the_calibration_error_and_bin_counts(evaluation_result):
    fig = reliability_chart(evaluation_result)
    stage = evaluation_result.systems["innotag"]["stage"]
    title = fig.axes[0].get_title()
    assert f"(ECE) {stage['ece']:.3f}" in title and len(stage["reliability"]) > 3
    assert "calls per bin: " + ", ".join(str(b["n"]) for b in stage["reliability"]) in title
    assert {f"n={b['n']}" for b in stage["reliability"]} <= set(_texts(fig))


@pytest.mark.parametrize("name", list(CHARTS))
def test_charts_are_saved_as_png(evaluation_result, tmp_path, name):
    path = save(CHARTS[name][0](evaluation_result), tmp_path / name)
    assert path.read_bytes()[:4] == b"\x89PNG" and not list(tmp_path.glob("*.part"))
