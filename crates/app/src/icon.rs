//! The window icon, drawn in code so no image file is needed: a blue
//! rounded square with two stacked white cards.

use dioxus::desktop::tao::window::Icon;

const SIZE: u32 = 64;

fn pixel(x: u32, y: u32) -> [u8; 4] {
    let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
    // Rounded square background.
    let r = 14.0;
    let cx = fx.clamp(r, SIZE as f32 - r);
    let cy = fy.clamp(r, SIZE as f32 - r);
    if (fx - cx).powi(2) + (fy - cy).powi(2) > r * r {
        return [0, 0, 0, 0];
    }
    let in_rect = |x0: f32, y0: f32, x1: f32, y1: f32| fx >= x0 && fx < x1 && fy >= y0 && fy < y1;
    if in_rect(18.0, 14.0, 50.0, 38.0) {
        return [0xdd, 0xe7, 0xf7, 0xff]; // back card
    }
    if in_rect(14.0, 24.0, 46.0, 50.0) {
        if in_rect(19.0, 31.0, 41.0, 34.0) || in_rect(19.0, 38.0, 35.0, 41.0) {
            return [0x2b, 0x5c, 0xab, 0xff]; // lines of text
        }
        return [0xff, 0xff, 0xff, 0xff]; // front card
    }
    [0x2b, 0x5c, 0xab, 0xff]
}

/// The icon; `None` only if the platform rejects the pixels.
pub fn app_icon() -> Option<Icon> {
    let rgba: Vec<u8> = (0..SIZE * SIZE)
        .flat_map(|i| pixel(i % SIZE, i / SIZE))
        .collect();
    Icon::from_rgba(rgba, SIZE, SIZE).ok()
}
