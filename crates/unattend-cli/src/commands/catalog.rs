//! `unattend catalog [COMPONENT[/SETTING/PATH]]`: what the catalog knows.

use serde_json::{Map, Value, json};
use unattend::catalog::{
    self, Change, ComponentInfo, PassSet, SettingInfo, SettingKind, WinFacts, markdown,
};

use crate::exit;
use crate::output;

/// Output formats of `unattend catalog`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// Aligned text for people.
    Text,
    /// One JSON document.
    Json,
    /// Markdown: the text an editor's hover shows (`unattend server`).
    Markdown,
}

/// Arguments of `unattend catalog`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// A component (`Microsoft-Windows-Deployment`) or a setting below it
    /// (`Microsoft-Windows-Deployment/Generalize/Mode`); names ignore case.
    /// Without it, every component is listed.
    #[arg(value_name = "NAME")]
    name: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub(crate) fn run(args: &Args) -> u8 {
    let rendered = match args.name.as_deref() {
        None => Ok(match args.format {
            Format::Text => component_list_text(),
            Format::Json => to_json(&Value::Array(
                catalog::components()
                    .iter()
                    .map(component_summary_json)
                    .collect(),
            )),
            Format::Markdown => catalog::components()
                .iter()
                .map(|c| markdown::component_markdown(c, None))
                .collect::<Vec<_>>()
                .join("\n\n---\n\n"),
        }),
        Some(name) => lookup(name).map(|found| match (found, args.format) {
            (Found::Component(c), Format::Text) => component_text(c),
            (Found::Component(c), Format::Json) => to_json(&component_json(c)),
            (Found::Setting(s), Format::Text) => setting_text(s),
            (Found::Setting(s), Format::Json) => to_json(&setting_json(s)),
            (Found::Component(c), Format::Markdown) => markdown::component_markdown(c, None),
            (Found::Setting(s), Format::Markdown) => markdown::setting_markdown(s, None),
        }),
    };
    match rendered {
        Ok(text) => {
            let stdout = std::io::stdout();
            output::line(&mut stdout.lock(), text.trim_end_matches('\n'));
            exit::CLEAN
        }
        Err(message) => {
            eprintln!("unattend: {message}");
            exit::ERROR
        }
    }
}

enum Found {
    Component(&'static ComponentInfo),
    Setting(&'static SettingInfo),
}

/// Resolves `Component[/Path]`, or explains what is not there.
fn lookup(name: &str) -> Result<Found, String> {
    let (component_name, path) = match name.split_once('/') {
        Some((c, p)) => (c, Some(p.trim_end_matches('/'))),
        None => (name, None),
    };
    let Some(component) = catalog::component(component_name) else {
        let mut message = format!("no component named {component_name:?} in the catalog");
        if let Some(r) = catalog::rejection(component_name, None) {
            message += &format!(" ({})", r.reason);
        }
        if let Some(similar) = catalog::similar_component(component_name) {
            message += &format!("\ndid you mean {}?", similar.name);
        }
        return Err(message);
    };
    let Some(path) = path.filter(|p| !p.is_empty()) else {
        return Ok(Found::Component(component));
    };
    if let Some(s) = component.setting(path) {
        return Ok(Found::Setting(s));
    }
    // Walk as far as the path goes, to say where it leaves the catalog.
    let mut parent: Option<&'static SettingInfo> = None;
    let mut suggestion = None;
    for segment in path.split('/') {
        let next = match parent {
            Some(p) => p.child(segment),
            None => component.child(segment),
        };
        match next {
            Some(s) => parent = Some(s),
            None => {
                suggestion = match parent {
                    Some(p) => p.similar_child(segment),
                    None => component.similar_child(segment),
                };
                break;
            }
        }
    }
    let mut message = format!("{} has no setting {path:?}", component.name);
    if !component.settings_documented {
        message += " (no reference documents its settings)";
    }
    if let Some(r) = catalog::rejection(component.name, Some(path)) {
        message += &format!(" ({})", r.reason);
    }
    if let Some(s) = suggestion {
        message += &format!("\ndid you mean {}/{}?", component.name, s.xml_path);
    }
    Err(message)
}

fn to_json(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

// ------------------------------------------------------------------ text

fn passes_text(passes: PassSet) -> String {
    if passes.is_empty() {
        "-".to_string()
    } else {
        passes.to_string()
    }
}

fn component_list_text() -> String {
    let components = catalog::components();
    let width = components.iter().map(|c| c.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for c in components {
        let mut line = format!("{:<width$}  {}", c.name, passes_text(c.passes));
        if let Some(status) = c.status {
            line += &format!("  [{status}");
            if let Some(r) = c.replacement {
                line += &format!("; use {r}");
            }
            line.push(']');
        } else if !c.settings_documented {
            line += "  [settings not documented]";
        }
        out += line.trim_end();
        out.push('\n');
    }
    out
}

/// `key: value` lines with aligned values; a fact with several lines
/// continues under its first value.
#[derive(Default)]
struct Facts(Vec<(&'static str, Vec<String>)>);

impl Facts {
    fn put(&mut self, key: &'static str, value: impl Into<String>) {
        self.0.push((key, vec![value.into()]));
    }
    fn opt(&mut self, key: &'static str, value: Option<impl Into<String>>) {
        if let Some(v) = value {
            self.put(key, v);
        }
    }
    fn lines(&mut self, key: &'static str, lines: Vec<String>) {
        if !lines.is_empty() {
            self.0.push((key, lines));
        }
    }
    fn render(&self) -> String {
        let width = self.0.iter().map(|(k, _)| k.len() + 1).max().unwrap_or(0);
        let mut out = String::new();
        for (key, lines) in &self.0 {
            for (i, line) in lines.iter().enumerate() {
                let label = if i == 0 {
                    format!("{key}:")
                } else {
                    String::new()
                };
                out += format!("{label:<width$}  {line}").trim_end();
                out.push('\n');
            }
        }
        out
    }
}

fn win_lines(win: &WinFacts) -> Vec<String> {
    let mut lines = Vec::new();
    let mut put = |label: &str, v: Option<&str>| {
        if let Some(v) = v {
            lines.push(format!("{label}: {v}"));
        }
    };
    put("introduced", win.introduced);
    put("deprecated in", win.deprecated_in);
    put("removed in", win.removed_in);
    put("only", win.only);
    put("Nano Server", win.nano_server);
    put("Server Core", win.server_core);
    put("S mode", win.s_mode);
    put("firmware", win.firmware);
    put("requires", win.requires);
    if !win.editions.is_empty() {
        lines.push(format!("editions: {}", win.editions.join("; ")));
    }
    if win.server_only {
        lines.push("Windows Server only".to_string());
    }
    lines
}

fn change_lines(changes: &[Change]) -> Vec<String> {
    changes
        .iter()
        .map(|c| format!("{}: {}", c.release, c.change))
        .collect()
}

fn status_text(status: Option<catalog::Status>, src: Option<&str>) -> Option<String> {
    status.map(|s| match src {
        Some(src) => format!("{s} (per {src})"),
        None => s.to_string(),
    })
}

fn component_facts(c: &ComponentInfo) -> Facts {
    let mut f = Facts::default();
    f.put("passes", passes_text(c.passes));
    f.opt("status", status_text(c.status, c.status_src));
    f.opt("replaced by", c.replacement);
    if !c.name_variants.is_empty() {
        f.put("also named", c.name_variants.join(", "));
    }
    f.lines("windows", win_lines(&c.win));
    if !c.settings_documented {
        f.put(
            "settings",
            "not documented (any content is unknown to the catalog)",
        );
    }
    f.lines("changes", change_lines(c.changes));
    f.opt("note", c.curated_note);
    f.opt("page", c.page_url());
    f.opt("page date", c.page_date);
    f.opt("source", c.source);
    f
}

/// `boolean`, `list item`, … for the tree view.
fn kind_label(s: &SettingInfo) -> String {
    match s.kind {
        SettingKind::Value => s.value_type.map_or("value", |t| t.as_str()).to_string(),
        SettingKind::Container => "container".to_string(),
        SettingKind::List => "list".to_string(),
        SettingKind::ListItem => "list item".to_string(),
    }
}

fn component_text(c: &'static ComponentInfo) -> String {
    let mut out = format!("{}\n", c.name);
    if let Some(summary) = c.summary {
        out += &format!("{summary}\n");
    }
    out.push('\n');
    out += &component_facts(c).render();
    if c.settings().is_empty() {
        return out;
    }
    // Tree rows: indented name, kind/type, passes, flags.
    let mut rows: Vec<[String; 4]> = Vec::new();
    fn visit(s: &'static SettingInfo, depth: usize, rows: &mut Vec<[String; 4]>) {
        let mut flags = Vec::new();
        if let Some(status) = s.status {
            flags.push(status.to_string());
        }
        if let Some(form) = s.xml_form {
            flags.push(
                match form {
                    catalog::XmlForm::KeyAttribute => "wcm:keyValue attribute",
                    catalog::XmlForm::TextContent => "text content",
                }
                .to_string(),
            );
        }
        if s.source.is_some() {
            flags.push("supplement".to_string());
        }
        rows.push([
            format!("{}{}", "  ".repeat(depth), s.element_name),
            kind_label(s),
            passes_text(s.passes),
            if flags.is_empty() {
                String::new()
            } else {
                format!("[{}]", flags.join(", "))
            },
        ]);
        for child in s.children() {
            visit(child, depth + 1, rows);
        }
    }
    for s in c.top_level() {
        visit(s, 1, &mut rows);
    }
    let w0 = rows.iter().map(|r| r[0].len()).max().unwrap_or(0);
    let w1 = rows.iter().map(|r| r[1].len()).max().unwrap_or(0);
    out += &format!("\nsettings ({}):\n", c.settings().len());
    for [name, kind, passes, flags] in rows {
        out += format!("{name:<w0$}  {kind:<w1$}  {passes}  {flags}").trim_end();
        out.push('\n');
    }
    out
}

fn setting_text(s: &'static SettingInfo) -> String {
    let c = s.component();
    let mut out = format!("{}/{}\n", c.name, s.path);
    if let Some(summary) = s.summary {
        out += &format!("{summary}\n");
    }
    out.push('\n');
    let mut f = Facts::default();
    f.put("kind", s.kind.as_str());
    if s.element_name != s.name {
        f.put(
            "element",
            format!(
                "<{}> (the page's title spells it {})",
                s.element_name, s.name
            ),
        );
    }
    if s.xml_path != s.path {
        f.put("xml path", s.xml_path);
    }
    f.opt("xml form", s.xml_form.map(|x| x.as_str()));
    if let Some(t) = s.value_type {
        f.put(
            "type",
            match s.type_src {
                Some(src) => format!("{t} ({src})"),
                None => t.to_string(),
            },
        );
    }
    f.opt("declared type", s.type_declared);
    f.lines(
        "values",
        s.values
            .iter()
            .map(|v| match s.label(v) {
                Some(l) => format!("{v}  {l}"),
                None => v.to_string(),
            })
            .collect(),
    );
    f.lines(
        "special values",
        s.special_values.iter().map(|v| v.to_string()).collect(),
    );
    f.opt("range", s.range.map(|(a, b)| format!("{a} to {b}")));
    f.opt(
        "max length",
        s.max_length.map(|n| format!("{n} {}", s.length_unit)),
    );
    f.opt(
        "min length",
        s.min_length.map(|n| format!("{n} {}", s.length_unit)),
    );
    f.opt(
        "empty value",
        s.empty_ok
            .map(|ok| if ok { "allowed" } else { "not allowed" }),
    );
    f.opt("unit", s.unit);
    f.opt("default", s.default);
    if !s.default_conditional.is_empty() {
        f.put(
            "default",
            format!(
                "depends on conditions: {}",
                s.default_conditional.join(", ")
            ),
        );
    }
    f.put(
        "passes",
        match s.passes_src {
            Some(src) => format!("{} ({src})", passes_text(s.passes)),
            None => passes_text(s.passes),
        },
    );
    f.opt("pass note", s.pass_note);
    f.opt("status", status_text(s.status, s.status_src));
    f.lines("windows", win_lines(&s.win));
    f.opt("item", s.item);
    f.opt(
        "key",
        s.key.map(|k| match s.key_src {
            Some(src) => format!("{k} (from {src})"),
            None => k.to_string(),
        }),
    );
    f.opt("repeats", s.list_src.map(|src| format!("per {src}")));
    if !s.repeating.is_empty() {
        f.put("repeating", s.repeating.join(", "));
    }
    let width = s
        .children()
        .map(|ch| ch.element_name.len())
        .max()
        .unwrap_or(0);
    f.lines(
        "children",
        s.children()
            .map(|ch| format!("{:<width$}  {}", ch.element_name, kind_label(ch)))
            .collect(),
    );
    f.opt("example", s.example);
    f.lines("notes", s.notes.iter().map(|n| n.to_string()).collect());
    f.opt("note", s.curated_note);
    let mut ancestor = s.parent();
    while let Some(a) = ancestor {
        f.opt(
            "note",
            a.curated_note.map(|n| format!("on {}: {n}", a.path)),
        );
        ancestor = a.parent();
    }
    f.lines("changes", change_lines(s.changes));
    f.opt("page", s.page_url());
    f.opt("source", s.source);
    out += &f.render();
    out
}

// ------------------------------------------------------------------ JSON

/// Adds `value` under `key` unless it is null or an empty list.
fn put(map: &mut Map<String, Value>, key: &str, value: Value) {
    let empty = match &value {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    };
    if !empty {
        map.insert(key.to_string(), value);
    }
}

fn passes_json(passes: PassSet) -> Value {
    json!(passes.iter().map(|p| p.as_str()).collect::<Vec<_>>())
}

fn win_json(win: &WinFacts) -> Value {
    let mut m = Map::new();
    put(&mut m, "introduced", json!(win.introduced));
    put(&mut m, "deprecated_in", json!(win.deprecated_in));
    put(&mut m, "removed_in", json!(win.removed_in));
    put(&mut m, "editions", json!(win.editions));
    put(&mut m, "only", json!(win.only));
    put(&mut m, "nano_server", json!(win.nano_server));
    put(&mut m, "server_core", json!(win.server_core));
    if win.server_only {
        m.insert("server_only".into(), json!(true));
    }
    put(&mut m, "s_mode", json!(win.s_mode));
    put(&mut m, "firmware", json!(win.firmware));
    put(&mut m, "requires", json!(win.requires));
    Value::Object(m)
}

fn changes_json(changes: &[Change]) -> Value {
    Value::Array(
        changes
            .iter()
            .map(|c| {
                let mut m = Map::new();
                m.insert("release".into(), json!(c.release));
                m.insert("change".into(), json!(c.change));
                put(&mut m, "scope", json!(c.scope));
                Value::Object(m)
            })
            .collect(),
    )
}

fn component_summary_json(c: &'static ComponentInfo) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), json!(c.name));
    m.insert("passes".into(), passes_json(c.passes));
    put(&mut m, "status", json!(c.status.map(|s| s.as_str())));
    put(&mut m, "replacement", json!(c.replacement));
    m.insert("settings_documented".into(), json!(c.settings_documented));
    Value::Object(m)
}

fn component_json(c: &'static ComponentInfo) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), json!(c.name));
    put(&mut m, "name_variants", json!(c.name_variants));
    put(&mut m, "summary", json!(c.summary));
    m.insert("passes".into(), passes_json(c.passes));
    put(&mut m, "status", json!(c.status.map(|s| s.as_str())));
    put(&mut m, "status_src", json!(c.status_src));
    put(&mut m, "replacement", json!(c.replacement));
    put(&mut m, "win", win_json(&c.win));
    m.insert("settings_documented".into(), json!(c.settings_documented));
    put(&mut m, "changes", changes_json(c.changes));
    put(&mut m, "curated_note", json!(c.curated_note));
    put(&mut m, "file", json!(c.file));
    put(&mut m, "page_url", json!(c.page_url()));
    put(&mut m, "page_date", json!(c.page_date));
    put(&mut m, "source", json!(c.source));
    fn tree(s: &'static SettingInfo) -> Value {
        let mut m = Map::new();
        m.insert("name".into(), json!(s.element_name));
        m.insert("path".into(), json!(s.path));
        m.insert("kind".into(), json!(s.kind.as_str()));
        put(&mut m, "type", json!(s.value_type.map(|t| t.as_str())));
        m.insert("passes".into(), passes_json(s.passes));
        put(&mut m, "status", json!(s.status.map(|st| st.as_str())));
        put(&mut m, "xml_form", json!(s.xml_form.map(|x| x.as_str())));
        put(
            &mut m,
            "children",
            Value::Array(s.children().map(tree).collect()),
        );
        Value::Object(m)
    }
    put(
        &mut m,
        "settings",
        Value::Array(c.top_level().map(tree).collect()),
    );
    Value::Object(m)
}

fn setting_json(s: &'static SettingInfo) -> Value {
    let mut m = Map::new();
    m.insert("component".into(), json!(s.component().name));
    m.insert("path".into(), json!(s.path));
    m.insert("name".into(), json!(s.name));
    m.insert("element_name".into(), json!(s.element_name));
    m.insert("xml_path".into(), json!(s.xml_path));
    m.insert("kind".into(), json!(s.kind.as_str()));
    put(&mut m, "xml_form", json!(s.xml_form.map(|x| x.as_str())));
    put(&mut m, "type", json!(s.value_type.map(|t| t.as_str())));
    put(&mut m, "type_src", json!(s.type_src));
    put(&mut m, "type_declared", json!(s.type_declared));
    put(&mut m, "values", json!(s.values));
    if !s.labels.is_empty() {
        let labels: Map<String, Value> = s
            .labels
            .iter()
            .map(|(v, l)| ((*v).to_string(), json!(l)))
            .collect();
        m.insert("labels".into(), Value::Object(labels));
    }
    put(&mut m, "special_values", json!(s.special_values));
    put(&mut m, "range", json!(s.range.map(|(a, b)| [a, b])));
    put(&mut m, "max_length", json!(s.max_length));
    put(&mut m, "min_length", json!(s.min_length));
    if s.max_length.is_some() || s.min_length.is_some() {
        m.insert("length_unit".into(), json!(s.length_unit.as_str()));
    }
    put(&mut m, "empty_ok", json!(s.empty_ok));
    put(&mut m, "unit", json!(s.unit));
    put(&mut m, "default", json!(s.default));
    put(&mut m, "default_conditional", json!(s.default_conditional));
    m.insert("passes".into(), passes_json(s.passes));
    put(&mut m, "passes_src", json!(s.passes_src));
    put(&mut m, "pass_note", json!(s.pass_note));
    put(&mut m, "status", json!(s.status.map(|st| st.as_str())));
    put(&mut m, "status_src", json!(s.status_src));
    put(&mut m, "win", win_json(&s.win));
    put(&mut m, "item", json!(s.item));
    put(&mut m, "key", json!(s.key));
    put(&mut m, "key_src", json!(s.key_src));
    put(&mut m, "list_src", json!(s.list_src));
    put(&mut m, "repeating", json!(s.repeating));
    put(
        &mut m,
        "children",
        json!(s.children().map(|c| c.element_name).collect::<Vec<_>>()),
    );
    put(&mut m, "example", json!(s.example));
    put(&mut m, "notes", json!(s.notes));
    put(&mut m, "summary", json!(s.summary));
    put(&mut m, "curated_note", json!(s.curated_note));
    put(&mut m, "changes", changes_json(s.changes));
    put(&mut m, "file", json!(s.file));
    put(&mut m, "page_url", json!(s.page_url()));
    put(&mut m, "source", json!(s.source));
    Value::Object(m)
}
