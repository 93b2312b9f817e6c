//! Integration tests of tamis-clean (one binary; modules by theme).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod suite;
