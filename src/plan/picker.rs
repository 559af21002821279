//! The random picker: one `ChaCha8Rng` seeded from the spec or the command line, with indices
//! taken from `next_u64` by our own arithmetic, so the same seed picks the same way on every
//! platform and with every version of the `rand` crates (`tests/golden` keeps the vectors).

use super::*;

/// A seeded source of choices, identical on every platform.
#[derive(Debug, Clone)]
pub struct Picker(ChaCha8Rng);

impl Picker {
    /// A picker for `seed`.
    pub fn new(seed: u64) -> Self {
        Picker(ChaCha8Rng::seed_from_u64(seed))
    }

    /// The next raw value.
    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// An index below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// An index into `weights`, chosen in proportion to them (all zero: uniform).
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        if total == 0 {
            return self.below(weights.len());
        }
        let mut r = self.next_u64() % total;
        for (i, &w) in weights.iter().enumerate() {
            if r < u64::from(w) {
                return i;
            }
            r -= u64::from(w);
        }
        weights.len() - 1
    }

    /// True with probability 1/2.
    pub fn coin(&mut self) -> bool {
        self.next_u64() & 1 == 1
    }

    /// Shuffle in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}
