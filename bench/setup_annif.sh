#!/usr/bin/env bash
# Install Annif (NatLibFi) into its own virtual environment for bench/peers.py.
#
#     bash bench/setup_annif.sh            # creates bench/.venvs/annif (git-ignored)
#
# Annif pins its own numpy, scikit-learn, scipy, simplemma and click versions, so it never
# goes into innotag's .venv: bench/peers.py drives it through its command line.
#
# * The Finnish analyzer is Voikko (annif[voikko] + Debian's libvoikko1 and voikko-fi, the
#   same system packages innotag's Makefile installs). Without them bench/peers.py falls
#   back to Annif's simplemma analyzer and says so.
# * Annif tokenizes with NLTK, which wants the "punkt_tab" data and downloads it from the
#   internet on first use. Nothing may be downloaded at run time here, so this script writes
#   an empty Punkt parameter set (no learned abbreviations or collocations): NLTK then splits
#   sentences at every . ? ! followed by a space. Annif's TF-IDF and SVC backends only use
#   the word tokens, which this does not change apart from words that end in a period.
#
# Environment: PYTHON (default python3, 3.10-3.13), ANNIF_VENV (default bench/.venvs/annif),
# ANNIF_VERSION (default 1.4.3).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
venv="${ANNIF_VENV:-$here/.venvs/annif}"
python="${PYTHON:-python3}"
version="${ANNIF_VERSION:-1.4.3}"

# Debian's Voikko, as `make system-deps` does it (root or passwordless sudo only).
if ! dpkg -s libvoikko1 voikko-fi >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then sudo=""; elif sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo="none"; fi
    if [ "$sudo" = none ]; then
        echo "note: cannot install libvoikko1 voikko-fi (needs root); Annif will use the simplemma analyzer" >&2
    else
        echo "installing Debian packages: libvoikko1 voikko-fi" >&2
        $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
            --no-install-recommends libvoikko1 voikko-fi >/dev/null || true
    fi
fi

if [ ! -x "$venv/bin/python" ]; then
    echo "creating $venv" >&2
    mkdir -p "$(dirname "$venv")"
    "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet "annif[voikko]==$version"

# Empty Punkt parameters for NLTK (see above); bench/peers.py points NLTK_DATA here.
nltk_dir="$venv/nltk_data/tokenizers/punkt_tab/english"
mkdir -p "$nltk_dir"
for f in collocations.tab sent_starters.txt abbrev_types.txt ortho_context.tab; do
    : > "$nltk_dir/$f"
done

NLTK_DATA="$venv/nltk_data" "$venv/bin/python" - <<'EOF'
import nltk
import annif
from importlib.metadata import version

print("annif", version("annif"), "nltk", nltk.__version__)
print("sentences:", nltk.tokenize.sent_tokenize("Hanke alkoi 2023. Kokeilu jatkuu! Onko se valmis?"))
try:
    import voikko.libvoikko
    v = voikko.libvoikko.Voikko("fi")
    print("voikko:", v.analyze("hyvinvointialueilla")[0]["BASEFORM"])
except Exception as exc:  # noqa: BLE001
    print("voikko: not available (%s); the simplemma analyzer will be used" % exc)
EOF
echo "Annif is ready in $venv" >&2
