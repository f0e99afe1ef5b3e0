"""The top-level README's Python quick start runs as written."""

import pathlib
import re

README = pathlib.Path(__file__).resolve().parents[3] / "README.md"


def test_readme_python_quick_start_runs():
    text = README.read_text()
    section = text[text.index("## Python quick start") :]
    block = re.search(r"```python\n(.*?)```", section, re.S)
    assert block, "no python block in the README's Python quick start"
    exec(compile(block.group(1), "README.md", "exec"), {})
