//! Parse, write and model throughput over the public corpus.
//!
//! `cargo bench -p unattend --bench parse` (reads `$UNATTEND_CORPUS` or
//! `../shared/corpus/public`; benchmarks needing the corpus are skipped with a
//! notice when it is absent). Raw quick-xml event reading over the same bytes
//! is the baseline the document layer is compared with.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::OnceLock;

use divan::counter::BytesCount;
use unattend::document::Document;
use unattend::model::{Unattend, WriteOptions};

fn main() {
    divan::main();
}

/// Well-formed corpus files (the ones the benchmarks can round-trip).
fn corpus() -> &'static [Vec<u8>] {
    static FILES: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = std::env::var_os("UNATTEND_CORPUS")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/public")
            });
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!(
                "NOTICE: no corpus at {}; corpus benchmarks measure nothing",
                dir.display()
            );
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        paths
            .into_iter()
            .filter(|p| p.file_name().is_some_and(|n| n != "MANIFEST.tsv"))
            .filter_map(|p| std::fs::read(p).ok())
            .filter(|b| Document::parse(b).is_ok())
            .collect()
    })
}

fn corpus_bytes() -> usize {
    corpus().iter().map(Vec::len).sum()
}

#[divan::bench]
fn parse_corpus(bencher: divan::Bencher) {
    bencher.counter(BytesCount::new(corpus_bytes())).bench(|| {
        for bytes in corpus() {
            divan::black_box(Document::parse(divan::black_box(bytes)).unwrap());
        }
    });
}

#[divan::bench]
fn quick_xml_events_corpus(bencher: divan::Bencher) {
    // Baseline: quick-xml's tokenizer alone, no tree, no checks.
    let texts: Vec<String> = corpus()
        .iter()
        .map(|b| Document::parse(b).unwrap().text().to_string())
        .collect();
    bencher.counter(BytesCount::new(corpus_bytes())).bench(|| {
        for text in &texts {
            let mut reader = quick_xml::Reader::from_str(text);
            let mut n = 0usize;
            while !matches!(reader.read_event().unwrap(), quick_xml::events::Event::Eof) {
                n += 1;
            }
            divan::black_box(n);
        }
    });
}

#[divan::bench]
fn write_back_corpus(bencher: divan::Bencher) {
    let docs: Vec<Document> = corpus()
        .iter()
        .map(|b| Document::parse(b).unwrap())
        .collect();
    bencher.counter(BytesCount::new(corpus_bytes())).bench(|| {
        for doc in &docs {
            divan::black_box(doc.to_bytes().unwrap());
        }
    });
}

#[divan::bench]
fn model_and_canonical_write_corpus(bencher: divan::Bencher) {
    let docs: Vec<Document> = corpus()
        .iter()
        .map(|b| Document::parse(b).unwrap())
        .collect();
    bencher.counter(BytesCount::new(corpus_bytes())).bench(|| {
        for doc in &docs {
            if let Ok(model) = Unattend::from_document(doc) {
                divan::black_box(model.to_xml(&WriteOptions::default()));
            }
        }
    });
}

#[divan::bench]
fn lint_corpus(bencher: divan::Bencher) {
    let config = unattend::lint::ResolvedConfig::default();
    bencher.counter(BytesCount::new(corpus_bytes())).bench(|| {
        for bytes in corpus() {
            divan::black_box(unattend::lint::lint_bytes(divan::black_box(bytes), &config));
        }
    });
}

#[divan::bench]
fn hostile_namespaces(bencher: divan::Bencher) {
    // 100,000 elements with distinct namespace URIs: lookups must stay cheap.
    let mut s = String::from("<r>");
    for i in 0..100_000 {
        s.push_str(&format!("<a xmlns=\"urn:n{i}\"/>"));
    }
    s.push_str("</r>");
    bencher
        .counter(BytesCount::new(s.len()))
        .bench(|| divan::black_box(Document::parse_str(&s).unwrap()));
}

/// The corpus file closest to 8 KB (a typical answer file) and the largest.
fn typical_and_largest() -> [&'static [u8]; 2] {
    let files = corpus();
    let typical = files
        .iter()
        .min_by_key(|f| f.len().abs_diff(8000))
        .map_or(&[][..], |f| f.as_slice());
    let largest = files
        .iter()
        .max_by_key(|f| f.len())
        .map_or(&[][..], |f| f.as_slice());
    [typical, largest]
}

#[divan::bench(args = ["typical", "largest"])]
fn parse_one(bencher: divan::Bencher, which: &str) {
    let bytes = typical_and_largest()[usize::from(which == "largest")];
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| divan::black_box(Document::parse(divan::black_box(bytes)).ok()));
}

#[divan::bench(args = ["typical", "largest"])]
fn lint_one(bencher: divan::Bencher, which: &str) {
    let bytes = typical_and_largest()[usize::from(which == "largest")];
    let config = unattend::lint::ResolvedConfig::default();
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| divan::black_box(unattend::lint::lint_bytes(divan::black_box(bytes), &config)));
}

#[divan::bench(args = ["typical", "largest"])]
fn write_one(bencher: divan::Bencher, which: &str) {
    let bytes = typical_and_largest()[usize::from(which == "largest")];
    let Ok(doc) = Document::parse(bytes) else {
        return;
    };
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| divan::black_box(doc.to_bytes().ok()));
}
