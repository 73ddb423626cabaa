//! Nearest-rank percentiles, as CloudWatch computes its `pNN` statistics.

/// The `p`th percentile (0 < p ≤ 100) of `values`; `None` when empty. NaNs are ignored.
pub fn percentile(values: impl IntoIterator<Item = f64>, p: f64) -> Option<f64> {
    let mut values: Vec<f64> = values.into_iter().filter(|v| !v.is_nan()).collect();
    if values.is_empty() {
        return None;
    }
    let rank = ((p / 100.0) * values.len() as f64).ceil() as usize;
    let index = rank.clamp(1, values.len()) - 1;
    // Selection, not a sort: linear time over a fortnight of 5-minute maxima.
    let (_, nth, _) = values.select_nth_unstable_by(index, f64::total_cmp);
    Some(*nth)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn nearest_rank() {
        let v: Vec<f64> = (1..=1000).map(f64::from).collect();
        assert_eq!(percentile(v.iter().copied(), 99.5), Some(995.0));
        assert_eq!(percentile(v.iter().copied(), 100.0), Some(1000.0));
        assert_eq!(percentile([7.0], 99.5), Some(7.0));
        assert_eq!(percentile([], 50.0), None);
        // Two spikes in 4,032 five-minute maxima do not move P99.5.
        let mut cpu = vec![12.0; 4030];
        cpu.extend([100.0, 100.0]);
        assert_eq!(percentile(cpu, 99.5), Some(12.0));
    }

    proptest! {
        #[test]
        fn lies_between_min_and_max(v in proptest::collection::vec(0.0f64..100.0, 1..200), p in 1.0f64..100.0) {
            let x = percentile(v.iter().copied(), p).unwrap();
            let min = v.iter().copied().fold(f64::INFINITY, f64::min);
            let max = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            prop_assert!(x >= min && x <= max);
        }
    }
}
