"""Benchmark innotag against real peers: spaCy textcat, fastText and Annif, in one run.

    python bench/peers.py [--corpus corpus/] [--folds 5] [--seed 0] [--docs 2000]
                          [--systems innotag spacy fasttext annif] [--limit N] [--jobs 2]

Every system is cross-validated on the same corpus, the same folds (innotag.models.evaluation.folds.joint_folds)
and the same seed, and scored by the same functions (innotag.models.evaluation.metrics). innotag's default model
and its two baselines come from innotag.models.evaluation.folds.cross_validate_docs; the peers are trained
per fold here (their set-up is in bench/peers/*.py). Then every system is trained once on
the whole corpus and tags ``--docs`` documents (the corpus texts repeated) in a fresh
process: documents/s, words/s, peak RSS, model size and training time.

Annif runs in its own virtual environment: ``bash bench/setup_annif.sh`` first. Prints
Markdown; the same figures go to bench/out/peers.json. A tiny run for a smoke test:
``--limit 60 --folds 2 --docs 30 --systems innotag spacy fasttext``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from peers import annif_peer  # noqa: E402
from peers.common import REPO, dir_size_mb, joint_folds, n_words, worker_call  # noqa: E402
from peers.cv import PEER_SYSTEMS, assemble, fit_predict  # noqa: E402

from innotag.models.corpus.load import load_corpus  # noqa: E402
from innotag.models.evaluation.folds import cross_validate_docs  # noqa: E402
from innotag.models.evaluation.metrics import feature_metrics, stage_metrics  # noqa: E402
from innotag.models.estimators.model import ModelConfig  # noqa: E402
from innotag.models.schema import FEATURE_IDS, STAGE_IDS  # noqa: E402
from innotag.models.corpus.load import preprocess_corpus  # noqa: E402

SYSTEM_CHOICES = ("innotag", "spacy", "fasttext", "fasttext-text", "fasttext-lemmas", "annif")
ROWS = {
    "innotag": "innotag (default model)",
    "spacy": "spaCy textcat (BOW)",
    "fasttext-text": "fastText (text)",
    "fasttext-lemmas": "fastText (innotag lemmas)",
    "annif-svc": "Annif (SVC stage, TF-IDF features)",
    "annif-tfidf": "Annif (TF-IDF stage and features)",
    "keywords": "keywords baseline",
    "majority": "majority baseline",
}
STAGE_COLS = (("macro_f1", "stage macro-F1"), ("qwk", "QWK"), ("within_one", "within-one"), ("mae", "MAE"))
FEATURE_COLS = (("micro_f1", "feature micro-F1"), ("macro_f1", "feature macro-F1"))


def log(message: str) -> None:
    print(f"[peers {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- environment --------------------------------------------------------------------------
def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal"))
        memory = f"{mem / 2**20:.1f} GiB"
    except (OSError, StopIteration):
        memory = "?"
    return {"cores": os.cpu_count(), "cpu": cpu, "memory": memory,
            "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def versions(pipeline_info, annif_cli=None) -> dict:
    out = {"innotag": _version("innotag"), "pipeline": f"{pipeline_info.route}: {pipeline_info.package} "
           f"{pipeline_info.version}, voikko={pipeline_info.voikko}",
           "python": platform.python_version(), "numpy": _version("numpy"), "scikit-learn": _version("scikit-learn"),
           "spacy": _version("spacy"), "thinc": _version("thinc"), "fasttext-numpy2": _version("fasttext-numpy2")}
    if annif_cli is not None:
        out["annif"] = annif_cli.versions()
    return out


def command_line(argv) -> str:
    return shlex.join(["python", "bench/peers.py", *argv])


# -- accuracy -----------------------------------------------------------------------------
def score(stages, features, stage_proba, feature_pred, feature_proba=None, stage_is_proba=True) -> dict:
    return {"stage": stage_metrics(stages, stage_proba.argmax(axis=1), stage_proba if stage_is_proba else None),
            "features": feature_metrics(features, feature_pred, feature_proba)}


def run_innotag_cv(docs, stages, features, args, accuracy, tuning) -> None:
    log("innotag: cross-validating the default model and the baselines")
    started = time.perf_counter()
    scores = cross_validate_docs(docs, stages, features, config=ModelConfig(seed=args.seed), k=args.folds,
                                 n_jobs=args.jobs)
    for system in ("innotag", "keywords", "majority"):
        accuracy[system] = scores[system]
    tuning["innotag"] = {"config": ModelConfig(seed=args.seed).to_dict(),
                         "seconds": round(time.perf_counter() - started, 1)}


def options(args) -> dict:
    return {"spacy_patience": args.spacy_patience}


def run_peer_cv(systems, texts, docs, stages, features, folds, args, accuracy, default_threshold, tuning) -> None:
    from joblib import Parallel, delayed

    tasks = [(system, i, train, test) for system in systems for i, (train, test) in enumerate(folds)]
    log(f"{', '.join(systems)}: {len(tasks)} fold fits on {args.jobs} processes")
    results = Parallel(n_jobs=args.jobs)(
        delayed(fit_predict)(system, i, texts, docs if system == "fasttext-lemmas" else None, stages, features,
                             train, test, args.seed, options(args)) for system, i, train, test in tasks)
    for system in systems:
        mine = sorted((r for r in results if r["system"] == system), key=lambda r: r["fold"])
        variants = assemble(mine, len(texts), len(STAGE_IDS), len(FEATURE_IDS))
        sp, fs, fp = variants["tuned"]
        accuracy[system] = score(stages, features, sp, fp, fs)
        _, fs0, fp0 = variants["default"]
        default_threshold[system] = feature_metrics(features, fp0, fs0)
        tuning[system] = {"folds": [r["info"] for r in mine], "seconds": [round(r["seconds"], 1) for r in mine]}


def run_annif_cv(texts, stages, features, folds, args, work: Path, accuracy, tuning) -> str:
    """Annif per fold, ``--jobs`` folds at a time (each fold its own Annif data directory)."""
    from concurrent.futures import ThreadPoolExecutor

    clis = [annif_peer.AnnifCLI(work / f"annif-f{i}") for i in range(len(folds))]
    log(f"Annif: {len(folds)} folds through the command line ({clis[0].analyzer}), {args.jobs} at a time")

    def one(i):
        train, test = folds[i]
        out = annif_peer.fit_predict_fold(clis[i], f"f{i}", [texts[j] for j in train], stages[train],
                                          features[train], [texts[j] for j in test], args.seed)
        log(f"Annif fold {i + 1}/{len(folds)} done")
        return out

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        outs = list(pool.map(one, range(len(folds))))
    n = len(texts)
    svc, tfidf = np.zeros((n, len(STAGE_IDS))), np.zeros((n, len(STAGE_IDS)))
    feats_pred = np.zeros((n, len(FEATURE_IDS)), dtype=int)
    info = []
    for (train, test), out in zip(folds, outs):
        svc[test], tfidf[test] = out["svc"], out["tfidf"]
        feats_pred[test] = annif_peer.annif_filter(out["features"], out["limit"], out["threshold"])
        info.append({k: out[k] for k in ("limit", "threshold", "dev_f1_doc_avg")}
                    | {"test docs without stage suggestion": int((out["svc"].max(axis=1) == 0).sum())})
    feature_scores = feature_metrics(features, feats_pred)
    for key, stage_scores in (("annif-svc", svc), ("annif-tfidf", tfidf)):
        accuracy[key] = {"stage": stage_metrics(stages, stage_scores.argmax(axis=1)), "features": feature_scores}
    tuning["annif"] = {"folds": info, "seconds": [round(sum(c.seconds.values()), 1) for c in clis]}
    return clis[0].analyzer


# -- speed and cost -----------------------------------------------------------------------
def speed_in_process(system: str, corpus_path: Path, texts_path: Path, n_docs: int, words: int, work: Path,
                     args) -> dict:
    model = work / "models" / system
    env = dict(os.environ, INNOTAG_CACHE_DIR=str(work / f"cold-cache-{system}"))
    log(f"{system}: training on the whole corpus")
    trained, _ = worker_call({"job": "train", "system": system, "corpus": str(corpus_path), "out": str(model),
                              "seed": args.seed, "options": options(args)}, env=env)
    log(f"{system}: tagging {n_docs} documents")
    tagged, measured = worker_call({"job": "tag", "system": system, "model": str(model), "texts": str(texts_path)},
                                   env=env)
    assert tagged["documents"] == n_docs, tagged
    return {"docs_per_s": n_docs / tagged["tag_s"], "words_per_s": words / tagged["tag_s"],
            "peak_rss_mb": measured.max_rss_mb, "model_mb": dir_size_mb(model), "training_s": trained["seconds"],
            "load_s": tagged["load_s"], "tag_s": tagged["tag_s"], "train_info": trained.get("info")}


def speed_annif(cli, texts, stages, features, speed_texts, words, seed) -> dict:
    """Train Annif's projects on the whole corpus (timed per call) and time `annif index` on N and on 1 document."""
    log("Annif: training on the whole corpus")
    full = annif_peer.fit_predict_fold(cli, "full", texts, stages, features, None, seed)
    ids = full["projects"]
    log(f"Annif: tagging {len(speed_texts)} documents")
    big = cli.write_corpus("speed-n", speed_texts)
    one = cli.write_corpus("speed-1", speed_texts[:1])
    runs = {}
    for project, vocab in ((ids["svc"], "stage"), (ids["tfidf"], "stage"), (ids["features"], "features")):
        scores_n, m_n = cli.index(project, big, vocab)
        _, m_1 = cli.index(project, one, vocab)
        assert len(scores_n) == len(speed_texts)
        runs[project] = {"n_s": m_n.seconds, "one_s": m_1.seconds, "rss": max(m_n.max_rss_mb, m_1.max_rss_mb)}
    n, out = len(speed_texts), {}
    for key, stage_project in (("annif-svc", ids["svc"]), ("annif-tfidf", ids["tfidf"])):
        parts = (stage_project, ids["features"])
        tag_s = sum(runs[p]["n_s"] - runs[p]["one_s"] for p in parts)
        out[key] = {"docs_per_s": (n - 1) / tag_s, "words_per_s": words * (n - 1) / n / tag_s,
                    "peak_rss_mb": max(runs[p]["rss"] for p in parts), "model_mb": cli.project_size_mb(*parts),
                    "training_s": cli.seconds["vocabularies"] + sum(cli.seconds[p] for p in parts),
                    "load_s": sum(runs[p]["one_s"] for p in parts), "tag_s": tag_s,
                    "train_info": {k: full[k] for k in ("limit", "threshold", "dev_f1_doc_avg")}}
    return out


# -- output -------------------------------------------------------------------------------
def fmt(value, digits=3) -> str:
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    return f"{value:.{digits}f}"


def accuracy_table(accuracy: dict) -> list[str]:
    lines = ["| system | " + " | ".join(h for _, h in STAGE_COLS + FEATURE_COLS) + " |",
             "|---|" + "---:|" * (len(STAGE_COLS) + len(FEATURE_COLS))]
    for key, row in ROWS.items():
        if key not in accuracy:
            continue
        st, fe = accuracy[key]["stage"], accuracy[key]["features"]
        lines.append(f"| {row} | " + " | ".join(fmt(st[k]) for k, _ in STAGE_COLS) + " | "
                     + " | ".join(fmt(fe[k]) for k, _ in FEATURE_COLS) + " |")
    return lines


def speed_table(speed: dict) -> list[str]:
    lines = ["| system | docs/s | words/s | peak RSS MB | model MB | training s | load s |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for key, row in ROWS.items():
        if key not in speed:
            continue
        s = speed[key]
        lines.append(f"| {row} | {fmt(s['docs_per_s'], 1)} | {fmt(s['words_per_s'], 0)} | {fmt(s['peak_rss_mb'], 0)} | "
                     f"{fmt(s['model_mb'], 1)} | {fmt(s['training_s'], 1)} | {fmt(s['load_s'], 1)} |")
    return lines


def behind(accuracy: dict, speed: dict, tolerance: float = 0.05) -> list[str]:
    """Plain statements of where innotag is behind a peer, computed from the tables.

    Accuracy: every column where a peer scores better. Speed and cost: differences of more
    than ``tolerance`` (5%), since timings on a shared machine move by a few percent.
    """
    if "innotag" not in accuracy and "innotag" not in speed:
        return []
    out = []
    peers = [k for k in ROWS if k not in ("innotag", "keywords", "majority")]
    if "innotag" in accuracy:
        mine, before = accuracy["innotag"], len(out)
        for task, cols in (("stage", STAGE_COLS), ("features", FEATURE_COLS)):
            for metric, header in cols:
                for p in (p for p in peers if p in accuracy):
                    a, b = mine[task][metric], accuracy[p][task][metric]
                    if (b < a) if metric == "mae" else (b > a):
                        out.append(f"accuracy, {header}: {ROWS[p]} {fmt(b)} vs innotag {fmt(a)}")
        if len(out) == before:
            out.append("accuracy: no peer is ahead of innotag in any column of the accuracy table")
    if "innotag" in speed:
        me = speed["innotag"]
        for metric, header, lower_better in (("docs_per_s", "docs/s", False), ("peak_rss_mb", "peak RSS MB", True),
                                             ("model_mb", "model MB", True), ("training_s", "training s", True)):
            for p in (p for p in peers if p in speed):
                a, b = me.get(metric), speed[p].get(metric)
                if a is None or b is None:
                    continue
                if (b < a * (1 - tolerance)) if lower_better else (b > a * (1 + tolerance)):
                    ratio = a / b if lower_better else b / a
                    out.append(f"{header}: {ROWS[p]} {fmt(b, 1)} vs innotag {fmt(a, 1)} ({ratio:.1f}x)")
    return out


def settings_lines(systems: set, tuning: dict, speed: dict) -> list[str]:
    from peers import fasttext_peer, spacy_peer

    lines = []
    if "innotag" in systems:
        cfg = tuning["innotag"]["config"]
        lines.append("- innotag: `ModelConfig()` defaults (" + ", ".join(
            f"{k}={cfg[k]}" for k in ("stage_model", "stage_c", "feature_model", "feature_c", "char_ngrams", "cues",
                                      "threshold_cv", "seed")) + "); per-feature thresholds tuned inside each fit")
    if "spacy" in systems:
        lines.append("- spaCy textcat: " + "; ".join(f"{k}: {v}" for k, v in spacy_peer.SETTINGS.items()))
        folds = tuning["spacy"]["folds"]
        lines.append(f"  - early-stopping patience used: {folds[0]['patience']} steps; per fold: steps "
                     "(inner best, full) stage "
                     + ", ".join(str(f["steps (inner best, full)"]["stage"]) for f in folds)
                     + "; features " + ", ".join(str(f["steps (inner best, full)"]["features"]) for f in folds)
                     + "; tuned threshold " + ", ".join(fmt(f["threshold"], 2) for f in folds))
    for variant in ("fasttext-text", "fasttext-lemmas"):
        if variant in systems:
            if not any(line.startswith("- fastText") for line in lines):
                lines.append("- fastText: " + "; ".join(f"{k}: {v}" for k, v in fasttext_peer.SETTINGS.items()))
            folds = tuning[variant]["folds"]
            lines.append(f"  - {ROWS[variant]} per fold: stage (epoch, lr) "
                         + ", ".join(f"({f['params']['stage']['epoch']}, {f['params']['stage']['lr']})" for f in folds)
                         + "; features (epoch, lr) "
                         + ", ".join(f"({f['params']['features']['epoch']}, {f['params']['features']['lr']})"
                                     for f in folds)
                         + "; tuned threshold " + ", ".join(fmt(f["threshold"], 2) for f in folds))
    if "annif" in systems:
        lines.append("- Annif: " + "; ".join(f"{k}: {v}" for k, v in annif_peer.SETTINGS.items()))
        folds = tuning["annif"]["folds"]
        lines.append("  - per fold (limit, threshold) from `annif optimize`: "
                     + ", ".join(f"({f['limit']}, {f['threshold']:.2f})" for f in folds)
                     + "; test documents without any stage suggestion: "
                     + ", ".join(str(f["test docs without stage suggestion"]) for f in folds))
    return lines


# -- main ---------------------------------------------------------------------------------
def expand_systems(names) -> list[str]:
    out = []
    for name in names:
        for s in (("fasttext-text", "fasttext-lemmas") if name == "fasttext" else (name,)):
            if s not in out:
                out.append(s)
    return out


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--docs", type=int, default=2000, help="documents to tag in the speed runs (0 skips them)")
    parser.add_argument("--systems", nargs="+", choices=SYSTEM_CHOICES,
                        default=["innotag", "spacy", "fasttext", "annif"])
    parser.add_argument("--limit", type=int, default=0, help="use only this many documents (a seeded random sample)")
    parser.add_argument("--jobs", type=int, default=2, help="parallel processes for the cross-validation fits")
    parser.add_argument("--spacy-patience", type=int, default=None,
                        help="spaCy early-stopping patience in steps (default: spaCy's 1600; 200 with --limit, "
                             "so that a tiny smoke run stays short)")
    parser.add_argument("--out", default=str(REPO / "bench" / "out" / "peers.json"))
    parser.add_argument("--keep", action="store_true", help="keep the working folder (models, Annif projects)")
    args = parser.parse_args(argv)
    if args.spacy_patience is None:
        from peers.spacy_peer import PATIENCE

        args.spacy_patience = 200 if args.limit else PATIENCE
    systems = expand_systems(args.systems)
    started = time.perf_counter()
    start_machine = machine()

    if "annif" in systems and not annif_peer.available():
        print(f"error: Annif is not installed in {annif_peer.VENV}; run `bash bench/setup_annif.sh` first, "
              "or leave annif out of --systems", file=sys.stderr)
        return 1

    work = Path(tempfile.mkdtemp(prefix="innotag-peers-"))
    try:
        corpus_path = Path(args.corpus)
        corpus = load_corpus(corpus_path)
        if args.limit and args.limit < len(corpus):
            chosen = np.sort(np.random.default_rng(args.seed).permutation(len(corpus))[:args.limit])
            corpus_path = work / "corpus-sample.jsonl"
            corpus_path.write_text("".join(json.dumps({"id": e.id, "text": e.text, "stage": e.stage_id,
                                                       "features": list(e.features)}, ensure_ascii=False) + "\n"
                                           for e in corpus.subset(chosen).examples), "utf-8")
            corpus = load_corpus(corpus_path)
        log(f"preprocessing {len(corpus)} documents (cached after the first run)")
        docs, info = preprocess_corpus(corpus, "accurate", progress=False)
        texts, stages, features = corpus.texts, corpus.stages, corpus.feature_matrix
        folds = joint_folds(stages, features, args.folds, args.seed)
        annif_cli = annif_peer.AnnifCLI(work / "annif-full") if "annif" in systems else None

        accuracy, default_threshold, tuning, speed = {}, {}, {}, {}
        if "innotag" in systems:
            run_innotag_cv(docs, stages, features, args, accuracy, tuning)
        peer_systems = [s for s in systems if s in PEER_SYSTEMS]
        if peer_systems:
            run_peer_cv(peer_systems, texts, docs, stages, features, folds, args, accuracy, default_threshold, tuning)
        if annif_cli is not None:
            run_annif_cv(texts, stages, features, folds, args, work, accuracy, tuning)

        words = 0
        if args.docs > 0:
            speed_texts = (texts * (args.docs // len(texts) + 1))[:args.docs]
            words = n_words(speed_texts)
            texts_path = work / "speed-texts.json"
            texts_path.write_text(json.dumps(speed_texts, ensure_ascii=False), "utf-8")
            for system in [s for s in systems if s != "annif"]:
                speed[system] = speed_in_process(system, corpus_path, texts_path, len(speed_texts), words, work, args)
            if annif_cli is not None:
                speed.update(speed_annif(annif_cli, texts, stages, features, speed_texts, words, args.seed))

        total = time.perf_counter() - started
        host = machine()
        host["load_average_at_end"] = host.pop("load_average_at_start")
        report = {
            "command": command_line(argv), "interpreter": sys.executable, "machine": start_machine | host,
            "versions": versions(info, annif_cli),
            "corpus": {"path": str(args.corpus), "documents": len(corpus), "limit": args.limit or None,
                       "folds": args.folds, "seed": args.seed,
                       "fold_sizes": [int(len(test)) for _, test in folds]},
            "accuracy": accuracy, "features_at_threshold_0.5": default_threshold, "tuning": tuning,
            "speed": {"documents": args.docs, "words": words, "systems": speed},
            "behind": [], "seconds": round(total, 1),
        }
        report["behind"] = behind(accuracy, speed)
        print_report(report, set(systems))
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=1, ensure_ascii=False, default=_json_default), "utf-8")
        log(f"wrote {out}")
    finally:
        if args.keep:
            log(f"working folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def _json_default(value):
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    return str(value)


def print_report(report: dict, systems: set) -> None:
    c, m, v = report["corpus"], report["machine"], report["versions"]
    print(f"# innotag vs peers: {c['documents']} documents, {c['folds']}-fold cross-validation, seed {c['seed']}")
    print()
    print(f"Command: `{report['command']}` (interpreter {report['interpreter']})")
    print()
    print(f"Machine: {m['cores']} cores, {m['cpu']}, {m['memory']} RAM, {m['os']}, Python {m['python']}; "
          f"load average at start {m['load_average_at_start']}, at end {m['load_average_at_end']}")
    print()
    annif = v.get("annif")
    print("Versions: " + ", ".join(f"{k} {val}" for k, val in v.items() if k != "annif")
          + (f", Annif {annif.get('annif')} (own venv: scikit-learn {annif.get('scikit-learn')}, nltk "
             f"{annif.get('nltk')}, voikko {annif.get('voikko')}, analyzer {annif.get('analyzer')})" if annif else ""))
    print()
    print(f"Folds: innotag.models.evaluation.folds.joint_folds (stage + features stratified), test sizes {c['fold_sizes']}; "
          "every system is scored out-of-fold with innotag.models.evaluation.metrics on all documents.")
    print()
    print("## Accuracy")
    print()
    print("\n".join(accuracy_table(report["accuracy"])))
    print()
    if report["features_at_threshold_0.5"]:
        print("Peers' features at their documented default threshold 0.5 instead of the dev-tuned one:")
        print()
        print("| system | feature micro-F1 | feature macro-F1 |")
        print("|---|---:|---:|")
        for key, fe in report["features_at_threshold_0.5"].items():
            print(f"| {ROWS[key]} | {fmt(fe['micro_f1'])} | {fmt(fe['macro_f1'])} |")
        print()
    speed = report["speed"]
    if speed["systems"]:
        print(f"## Speed and cost: tagging {speed['documents']} documents ({speed['words']} words, the corpus texts "
              "repeated); models trained on the whole corpus")
        print()
        print("\n".join(speed_table(speed["systems"])))
        print()
        print("docs/s and words/s: tagging time only, after the model is loaded (load s = process-side loading; "
              "for Annif, the wall time of the same command on 1 document, and docs/s = (N-1)/(t(N)-t(1)) summed "
              "over its stage and features projects, each a separate `annif index` process). Peak RSS: ru_maxrss "
              "of the tagging process (Annif: the larger of its two processes). Training s: from raw texts on the "
              "whole corpus, including each system's own tuning on an inner split and, for innotag and fastText "
              "(lemmas), the Finnish preprocessing with an empty cache; Annif's includes one process start per "
              "CLI call. Model MB: the saved model only. Beyond it, innotag and fastText (lemmas) need the installed "
              f"spaCy package {package_size_note()} and Voikko; Annif needs Voikko and its own virtual environment"
              f"{annif_venv_note(systems)}; spaCy textcat (its tokenizer is saved with it) and fastText (text) need "
              "only their library.")
        print()
    print("## Settings")
    print()
    print("\n".join(settings_lines(systems, report["tuning"], speed["systems"])))
    print()
    print("## Where innotag is behind")
    print()
    if report["behind"]:
        print("\n".join(f"- {line}" for line in report["behind"]))
    else:
        print("- nowhere in these tables")
    print()
    print(f"Total run time: {report['seconds']:.0f} s")


def annif_venv_note(systems) -> str:
    if "annif" not in systems or not annif_peer.available():
        return ""
    return f" ({dir_size_mb(annif_peer.VENV):.0f} MB)"


def package_size_note() -> str:
    try:
        import spacy_fi_experimental_web_md as pkg

        return f"spacy_fi_experimental_web_md ({dir_size_mb(Path(pkg.__file__).parent):.0f} MB)"
    except ImportError:
        return "spacy_fi_experimental_web_md"


if __name__ == "__main__":
    sys.exit(main())
