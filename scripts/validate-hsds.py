#!/usr/bin/env python3
"""Validates a dos HSDS export against the HSDS 3.0 JSON Schemas, formats checked.

    validate-hsds.py SCHEMA_DIR EXPORT          EXPORT: the JSON file of dos export --format hsds-json,
                                                or the folder of --format hsds-csv

JSON: every service, organization and taxonomy term in the export's page objects is checked
against service.json, organization.json and taxonomy_term.json (their $refs resolved from
SCHEMA_DIR), and each page object's paging fields. CSV: every row of every table is checked
against its table's schema (values typed as the schema says; nested arrays are other tables),
and every *_id must name a row of the table it points at. Prints one line per problem; exit 1
if there is any.
"""
import csv
import json
import os
import sys

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

schema_dir, export = sys.argv[1], sys.argv[2]
schemas = {}
for name in os.listdir(schema_dir):
    if name.endswith(".json"):
        with open(os.path.join(schema_dir, name)) as file:
            schemas[name] = json.load(file)
registry = Registry().with_resources(
    (name, Resource.from_contents(schema, default_specification=DRAFT202012))
    for name, schema in schemas.items())
checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
problems = []


def validate(value, schema_name, where):
    validator = jsonschema.Draft202012Validator(schemas[schema_name], registry=registry, format_checker=checker)
    for error in validator.iter_errors(value):
        path = "/".join(str(part) for part in error.absolute_path)
        problems.append(f"{where}/{path}: {error.message}")


def check_json(path):
    with open(path) as file:
        document = json.load(file)
    counts = {}
    for key, schema_name in (("services", "service.json"), ("organizations", "organization.json"), ("taxonomy_terms", "taxonomy_term.json")):
        page = document.get(key)
        if not isinstance(page, dict):
            problems.append(f"{key}: missing page object")
            continue
        for field, kind in (("total_items", int), ("total_pages", int), ("page_number", int), ("size", int),
                            ("first_page", bool), ("last_page", bool), ("empty", bool), ("contents", list)):
            if not isinstance(page.get(field), kind):
                problems.append(f"{key}.{field}: missing or not {kind.__name__}")
        for index, item in enumerate(page.get("contents") or []):
            validate(item, schema_name, f"{key}[{index}]")
        counts[key] = len(page.get("contents") or [])
    return counts


def typed(value, spec):
    kind = spec.get("type")
    if kind in ("number", "integer"):
        number = float(value)
        return int(number) if number.is_integer() else number
    if kind == "boolean":
        return value.lower() == "true"
    return value


def check_csv(folder):
    with open(os.path.join(folder, "datapackage.json")) as file:
        package = json.load(file)
    tables = {}
    for resource in package["resources"]:
        with open(os.path.join(folder, resource["path"]), newline="") as file:
            tables[resource["name"]] = list(csv.DictReader(file))
    ids = {name: {row["id"] for row in rows} for name, rows in tables.items()}
    pointers = {"organization_id": "organization", "service_id": "service", "location_id": "location",
                "contact_id": "contact", "service_at_location_id": "service_at_location", "parent_id": "taxonomy_term",
                "taxonomy_term_id": "taxonomy_term"}
    counts = {}
    for name, rows in tables.items():
        schema = schemas[name + ".json"]
        scalar = {key: spec for key, spec in schema["properties"].items() if spec.get("type") not in ("array", "object", None)}
        for index, row in enumerate(rows):
            unknown = set(row) - set(schema["properties"])
            if unknown:
                problems.append(f"{name}.csv row {index + 1}: columns not in the standard: {sorted(unknown)}")
            # An empty cell is an absent value, except for a required text field: CSV cannot tell
            # an empty string from nothing.
            required = set(schema.get("required", []))
            value = {key: typed(text, scalar[key]) for key, text in row.items()
                     if key in scalar and (text != "" or (key in required and scalar[key].get("type") == "string"))}
            validate(value, name + ".json", f"{name}.csv row {index + 1}")
            for column, target in pointers.items():
                if row.get(column) and target in ids and row[column] not in ids[target]:
                    problems.append(f"{name}.csv row {index + 1}: {column} {row[column]} names no {target} row")
        counts[name] = len(rows)
    return counts


counts = check_csv(export) if os.path.isdir(export) else check_json(export)
for problem in problems:
    print(problem)
print("checked " + ", ".join(f"{count} {name}" for name, count in sorted(counts.items())), file=sys.stderr)
sys.exit(1 if problems else 0)
