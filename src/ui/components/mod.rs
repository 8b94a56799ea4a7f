//! UI components, one per file.

mod deck_list;

pub use deck_list::DeckList;
