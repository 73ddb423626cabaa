//! Test support: a text built from pieces and a second version of it with one edit, for
//! the property tests that scanning a version against an earlier one changes nothing but
//! the work.

/// `old` (piece indices) as text, and the text after replacing `removed` pieces at `cut`
/// by `inserted`.
pub fn versions(
    pieces: &[&str],
    old: &[usize],
    cut: usize,
    removed: usize,
    inserted: Vec<usize>,
) -> (Vec<u8>, Vec<u8>) {
    let text_of = |indices: &[usize]| -> Vec<u8> {
        indices
            .iter()
            .flat_map(|&i| pieces[i % pieces.len()].bytes())
            .collect()
    };
    let mut new = old.to_vec();
    let at = cut.min(new.len());
    let end = (at + removed).min(new.len());
    new.splice(at..end, inserted);
    (text_of(old), text_of(&new))
}
