"""deploy/scf/*/serverless.yml stay deployable: they parse, and every handler they name exists in the code they
deploy."""
import importlib

from deploy.package import INDEX_PY, serverless_instances


def test_every_function_handler_in_serverless_yml_exists():
    config = serverless_instances()
    handlers = [instance["inputs"]["handler"] for instance in config.values() if "handler" in instance["inputs"]]
    assert set(handlers) == {"index.main_handler", "api.retention.main_handler", "api.sweeper.main_handler"}
    # index.main_handler is the analyzer package's index.py, which re-exports the analyzer's handler
    assert "from functions.analyze.index import main_handler" in INDEX_PY
    for handler in ("functions.analyze.index.main_handler", "api.retention.main_handler", "api.sweeper.main_handler"):
        module, _, name = handler.rpartition(".")
        assert callable(getattr(importlib.import_module(module), name)), handler
    assert config["analyze"]["inputs"]["events"][0]["cos"]["parameters"]["filter"]["prefix"] == "answers/"


def test_the_root_serverless_yml_indexes_exactly_the_deployed_instances():
    """The root serverless.yml is the project's index (no `component`: the framework's CLI never deploys it)
    and names every instance folder under deploy/scf/ with the same app."""
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parents[1]
    index = yaml.safe_load((root / "serverless.yml").read_text(encoding="utf-8"))
    assert "component" not in index and "service" not in index
    instances = serverless_instances()
    assert set(index["instances"]) == set(instances)
    for name, folder in index["instances"].items():
        assert (root / folder / "serverless.yml").is_file(), folder
        assert instances[name]["app"] == index["app"]
