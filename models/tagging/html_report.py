"""Tagging results as one self-contained HTML page in Finnish, for readers, not scripts.

Inline CSS only: no scripts, fonts or images to fetch, so the file can be mailed or
archived as it is. Every value from a document is escaped. Probabilities are shown both as
bars (hidden from screen readers) and as numbers.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from innotag.models.schema import FEATURES, STAGES
from innotag.models.tagging.columns import FINNISH_NAMES, FLAG_TEXTS
from innotag.models.tagging.tagger import TagResult

_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff;
       margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; border-top: 2px solid #555;
     padding-top: 1rem; overflow-wrap: anywhere; } h3 { font-size: 1.05rem; } h4 { font-size: 1rem; margin-bottom: .3rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: bold; padding-bottom: .3rem; }
th, td { border-bottom: 1px solid #bbb; padding: .25rem .6rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: inline-block; width: 12rem; height: .9rem; background: #e4e4e4; position: relative;
       vertical-align: middle; border: 1px solid #767676; }
.bar span { display: block; height: 100%; background: #1f5f99; }
.bar.on span { background: #1d6b36; }
.bar i { position: absolute; top: -3px; bottom: -3px; width: 2px; background: #1a1a1a; }
.call { font-size: 1.1rem; }
.error { color: #8a1c1c; font-weight: bold; }
.flags li { color: #6b4500; }
mark { background: #ffe066; color: #1a1a1a; padding: 0 .1rem; }
.terms { color: #444; font-size: .95rem; }
.note { background: #f3f3f3; border-left: 4px solid #767676; padding: .5rem .8rem; }
"""


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def _number(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def _bar(probability: float, threshold: float | None = None, on: bool = False) -> str:
    marker = f'<i style="left:{threshold * 100:.1f}%"></i>' if threshold is not None else ""
    return (f'<span class="bar{" on" if on else ""}" aria-hidden="true">'
            f'<span style="width:{probability * 100:.1f}%"></span>{marker}</span>')


def _stage_label(stage_id: str) -> str:
    number = next(s.number for s in STAGES if s.id == stage_id)
    return f"{number} {FINNISH_NAMES[stage_id]}"


def _summary(results: list[TagResult]) -> str:
    rows = []
    for n, r in enumerate(results, 1):
        if r.error:
            call = '<span class="error">virhe</span>'
        elif r.stage is None:
            call = "ei luokkia"
        else:
            call = f"{_e(_stage_label(r.stage))} ({_number(r.stage_probability)})"
        features = ", ".join(_e(FINNISH_NAMES[f]) for f in r.features or []) or "–"
        rows.append(f'<tr><th scope="row"><a href="#doc-{n}">{_e(r.id)}</a></th><td>{call}</td>'
                    f"<td>{features}</td></tr>")
    return ('<table><caption>Yhteenveto</caption><thead><tr><th scope="col">Asiakirja</th>'
            '<th scope="col">Vaihe (todennäköisyys)</th><th scope="col">Piirteet</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def _stages(r: TagResult) -> str:
    rows = "".join(
        f'<tr><th scope="row">{_e(_stage_label(s.id))}</th><td>{_bar(r.stage_probabilities[s.id], on=s.id == r.stage)}'
        f'</td><td class="num">{_number(r.stage_probabilities[s.id])}</td></tr>' for s in STAGES)
    return ('<table><caption>Vaiheiden todennäköisyydet</caption><thead><tr><th scope="col">Vaihe</th>'
            '<th scope="col">Kuvaaja</th><th scope="col">Todennäköisyys</th>'
            f"</tr></thead><tbody>{rows}</tbody></table>")


def _features(r: TagResult) -> str:
    rows = []
    for f in FEATURES:
        p, threshold, present = r.feature_probabilities[f.id], (r.thresholds or {}).get(f.id), f.id in r.features
        rows.append(f'<tr><th scope="row">{_e(f.fi)}</th><td>{"kyllä" if present else "ei"}</td>'
                    f"<td>{_bar(p, threshold, on=present)}</td>"
                    f'<td class="num">{_number(p)}</td><td class="num">{_number(threshold) if threshold is not None else "–"}</td></tr>')
    return ('<table><caption>Ekosysteemipiirteet: todennäköisyys ja kynnys, jonka ylittyessä piirre katsotaan '
            'läsnä olevaksi (pystyviiva)</caption><thead><tr><th scope="col">Piirre</th><th scope="col">Läsnä</th>'
            '<th scope="col">Kuvaaja</th><th scope="col">Todennäköisyys</th><th scope="col">Kynnys</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def _evidence(r: TagResult) -> str:
    parts = ["<h3>Perustelut</h3>"]
    for key, value in (r.explanation or {}).items():
        title = f"Vaihe: {_stage_label(r.stage)}" if key == "stage" else f"Piirre: {FINNISH_NAMES[key]}"
        parts.append(f"<h4>{_e(title)}</h4>")
        if value.get("sentences"):
            parts.append("<ul>" + "".join(f"<li><mark>{_e(s)}</mark></li>" for s in value["sentences"]) + "</ul>")
        else:
            parts.append("<p>Ei yksittäisiä perustelulauseita.</p>")
        if value.get("terms"):
            parts.append('<p class="terms">Painavimmat termit: ' + ", ".join(_e(t["term"]) for t in value["terms"])
                         + "</p>")
    return "".join(parts)


def _document(n: int, r: TagResult, explain: bool) -> str:
    parts = [f'<section aria-labelledby="doc-{n}"><h2 id="doc-{n}">{_e(r.id)}</h2>']
    if r.path and r.path != r.id:
        parts.append(f"<p>Lähde: {_e(r.path)}</p>")
    if r.error:
        parts.append(f'<p class="error">Asiakirjaa ei voitu lukea: {_e(r.error)}</p>')
    if r.flags:
        parts.append('<ul class="flags">' + "".join(f"<li>{_e(FLAG_TEXTS.get(f, f))}</li>" for f in r.flags) + "</ul>")
    if r.stage is not None:
        parts.append(f'<p class="call">Vaihe: <strong>{_e(_stage_label(r.stage))}</strong> (todennäköisyys '
                     f"{_number(r.stage_probability)}; vaiheen odotusarvo {_number(r.expected_stage, 1)} "
                     f"asteikolla 1–6)</p>")
        parts.append(_stages(r))
        parts.append(f"<p>Ekosysteemipiirteitä {r.ecosystem_score}/{len(FEATURES)}.</p>")
        parts.append(_features(r))
        if explain:
            parts.append(_evidence(r))
    parts.append("</section>")
    return "".join(parts)


def html_report(results: Iterable[TagResult], explain: bool = False) -> str:
    """The whole page for ``results``."""
    results = list(results)
    failed = sum(1 for r in results if r.error)
    documents = f"{len(results)} asiakirja{'' if len(results) == 1 else 'a'}"
    body = "".join(_document(n, r, explain) for n, r in enumerate(results, 1))
    return ('<!DOCTYPE html>\n<html lang="fi">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>innotag: innovaatiovaiheet ja ekosysteemipiirteet</title>\n<style>{_STYLE}</style>\n</head>\n"
            "<body>\n<main>\n<h1>Innovaatiovaiheet ja ekosysteemipiirteet</h1>\n"
            f"<p>{documents}, joista {failed} ei voitu lukea; luokitellut innotag.</p>\n"
            '<p class="note">Vaihearviot ovat oikeassa noin joka toisessa todellisessa asiakirjassa: '
            "ihmisen on tarkistettava ne. Todennäköisyydet kertovat, kuinka varma malli on.</p>\n"
            f"{_summary(results)}\n{body}\n</main>\n</body>\n</html>\n")
