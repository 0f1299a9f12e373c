//! The rules, one file per rule. Each file's `//!` doc comment (What it
//! checks / Why it matters / Example / Fix / References) is the single source
//! of `unattend explain` (extracted by `cargo xtask codegen`); codes are
//! stable and never reused.

macro_rules! registry {
    ($($module:ident),* $(,)?) => {
        $(pub(crate) mod $module;)*

        /// Every rule, in code order.
        pub(crate) static ALL: &[&dyn crate::lint::context::Check] = &[$(&$module::Rule),*];
    };
}

pub(crate) mod disk_layout;
pub(crate) mod hidden_password;
pub(crate) mod support;
pub(crate) mod sysprep_command;

registry! {
    ua001_xml_not_well_formed,
    ua002_encoding_mismatch,
    ua003_utf8_bom,
    ua004_non_ascii_text,
    ua005_root_element,
    ua006_foreign_element_in_unattend_namespace,
    ua007_wcm_namespace,
    ua008_template_placeholder,
    ua101_unknown_pass,
    ua102_duplicate_pass,
    ua103_component_attributes,
    ua104_public_key_token,
    ua105_architecture_value,
    ua106_mixed_architectures,
    ua107_duplicate_component,
    ua108_unknown_component,
    ua109_component_casing,
    ua110_removed_component,
    ua111_empty_component,
    ua201_setting_not_valid_in_pass,
    ua202_unknown_setting,
    ua203_duplicate_setting,
    ua204_invalid_boolean,
    ua205_invalid_integer,
    ua206_invalid_enum,
    ua207_value_too_long,
    ua208_empty_value,
    ua209_deprecated_setting,
    ua210_container_has_text,
    ua301_missing_wcm_action,
    ua302_invalid_wcm_action,
    ua303_duplicate_list_key,
    ua304_order_range,
    ua305_order_gaps,
    ua306_command_path_too_long,
    ua307_commandline_too_long,
    ua308_command_has_newline,
    ua309_reboot_inside_command,
    ua310_firstlogon_not_sequential,
    ua401_computer_name,
    ua402_user_name,
    ua403_user_equals_computer_name,
    ua404_time_zone,
    ua405_locale,
    ua406_product_key_format,
    ua407_autologon,
    ua408_partition_references,
    ua411_partition_style_conflict,
    ua412_multiple_active_partitions,
    ua413_efi_partition_too_small,
    ua414_msr_partition_size,
    ua415_extend_not_last_partition,
    ua416_partition_order,
    ua417_install_to_system_partition,
    ua501_plaintext_password,
    ua502_hidden_password_suffix,
    ua503_hidden_password_encoding,
    ua504_plaintext_credentials,
    ua601_was_pass_processed,
    ua602_skip_rearm,
    ua603_generalize_and_reseal,
    ua604_pass_ignored_by_sysprep,
    ua605_persist_drivers_without_generalize,
    ua606_copy_profile,
    ua607_vm_mode_options,
    ua608_sysprep_options,
    ua900_unused_suppression,
}
