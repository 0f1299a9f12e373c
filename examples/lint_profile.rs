//! Lints every file of a folder three times: a steady target for profilers.
//!
//! ```sh
//! cargo build --release --example lint_profile
//! valgrind --tool=callgrind target/release/examples/lint_profile ../shared/corpus/public
//! ```

#[allow(clippy::unwrap_used)]
fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/public".into());
    let files: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| std::fs::read(e.unwrap().path()).ok())
        .collect();
    let config = unattend::lint::ResolvedConfig::default();
    let mut n = 0;
    for _ in 0..3 {
        for f in &files {
            n += unattend::lint::lint_bytes(f, &config).diagnostics.len();
        }
    }
    println!("{n}");
}
