"""`salesim schema --json` accepts every shipped scenario and refuses the mistakes a language server should flag.

Runs with Debian's interpreter (python3-jsonschema, python3-yaml): test_scenario_json_schema.py SALESIM SOURCE_DIR
"""
import json
import pathlib
import subprocess
import sys

import jsonschema
import yaml


def unset_keys(schema: dict, node, prefix: str) -> list:
    """Key paths the schema describes that `node` does not write (a list is followed into its first item)."""
    missing = []
    for key, child in schema.get("properties", {}).items():
        if not isinstance(node, dict) or key not in node:
            missing.append(prefix + key)
        elif child.get("type") == "object":
            missing += unset_keys(child, node[key], f"{prefix}{key}.")
        elif child.get("type") == "array" and node[key]:
            missing += unset_keys(child["items"], node[key][0], f"{prefix}{key}[0].")
    return missing


def main() -> int:
    salesim, source = sys.argv[1], pathlib.Path(sys.argv[2])
    schema = json.loads(subprocess.run([salesim, "schema", "--json"], check=True, capture_output=True, text=True).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = sorted((source / "scenarios").rglob("*.yaml"))
    files += [source / "tests/io/data" / name for name in ("valid_minimal.yaml", "workforce_full.yaml", "partnerships_only.yaml")]
    failures = 0
    for path in files:
        errors = list(validator.iter_errors(yaml.safe_load(path.read_text())))
        for error in errors:
            print(f"{path}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
        failures += bool(errors)
    print(f"{len(files) - failures} of {len(files)} shipped scenarios valid against the JSON Schema")
    # tests/io/data/workforce_full.yaml promises to set every workforce key, so its round trip checks each.
    full = yaml.safe_load((source / "tests/io/data/workforce_full.yaml").read_text())
    for path in unset_keys(schema["properties"]["workforce"], full["workforce"], "workforce."):
        print(f"tests/io/data/workforce_full.yaml does not set {path}")
        failures += 1
    base = yaml.safe_load((source / "scenarios/classroom/baseline.yaml").read_text())
    mistakes = {
        "an unknown key": {**base, "survy": {"sample_rate": 0.2}},
        "an out-of-range value": {**base, "service": {"level": 1.5}},
        "an unknown scorecard metric": {
            **base, "scorecard": [{"perspective": "financial", "metric": "revnue", "target": 1, "weight": 1}]},
        "an unknown word": {**base, "referrals": {"network": "small_wrld"}},
    }
    for what, document in mistakes.items():
        if validator.is_valid(document):
            print(f"the schema accepts {what}")
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
