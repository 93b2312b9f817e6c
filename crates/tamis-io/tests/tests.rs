//! Integration tests of tamis-io, by theme.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    missing_docs
)]

mod bad_input;
mod fixtures;
mod roundtrip;
mod shared_files;
mod util;
