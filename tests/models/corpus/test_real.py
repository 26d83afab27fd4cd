import json

import pytest

from innotag.models.corpus.load import load_corpus
from innotag.models.corpus.real import is_real_set, load_real_set
from innotag.models.errors import CorpusError


def make_real_set(folder, n_present=3, n_missing=2):
    (folder / "texts").mkdir(parents=True)
    lines = []
    for i in range(n_present + n_missing):
        text = f"Hanke {i} kokeili uutta mallia nuorten kanssa. Kunta ja järjestö tekivät työn yhdessä."
        lines.append({"id": f"r{i}", "url": f"https://example.fi/{i}", "title": f"Hanke {i}", "genre": "blog_article",
                      "source_type": "ngo", "stage": "kokeilu", "features": ["monitoimijaisuus"],
                      "evidence": {"stage": [[0, 45]]}})
        if i < n_present:
            (folder / "texts" / f"r{i}.txt").write_text(text, encoding="utf-8")
    (folder / "index.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    return folder


def test_only_present_texts_are_loaded_and_missing_ones_counted(tmp_path):
    folder = make_real_set(tmp_path / "real")
    assert is_real_set(folder) and not is_real_set(tmp_path)
    real = load_real_set(folder)
    assert [e.id for e in real.examples] == ["r0", "r1", "r2"] and real.missing == ["r3", "r4"]
    example = real.examples[0]
    assert example.meta["genre"] == "blog_article" and example.evidence_texts("stage")[0].startswith("Hanke 0")
    assert load_corpus(folder).missing == ["r3", "r4"]


def test_no_texts_at_all_says_how_to_collect_them(tmp_path):
    folder = make_real_set(tmp_path / "real", n_present=0)
    with pytest.raises(CorpusError, match="README"):
        load_real_set(folder)
