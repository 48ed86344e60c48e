"""Run inside a packaged function (a bare interpreter: python -S -s, only the package on sys.path, read-only):
import every module of the package's own code (api/, functions/, models/), then resolve every import statement
in that code — module level or inside a function — that no `except ImportError`/`except Exception` guards.

    python -S -s import_check.py <package root> <absent imports JSON> <paths not to import JSON>

Prints one line `IMPORT-CHECK <json>`: {"imported": n, "statements": n, "failures": [...], "unused_absent": [...]}.
Standard library only: it runs without site-packages."""
import ast
import importlib
import importlib.util
import json
import sys
from pathlib import Path

FIRST_PARTY = ("api", "functions", "models")
GUARDS = {"ImportError", "ModuleNotFoundError", "Exception", "BaseException"}


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def guarded(handlers) -> bool:
    for handler in handlers:
        caught = handler.type
        names = [] if caught is None else [caught] if not isinstance(caught, ast.Tuple) else caught.elts
        if caught is None or any(isinstance(n, ast.Name) and n.id in GUARDS for n in names):
            return True
    return False


def imports(tree, guard=False):
    """(node, guarded) for every Import/ImportFrom, with whether a try/except catching ImportError encloses it."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node, guard
        inner = guard or (isinstance(node, ast.Try) and guarded(node.handlers))
        if isinstance(node, ast.Try):
            for child in node.body:
                yield from imports(ast.Module(body=[child], type_ignores=[]), inner)
            for part in (node.handlers, node.orelse, node.finalbody):
                for child in part:
                    yield from imports(ast.Module(body=[child], type_ignores=[]), guard)
        else:
            yield from imports(node, guard)


def resolvable(name: str) -> str | None:
    try:
        return None if importlib.util.find_spec(name) is not None else "no such module"
    except BaseException as error:  # a parent package that fails to import
        return f"{type(error).__name__}: {error}"


def main() -> None:
    root, absent, skip = Path(sys.argv[1]), json.loads(sys.argv[2]), set(json.loads(sys.argv[3]))
    files = sorted(p for p in root.rglob("*.py") if p.relative_to(root).parts[0] in FIRST_PARTY
                   or p.relative_to(root).as_posix() == "gunicorn.conf.py")
    failures, used, imported, statements = [], set(), 0, 0
    for path in files:
        rel = path.relative_to(root).as_posix()
        if rel in skip or rel == "gunicorn.conf.py":
            continue
        try:
            importlib.import_module(module_name(root, path))
            imported += 1
        except BaseException as error:
            failures.append(f"import {module_name(root, path)} ({rel}): {type(error).__name__}: {error}")

    def allowed(name: str) -> bool:
        for key in absent:
            if name == key or name.startswith(key + "."):
                used.add(key)
                return True
        return False

    for path in files:
        rel = path.relative_to(root).as_posix()
        package = module_name(root, path) if path.name == "__init__.py" else module_name(root, path).rpartition(".")[0]
        for node, is_guarded in imports(ast.parse(path.read_text(encoding="utf-8"))):
            if is_guarded:
                continue
            statements += 1
            if isinstance(node, ast.Import):
                targets = [(alias.name, None) for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1] + ([base] if base else []))
                targets = [(base, alias.name) for alias in node.names]
            for module, attribute in targets:
                if module == "__future__" or allowed(module):
                    continue
                if problem := resolvable(module):
                    failures.append(f"{rel}:{node.lineno} imports {module}: {problem}")
                    continue
                if attribute and attribute != "*":
                    full = f"{module}.{attribute}"
                    if allowed(full):
                        continue
                    try:
                        if hasattr(importlib.import_module(module), attribute):
                            continue
                    except BaseException as error:
                        failures.append(f"{rel}:{node.lineno} imports {module}: {type(error).__name__}: {error}")
                        continue
                    if problem := resolvable(full):
                        failures.append(f"{rel}:{node.lineno} imports {attribute} from {module}: {problem}")
    print("IMPORT-CHECK " + json.dumps({"imported": imported, "statements": statements, "failures": failures,
                                         "unused_absent": sorted(set(absent) - used)}))


if __name__ == "__main__":
    main()
