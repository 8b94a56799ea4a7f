//! Interval fuzz, as Anki does it: review intervals of 2.5 days or more are
//! spread over a range so cards learned together don't stay together. The
//! random part is a value in [0, 1) derived from the card and its review
//! count, so replaying the same history gives the same due dates.

/// (start, end, factor): the share of the interval between `start` and
/// `end` days that may move by `factor` either way (Anki's ranges).
const FUZZ_RANGES: [(f32, f32, f32); 3] =
    [(2.5, 7.0, 0.15), (7.0, 20.0, 0.10), (20.0, f32::MAX, 0.05)];

/// A fuzz value in [0, 1). Build it with [`FuzzFactor::for_card`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FuzzFactor(f32);

impl FuzzFactor {
    /// The middle of the range, for callers that want no randomness.
    pub const MIDDLE: FuzzFactor = FuzzFactor(0.5);

    /// Clamps to [0, 1).
    pub fn new(f: f32) -> Self {
        Self(if f.is_finite() {
            f.clamp(0.0, 0.999_999)
        } else {
            0.0
        })
    }

    /// The fuzz for the `reviews`-th review of the card with key `card_key`:
    /// a stable hash, the same on every platform and kioku version.
    pub fn for_card(card_key: &str, reviews: u32) -> Self {
        // The top 24 bits give an exactly representable f32 in [0, 1).
        Self((Self::seed(card_key, reviews) >> 40) as f32 / (1u64 << 24) as f32)
    }

    /// A 64-bit seed from a card key and its review count: FNV-1a over the
    /// key, mixed with the count by SplitMix64. Stable across platforms.
    pub fn seed(card_key: &str, reviews: u32) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in card_key.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        let mut z = h ^ u64::from(reviews).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn get(self) -> f32 {
        self.0
    }
}

/// How far an interval may move: one day plus the ranges' shares.
fn fuzz_delta(interval: f32) -> f32 {
    if interval < 2.5 {
        return 0.0;
    }
    FUZZ_RANGES
        .iter()
        .fold(1.0, |delta, &(start, end, factor)| {
            delta + factor * (interval.min(end) - start).max(0.0)
        })
}

/// The smallest and largest fuzzed interval, kept within [minimum, maximum].
pub fn fuzz_bounds(interval: f32, minimum: u32, maximum: u32) -> (u32, u32) {
    let minimum = minimum.min(maximum);
    let interval = interval.clamp(minimum as f32, maximum as f32);
    let delta = fuzz_delta(interval);
    let lower = ((interval - delta).round() as u32).clamp(minimum, maximum);
    let mut upper = ((interval + delta).round() as u32).clamp(minimum, maximum);
    if upper == lower && upper > 2 && upper < maximum {
        upper = lower + 1;
    }
    (lower, upper)
}

/// The interval in whole days after fuzz, within [minimum, maximum].
/// `None` means no fuzz (the interval is only rounded and clamped).
pub fn fuzzed_interval(interval: f32, minimum: u32, maximum: u32, fuzz: Option<FuzzFactor>) -> u32 {
    let minimum = minimum.min(maximum);
    let Some(fuzz) = fuzz else {
        return (interval.round().max(0.0) as u32).clamp(minimum, maximum);
    };
    let (lower, upper) = fuzz_bounds(interval, minimum, maximum);
    let span = (1 + upper - lower) as f32;
    ((lower as f32 + fuzz.get() * span).floor() as u32).min(upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_fuzz_below_two_and_a_half_days() {
        for f in [0.0, 0.5, 0.99] {
            assert_eq!(fuzzed_interval(1.0, 1, 36500, Some(FuzzFactor::new(f))), 1);
            assert_eq!(fuzzed_interval(2.4, 1, 36500, Some(FuzzFactor::new(f))), 2);
        }
    }

    #[test]
    fn ranges_match_anki() {
        // 10 days: 1 + 0.15 * 4.5 + 0.10 * 3 = 1.975 → [8, 12].
        assert_eq!(fuzz_bounds(10.0, 1, 36500), (8, 12));
        // 100 days: 1 + 0.675 + 1.3 + 0.05 * 80 = 6.975 → [93, 107].
        assert_eq!(fuzz_bounds(100.0, 1, 36500), (93, 107));
        // 3 days: 1 + 0.075 = 1.075 → [2, 4].
        assert_eq!(fuzz_bounds(3.0, 1, 36500), (2, 4));
        // The minimum (previous interval + 1) moves the interval up first.
        assert_eq!(fuzz_bounds(10.0, 11, 36500), (11, 13));
        // And the maximum interval caps both.
        assert_eq!(fuzz_bounds(100.0, 1, 95), (88, 95));
    }

    #[test]
    fn fuzz_spans_the_whole_range() {
        assert_eq!(
            fuzzed_interval(100.0, 1, 36500, Some(FuzzFactor::new(0.0))),
            93
        );
        assert_eq!(
            fuzzed_interval(100.0, 1, 36500, Some(FuzzFactor::new(0.999))),
            107
        );
        assert_eq!(fuzzed_interval(100.0, 1, 36500, None), 100);
    }

    const PINNED: f32 = 0.166_561_78;

    #[test]
    fn card_fuzz_is_stable_and_spread() {
        let a = FuzzFactor::for_card("set/q", 3);
        assert_eq!(a, FuzzFactor::for_card("set/q", 3));
        assert_ne!(a, FuzzFactor::for_card("set/q", 4));
        let values: Vec<f32> = (0..1000)
            .map(|i| FuzzFactor::for_card("set/q", i).get())
            .collect();
        assert!(values.iter().all(|v| (0.0..1.0).contains(v)));
        let mean = values.iter().sum::<f32>() / 1000.0;
        assert!((0.45..0.55).contains(&mean), "mean {mean}");
        // Pinned: a change here would move every user's due dates.
        assert_eq!(
            FuzzFactor::for_card("japan-russia-covid19/abe-visit", 1).get(),
            PINNED
        );
    }
}
