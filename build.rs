//! Parses and validates `data/` natively before anything is compiled, and hands the result to
//! the crate as a compact binary. A content mistake stops the build here, with every error
//! listed as `path:line:col: message`.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=data");
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let content = match kirov_content::parse::load(&root) {
        Ok(content) => content,
        Err(report) => {
            eprint!("{report}");
            std::process::exit(1);
        }
    };
    let bytes = postcard::to_allocvec(&content).expect("the content model always serialises");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("content.bin");
    std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
