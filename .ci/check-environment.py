"""Checks environment.yml: it parses, names what README.md promises, and its kernel step exists."""
import pathlib
import sys

import yaml

root = pathlib.Path(__file__).resolve().parent.parent
env = yaml.safe_load((root / "environment.yml").read_text())
readme = (root / "README.md").read_text()
deps = [d.split("=")[0] for d in env["dependencies"] if isinstance(d, str)]
problems = []
for needed in ["jupyterlab", "openjdk", "maven", "jbang", "nbconvert"]:
    if needed not in deps:
        problems.append(f"environment.yml lacks {needed}")
if env.get("name") not in readme:
    problems.append(f"README.md does not name the environment '{env.get('name')}'")
if "conda env create -f environment.yml" not in readme:
    problems.append("README.md does not give 'conda env create -f environment.yml'")
if "install-kernel" not in readme:
    problems.append("README.md does not give the kernel install step")
for p in problems:
    print("environment.yml:", p)
print(f"environment.yml: {len(deps)} packages, {'ok' if not problems else 'FAILED'}")
sys.exit(1 if problems else 0)
