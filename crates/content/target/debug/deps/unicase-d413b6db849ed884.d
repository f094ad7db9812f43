/work/main/crates/content/target/debug/deps/unicase-d413b6db849ed884.d: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/ascii.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/unicode/mod.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/unicode/map.rs

/work/main/crates/content/target/debug/deps/libunicase-d413b6db849ed884.rlib: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/ascii.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/unicode/mod.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/unicode/map.rs

/work/main/crates/content/target/debug/deps/libunicase-d413b6db849ed884.rmeta: /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/lib.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/ascii.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/unicode/mod.rs /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/unicode/map.rs

/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/lib.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/ascii.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/unicode/mod.rs:
/root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/unicase-2.10.0/src/unicode/map.rs:
