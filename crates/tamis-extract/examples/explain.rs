//! Prints how the content root of one page (`.html` or `.html.gz`) was chosen, and the text.
#![allow(
    clippy::print_stdout,
    clippy::unwrap_used,
    clippy::expect_used,
    missing_docs
)]
use std::io::Read;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: explain PAGE.html[.gz]");
    let raw = std::fs::read(&path).unwrap();
    let mut bytes = Vec::new();
    if path.ends_with(".gz") {
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut bytes)
            .unwrap();
    } else {
        bytes = raw;
    }
    // TAMIS_UP=n: also the root's n ancestors, each with its children's values.
    let up = std::env::var("TAMIS_UP")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    print!("{}", tamis_extract::explain(&bytes, up));
    if std::env::args().nth(2).is_some() {
        println!(
            "-----\n{}",
            tamis_extract::Extractor::default()
                .extract(&bytes, None)
                .text
        );
    }
}
