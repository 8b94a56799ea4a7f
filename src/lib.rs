//! The `kioku` command line, over `kioku-core`. It links no GUI: with no
//! command it starts the sibling `kioku-app` binary.

pub mod cli;
