"""The ``innotag`` command line: a thin typer layer over the library.

Each command parses its arguments, calls one plain library function and prints the
result. User errors (:class:`nlp.errors.InnotagError`) become one line on stderr and
exit code 1; usage errors exit with 2.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import List, Optional

import typer

from nlp.errors import InnotagError

app = typer.Typer(
    name="innotag",
    help="Tell where a Finnish social innovation stands: innovation stage and ecosystem features "
         "from project documents (PDF, DOCX, HTML, TXT).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

PIPELINE_HELP = "Finnish preprocessing: 'accurate' (trained spaCy pipeline + Voikko), 'fast' (simplemma), " \
                "or the name of an installed spaCy Finnish package."


def _setup_logging(verbose: int = 0, quiet: bool = False) -> None:
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    logging.basicConfig(level=level, format="innotag: %(levelname)s: %(message)s", stream=sys.stderr, force=True)


def _echo_json(data) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _version_callback(value: bool) -> None:
    if value:
        from nlp.info import tool_version

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
    pipeline: str = typer.Option("accurate", "--pipeline", "-p", help=PIPELINE_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Show versions, the Finnish pipeline in use and whether Voikko is available."""
    from nlp.info import collect_info

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
    pipeline: str = typer.Option("accurate", "--pipeline", "-p", help=PIPELINE_HELP),
) -> None:
    """Print the sentences and normalised lemmas of documents as JSON lines."""
    from nlp.preprocess import Preprocessor
    from nlp.readers import read_document

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


def main() -> None:
    """Console-script entry point: typer handles usage errors (exit 2); user errors become one line and exit 1."""
    try:
        app()
    except InnotagError as exc:
        typer.echo(f"innotag: error: {exc}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("innotag: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
