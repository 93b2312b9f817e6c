//! Unit tests of the scoring rules of `content.rs`, one per rule, on small hand-written
//! HTML: each asserts which text is kept or dropped, never exact scores. Kept apart from
//! `content.rs` so that edits of the rules and of their tests do not collide.

use super::*;
