//! Welsh word forms a dictionary may not list as written: mutated initials
//! and words joined by an apostrophe.
//!
//! Welsh changes a word's first sound after certain words (`cath` → `ei
//! gath`, `ei chath`, `fy nghath`; `iaith` → `ei hiaith`). A word is known if
//! its radical form is, so before a word is called unknown, every radical it
//! could have come from is tried. Short words join with an apostrophe (`sy'n`,
//! `i'r`, `â'ch`), and a clitic can stand alone (`'ch`).

/// What may follow an apostrophe as a short form: `'n` (yn), `'r` (yr), `'m`,
/// `'th`, `'i`, `'u`, `'w`, `'ch` (possessives and objects), `'ma`, `'na`
/// (yma, yna), `'di` (wedi).
pub(crate) const CLITICS: [&str; 11] = ["n", "r", "m", "th", "i", "u", "w", "ch", "ma", "na", "di"];

/// True if `part` (without its apostrophe) is a short form that follows one.
pub(crate) fn is_clitic(part: &str) -> bool {
    let lower = part.to_lowercase();
    CLITICS.contains(&lower.as_str())
}

/// Every form `word` may be a mutation of ([`crate::welsh::radicals`]),
/// with the case of the word kept (`Gymraeg` → `Cymraeg`, `GYMRAEG` →
/// `CYMRAEG`).
pub(crate) fn radicals(word: &str) -> Vec<String> {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Vec::new();
    };
    let upper_first = first.is_uppercase();
    let all_upper = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && word.chars().count() > 1;
    let found = crate::welsh::radicals(&word.to_lowercase());
    found
        .into_iter()
        .map(|r| {
            if all_upper {
                r.to_uppercase()
            } else if upper_first {
                let mut c = r.chars();
                c.next()
                    .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
            } else {
                r
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reverses_the_three_mutations_and_h() {
        assert!(radicals("gath").contains(&"cath".to_string()));
        assert!(radicals("nghath").contains(&"cath".to_string()));
        assert!(radicals("chath").contains(&"cath".to_string()));
        assert!(radicals("waith").contains(&"gwaith".to_string()));
        assert!(radicals("hiaith").contains(&"iaith".to_string()));
        assert!(radicals("fam").contains(&"mam".to_string()));
        assert!(radicals("Gymraeg").contains(&"Cymraeg".to_string()));
        assert!(radicals("Nghaerdydd").contains(&"Caerdydd".to_string()));
    }

    #[test]
    fn knows_the_clitics() {
        for c in ["n", "r", "ch", "w", "i"] {
            assert!(is_clitic(c), "{c}");
        }
        assert!(!is_clitic("xyz"));
    }
}
