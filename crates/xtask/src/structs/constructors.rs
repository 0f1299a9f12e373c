//! Constructors generated where the catalog knows an item's shape: list
//! items with their key, `ordered` lists numbered 1, 2, …, plain and hidden
//! passwords, and a `Debug` that never prints a secret.

use std::fmt::Write as _;

use super::{Field, FieldKind, Plan, doc, fields_of};
use crate::data::Setting;
use crate::names::component_names;

/// The fields of a password struct: `PlainText` and `Value`, nothing else.
fn is_password(fields: &[Field]) -> bool {
    let mut names: Vec<&str> = fields.iter().map(|f| f.xml.as_str()).collect();
    names.sort_unstable();
    names == ["PlainText", "Value"]
        && fields
            .iter()
            .all(|f| matches!(f.kind, FieldKind::Value) && (f.ty == "bool" || f.ty == "String"))
}

/// Fields whose value is a secret: a password struct's `Value`, any
/// `…Password` text and product keys.
pub(super) fn secret_fields(node: Option<&Setting>, fields: &[Field]) -> Vec<String> {
    let password = is_password(fields);
    let product_key = node.is_some_and(|s| s.element_name() == "ProductKey");
    fields
        .iter()
        .filter(|f| matches!(f.kind, FieldKind::Value) && f.ty == "String")
        .filter(|f| {
            (password && f.xml == "Value")
                || f.xml.ends_with("Password")
                || f.xml == "ProductKey"
                || f.xml == "AccountData"
                || (product_key && f.xml == "Key")
        })
        .map(|f| f.ident.clone())
        .collect()
}

/// A `Debug` impl that shows every field but prints secrets as `"***"`.
pub(super) fn emit_debug(
    out: &mut String,
    name: &str,
    has_action: bool,
    fields: &[Field],
    secrets: &[String],
) {
    let _ = writeln!(
        out,
        "// Secrets are never printed: `{{:?}}` of an answer file may end up in a log.\nimpl std::fmt::Debug for {name} {{\n    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {{\n        f.debug_struct({name:?})"
    );
    if has_action {
        out.push_str("            .field(\"wcm_action\", &self.wcm_action)\n");
    }
    for fld in fields {
        if secrets.contains(&fld.ident) {
            let _ = writeln!(
                out,
                "            .field({:?}, &self.{}.as_ref().map(|_| \"***\"))",
                fld.ident, fld.ident
            );
        } else {
            let _ = writeln!(
                out,
                "            .field({:?}, &self.{})",
                fld.ident, fld.ident
            );
        }
    }
    out.push_str("            .field(\"other\", &self.other)\n            .finish()\n    }\n}\n\n");
}

fn example(out: &mut String, plan: &Plan<'_>, uses: &str, body: &str) {
    let (module, _) = component_names(&plan.comp.name);
    let mut lines = vec![String::new(), "```".to_string()];
    for u in uses.split(';').filter(|u| !u.is_empty()) {
        lines.push(format!("use {};", u.trim().replace("{module}", &module)));
    }
    lines.push(String::new());
    lines.extend(body.lines().map(str::to_string));
    lines.push("```".to_string());
    // Raw: code must not get the bracket escapes prose gets.
    for l in lines {
        if l.is_empty() {
            out.push_str("    ///\n");
        } else {
            let _ = writeln!(out, "    /// {l}");
        }
    }
}

/// The item setting of a list whose items are keyed by `Order`.
fn ordered_item<'c>(plan: &Plan<'c>, list: &Setting) -> Option<&'c Setting> {
    let item = list.item.as_deref()?;
    let path = format!("{}/{item}", list.path);
    plan.comp
        .settings
        .iter()
        .find(|s| s.path == path && s.kind == "list_item" && s.key.as_deref() == Some("Order"))
}

/// Constructors for the struct `name` of setting `node`, if its shape calls for any.
pub(super) fn emit(
    out: &mut String,
    plan: &Plan<'_>,
    name: &str,
    node: &Setting,
    fields: &[Field],
) {
    let mut body = String::new();
    if is_password(fields) {
        password(&mut body, plan, name, node);
    }
    if is_credentials(fields) {
        credentials(&mut body, plan, name);
    }
    if node.kind == "list_item" {
        keyed_item(&mut body, plan, name, node, fields);
    }
    if node.kind == "list" {
        ordered_list(&mut body, plan, name, node, fields);
    }
    if !body.is_empty() {
        let _ = write!(out, "impl {name} {{\n{body}}}\n\n");
    }
}

fn password(out: &mut String, plan: &Plan<'_>, name: &str, node: &Setting) {
    let element = node.element_name();
    doc(
        out,
        "    ",
        &["A password written in the clear: `<PlainText>true</PlainText>` and the password as `<Value>`.".to_string()],
    );
    example(
        out,
        plan,
        &format!("unattend::model::components::{{module}}::{name}"),
        &format!(
            "let password = {name}::plain(\"P@ssw0rd\");\nassert_eq!(password.plain_text, Some(true));\nassert_eq!(password.value.as_deref(), Some(\"P@ssw0rd\"));\n// Debug output never shows the secret.\nassert!(!format!(\"{{password:?}}\").contains(\"P@ssw0rd\"));"
        ),
    );
    let _ = writeln!(
        out,
        "    pub fn plain(password: impl Into<String>) -> Self {{\n        {name} {{\n            plain_text: Some(true),\n            value: Some(password.into()),\n            ..Default::default()\n        }}\n    }}\n"
    );
    doc(
        out,
        "    ",
        &[
            format!(
                "A hidden password, as Windows System Image Manager writes it: `<PlainText>false</PlainText>` and `<Value>` = base64 of UTF-16LE(password + `{element}`) (`password::hide`)."
            ),
            String::new(),
            "This is obfuscation, not encryption: anyone with the file can decode it. Fails on an empty password, which cannot be hidden.".to_string(),
        ],
    );
    example(
        out,
        plan,
        &format!("unattend::model::components::{{module}}::{name}; unattend::password"),
        &format!(
            "let password = {name}::hidden(\"P@ssw0rd\")?;\nassert_eq!(password.plain_text, Some(false));\nlet value = password.value.as_deref().unwrap();\nassert_eq!(password::decode(value)?, \"P@ssw0rd{element}\");\nassert!({name}::hidden(\"\").is_err());\n# Ok::<(), password::PasswordError>(())"
        ),
    );
    let _ = writeln!(
        out,
        "    pub fn hidden(password: &str) -> Result<Self, crate::password::PasswordError> {{\n        Ok({name} {{\n            plain_text: Some(false),\n            value: Some(crate::password::hide(password, {element:?})?),\n            ..Default::default()\n        }})\n    }}\n"
    );
}

/// The fields of a credentials struct: `Domain`, `Password`, `Username`.
fn is_credentials(fields: &[Field]) -> bool {
    let mut names: Vec<&str> = fields.iter().map(|f| f.xml.as_str()).collect();
    names.sort_unstable();
    names == ["Domain", "Password", "Username"]
        && fields
            .iter()
            .all(|f| matches!(f.kind, FieldKind::Value) && f.ty == "String")
}

fn credentials(out: &mut String, plan: &Plan<'_>, name: &str) {
    doc(
        out,
        "    ",
        &[
            "Credentials of an account in `domain` (the computer name for a local account).".to_string(),
            String::new(),
            "Windows offers no hidden form for these: the password is written in the clear (lint notes it, UA504), so keep the file where only its users can read it. `Debug` never prints the password.".to_string(),
        ],
    );
    example(
        out,
        plan,
        &format!("unattend::model::components::{{module}}::{name}"),
        &format!(
            "let login = {name}::new(\"CONTOSO\", \"deploy\", \"S3cret\");\nassert_eq!(login.username.as_deref(), Some(\"deploy\"));\nassert!(!format!(\"{{login:?}}\").contains(\"S3cret\"));"
        ),
    );
    let _ = writeln!(
        out,
        "    pub fn new(domain: impl Into<String>, username: impl Into<String>, password: impl Into<String>) -> Self {{\n        {name} {{\n            domain: Some(domain.into()),\n            username: Some(username.into()),\n            password: Some(password.into()),\n            ..Default::default()\n        }}\n    }}\n"
    );
}

/// The command a keyed-by-`Order` item runs, when it has one.
fn command_field(fields: &[Field]) -> Option<&Field> {
    fields.iter().find(|f| {
        matches!(f.kind, FieldKind::Value)
            && f.ty == "String"
            && (f.xml == "Path" || f.xml == "CommandLine")
    })
}

fn keyed_item(out: &mut String, plan: &Plan<'_>, name: &str, node: &Setting, fields: &[Field]) {
    let Some(key) = node.key.as_deref() else {
        return;
    };
    let action = "            wcm_action: Some(WcmAction::Add),\n";
    if key == "@wcm:keyValue" {
        doc(
            out,
            "    ",
            &["A new item (`wcm:action=\"add\"`) with its key, `wcm:keyValue`.".to_string()],
        );
        example(
            out,
            plan,
            &format!("unattend::model::components::{{module}}::{name}"),
            &format!(
                "let item = {name}::new(\"1\");\nassert_eq!(item.wcm_key_value.as_deref(), Some(\"1\"));"
            ),
        );
        let _ = writeln!(
            out,
            "    pub fn new(key_value: impl Into<String>) -> Self {{\n        {name} {{\n{action}            wcm_key_value: Some(key_value.into()),\n            ..Default::default()\n        }}\n    }}\n"
        );
        return;
    }
    let Some(kf) = fields
        .iter()
        .find(|f| f.xml == key && matches!(f.kind, FieldKind::Value))
    else {
        return;
    };
    let ident = &kf.ident;
    if key == "Order" && kf.ty == "i64" {
        let range = plan
            .comp
            .settings
            .iter()
            .find(|s| s.path == format!("{}/Order", node.path))
            .and_then(|s| s.range)
            .map(|[lo, hi]| format!(" The reference documents {lo} to {hi}; `lint_model` checks the upper bound (UA304)."))
            .unwrap_or_default();
        match command_field(fields) {
            Some(cmd) => {
                let c = &cmd.ident;
                doc(
                    out,
                    "    ",
                    &[format!(
                        "A new command (`wcm:action=\"add\"`) at position `order`, running `{c}`.{range} To number a whole list 1, 2, …, build it with its `ordered` constructor."
                    )],
                );
                example(
                    out,
                    plan,
                    &format!(
                        "unattend::model::components::{{module}}::{name}; unattend::model::Order"
                    ),
                    &format!(
                        "let item = {name}::new(Order::FIRST, \"cmd /c ver\");\nassert_eq!(item.{ident}, Some(1));\nassert_eq!(item.{c}.as_deref(), Some(\"cmd /c ver\"));"
                    ),
                );
                let _ = writeln!(
                    out,
                    "    pub fn new(order: crate::model::Order, {c}: impl Into<String>) -> Self {{\n        {name} {{\n{action}            {ident}: Some(order.into()),\n            {c}: Some({c}.into()),\n            ..Default::default()\n        }}\n    }}\n"
                );
            }
            None => {
                doc(
                    out,
                    "    ",
                    &[format!(
                        "A new item (`wcm:action=\"add\"`) at position `order`.{range}"
                    )],
                );
                example(
                    out,
                    plan,
                    &format!(
                        "unattend::model::components::{{module}}::{name}; unattend::model::Order"
                    ),
                    &format!(
                        "let item = {name}::new(Order::new(2)?);\nassert_eq!(item.{ident}, Some(2));\n# Ok::<(), unattend::model::OrderError>(())"
                    ),
                );
                let _ = writeln!(
                    out,
                    "    pub fn new(order: crate::model::Order) -> Self {{\n        {name} {{\n{action}            {ident}: Some(order.into()),\n            ..Default::default()\n        }}\n    }}\n"
                );
            }
        }
        return;
    }
    let (param, value, sample, check) = match kf.ty.as_str() {
        "String" => (
            "impl Into<String>".to_string(),
            format!("Some({ident}.into())"),
            "\"Example\"".to_string(),
            format!("item.{ident}.as_deref(), Some(\"Example\")"),
        ),
        "i64" => (
            "i64".to_string(),
            format!("Some({ident})"),
            "1".to_string(),
            format!("item.{ident}, Some(1)"),
        ),
        _ => return,
    };
    doc(
        out,
        "    ",
        &[format!(
            "A new item (`wcm:action=\"add\"`) with its key, `{key}`."
        )],
    );
    example(
        out,
        plan,
        &format!("unattend::model::components::{{module}}::{name}"),
        &format!("let item = {name}::new({sample});\nassert_eq!({check});"),
    );
    let _ = writeln!(
        out,
        "    pub fn new({ident}: {param}) -> Self {{\n        {name} {{\n{action}            {ident}: {value},\n            ..Default::default()\n        }}\n    }}\n"
    );
}

fn ordered_list(out: &mut String, plan: &Plan<'_>, name: &str, node: &Setting, fields: &[Field]) {
    let Some(item) = ordered_item(plan, node) else {
        return;
    };
    let Some(list_field) = fields
        .iter()
        .find(|f| matches!(f.kind, FieldKind::Repeated) && f.xml == item.element_name())
    else {
        return;
    };
    let item_fields = fields_of(plan, Some(&item.path), true);
    let Some(order) = item_fields
        .iter()
        .find(|f| f.xml == "Order" && f.ty == "i64")
    else {
        return;
    };
    let (ty, items, ord) = (&list_field.ty, &list_field.ident, &order.ident);
    if let Some(cmd) = command_field(&item_fields) {
        let c = &cmd.ident;
        doc(
            out,
            "    ",
            &[format!(
                "The list of commands running `commands` in the order given, numbered 1, 2, 3, … (`wcm:action=\"add\"`, `{}` set, nothing else).",
                cmd.xml
            )],
        );
        example(
            out,
            plan,
            &format!("unattend::model::components::{{module}}::{name}"),
            &format!(
                "let list = {name}::from_commands([\"cmd /c mkdir C:\\\\Setup\", \"cmd /c ver\"]);\nassert_eq!(list.{items}[0].{ord}, Some(1));\nassert_eq!(list.{items}[1].{ord}, Some(2));\nassert_eq!(list.{items}[1].{c}.as_deref(), Some(\"cmd /c ver\"));"
            ),
        );
        let _ = writeln!(
            out,
            "    pub fn from_commands(commands: impl IntoIterator<Item = impl Into<String>>) -> Self {{\n        {name}::ordered(\n            commands\n                .into_iter()\n                .map(|c| {ty}::new(crate::model::Order::FIRST, c)),\n        )\n    }}\n"
        );
    }
    doc(
        out,
        "    ",
        &[format!(
            "The list of `items`, numbered 1, 2, 3, … in the order given (each item's `{}` is replaced), so no number is skipped, repeated or 0.",
            order.xml
        )],
    );
    if let Some(cmd) = command_field(&item_fields) {
        let c = &cmd.ident;
        example(
            out,
            plan,
            &format!(
                "unattend::model::components::{{module}}::{{{name}, {ty}}}; unattend::model::Order"
            ),
            &format!(
                "// The orders given here are replaced: 1, 2 in list order.\nlet list = {name}::ordered([\n    {ty}::new(Order::FIRST, \"cmd /c mkdir C:\\\\Setup\"),\n    {ty}::new(Order::FIRST, \"cmd /c ver\"),\n]);\nlet orders: Vec<Option<i64>> = list.{items}.iter().map(|c| c.{ord}).collect();\nassert_eq!(orders, [Some(1), Some(2)]);\nassert_eq!(list.{items}[1].{c}.as_deref(), Some(\"cmd /c ver\"));"
            ),
        );
    }
    let _ = writeln!(
        out,
        "    pub fn ordered(items: impl IntoIterator<Item = {ty}>) -> Self {{\n        {name} {{\n            {items}: items\n                .into_iter()\n                .zip(crate::model::Order::sequence())\n                .map(|(item, order)| {ty} {{\n                    {ord}: Some(order.into()),\n                    ..item\n                }})\n                .collect(),\n            ..Default::default()\n        }}\n    }}\n"
    );
}
