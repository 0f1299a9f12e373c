//! Microsoft-Windows-Deployment: audit mode, OOBE, and commands run during setup.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::TypedComponent;
use crate::model::element::{Element, Node};
use crate::model::xml_value::{
    Typed, WcmAction, action, children, element_with_action, nested, push_nested, push_value,
    value, xml_enum,
};

xml_enum! {
    /// Where Windows goes next: audit mode or the Windows Welcome screens.
    ResealMode {
        /// Boot to audit mode.
        Audit = "Audit",
        /// Boot to the out-of-box experience.
        Oobe = "OOBE",
    }
}

xml_enum! {
    /// Whether a command restarts the machine.
    WillReboot {
        /// Always restart after the command.
        Always = "Always",
        /// Restart when the command asks for it (exit code).
        OnRequest = "OnRequest",
        /// Never restart.
        Never = "Never",
    }
}

/// Settings of Microsoft-Windows-Deployment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deployment {
    /// Computer name used in audit mode. Pass: auditSystem.
    #[serde(
        rename = "AuditComputerName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub audit_computer_name: Option<AuditComputerName>,
    /// The device form factor code (hexadecimal literal `0`…`1D`).
    /// Passes: generalize, specialize, auditSystem, oobeSystem.
    #[serde(
        rename = "DeviceForm",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub device_form: Option<String>,
    /// A note about who duplicated the image. Pass: generalize.
    #[serde(
        rename = "DuplicatorDescription",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub duplicator_description: Option<String>,
    /// Extends the OS partition. Passes: auditSystem, generalize, oobeSystem, specialize.
    #[serde(
        rename = "ExtendOSPartition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub extend_os_partition: Option<ExtendOsPartition>,
    /// Generalizes from audit mode (valid only in auditUser).
    #[serde(
        rename = "Generalize",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub generalize: Option<Generalize>,
    /// Mode to restart into after this pass. Passes: auditSystem, auditUser, oobeSystem.
    #[serde(rename = "Reseal", default, skip_serializing_if = "Option::is_none")]
    pub reseal: Option<Reseal>,
    /// Commands started without waiting. Passes: auditUser, specialize.
    #[serde(
        rename = "RunAsynchronous",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub run_asynchronous: Option<RunAsynchronous>,
    /// Commands run one after another, in `Order`. Passes: auditUser, specialize.
    #[serde(
        rename = "RunSynchronous",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub run_synchronous: Option<RunSynchronous>,
}

/// `Reseal`: the mode to restart into.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reseal {
    /// `Audit` or `OOBE`.
    #[serde(rename = "Mode", default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<ResealMode>,
    /// Shut down instead of restarting. Default: `false`.
    #[serde(
        rename = "ForceShutdownNow",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub force_shutdown_now: Option<bool>,
}

/// `Generalize`: generalize the image from audit mode (auditUser pass only).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Generalize {
    /// `Audit` or `OOBE`. Default: `OOBE`.
    #[serde(rename = "Mode", default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<ResealMode>,
    /// Shut down after generalizing. Default: `false`.
    #[serde(
        rename = "ForceShutdownNow",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub force_shutdown_now: Option<bool>,
}

/// `AuditComputerName`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditComputerName {
    /// Restart after setting the name. Default: `false`.
    #[serde(
        rename = "MustReboot",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub must_reboot: Option<bool>,
    /// The name (at most 15 characters).
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 15))]
    pub name: Option<String>,
}

/// `ExtendOSPartition`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtendOsPartition {
    /// Extend the partition. Default: `false`.
    #[serde(rename = "Extend", default, skip_serializing_if = "Option::is_none")]
    pub extend: Option<bool>,
    /// Size to extend by, in MB.
    #[serde(rename = "Size", default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u32>,
}

/// Credentials a command runs with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    /// Domain of the account.
    #[serde(rename = "Domain", default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// Password of the account (a secret: never printed by the tools).
    #[serde(rename = "Password", default, skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// User name of the account.
    #[serde(rename = "Username", default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
}

/// `RunSynchronous`: the list of synchronous commands.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RunSynchronous {
    /// The container's own `wcm:action`, when written.
    #[serde(
        rename = "wcm:action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub action: Option<WcmAction>,
    /// The commands.
    #[serde(rename = "RunSynchronousCommand", default)]
    pub commands: Vec<RunSynchronousCommand>,
}

/// One synchronous command.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RunSynchronousCommand {
    /// `add` for a new item (the usual case), `modify` or `remove` by `Order`.
    #[serde(
        rename = "wcm:action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub action: Option<WcmAction>,
    /// Position in the run order, 1 to 500; the list key.
    #[serde(rename = "Order", default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 500))]
    pub order: Option<u32>,
    /// The command line (at most 259 characters).
    #[serde(rename = "Path", default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 259))]
    pub path: Option<String>,
    /// A description (at most 259 characters).
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 259))]
    pub description: Option<String>,
    /// Whether the command restarts the machine. Default: `Never`.
    #[serde(
        rename = "WillReboot",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub will_reboot: Option<WillReboot>,
    /// Account to run the command as.
    #[serde(
        rename = "Credentials",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub credentials: Option<Credentials>,
}

/// `RunAsynchronous`: the list of asynchronous commands.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RunAsynchronous {
    /// The container's own `wcm:action`, when written.
    #[serde(
        rename = "wcm:action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub action: Option<WcmAction>,
    /// The commands.
    #[serde(rename = "RunAsynchronousCommand", default)]
    pub commands: Vec<RunAsynchronousCommand>,
}

/// One asynchronous command.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RunAsynchronousCommand {
    /// `add`, `modify` or `remove`.
    #[serde(
        rename = "wcm:action",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub action: Option<WcmAction>,
    /// Position in the start order, 1 to 500; the list key.
    #[serde(rename = "Order", default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 500))]
    pub order: Option<u32>,
    /// The command line (at most 259 characters).
    #[serde(rename = "Path", default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 259))]
    pub path: Option<String>,
    /// A description (at most 259 characters).
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(length(max = 259))]
    pub description: Option<String>,
    /// Account to run the command as.
    #[serde(
        rename = "Credentials",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub credentials: Option<Credentials>,
}

fn read_credentials(el: &Element) -> Typed<Credentials> {
    Ok(Credentials {
        domain: value(el, "Domain")?,
        password: value(el, "Password")?,
        username: value(el, "Username")?,
    })
}

fn write_credentials(c: &Credentials) -> Element {
    let mut out = Vec::new();
    push_value(&mut out, "Domain", &c.domain);
    push_value(&mut out, "Password", &c.password);
    push_value(&mut out, "Username", &c.username);
    element_with_action("Credentials", None, out)
}

fn read_mode_pair(el: &Element) -> Typed<(Option<ResealMode>, Option<bool>)> {
    Ok((value(el, "Mode")?, value(el, "ForceShutdownNow")?))
}

fn write_mode_pair(name: &str, mode: &Option<ResealMode>, force: &Option<bool>) -> Element {
    let mut out = Vec::new();
    push_value(&mut out, "Mode", mode);
    push_value(&mut out, "ForceShutdownNow", force);
    element_with_action(name, None, out)
}

fn read_sync(el: &Element) -> Typed<RunSynchronous> {
    let commands = children(el, "RunSynchronousCommand")
        .map(|c| {
            Ok(RunSynchronousCommand {
                action: action(c)?,
                order: value(c, "Order")?,
                path: value(c, "Path")?,
                description: value(c, "Description")?,
                will_reboot: value(c, "WillReboot")?,
                credentials: nested(c, "Credentials", read_credentials)?,
            })
        })
        .collect::<Typed<Vec<_>>>()?;
    Ok(RunSynchronous {
        action: action(el)?,
        commands,
    })
}

fn write_sync(list: &RunSynchronous) -> Element {
    let items = list
        .commands
        .iter()
        .map(|c| {
            let mut out = Vec::new();
            push_value(&mut out, "Order", &c.order);
            push_value(&mut out, "Path", &c.path);
            push_value(&mut out, "Description", &c.description);
            push_value(&mut out, "WillReboot", &c.will_reboot);
            push_nested(&mut out, &c.credentials, write_credentials);
            Node::Element(element_with_action("RunSynchronousCommand", c.action, out))
        })
        .collect();
    element_with_action("RunSynchronous", list.action, items)
}

fn read_async(el: &Element) -> Typed<RunAsynchronous> {
    let commands = children(el, "RunAsynchronousCommand")
        .map(|c| {
            Ok(RunAsynchronousCommand {
                action: action(c)?,
                order: value(c, "Order")?,
                path: value(c, "Path")?,
                description: value(c, "Description")?,
                credentials: nested(c, "Credentials", read_credentials)?,
            })
        })
        .collect::<Typed<Vec<_>>>()?;
    Ok(RunAsynchronous {
        action: action(el)?,
        commands,
    })
}

fn write_async(list: &RunAsynchronous) -> Element {
    let items = list
        .commands
        .iter()
        .map(|c| {
            let mut out = Vec::new();
            push_value(&mut out, "Order", &c.order);
            push_value(&mut out, "Path", &c.path);
            push_value(&mut out, "Description", &c.description);
            push_nested(&mut out, &c.credentials, write_credentials);
            Node::Element(element_with_action("RunAsynchronousCommand", c.action, out))
        })
        .collect();
    element_with_action("RunAsynchronous", list.action, items)
}

impl TypedComponent for Deployment {
    const NAME: &'static str = "Microsoft-Windows-Deployment";

    fn read(c: &Element) -> Typed<Self> {
        Ok(Deployment {
            audit_computer_name: nested(c, "AuditComputerName", |e| {
                Ok(AuditComputerName {
                    must_reboot: value(e, "MustReboot")?,
                    name: value(e, "Name")?,
                })
            })?,
            device_form: value(c, "DeviceForm")?,
            duplicator_description: value(c, "DuplicatorDescription")?,
            extend_os_partition: nested(c, "ExtendOSPartition", |e| {
                Ok(ExtendOsPartition {
                    extend: value(e, "Extend")?,
                    size: value(e, "Size")?,
                })
            })?,
            generalize: nested(c, "Generalize", |e| {
                let (mode, force_shutdown_now) = read_mode_pair(e)?;
                Ok(Generalize {
                    mode,
                    force_shutdown_now,
                })
            })?,
            reseal: nested(c, "Reseal", |e| {
                let (mode, force_shutdown_now) = read_mode_pair(e)?;
                Ok(Reseal {
                    mode,
                    force_shutdown_now,
                })
            })?,
            run_asynchronous: nested(c, "RunAsynchronous", read_async)?,
            run_synchronous: nested(c, "RunSynchronous", read_sync)?,
        })
    }

    fn to_children(&self) -> Vec<Node> {
        let mut out = Vec::new();
        push_nested(&mut out, &self.audit_computer_name, |a| {
            let mut kids = Vec::new();
            push_value(&mut kids, "MustReboot", &a.must_reboot);
            push_value(&mut kids, "Name", &a.name);
            element_with_action("AuditComputerName", None, kids)
        });
        push_value(&mut out, "DeviceForm", &self.device_form);
        push_value(
            &mut out,
            "DuplicatorDescription",
            &self.duplicator_description,
        );
        push_nested(&mut out, &self.extend_os_partition, |e| {
            let mut kids = Vec::new();
            push_value(&mut kids, "Extend", &e.extend);
            push_value(&mut kids, "Size", &e.size);
            element_with_action("ExtendOSPartition", None, kids)
        });
        push_nested(&mut out, &self.generalize, |g| {
            write_mode_pair("Generalize", &g.mode, &g.force_shutdown_now)
        });
        push_nested(&mut out, &self.reseal, |r| {
            write_mode_pair("Reseal", &r.mode, &r.force_shutdown_now)
        });
        push_nested(&mut out, &self.run_asynchronous, write_async);
        push_nested(&mut out, &self.run_synchronous, write_sync);
        out
    }
}
