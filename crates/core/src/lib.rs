//! kioku-core: everything kioku knows about studying, with no UI and no
//! command line. The desktop app (`kioku-app`) and the command line
//! (`kioku`) are thin front ends over these types; Cargo enforces that
//! this crate depends on neither.
//!
//! Side effects stay at the edges: nothing here reads a clock (time comes
//! in as a `Timestamp`), seeds a random generator of its own, or prints.
//! Errors are typed per module; their `Display` is a plain description for
//! logs and tests, and each front end chooses its own wording.
//!
//! | module | what it is |
//! |---|---|
//! | [`bank`] | question sets, the JSON and text formats, import/export formats |
//! | [`card`] | a card ready to show, and the learner's input for it |
//! | [`id`] | the kebab-case ids of sets and questions |
//! | [`file`] | files written so a crash leaves the old version or the new |
//! | [`scheduler`] | FSRS-6 with Anki's learning steps, fuzz and limits |
//! | [`review`] | review events (the single truth), progress replayed from them, CSV review logs |
//! | [`store`] | the data directory: logs, settings, sets, the lock |
//! | [`library`] | sets + progress + store: today's queue, deck counts, answering, undo, transfer |
//! | [`study`] | a study or cram session |
//! | [`exam`] | self-tests and their results |
//! | [`grader`] | grading typed, chosen and true/false answers |
//! | [`stats`] | statistics over the review history |
//! | [`optimizer`] | fitting FSRS parameters to a history |
//! | [`editor`] | the editable draft of a question set |
//! | [`media`] | images and audio: safe names, checks, `kioku-media://` requests |

pub mod bank;
pub mod card;
pub mod editor;
pub mod exam;
pub mod file;
pub mod grader;
pub mod id;
pub mod library;
pub mod markdown;
pub mod media;
pub mod optimizer;
pub mod review;
pub mod scheduler;
pub mod stats;
pub mod store;
pub mod study;
pub mod synth;
pub mod text;
