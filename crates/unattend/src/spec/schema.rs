//! The spec's JSON Schema, generated from the catalog and pass-aware: under
//! each pass only the components and settings valid in that pass, with
//! their descriptions, allowed values, defaults and limits.

use serde_json::{Map, Value, json};

use crate::catalog::{self, ComponentInfo, SettingInfo, SettingKind, ValueType, XmlForm};
use crate::model::{Arch, Pass};

/// The JSON Schema (draft-07) of specs, as checked in at
/// `schemas/unattend-spec.schema.json`.
pub fn schema() -> String {
    let mut defs = Map::new();
    defs.insert(
        "arch".into(),
        json!({
            "description": "Processor architecture(s): one, or a list to write the component once per architecture.",
            "anyOf": [
                { "enum": Arch::ALL.iter().map(|a| a.as_str()).collect::<Vec<_>>() },
                { "type": "array", "minItems": 1, "items": { "enum": Arch::ALL.iter().map(|a| a.as_str()).collect::<Vec<_>>() } }
            ]
        }),
    );
    defs.insert(
        "secret".into(),
        json!({
            "description": "A value read when the spec is built: { env: NAME } from the environment, { file: path } from a file (relative to the spec).",
            "type": "object",
            "oneOf": [
                { "required": ["env"], "properties": { "env": { "type": "string" } }, "additionalProperties": false },
                { "required": ["file"], "properties": { "file": { "type": "string" } }, "additionalProperties": false }
            ]
        }),
    );
    defs.insert(
        "xml".into(),
        json!({
            "description": "Raw XML written as is (content the catalog does not describe, comments). The answer-file namespace is the default; wcm, xsi and cpi prefixes are declared.",
            "type": "string"
        }),
    );
    defs.insert(
        "attribute".into(),
        json!({
            "description": "An XML attribute (`@name`, `@wcm:action`, `@wcm:keyValue`).",
            "type": ["string", "integer", "boolean"]
        }),
    );
    let mut properties = Map::new();
    properties.insert(
        "$schema".into(),
        json!({ "type": "string", "description": "The schema this spec follows." }),
    );
    properties.insert(
        "arch".into(),
        json!({ "$ref": "#/definitions/arch", "description": "The architecture(s) of every component that does not set its own (default amd64)." }),
    );
    properties.insert(
        "hidePasswords".into(),
        json!({ "type": "boolean", "description": "Write every plain-text password hidden the way Windows SIM does (PlainText false). Obfuscation, not encryption." }),
    );
    properties.insert("xml".into(), json!({ "$ref": "#/definitions/xml" }));
    for pass in Pass::ALL {
        let name = format!("pass.{pass}");
        let schema = pass_schema(pass, &mut defs);
        defs.insert(name.clone(), schema);
        properties.insert(
            pass.as_str().into(),
            json!({ "$ref": format!("#/definitions/{name}") }),
        );
    }
    let schema = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "unattend spec",
        "description": "An answer file for `unattend build`: passes as keys, components by name, settings by their XML names. Generated from the catalog by `unattend schema spec`.",
        "type": "object",
        "properties": properties,
        "patternProperties": { "^@": { "$ref": "#/definitions/attribute" } },
        "additionalProperties": false,
        "definitions": defs,
    });
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// Puts `schema` into the definitions under `base` (or a numbered variant
/// of it; identical schemas share one) and returns a reference to it: the
/// same component or list item is usually the same in several passes.
fn shared(defs: &mut Map<String, Value>, base: &str, schema: Value) -> Value {
    let mut n = 0;
    loop {
        let name = if n == 0 {
            base.to_string()
        } else {
            format!("{base}~{n}")
        };
        match defs.get(&name) {
            Some(existing) if *existing == schema => {}
            Some(_) => {
                n += 1;
                continue;
            }
            None => {
                defs.insert(name.clone(), schema);
            }
        }
        return json!({ "$ref": format!("#/definitions/{}", name.replace('~', "~0").replace('/', "~1")) });
    }
}

fn pass_schema(pass: Pass, defs: &mut Map<String, Value>) -> Value {
    let mut properties = Map::new();
    properties.insert("xml".into(), json!({ "$ref": "#/definitions/xml" }));
    for c in catalog::components() {
        if c.passes.is_empty() || !c.passes.contains(pass) {
            continue;
        }
        let component = component_schema(c, pass, defs);
        let component = shared(defs, &format!("component.{}", c.name), component);
        let value = json!({
            "description": component_description(c),
            "anyOf": [component.clone(), { "type": "array", "items": component }]
        });
        properties.insert(c.name.into(), value);
    }
    json!({
        "description": format!("The {pass} pass: components keyed by name."),
        "type": "object",
        "properties": properties,
        "patternProperties": { "^@": { "$ref": "#/definitions/attribute" } },
        "additionalProperties": false
    })
}

fn component_description(c: &ComponentInfo) -> String {
    let mut d = c.summary.unwrap_or_default().to_string();
    if let Some(s) = c.status {
        d.push_str(&format!(" ({s})"));
    }
    if let Some(url) = c.page_url() {
        if !d.is_empty() {
            d.push_str("\n\n");
        }
        d.push_str(&url);
    }
    d
}

fn component_schema(c: &'static ComponentInfo, pass: Pass, defs: &mut Map<String, Value>) -> Value {
    let mut properties = Map::new();
    properties.insert(
        "arch".into(),
        json!({ "$ref": "#/definitions/arch", "description": "This component's architecture(s), instead of the spec's." }),
    );
    properties.insert("xml".into(), json!({ "$ref": "#/definitions/xml" }));
    for s in c.top_level() {
        if !s.is_pseudo() && s.valid_in(pass) {
            properties.insert(s.element_name.into(), setting_schema(s, pass, defs));
        }
    }
    json!({
        "type": "object",
        "properties": properties,
        "patternProperties": { "^@": { "$ref": "#/definitions/attribute" } },
        "additionalProperties": false
    })
}

fn description(s: &SettingInfo) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(summary) = s.summary {
        parts.push(summary.to_string());
    }
    let mut facts = Vec::new();
    if !s.passes.is_empty() {
        facts.push(format!("Passes: {}.", s.passes));
    }
    if let Some(d) = s.default {
        facts.push(format!("Default: {d}."));
    }
    if let Some(st) = s.status {
        facts.push(format!("Status: {st}."));
    }
    if !facts.is_empty() {
        parts.push(facts.join(" "));
    }
    if let Some(url) = s.page_url() {
        parts.push(url);
    }
    parts.join("\n\n")
}

/// The value a leaf takes: its type, allowed values, limits and default.
fn leaf_schema(s: &SettingInfo) -> Value {
    let mut v = Map::new();
    match s.value_type {
        Some(ValueType::Boolean) => {
            v.insert("type".into(), json!("boolean"));
        }
        Some(ValueType::Integer) if s.values.is_empty() => {
            v.insert("type".into(), json!("integer"));
            if let Some((min, max)) = s.range {
                v.insert("minimum".into(), json!(min));
                v.insert("maximum".into(), json!(max));
            }
        }
        Some(ValueType::Integer) => {
            let values: Vec<Value> = s
                .values
                .iter()
                .map(|x| x.parse::<i64>().map_or(json!(x), |n| json!(n)))
                .collect();
            match s.range {
                Some((min, max)) => {
                    v.insert(
                        "anyOf".into(),
                        json!([{ "enum": values }, { "type": "integer", "minimum": min, "maximum": max }]),
                    );
                }
                None => {
                    v.insert("enum".into(), json!(values));
                }
            }
        }
        _ if !s.values.is_empty() => {
            v.insert("enum".into(), json!(s.values));
        }
        _ => {
            v.insert("type".into(), json!("string"));
            if s.length_unit == catalog::LengthUnit::Characters {
                if let Some(max) = s.max_length {
                    v.insert("maxLength".into(), json!(max));
                }
                if let Some(min) = s.min_length {
                    v.insert("minLength".into(), json!(min));
                }
            }
        }
    }
    if let Some(d) = s.default {
        let typed = match s.value_type {
            Some(ValueType::Boolean) if d == "true" || d == "false" => json!(d == "true"),
            Some(ValueType::Integer) => d.parse::<i64>().map_or(json!(d), |n| json!(n)),
            _ => json!(d),
        };
        v.insert("default".into(), typed);
    }
    json!({
        "description": description(s),
        "anyOf": [Value::Object(v), { "$ref": "#/definitions/secret" }]
    })
}

fn setting_schema(s: &'static SettingInfo, pass: Pass, defs: &mut Map<String, Value>) -> Value {
    match s.kind {
        SettingKind::Value => leaf_schema(s),
        SettingKind::Container => {
            let mut o = object_schema(s, pass, false, defs);
            o["description"] = json!(description(s));
            o
        }
        SettingKind::List => {
            let item = s.item.and_then(|n| s.child(n));
            let Some(item) = item else {
                let mut o = object_schema(s, pass, false, defs);
                o["description"] = json!(description(s));
                return o;
            };
            let item_schema = item_schema(item, pass, defs);
            let mut map_form = object_schema(s, pass, false, defs);
            map_form["properties"][item.element_name] =
                json!({ "type": "array", "items": item_schema.clone() });
            json!({
                "description": description(s),
                "anyOf": [{ "type": "array", "items": item_schema }, map_form]
            })
        }
        SettingKind::ListItem => {
            let item = item_schema(s, pass, defs);
            json!({
                "description": description(s),
                "anyOf": [{ "type": "array", "items": item.clone() }, item]
            })
        }
    }
}

fn item_schema(s: &'static SettingInfo, pass: Pass, defs: &mut Map<String, Value>) -> Value {
    let mut o = object_schema(s, pass, true, defs);
    o["properties"]["@wcm:action"] = json!({
        "description": "What the item does (default add).",
        "enum": ["add", "modify", "remove"]
    });
    if s.key == Some("Order") {
        o["properties"]["Order"]["description"] =
            json!("Position in the list; left out, items are numbered 1, 2, … in order.");
    }
    let text = s
        .children()
        .find(|c| c.xml_form == Some(XmlForm::TextContent));
    let schema = match text {
        Some(t) => json!({ "anyOf": [o, leaf_schema(t)] }),
        None => o,
    };
    let base = format!("item.{}/{}", s.component().name, s.xml_path);
    shared(defs, &base, schema)
}

fn object_schema(
    s: &'static SettingInfo,
    pass: Pass,
    pseudo: bool,
    defs: &mut Map<String, Value>,
) -> Value {
    let mut properties = Map::new();
    properties.insert("xml".into(), json!({ "$ref": "#/definitions/xml" }));
    for c in s.children() {
        if !c.valid_in(pass) || (c.is_pseudo() && !pseudo) {
            continue;
        }
        let schema = if c.is_pseudo() {
            leaf_schema(c)
        } else {
            setting_schema(c, pass, defs)
        };
        properties.insert(c.element_name.into(), schema);
    }
    json!({
        "type": "object",
        "properties": properties,
        "patternProperties": { "^@": { "$ref": "#/definitions/attribute" } },
        "additionalProperties": false
    })
}
