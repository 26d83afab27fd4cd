"""Write the per-document briefs (plans) for the context-balanced part of the corpus.

Every draw that is not the stage or a feature is made independently of the stage, so that
legal basis, national programmes, agencies, EU funding, rights conventions, municipal and
county vocabulary, boilerplate, pilot vocabulary and future plans are spread over all six
stages at the rates seen on real public pages. The writers follow these plans; the rate
table in corpus/README.md (``python corpus/design/cue_rates.py``) shows the result.

    python corpus/design/plan.py --seed 0 > corpus/design/plans.jsonl

(``plans.jsonl`` was written by an earlier revision of this script and no longer equals a
rerun; the committed file, not a rerun, is the record of what the writers were given.)
    python corpus/design/plan.py --part descriptive --seed 1 > corpus/design/plans-descriptive.jsonl

The second part, ``descriptive``, copies the layout of the real pages that the first part's
models still misread: a practice description whose bulk tells how the practice works in the
generic present tense, a long needs section with regional figures, template fields, and the
stage shown in one or two sentences anywhere in the text. All of these are drawn
independently of the stage, and features are rarer, as on real pages.

    python corpus/design/plan.py --part running --seed 2 > corpus/design/plans-running.jsonl

The third part, ``running``, copies pages about projects and services whose activity is
described in the present tense whatever its state: a project page, a funder's description
of a funded project, news about a service. In Finnish the present tense serves both the
plan and the activity under way, so the stage rests on markers of time and state (has
started, has run since, starts next spring, continues after the project), which the plan
places independently of the stage; stages 2 to 4 are drawn most often, as on real pages.

    python corpus/design/plan.py --part modelled --seed 3 > corpus/design/plans-modelled.jsonl

The fourth part, ``modelled``, imitates the form of real pages, never their words: each of
the real development set's documents with ``"role": "template"`` (half of each genre, by
the SHA-1 order of the ids, every other one) gives three plans of the same genre, one at
the template's stage and two at other stages drawn at random, each in a domain drawn at
random and with the template's features. The other half (``"role": "held_out"``) is what
the modelled part is measured on: ``innotag evaluate corpus/real/ --where role=held_out``.

    python corpus/design/plan.py --part counterfactual --seed 4 > corpus/design/plans-counterfactual.jsonl

The fifth part, ``counterfactual``, revises documents of the default corpus: each plan names a
source document and an adjacent stage, and the writer changes only the sentences that report
what was reached, keeping the rest of the text (background, names, form, features) word for
word. Each pair then differs in its stage evidence alone, so whatever else the two documents
say cannot be learnt as a sign of either stage (counterfactually augmented data, Kaushik et
al. 2020). The neighbouring pairs that real pages confuse most (2/3, 3/4) are drawn most
often; each pair is revised up and down equally often. How the new stage is shown is drawn
independently of the pair: the pilot vocabulary is allowed in a third of the new ``kokeilu``
evidence, a statute in a third of the new ``systeeminen_muutos`` evidence, as on real pages.

    python corpus/design/plan.py --part implicit --seed 5 > corpus/design/plans-implicit.jsonl

The sixth part, ``implicit``, is written without the codebook's stage vocabulary anywhere in
a document (``IMPLICIT_BANNED``: survey, plan, pilot, permanence, spreading and reform words):
a model trained on the earlier parts reads those words and little else, and real pages
rarely use them. The stage shows in what is happening and since when (a service that takes
clients, a group that meets, a budget line, other towns where it runs, a rule in force).
Stages are drawn at about the real pages' mix; genre, domain, context cues, length, features
(rare) and where the evidence sits are drawn independently of the stage.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

STAGES = ["tarve", "ideointi", "kokeilu", "vakiinnuttaminen", "skaalaaminen", "systeeminen_muutos"]
FEATURES = ["yhteinen_visio", "monitoimijaisuus", "toimijaroolit", "resurssien_yhdistaminen",
            "asiakasosallisuus", "jatkuva_oppiminen"]
# genre -> stages it can hold (a bill cannot report a practice in regular use of one unit, etc.)
GENRES = {
    "innokyla_toimintamalli": STAGES[1:],
    "innokyla_kokonaisuus": STAGES,
    "eura_hankekuvaus": STAGES[:5],
    "rahoitushakemus": ["tarve", "ideointi", "vakiinnuttaminen", "skaalaaminen"],
    "hallituksen_esitys": ["ideointi", "kokeilu", "systeeminen_muutos"],
    "lausunto": STAGES,
    "uutinen": STAGES,
    "tiedote": STAGES,
    "blogi": STAGES,
    "loppuraportti": STAGES[1:],
    "valiraportti": STAGES[:5],
    "arviointiraportti": STAGES[1:],
    "jarjeston_hankesivu": STAGES[:5],
    "thl_tai_ministerion_sivu": STAGES,
}
DOMAINS = ["lastensuojelu_avohuolto", "perhekeskus", "sijaishuolto", "jalkihuolto", "koulu_oppilashuolto",
           "nuorisotyo", "mielenterveys_paihde", "vakivallan_ehkaisy", "ikaantyneet", "vammaispalvelut",
           "tyollisyys", "kotoutuminen", "asunnottomuus", "terveydenhuolto", "kulttuuri_hyvinvointi",
           "sote_yleinen"]
# Context cues and the share of documents (at every stage alike) that carry each.
CONTEXT = {
    "lakiperusta": 0.45,          # a law, decree or their section that obliges or enables
    "kansallinen_ohjelma": 0.35,  # government programme, national reform or programme
    "ministerio_tai_virasto": 0.50,  # STM, TEM, OKM, THL, Kela, AVI, Valvira ...
    "eu_tai_esr_rahoitus": 0.30,  # ESR+, EAKR, RRF, EU programme period
    "oikeussopimus": 0.15,        # UN Convention on the Rights of the Child, disability convention ...
    "kunta_ja_hyvinvointialue": 0.80,  # municipality/county, järjestämisvastuu, palvelustrategia
    "sivuston_rakenne": 0.40,     # headings, form fields, contact details, dates, "Lue lisää"
}
COLLISIONS = [
    "the practice itself is about planning (e.g. personal budgeting where clients plan their own services, "
    "or a service plan method); the planning words describe the content, not the stage",
    "a job title contains a stage word (kehittämissuunnittelija, suunnittelija, kokeilukoordinaattori, "
    "levittämisen asiantuntija) without that stage being reached",
    "a name contains a stage word (e.g. a team called 'Kokeilutiimi', a programme called 'Levittämisen tuki') "
    "that is not evidence of the stage",
    "a national experiment or reform is only background (e.g. a nationwide trial elsewhere, an earlier law "
    "reform) while the effort itself is at its own stage",
]


def make_plans(seed: int, per_stage: int) -> list[dict]:
    rng = random.Random(seed)
    plans = []
    for stage in STAGES:
        genres = [g for g, stages in GENRES.items() if stage in stages]
        for _ in range(per_stage):
            plans.append({"stage": stage, "genre": rng.choice(genres)})
    rng.shuffle(plans)
    for number, plan in enumerate(plans, start=9001):
        r = rng.random()
        length = "short (90-170 words)" if r < 0.25 else "medium (170-400 words)" if r < 0.75 else "long (400-750 words)"
        plan.update({
            "id": f"inno-{number}",
            "domain": rng.choice(DOMAINS),
            "features": [f for f in FEATURES if rng.random() < 0.42],
            "context": [c for c, p in CONTEXT.items() if rng.random() < p],
            "length": length,
            # pilots are often described in domain words; other stages sometimes mention pilots in passing
            "avoid_stage_words": plan["stage"] == "kokeilu" and rng.random() < 0.65,
            "mentions_pilot_word": plan["stage"] != "kokeilu" and rng.random() < 0.25,
            "future_plans": rng.random() < 0.45,   # goals for later stages that do not raise the stage
            "collision": rng.choice(COLLISIONS) if rng.random() < 0.15 else None,
            "hard": rng.random() < 0.25,
        })
    return sorted(plans, key=lambda p: p["id"])


# The layouts of real pages whose stage the first part's models misread most often.
DESCRIPTIVE_GENRES = {
    "innokyla_toimintamalli": STAGES[1:], "innokyla_kokonaisuus": STAGES, "uutinen": STAGES, "blogi": STAGES,
    "loppuraportti": STAGES[1:], "valiraportti": STAGES[:5], "jarjeston_hankesivu": STAGES[:5],
    "thl_tai_ministerion_sivu": STAGES,
}
WHERE = ["a form field or list item", "the first paragraph", "the middle of the text", "the last paragraph",
         "a subordinate clause of a sentence about something else"]


def _staged(rng: random.Random, genres_by_stage: dict, counts: dict) -> list[dict]:
    """``counts[stage]`` plans per stage, each with a genre that can hold the stage, shuffled."""
    plans = []
    for stage in STAGES:
        genres = [g for g, stages in genres_by_stage.items() if stage in stages]
        plans.extend({"stage": stage, "genre": rng.choice(genres)} for _ in range(counts[stage]))
    rng.shuffle(plans)
    return plans


def _draw_plans(rng: random.Random, genres_by_stage: dict, counts: dict, first_number: int, length, own_draws,
                pilot_mention: float) -> list[dict]:
    """Plans for the later parts: stage and genre as counted, everything else drawn independently of the stage.

    ``length`` maps a uniform draw to a length band; ``own_draws(rng)`` makes the part's own fields.
    """
    plans = _staged(rng, genres_by_stage, counts)
    for number, plan in enumerate(plans, start=first_number):
        r = rng.random()
        plan.update({
            "id": f"inno-{number}",
            "domain": rng.choice(DOMAINS),
            "features": [f for f in FEATURES if rng.random() < 0.25],  # rarer than before, as on real pages
            "context": [c for c, p in CONTEXT.items() if rng.random() < p],
            "length": length(r),
        })
        plan.update(own_draws(rng))
        plan.update({
            "evidence_where": rng.choice(WHERE),
            "avoid_stage_words": rng.random() < 0.7,
            "mentions_pilot_word": plan["stage"] != "kokeilu" and rng.random() < pilot_mention,
            "future_plans": rng.random() < 0.5,
            "collision": rng.choice(COLLISIONS) if rng.random() < 0.15 else None,
            "hard": rng.random() < 0.25,
        })
    return sorted(plans, key=lambda p: int(p["id"].split("-")[1]))


def make_descriptive_plans(seed: int, per_stage: int, first_number: int = 9601) -> list[dict]:
    return _draw_plans(
        random.Random(seed), DESCRIPTIVE_GENRES, dict.fromkeys(STAGES, per_stage), first_number,
        lambda r: "medium (170-400 words)" if r < 0.6 else "long (400-750 words)",
        lambda rng: {
            # how the practice works, in the generic present tense, whatever the stage
            "descriptive_present": rng.random() < 0.75,
            # a needs or situation section with regional figures, whatever the stage
            "needs_section": rng.random() < 0.6,
        }, pilot_mention=0.25)


RUNNING_GENRES = {
    "jarjeston_hankesivu": STAGES[:5], "rahoittajan_hankekuvaus": STAGES[:5], "uutinen": STAGES, "blogi": STAGES,
    "valiraportti": STAGES[:5], "innokyla_kokonaisuus": STAGES, "thl_tai_ministerion_sivu": STAGES,
}
RUNNING_PER_STAGE = {"tarve": 0.5, "ideointi": 1.0, "kokeilu": 1.2, "vakiinnuttaminen": 1.0, "skaalaaminen": 0.8,
                     "systeeminen_muutos": 0.5}


def make_running_plans(seed: int, per_stage: int, first_number: int = 9901) -> list[dict]:
    return _draw_plans(
        random.Random(seed), RUNNING_GENRES, {s: round(per_stage * RUNNING_PER_STAGE[s]) for s in STAGES},
        first_number,
        lambda r: "short (90-170 words)" if r < 0.3 else "medium (170-400 words)" if r < 0.85 else "long (400-750 words)",
        lambda rng: {
            # framed as a project with goals and activities, whatever the stage
            "project_frame": rng.random() < 0.7,
            # the activities in the present tense with no marker of time, whatever the stage
            "present_activity": rng.random() < 0.7,
            "goal_list": rng.random() < 0.5,
        }, pilot_mention=0.2)


MODELLED_DOMAINS = ["terveydenhuolto", "lastensuojelu_avohuolto", "jalkihuolto", "tyollisyys", "kotoutuminen",
                    "sote_yleinen", "vakivallan_ehkaisy", "asunnottomuus", "sijaishuolto", "nuorisotyo",
                    "koulu_oppilashuolto", "perhekeskus", "ikaantyneet", "vammaispalvelut", "mielenterveys_paihde",
                    "kulttuuri_hyvinvointi"]
REAL_INDEX = Path(__file__).resolve().parents[1] / "real" / "index.jsonl"


def make_modelled_plans(seed: int, per_template: int, first_number: int = 10301) -> list[dict]:
    templates = sorted((json.loads(line) for line in REAL_INDEX.open(encoding="utf-8")
                        if json.loads(line).get("role") == "template"), key=lambda r: r["id"])
    rng, plans = random.Random(seed), []
    for real in templates:
        others = rng.sample([s for s in STAGES if s != real["stage"]], per_template - 1)
        for k, stage in enumerate([real["stage"], *others]):
            plans.append({"id": f"inno-{first_number + len(plans)}", "template": real["id"], "genre": real["genre"],
                          "stage": stage, "features": sorted(real["features"]), "domain": rng.choice(MODELLED_DOMAINS),
                          "same_stage_as_template": k == 0})
    return plans


COUNTERFACTUAL_PAIRS = {(0, 1): 1.0, (1, 2): 3.0, (2, 3): 2.5, (3, 4): 1.5, (4, 5): 1.0}
DEFAULT_CORPUS = Path(__file__).resolve().parents[1]
EVIDENCE_FORMS = ["a past-tense report of what was done", "an activity under way, in the present tense with a time marker",
                  "a date or period", "figures (people, sessions, places)", "a quoted person", "a decision or its absence"]


def make_counterfactual_plans(seed: int, total: int, first_number: int = 10801) -> list[dict]:
    sources = sorted((json.loads(line) for path in sorted(DEFAULT_CORPUS.glob("*.jsonl"))
                      for line in path.open(encoding="utf-8") if line.strip()), key=lambda r: r["id"])
    by_stage = {stage: [r["id"] for r in sources if r["stage"] == stage] for stage in STAGES}
    rng, weight, plans = random.Random(seed), sum(COUNTERFACTUAL_PAIRS.values()), []
    for (low, high), w in COUNTERFACTUAL_PAIRS.items():
        n = round(total * w / weight)
        for k in range(n):
            source, target = (low, high) if k % 2 == 0 else (high, low)
            pool = by_stage[STAGES[source]]
            plans.append({"source": pool.pop(rng.randrange(len(pool))), "source_stage": STAGES[source],
                          "stage": STAGES[target],
                          "pilot_words": STAGES[target] != "kokeilu" or rng.random() < 1 / 3,
                          "statute": STAGES[target] != "systeeminen_muutos" or rng.random() < 1 / 3,
                          "evidence_form": rng.choice(EVIDENCE_FORMS)})
    rng.shuffle(plans)
    return [{"id": f"inno-{first_number + i}", **plan} for i, plan in enumerate(plans)]


IMPLICIT_PER_STAGE = {"tarve": 40, "ideointi": 80, "kokeilu": 90, "vakiinnuttaminen": 80, "skaalaaminen": 60,
                      "systeeminen_muutos": 50}
IMPLICIT_GENRES = {**{g: s for g, s in GENRES.items() if g != "rahoitushakemus"}, "rahoittajan_hankekuvaus": STAGES[:5]}
# Stems of the codebook's stage words (its "typical evidence" column); none may appear in an implicit document.
IMPLICIT_BANNED = ("kartoi", "esiselvit", "nykytila", "suunnit", "ideoi", "konsept", "työpaj", "kokeil", "pilot",
                   "testa", "prototyyp", "perustoimin", "pysyv", "juurru", "juurtu", "vakiin", "vakinai",
                   "toimintaohje", "levit", "kouluttajakoulut", "lakimuuto", "velvoit", "toimintakulttuur")


def make_implicit_plans(seed: int, scale: int, first_number: int = 11301) -> list[dict]:
    rng = random.Random(seed)
    plans = _staged(rng, IMPLICIT_GENRES, {s: n * scale // 400 for s, n in IMPLICIT_PER_STAGE.items()})
    for number, plan in enumerate(plans, start=first_number):
        r = rng.random()
        plan.update({
            "id": f"inno-{number}",
            "domain": rng.choice(DOMAINS),
            "features": [f for f in FEATURES if rng.random() < 0.15],
            "context": [c for c, p in CONTEXT.items() if rng.random() < p],
            "length": "short (100-200 words)" if r < 0.4 else "medium (200-350 words)" if r < 0.85 else "long (350-550 words)",
            "evidence_where": rng.choice(WHERE),
            "page_debris": rng.random() < 0.4,
            "future_plans": rng.random() < 0.5,
        })
    return sorted(plans, key=lambda p: int(p["id"].split("-")[1]))


PARTS = {"context-balanced": make_plans, "descriptive": make_descriptive_plans, "running": make_running_plans,
         "modelled": make_modelled_plans,
         "counterfactual": make_counterfactual_plans, "implicit": make_implicit_plans}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-stage", type=int, default=None,
                        help="[default: 110 context-balanced, 50 descriptive, 80 running; modelled: 3 per template; "
                             "counterfactual: 480 in all; implicit: 400 in all]")
    parser.add_argument("--part", choices=PARTS, default="context-balanced")
    args = parser.parse_args()
    per_stage = args.per_stage or {"context-balanced": 110, "descriptive": 50, "running": 80, "modelled": 3,
                                   "counterfactual": 480, "implicit": 400}[args.part]
    for plan in PARTS[args.part](args.seed, per_stage):
        print(json.dumps(plan, ensure_ascii=False))


if __name__ == "__main__":
    main()
