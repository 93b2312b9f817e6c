//! Errors shared by the workspace.

use std::path::PathBuf;

/// Result with the shared [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A failure that stops a file, a shard or a run (as opposed to a [`Malformed`] record, which
/// is counted and skipped).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An I/O operation on a path failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory concerned.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A configuration value is invalid. Raised before any data is read.
    #[error("{location}: {message}")]
    Config {
        /// Where: `steps[3] (gopher_quality).max_ratio`, `input.format`, ...
        location: String,
        /// What is wrong and what is expected.
        message: String,
    },
    /// Data in a file could not be read at all (not a single record's problem).
    #[error("{path}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the byte offset or record number where known.
        message: String,
    },
    /// A step failed for a reason other than the input (e.g. a model file vanished).
    #[error("step {step}: {message}")]
    Step {
        /// The step's stats key, e.g. `02.frequent_lines`.
        step: String,
        /// What failed.
        message: String,
    },
    /// A shard panicked or was aborted; the message is what the panic said.
    #[error("shard {shard}: {message}")]
    Shard {
        /// Shard index.
        shard: usize,
        /// What happened.
        message: String,
    },
}

impl Error {
    /// Shorthand for [`Error::Io`].
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// Shorthand for [`Error::Config`].
    pub fn config(location: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Config {
            location: location.into(),
            message: message.into(),
        }
    }
}

/// A record that could not be turned into a document. Not an error: it is counted in
/// `io.skipped_malformed`, a few samples are logged, and reading continues with the next record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    /// The file the record was in.
    pub path: PathBuf,
    /// Where in the file: `record 12`, `line 40`, `byte offset 1048576`, ...
    pub location: String,
    /// What is wrong with it.
    pub message: String,
}

impl std::fmt::Display for Malformed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}: {}",
            self.path.display(),
            self.location,
            self.message
        )
    }
}
