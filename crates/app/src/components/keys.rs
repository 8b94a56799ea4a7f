//! Keyboard shortcuts, handled once at the root. Inputs and focused
//! buttons stop the keys they handle themselves from reaching here.

use dioxus::prelude::*;

use super::help::{close_help, toggle_help};
use super::media_view;
use super::study::start_study;
use super::study::{act, leave, rate, submit, undo};
use crate::{AppCtx, Page, Screen};
use kioku_core::bank::QuestionKind;
use kioku_core::scheduler::Rating;
use kioku_core::study::Phase;

/// A plain character key, lowercased.
fn char_of(e: &KeyboardEvent) -> Option<char> {
    match e.key() {
        Key::Character(s) => {
            let mut chars = s.chars();
            let c = chars.next()?;
            chars.next().is_none().then(|| c.to_ascii_lowercase())
        }
        _ => None,
    }
}

/// The choice (0-based, screen order) that key `c` picks: 1–9 or a–j.
fn choice_key(c: char) -> Option<usize> {
    match c {
        '1'..='9' => Some(c as usize - '1' as usize),
        'a'..='j' => Some(c as usize - 'a' as usize),
        _ => None,
    }
}

pub fn on_key(ctx: AppCtx, e: KeyboardEvent) {
    let ch = char_of(&e);
    let ctrl = e.modifiers().ctrl() || e.modifiers().meta();
    // Keys that finish an IME composition (Enter above all) belong to the
    // input method, not to the shortcuts.
    if e.is_composing() {
        return;
    }
    // The source reader keeps the keys while open (Esc closes it).
    if super::reader::is_open() {
        if e.key() == Key::Escape {
            super::reader::close_reader();
        }
        return;
    }
    // An enlarged image takes every key; Esc or Z closes it.
    if media_view::zoom_open() {
        if e.key() == Key::Escape || ch == Some('z') {
            media_view::close_zoom();
        }
        return;
    }
    if ch == Some('?') {
        toggle_help(ctx);
        return;
    }
    if e.key() == Key::Escape {
        if *ctx.help_open.read() {
            close_help(ctx);
        } else {
            // A self-test in progress is ended with "Finish now", never by a
            // stray Escape.
            if !matches!(ctx.page(), Page::Home | Page::Exam | Page::Editor) {
                leave(ctx);
            }
        }
        return;
    }
    if *ctx.help_open.read() {
        return;
    }
    // Media on a card: Z enlarges its image, R replays its sound.
    if matches!(ctx.page(), Page::Study | Page::Exam) && !ctrl {
        match ch {
            Some('z') => return media_view::zoom_first(),
            Some('r') => return media_view::replay(),
            _ => {}
        }
    }
    match ctx.page() {
        Page::Home => home_key(ctx, ch),
        Page::Study => study_key(ctx, &e, ch, ctrl),
        Page::Exam => exam_key(ctx, &e, ch),
        Page::Editor => {
            // Ctrl+S does what the Save button does (which is disabled
            // with nothing to save).
            if ctrl && matches!(ch, Some('s' | 'S')) {
                e.prevent_default();
                if ctx.editor().is_some_and(|ed| ed.dirty) {
                    super::editor::save(ctx);
                }
            }
        }
        Page::Settings | Page::ExamSetup | Page::CramSetup | Page::Stats => {}
    }
}

fn home_key(ctx: AppCtx, ch: Option<char>) {
    match ch {
        Some('s') => ctx.go(Screen::Settings),
        Some('n') => super::editor::open(ctx, None),
        Some(c @ '1'..='9') => {
            let n = c as usize - '1' as usize;
            let id = ctx
                .library
                .read()
                .as_ref()
                .and_then(|lib| lib.sets().get(n).map(|s| s.id.clone()));
            if let Some(id) = id {
                start_study(ctx, Some(id));
            }
        }
        _ => {}
    }
}

fn study_key(ctx: AppCtx, e: &KeyboardEvent, ch: Option<char>, ctrl: bool) {
    if ctrl && ch == Some('z') {
        undo(ctx);
        return;
    }
    if ctrl {
        return;
    }
    let (kind, phase, picked, suggested) = {
        let study = ctx.study();
        let Some(c) = study.as_ref().and_then(|s| s.current.as_ref()) else {
            if matches!(e.key(), Key::Enter) {
                leave(ctx);
            }
            return;
        };
        let suggested = study
            .as_ref()
            .map(|s| s.suggested_rating())
            .unwrap_or(Rating::Good);
        (
            c.view.kind,
            c.phase.clone(),
            !c.picked.is_empty(),
            suggested,
        )
    };
    let space_or_enter = matches!(e.key(), Key::Enter) || ch == Some(' ');
    match phase {
        Phase::Answered { .. } => {
            if ch == Some('o') {
                let request = ctx
                    .study()
                    .and_then(|s| s.current)
                    .and_then(|c| super::reader::request_for(ctx, &c.view));
                if let Some(request) = request {
                    super::reader::open_reader(request);
                }
            } else if space_or_enter {
                rate(ctx, suggested);
            } else if let Some(r) = ch
                .and_then(|c| c.to_digit(10))
                .and_then(|d| Rating::from_number(d as u8))
            {
                rate(ctx, r);
            }
        }
        Phase::Question => match kind {
            QuestionKind::Flashcard if space_or_enter => submit(ctx, None),
            QuestionKind::TrueFalse => match ch {
                Some('t') | Some('1') => submit(ctx, Some(true)),
                Some('f') | Some('2') => submit(ctx, Some(false)),
                _ => {}
            },
            QuestionKind::MultipleChoice => {
                if space_or_enter {
                    if picked {
                        submit(ctx, None);
                    }
                } else if let Some(i) = ch.and_then(choice_key) {
                    act(ctx, |s, _| {
                        s.toggle_shown_choice(i);
                        Ok(())
                    });
                }
            }
            _ => {}
        },
    }
}

fn exam_key(ctx: AppCtx, e: &KeyboardEvent, ch: Option<char>) {
    use super::exam::{exam_act, exam_mark, exam_next, exam_submit};
    let (kind, revealed, showing_verdict, picked) = {
        let exam = ctx.exam();
        let Some((s, _)) = exam.as_ref() else { return };
        let Some(v) = s.current() else { return };
        (
            v.kind,
            s.revealed,
            s.verdict.is_some(),
            !s.picked.is_empty(),
        )
    };
    let space_or_enter = matches!(e.key(), Key::Enter) || ch == Some(' ');
    if showing_verdict {
        if space_or_enter {
            exam_next(ctx);
        }
        return;
    }
    match kind {
        QuestionKind::Flashcard if !revealed && space_or_enter => exam_submit(ctx, None),
        QuestionKind::Flashcard if revealed => match ch {
            Some('y') => exam_mark(ctx, true),
            Some('n') => exam_mark(ctx, false),
            _ => {}
        },
        QuestionKind::TrueFalse => match ch {
            Some('t') => exam_submit(ctx, Some(true)),
            Some('f') => exam_submit(ctx, Some(false)),
            _ => {}
        },
        QuestionKind::MultipleChoice => {
            if space_or_enter {
                if picked {
                    exam_submit(ctx, None);
                }
            } else if let Some(i) = ch.and_then(choice_key) {
                exam_act(ctx, |s| s.toggle_shown_choice(i));
            }
        }
        _ => {}
    }
}
