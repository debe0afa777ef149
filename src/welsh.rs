//! Welsh initial mutations, reversed.
//!
//! Welsh changes a word's first sound after certain words (`cofnod` →
//! `ei gofnod`, `fy nghofnod`, `ei chofnod`; `iaith` → `ei hiaith`). Search
//! and the spelling check both need the radical a mutated form came from, so
//! the rules live here once; each caller adds its own limits.

/// Initial letters a mutation leaves, longest first, with the radical
/// initials they can come from. Only the first entry that matches applies, so
/// `ngh` is read as nasal `c`, never as `ng` + `h` or `n` + `gh`. Entries with
/// no radicals (`ff`, `ll`, `rh`) are radical initials that would otherwise be
/// misread by a shorter entry (`ll` as soft-mutated `l`).
const MUTATIONS: [(&str, &[&str]); 19] = [
    // Nasal.
    ("ngh", &["c"]),
    ("mh", &["p"]),
    ("nh", &["t"]),
    ("ng", &["g"]),
    // Aspirate.
    ("ch", &["c"]),
    ("ph", &["p"]),
    ("th", &["t"]),
    // Soft.
    ("dd", &["d"]),
    ("ff", &[]),
    ("ll", &[]),
    ("rh", &[]),
    ("b", &["p"]),
    ("d", &["t"]),
    ("g", &["c"]),
    ("f", &["b", "m"]),
    ("l", &["ll"]),
    ("r", &["rh"]),
    // Nasal of b and d.
    ("m", &["b"]),
    ("n", &["d"]),
];

/// Welsh vowels, `w` and `y` included, with their accented forms: they take
/// `h` after `ei`, `ein`, `eu`, and lose a preceding `g` in soft mutation.
pub fn is_vowel(c: char) -> bool {
    "aeiouwyâêîôûŵŷáéíóúẃýàèìòùẁỳäëïöüẅÿ".contains(c)
}

/// The radical forms a lowercase Welsh word may be a mutation of: soft
/// (`gofnodi` → `cofnodi`, `ofal` → `gofal`), nasal (`nghymru` → `cymru`),
/// aspirate (`chofnod` → `cofnod`) and `h` before a vowel (`hiaith` →
/// `iaith`). The word itself is never among them.
pub fn radicals(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    let found = MUTATIONS
        .iter()
        .find_map(|&(mutated, radicals)| word.strip_prefix(mutated).map(|rest| (rest, radicals)));
    if let Some((rest, radicals)) = found {
        out.extend(radicals.iter().map(|radical| format!("{radical}{rest}")));
    }
    let mut chars = word.chars();
    let (first, second) = (chars.next(), chars.next());
    if first == Some('h') && second.is_some_and(is_vowel) {
        out.push(word[1..].to_string());
    }
    // Soft mutation drops `g` before a vowel, `l` or `r` (`gwraig` → `wraig`,
    // `glan` → `lan`); `ll` and `rh` are never what is left.
    let lost_g = match first {
        Some(c) if is_vowel(c) => true,
        Some('l') => second != Some('l'),
        Some('r') => second != Some('h'),
        _ => false,
    };
    if lost_g {
        out.push(format!("g{word}"));
    }
    out.retain(|radical| radical != word);
    out
}

#[cfg(test)]
mod tests {
    use super::radicals;

    fn has(word: &str, radical: &str) -> bool {
        radicals(word).iter().any(|r| r == radical)
    }

    #[test]
    fn reverses_soft_nasal_and_aspirate_mutation_and_h() {
        assert!(has("gofnodi", "cofnodi"));
        assert!(has("nghofnod", "cofnod"));
        assert!(has("chofnod", "cofnod"));
        assert!(has("nghymru", "cymru"));
        assert!(has("waith", "gwaith"));
        assert!(has("lan", "glan"));
        assert!(has("hiaith", "iaith"));
        assert!(has("fam", "mam") && has("fam", "bam"));
    }

    #[test]
    fn reads_the_longest_initial_only() {
        assert_eq!(radicals("nghath"), ["cath"]);
        assert!(radicals("llyfr").is_empty());
        assert!(radicals("rhodd").is_empty());
    }
}
