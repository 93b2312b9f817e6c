//! The `tamis` command. Thin: parses arguments, builds a pipeline, hands it to `tamis-exec`.
//!
//! Exit codes: 0 success; 1 some shards failed (a rerun retries them); 2 configuration or
//! usage error (nothing was read); 3 `--shard` run waiting for other shards of an earlier stage.
#![allow(clippy::print_stdout, clippy::exit)]

mod args;
mod commands;

use std::process::ExitCode;

/// mimalloc rather than the system allocator: documents are many short-lived allocations
/// (text, metadata maps, parsed JSON) made and freed by every worker thread. On a JSONL
/// passthrough glibc's malloc and free took about an eighth of the CPU time; with mimalloc
/// the run takes ~10% less CPU (best of 4, 595 MB).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match commands::run(args::parse()) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("tamis: error: {}", message(&err));
            let config = err.chain().any(|c| {
                matches!(
                    c.downcast_ref::<tamis_core::Error>(),
                    Some(tamis_core::Error::Config { .. })
                )
            });
            ExitCode::from(if config { 2 } else { 1 })
        }
    }
}

/// The error and its causes, `: `-separated, leaving out a cause whose text the message
/// already holds (`tamis_core::Error::Io` prints its I/O error and also names it as source).
fn message(err: &anyhow::Error) -> String {
    let mut msg = err.to_string();
    for cause in err.chain().skip(1) {
        let c = cause.to_string();
        if !msg.contains(&c) {
            msg.push_str(": ");
            msg.push_str(&c);
        }
    }
    msg
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
