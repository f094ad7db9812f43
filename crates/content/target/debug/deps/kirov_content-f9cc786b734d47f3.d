/work/main/crates/content/target/debug/deps/kirov_content-f9cc786b734d47f3.d: src/lib.rs src/model.rs src/parse/mod.rs src/parse/cast.rs src/parse/datasets.rs src/parse/diagnostic.rs src/parse/essay.rs src/parse/figures.rs src/parse/glossary.rs src/parse/inline.rs src/parse/meta.rs src/parse/timeline.rs src/parse/toml_file.rs

/work/main/crates/content/target/debug/deps/libkirov_content-f9cc786b734d47f3.rlib: src/lib.rs src/model.rs src/parse/mod.rs src/parse/cast.rs src/parse/datasets.rs src/parse/diagnostic.rs src/parse/essay.rs src/parse/figures.rs src/parse/glossary.rs src/parse/inline.rs src/parse/meta.rs src/parse/timeline.rs src/parse/toml_file.rs

/work/main/crates/content/target/debug/deps/libkirov_content-f9cc786b734d47f3.rmeta: src/lib.rs src/model.rs src/parse/mod.rs src/parse/cast.rs src/parse/datasets.rs src/parse/diagnostic.rs src/parse/essay.rs src/parse/figures.rs src/parse/glossary.rs src/parse/inline.rs src/parse/meta.rs src/parse/timeline.rs src/parse/toml_file.rs

src/lib.rs:
src/model.rs:
src/parse/mod.rs:
src/parse/cast.rs:
src/parse/datasets.rs:
src/parse/diagnostic.rs:
src/parse/essay.rs:
src/parse/figures.rs:
src/parse/glossary.rs:
src/parse/inline.rs:
src/parse/meta.rs:
src/parse/timeline.rs:
src/parse/toml_file.rs:
