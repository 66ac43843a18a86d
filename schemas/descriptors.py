"""Frictionless table schemas and Parquet (Arrow) schemas, derived from `resources.py`."""

from __future__ import annotations

import pyarrow as pa

from schemas.resources import Field, Resource

ARROW_TYPES = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(),
               "boolean": pa.bool_()}


def _frictionless_field(f: Field) -> dict:
    out: dict = {"name": f.name, "type": f.type, "title": f.title, "description": f.description}
    constraints: dict = {}
    if f.required:
        constraints["required"] = True
    if f.enum is not None:
        constraints["enum"] = list(f.enum)
    if f.minimum is not None:
        constraints["minimum"] = int(f.minimum) if f.type == "integer" else f.minimum
    if constraints:
        out["constraints"] = constraints
    if f.unit:
        out["unit"] = f.unit
    if f.type == "boolean":
        out["trueValues"], out["falseValues"] = ["true"], ["false"]
    return out


def table_schema(resource: Resource) -> dict:
    """The Frictionless Table Schema of a resource."""
    schema: dict = {
        "fields": [_frictionless_field(f) for f in resource.fields],
        "missingValues": [""],
    }
    if resource.primary_key:
        schema["primaryKey"] = list(resource.primary_key)
    if resource.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(fk.fields),
             "reference": {"resource": fk.resource, "fields": list(fk.reference)}}
            for fk in resource.foreign_keys
        ]
    return schema


def arrow_schema(resource: Resource) -> pa.Schema:
    """The Parquet column types of a resource, with titles and descriptions as metadata."""
    return pa.schema([
        pa.field(f.name, ARROW_TYPES[f.type], nullable=not f.required,
                 metadata={"title": f.title, "description": f.description})
        for f in resource.fields
    ])
