//! The `unattend` binary (named `unattend-cli` in its own package): everything
//! is in the `unattend_cli` library.

fn main() -> std::process::ExitCode {
    unattend_cli::main()
}
