"""The ``innotag`` command line: a thin typer layer over the library.

Each command parses its arguments, calls one plain library function and prints the
result. User errors (:class:`innotag.nlp.errors.InnotagError`) become one line on stderr and
exit code 1; usage errors exit with 2.
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter()  # a run's summary counts from here, start-up included

import importlib.util
import json
import logging
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, List, Optional

import typer

from innotag.models import serving
from innotag.models.estimators import FEATURE_MODELS, STAGE_MODELS
from innotag.models.tagging import BACKENDS, CSV_DIALECTS, FORMATS, WHOLE_FILE_FORMATS, WORKER_START_SECONDS
from innotag.nlp import ROUTES
from innotag.nlp.errors import InnotagError

app = typer.Typer(
    name="innotag",
    help="Tell where a Finnish social innovation stands: innovation stage and ecosystem features "
         "from project documents (PDF, DOCX, HTML, TXT).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

def _choices(names, doc: str = "") -> type[Enum]:
    """An Enum of registry names, so that typer validates the choice before any work."""
    return Enum(doc or "Choice", {name: name for name in names}, type=str)


StageModel = _choices(STAGE_MODELS, "StageModel")
FeatureModel = _choices(FEATURE_MODELS, "FeatureModel")
Format = _choices(FORMATS, "Format")
Backend = _choices(BACKENDS, "Backend")
CsvDialectChoice = _choices(CSV_DIALECTS, "CsvDialectChoice")
StagePrior = _choices(("real", "corpus"), "StagePrior")


def _check_pipeline(value: str) -> str:
    """A route name, or an installed spaCy Finnish package (found without loading spaCy)."""
    if value in ROUTES or importlib.util.find_spec(value.replace("-", "_")) is not None:
        return value
    raise typer.BadParameter(f"'{value}' is neither {' nor '.join(ROUTES)} nor an installed spaCy package")


def _check_model_dir(value: Optional[Path]) -> Optional[Path]:
    """A given model directory must exist and hold a model: said at once, before anything loads."""
    if value is None:
        return value
    if not value.exists():
        raise typer.BadParameter(f"{value} does not exist")
    if not (value / "meta.json").is_file():
        raise typer.BadParameter(f"{value} is not an innotag model directory (no meta.json); "
                                 "train one with `innotag train corpus/ --output DIR`")
    return value


def _parse_where(values: Optional[list[str]]) -> dict[str, str]:
    """KEY=VALUE pairs, checked before anything loads."""
    where = {}
    for item in values or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise typer.BadParameter(f"{item!r} is not KEY=VALUE (for example role=held_out)")
        where[key.strip()] = value.strip()
    return where


# Options shared by several commands, defined once.
ModelOption = Annotated[Optional[Path], typer.Option(
    "--model", "-m", callback=_check_model_dir, help="Model directory [default: the default model].")]
PipelineOption = Annotated[str, typer.Option(
    "--pipeline", "-p", callback=_check_pipeline,
    help="Finnish preprocessing: 'accurate' (trained spaCy pipeline + Voikko), 'fast' (simplemma), "
         "or the name of an installed spaCy Finnish package.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, summary or log messages.")]
VerboseOption = Annotated[int, typer.Option("--verbose", "-v", count=True, help="More log messages.")]
JobsOption = Annotated[int, typer.Option("--n-jobs", "-j", min=1, help="Parallel processes.")]
SeedOption = Annotated[int, typer.Option("--seed", help="Seed for every random state (folds, estimators).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
StageModelOption = Annotated[StageModel, typer.Option(
    help="Stage estimator: " + ", ".join(f"'{k}' ({f.__doc__})" for k, f in STAGE_MODELS.items()) + ".")]
StagePriorOption = Annotated[StagePrior, typer.Option(
    help="Stage probabilities for 'real' documents (the stage prior of real public pages and a softening "
         "temperature, see README) or as learnt from the 'corpus' (its own balance).")]
FeatureModelOption = Annotated[FeatureModel, typer.Option(
    help="Feature estimator, calibrated: " + ", ".join(f"'{k}' ({f.__doc__})" for k, f in FEATURE_MODELS.items())
         + ".")]


def _setup_logging(verbose: int = 0, quiet: bool = False) -> None:
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    logging.basicConfig(level=level, format="innotag: %(levelname)s: %(message)s", stream=sys.stderr, force=True)


def _echo_json(data) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _version_callback(value: bool) -> None:
    if value:
        from innotag.nlp.info import tool_version

        typer.echo(f"innotag {tool_version()}")
        raise typer.Exit()


@app.callback()
def _main_options(
    version: bool = typer.Option(False, "--version", callback=_version_callback, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    _setup_logging()


@app.command("info")
def info_cli(
    pipeline: PipelineOption = "accurate",
    as_json: JsonOption = False,
) -> None:
    """Show versions, the Finnish pipeline in use and whether Voikko is available."""
    from innotag.nlp.info import collect_info

    data = collect_info(pipeline)
    if as_json:
        _echo_json(data)
        return
    for key, value in data.items():
        value = ", ".join(value) if isinstance(value, list) else value
        typer.echo(f"{key:<22}{value}")


@app.command("preprocess")
def preprocess_cli(
    paths: List[Path] = typer.Argument(..., help="Documents to preprocess (txt, md, html, pdf, docx)."),
    pipeline: PipelineOption = "accurate",
) -> None:
    """Print the sentences and normalised lemmas of documents as JSON lines."""
    from innotag.nlp.preprocess import Preprocessor
    from innotag.nlp.readers import read_document

    pre = Preprocessor(pipeline)
    failed = 0
    for path in paths:
        try:
            doc = read_document(path)
        except InnotagError as exc:
            typer.echo(f"innotag: error: {exc}", err=True)
            failed += 1
            continue
        result = pre(doc.text)
        record = {"path": doc.path, "format": doc.format, "chars": doc.n_chars, "pages": doc.n_pages,
                  "pipeline": pre.info.route, **result.to_dict(), "known_ratio": round(result.known_ratio, 3)}
        typer.echo(json.dumps(record, ensure_ascii=False))
    if failed:
        raise typer.Exit(1)


@app.command("validate")
def validate_cli(
    corpus: Path = typer.Argument(..., help="Annotated corpus: a JSONL file or a folder of *.jsonl files, or a "
                                            "real-document set folder with index.jsonl and texts/."),
    strict: bool = typer.Option(False, "--strict",
                                help="Size and balance findings are errors, by the standard of innotag's own corpus "
                                     "(at least 720 documents, 110 per stage, each feature in 20-70 % of "
                                     "documents); the options below still override it."),
    min_documents: Optional[int] = typer.Option(None, min=0, help="Warn below this many documents "
                                                "[default: 180; 720 with --strict]."),
    min_per_stage: Optional[int] = typer.Option(None, min=0, help="Warn about a stage with fewer documents "
                                                "[default: 30; 110 with --strict]."),
    max_stage_ratio: Optional[float] = typer.Option(None, min=1, help="Warn about a stage with this many times "
                                                    "fewer documents than the largest stage [default: 5]."),
    min_per_feature: Optional[int] = typer.Option(None, min=0, help="Warn about a feature present in, or absent "
                                                  "from, fewer documents [default: 30]."),
    min_feature_share: Optional[float] = typer.Option(None, min=0, max=1, help="Warn about a feature in a smaller "
                                                      "share of documents [default: 0; 0.20 with --strict]."),
    max_feature_share: Optional[float] = typer.Option(None, min=0, max=1, help="Warn about a feature in a larger "
                                                      "share of documents [default: 1; 0.70 with --strict]."),
    combinations: bool = typer.Option(True, "--combinations/--no-combinations",
                                      help="Warn unless every feature is both present and absent in every stage."),
    cv: int = typer.Option(5, "--cv", min=0, help="Folds you will train or cross-validate with: a stage or feature "
                                                  "too rare for them is an error (0: no cross-validation)."),
    max_overlap: float = typer.Option(0.30, help="Largest share of word 5-gram shingles two documents may share."),
    show_warnings: bool = typer.Option(True, "--warnings/--no-warnings",
                                       help="Print the warnings (--json always lists them)."),
    as_json: JsonOption = False,
) -> None:
    """Check a corpus (schema, size and balance, near-duplicates) and print its statistics.

    Errors are what breaks training: schema errors (unknown labels, duplicate ids, broken
    evidence offsets), a stage or feature too rare for the --cv folds, near-duplicates.
    Size and balance findings are warnings scaled to the corpus: a stage with too few
    documents for reliable scores, or many times fewer than the largest. Exits 1 on errors
    (with --strict, size and balance findings are errors too).

    A real-document set (such as corpus/real/) is checked from its index and the texts
    present: every evidence span must still be a sentence of its text (else the text is not
    the one annotated), missing texts and pages that share a template are warnings.

    Examples:

      innotag validate my-corpus.jsonl

      innotag validate corpus/ --strict     # to innotag's own standard

      innotag validate corpus/real/         # after collecting the real pages' texts again
    """
    from dataclasses import replace

    from innotag.models.corpus.validate import OWN_CORPUS_RULES, Rules, validate_corpus

    given = {"min_documents": min_documents, "min_per_stage": min_per_stage, "max_stage_ratio": max_stage_ratio,
             "min_per_feature": min_per_feature, "min_feature_share": min_feature_share,
             "max_feature_share": max_feature_share}
    rules = replace(OWN_CORPUS_RULES if strict else Rules(), every_stage_feature_combination=combinations,
                    cv_folds=cv, max_shingle_overlap=max_overlap,
                    **{name: value for name, value in given.items() if value is not None})
    report = validate_corpus(corpus, rules)
    if as_json:
        _echo_json({"ok": report.ok, "strict": strict, "errors": report.errors, "warnings": report.warnings,
                    "statistics": report.stats})
    else:
        from innotag.models.evaluation.report import format_statistics

        typer.echo(format_statistics(report.stats))
        for error in report.errors:
            typer.echo(f"innotag: error: {error}", err=True)
        for warning in report.warnings if show_warnings else ():
            typer.echo(f"innotag: warning: {warning}", err=True)
        hidden = "" if show_warnings or not report.warnings else " (not shown)"
        typer.echo(f"{'OK' if report.ok else 'FAILED'}: {len(report.errors)} error(s), "
                   f"{len(report.warnings)} warning(s){hidden} in {corpus}", err=True)
    if not report.ok:
        raise typer.Exit(1)


@app.command("agreement")
def agreement_cli(
    first: Path = typer.Argument(..., help="First annotation (corpus JSONL file or folder)."),
    second: Path = typer.Argument(..., help="Second, independent annotation of (some of) the same documents."),
    as_json: JsonOption = False,
) -> None:
    """Inter-annotator agreement: stage kappa (quadratic) and exact agreement, kappa per feature."""
    from innotag.models.corpus.agreement import agreement
    from innotag.models.evaluation.report import format_agreement

    result = agreement(first, second)
    if as_json:
        _echo_json(result.to_dict())
    else:
        typer.echo(format_agreement(result))


def _progress(quiet: bool) -> bool:
    return not quiet


def _model_config(seed: int, stage_model: StageModel, feature_model: FeatureModel, stage_prior: StagePrior):
    """The default ModelConfig with the options the user gave."""
    from innotag.models.estimators.model import ModelConfig

    config = ModelConfig(seed=seed, stage_model=stage_model.value, feature_model=feature_model.value)
    if stage_prior is StagePrior.corpus:
        config.stage_prior, config.stage_temperature = None, 1.0
    return config


@app.command("train")
def train_cli(
    corpus: Path = typer.Argument(..., help="Annotated corpus: a JSONL file or a folder of *.jsonl files."),
    output: Optional[Path] = typer.Option(None, "--output", "-o",
                                          help="Model directory to write [default: the default model location]."),
    pipeline: PipelineOption = "accurate",
    seed: SeedOption = 0,
    stage_model: StageModelOption = StageModel.ordinal,
    feature_model: FeatureModelOption = FeatureModel.svm,
    stage_prior: StagePriorOption = StagePrior.real,
    cv: int = typer.Option(5, "--cv", min=0, help="Folds for the cross-validated scores stored with the model (0: none)."),
    n_jobs: JobsOption = 1,
    force: bool = typer.Option(False, "--force", "-f", help="Overwrite an existing model directory."),
    quiet: QuietOption = False,
    verbose: VerboseOption = 0,
) -> None:
    """Train the stage and feature models on a corpus and write a model directory.

    The directory holds model.skops (safe to load), meta.json (versions, pipeline, labels,
    thresholds, seed, the corpus's counts and SHA-256, cross-validated scores pooled and per
    fold) and a README.md model card. The cross-validated scores, with their spread over
    folds, are printed on stderr at the end (with a progress bar over the folds on a
    terminal; --quiet turns both off): they are scores on the corpus, not on real
    documents. The model directory is printed on stdout.

    Examples:

      innotag train my-corpus.jsonl --output my-model --pipeline fast

      innotag train corpus/ --output my-model --seed 0 --cv 5 --n-jobs 2
    """
    from innotag.models.persistence.store import default_model_dir
    from innotag.models.train import train

    _setup_logging(verbose + 1, quiet)
    config = _model_config(seed, stage_model, feature_model, stage_prior)
    result = train(corpus, output or default_model_dir(), pipeline=pipeline, config=config, cv_folds=cv,
                   force=force, n_jobs=n_jobs, progress=_progress(quiet))
    if result.meta["cross_validation"] and not quiet:
        from innotag.models.evaluation.report import format_cv_summary

        typer.echo(format_cv_summary(result.meta["cross_validation"], result.meta["corpus"]["documents"]), err=True)
    typer.echo(str(result.model_dir))


@app.command("evaluate")
def evaluate_cli(
    corpus: Path = typer.Argument(..., help="Annotated corpus (JSONL file or folder), or a real-document set "
                                            "folder with index.jsonl and texts/ (such as corpus/real/)."),
    model: ModelOption = None,
    cv: Optional[int] = typer.Option(None, "--cv", min=2,
                                     help="Cross-validate K folds on CORPUS instead of scoring a trained model."),
    seed: SeedOption = 0,
    pipeline: PipelineOption = "accurate",
    stage_model: StageModelOption = StageModel.ordinal,
    feature_model: FeatureModelOption = FeatureModel.svm,
    stage_prior: StagePriorOption = StagePrior.real,
    n_jobs: JobsOption = 1,
    resamples: int = typer.Option(1000, "--resamples", min=100, help="Bootstrap resamples for the 95 % intervals."),
    as_json: JsonOption = False,
    report: Optional[Path] = typer.Option(None, "--report", help="Write report.md (scores, per-class tables) and its PNG charts into this folder."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing --report folder's report."),
    where: Optional[list[str]] = typer.Option(
        None, "--where", metavar="KEY=VALUE",
        help="Score only the documents whose metadata has this value (repeatable; held-out mode)."),
    quiet: QuietOption = False,
) -> None:
    """Score innotag beside two baselines (the codebook's keyword rules, the majority answer).

    Two modes. Held-out (the default): a trained model (--model, else the default model)
    on CORPUS, with 95 % bootstrap intervals and, when documents name their genre, scores
    per genre. Cross-validation (--cv K): K models trained and scored on folds of CORPUS;
    --seed, --pipeline, --stage-model and --feature-model apply to this mode only.
    --report DIR adds report.md with precision, recall, F1 and support per stage and per
    feature, and three captioned charts: stage confusion, F1 per feature, calibration.

    Examples:

      innotag evaluate corpus/real/                  # the default model on the real development set

      innotag evaluate corpus/real/ --where role=held_out   # only the pages no corpus document imitates

      innotag evaluate held-out.jsonl --model my-model --report report/

      innotag evaluate corpus/ --cv 5 --seed 0       # cross-validation on the training corpus
    """
    from innotag.models.evaluation.evaluate import evaluate_cv, evaluate_heldout
    from innotag.models.evaluation.report import format_evaluation, write_report

    _setup_logging(0, quiet)
    selection = _parse_where(where)
    if report is not None and report.exists() and not report.is_dir():
        raise typer.BadParameter(f"{report} is a file; --report needs a folder", param_hint="--report")
    if report is not None and (report / "report.md").exists() and not force:
        raise typer.BadParameter(f"{report} already holds a report; use --force to overwrite it",
                                 param_hint="--report")
    if cv is not None:
        if model is not None:
            raise typer.BadParameter("give either --cv (cross-validation) or --model (held-out), not both",
                                     param_hint="--cv")
        if selection:
            raise typer.BadParameter("--where selects documents to score a trained model on; "
                                     "it does not apply to --cv", param_hint="--where")
        config = _model_config(seed, stage_model, feature_model, stage_prior)
        result = evaluate_cv(corpus, k=cv, pipeline=pipeline, config=config, n_jobs=n_jobs,
                             progress=_progress(quiet))
    else:
        from innotag.models.persistence.store import default_model_dir

        result = evaluate_heldout(corpus, model or default_model_dir(), n_resamples=resamples, seed=seed,
                                  where=selection, progress=_progress(quiet))
    if as_json:
        _echo_json(result.to_dict())
    else:
        typer.echo(format_evaluation(result))
    if report is not None:
        written = write_report(result, report)
        typer.echo(f"report written to {written[0]}", err=True)


@app.command("tag")
def tag_cli(
    paths: List[str] = typer.Argument(..., help="Files, folders (recursive), JSONL files, tables (CSV, TSV, XLSX) "
                                                "with a text column, or - for stdin."),
    model: ModelOption = None,
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", case_sensitive=False,
                                         help="Output format: " + "; ".join(f"'{k}': {v}" for k, v in FORMATS.items())
                                              + " [default: from the --output extension (.jsonl, .csv, .xlsx, "
                                                ".html); else a table on a terminal and jsonl in a pipe]."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here (atomically) instead of stdout."),
    csv_dialect: CsvDialectChoice = typer.Option(
        CsvDialectChoice.standard, "--csv-dialect",
        help="CSV flavour: " + "; ".join(f"'{k}': {d.description}" for k, d in CSV_DIALECTS.items()) + "."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing output file."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted --output run (jsonl or csv), "
                                                        "skipping done documents."),
    explain: bool = typer.Option(False, "--explain", help="Add the top terms and evidence sentences of each call."),
    glob: Optional[str] = typer.Option(None, "--glob", help="Only files in folders matching this pattern, e.g. '*.pdf'."),
    text_field: str = typer.Option("text", help="Text column of JSONL and table inputs."),
    id_field: str = typer.Option("id", help="Id column of JSONL and table inputs."),
    n_jobs: int = typer.Option(1, "--n-jobs", "-j", min=1,
                               help=f"Parallel processes. A worker first spends about {WORKER_START_SECONDS:.0f} s "
                                    "loading the model, so workers start only when the work left is longer than "
                                    f"{2 * WORKER_START_SECONDS:.0f} s as timed on the first documents: on 2 free "
                                    "cores from about 800 short documents like those in examples/, 150 of "
                                    "240 words, or a few dozen long reports. On a busy machine it may not pay off at all."),
    backend: Backend = typer.Option(Backend.loky, help="; ".join(f"'{k}': {v}" for k, v in BACKENDS.items()) + "."),
    scheduler: Optional[str] = typer.Option(None, help="Dask scheduler address, with --backend dask."),
    fail_fast: bool = typer.Option(False, "--fail-fast", help="Stop at the first document that fails."),
    quiet: QuietOption = False,
    verbose: VerboseOption = 0,
) -> None:
    """Predict the stage and ecosystem features of documents.

    One record per document; a document that cannot be read gets a record with "error"
    set and the batch goes on. Exit code 1 if any document failed. Flagged documents
    (empty, not Finnish, unknown vocabulary) get no labels and do not count as failures;
    out_of_domain documents are labelled but unlike the training corpus: read them.
    Stage calls on real documents are right about half the time (see the README).

    Output goes to a .jsonl, .csv, .xlsx (Excel, Finnish headers) or .html (a
    report page to read) file by its extension; --csv-dialect excel-fi writes CSV
    that Excel set to Finnish opens as columns.

    Examples:

      innotag tag raportti.pdf --explain

      innotag tag hankkeet/ --glob '*.pdf' -o tulokset.xlsx

      innotag tag hankkeet/ --explain -o raportti.html

      innotag tag hankkeet/ -o tulokset.csv --csv-dialect excel-fi

      innotag tag hankkeet.xlsx --text-field kuvaus -o out.jsonl -j 2
    """
    _setup_logging(verbose, quiet)
    if backend is Backend.dask and not scheduler:
        raise typer.BadParameter("--backend dask needs --scheduler ADDRESS", param_hint="--scheduler")
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        raise typer.BadParameter(f"no such file or folder: {', '.join(missing)}", param_hint="PATHS")
    if output is not None and output.exists() and not (force or resume):
        raise typer.BadParameter(f"{output} already exists; use --force to overwrite it", param_hint="--output")
    fmt_name = fmt.value if fmt else _format_for(output)
    if resume and fmt_name in WHOLE_FILE_FORMATS:
        raise typer.BadParameter(f"--resume needs jsonl or csv output; {fmt_name} is written whole at the end",
                                 param_hint="--resume")
    from innotag.models.tagging.run import run_tagging  # after the checks: it loads spaCy and scikit-learn

    summary = run_tagging(paths, model=model, output=output, fmt=fmt_name, force=force, resume=resume, explain=explain,
                          csv_dialect=csv_dialect.value, glob=glob, text_field=text_field, id_field=id_field,
                          n_jobs=n_jobs, backend=backend.value, scheduler=scheduler, fail_fast=fail_fast,
                          progress=_progress(quiet), started=_STARTED)
    if not quiet:
        typer.echo(f"innotag: {summary.line()}", err=True)
    if summary.failed:
        raise typer.Exit(1)


@app.command("serve")
def serve_cli(
    model: ModelOption = None,
    host: str = typer.Option(serving.DEFAULT_HOST, "--host",
                             help="Address to listen on; anything but loopback is reachable from other machines "
                                  "(use --token)."),
    port: int = typer.Option(serving.DEFAULT_PORT, "--port", min=0, max=65535,
                             help="Port to listen on (0: any free port)."),
    max_size: float = typer.Option(serving.MAX_SIZE_MB, "--max-size", min=0.001,
                                   help="Largest request in MB (all files of one upload together); larger ones "
                                        "are refused."),
    max_batch: int = typer.Option(serving.MAX_BATCH, "--max-batch", min=1, help="Most documents in one request."),
    token: Optional[str] = typer.Option(None, "--token", envvar="INNOTAG_TOKEN",
                                        help="Require 'Authorization: Bearer TOKEN' (the page gets it from the "
                                             "printed address)."),
    quiet: QuietOption = False,
) -> None:
    """Start a local web page and REST API with the model loaded once.

    The page (Finnish, with an English switch) tags dropped or pasted documents, shows each
    call with its evidence highlighted in the text, and downloads results as CSV or Excel.
    The API: POST /v1/tag, POST /v1/tag-batch, GET /v1/model, GET /v1/health; its docs are
    at /docs and the spec at /openapi.json. Ctrl-C stops the server.

    Examples:

      innotag serve              # open http://127.0.0.1:8000/

      innotag serve --model my-model --port 8080 --max-size 50

      curl -s -F file=@raportti.pdf http://127.0.0.1:8000/v1/tag
    """
    from innotag.models.persistence.store import default_model_dir
    from innotag.models.serving.app import serve  # after the checks: it loads FastAPI and the model

    model_dir = model or default_model_dir()
    if not (model_dir / "meta.json").is_file():
        raise typer.BadParameter(f"{model_dir} is not an innotag model directory (no meta.json); "
                                 "train one with `innotag train corpus/`", param_hint="--model")
    serve(model_dir, host, port, max_size=int(max_size * 1_000_000), max_batch=max_batch, token=token or None,
          quiet=quiet)


_EXTENSIONS = {"jsonl": "jsonl", "json": "jsonl", "ndjson": "jsonl", "csv": "csv", "xlsx": "xlsx", "html": "html",
               "htm": "html"}


def _format_for(output: Optional[Path]) -> str:
    """The format an --output file's extension names; a table on a terminal, else JSON lines."""
    if output is None:
        return "table" if sys.stdout.isatty() else "jsonl"
    suffix = output.suffix.lower().lstrip(".")
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    raise typer.BadParameter(f"cannot tell the format from '{output.name}'; name a .jsonl, .csv, .xlsx or .html "
                             "file, or give --format", param_hint="--output")


def main() -> None:
    """Console-script entry point: typer handles usage errors (exit 2); user errors become one line and exit 1."""
    try:
        app()
    except InnotagError as exc:
        typer.echo(f"innotag: error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt as exc:
        typer.echo(f"innotag: {exc or 'interrupted'}", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
