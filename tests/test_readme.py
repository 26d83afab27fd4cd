"""The README's Python example runs as written (against the test session's model)."""

import re

from conftest import REPO


def test_readme_python_example_runs(trained_model, monkeypatch, capsys):
    readme = (REPO / "README.md").read_text("utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    monkeypatch.setenv("INNOTAG_MODEL", str(trained_model))
    monkeypatch.chdir(REPO)
    exec(compile(code, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "jalkihuolto-lausunto.pdf" in out


def test_readme_names_every_command():
    from innotag import cli

    readme = (REPO / "README.md").read_text("utf-8")
    for command in cli.app.registered_commands:
        assert f"innotag {command.name}" in readme
