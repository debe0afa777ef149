//! Alphabetical order in each language: Welsh order (`ch` after `c`, `ll`
//! after `l`, `rh` after `r`…) on Welsh pages, English order on English ones.

use std::cmp::Ordering;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;

use crate::lang::Lang;

/// Compares strings in one language's alphabetical order.
pub struct Order {
    collator: CollatorBorrowed<'static>,
}

impl Order {
    /// The order for `lang`.
    ///
    /// # Panics
    /// Never in practice: the collation data for `cy` and `en` is compiled in.
    pub fn new(lang: Lang) -> Order {
        let locale = match lang {
            Lang::Cy => locale!("cy"),
            Lang::En => locale!("en"),
        };
        let collator = Collator::try_new((&locale).into(), CollatorOptions::default())
            .expect("collation data for cy and en is compiled in");
        Order { collator }
    }

    /// Compares `a` and `b`.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.collator.compare(a, b)
    }
}

/// The Welsh digraphs that are letters of the alphabet, longest first.
const WELSH_DIGRAPHS: [&str; 8] = ["ch", "dd", "ff", "ng", "ll", "ph", "rh", "th"];

/// The letter a word is filed under: in Welsh, a digraph (`Ll`, `Ch`) counts
/// as one letter. (A few words such as `Bangor` hold an `n` + `g` that is not
/// the letter `ng`; initials are rarely affected, and a pack can live with
/// `Ng` heading a handful of such words.)
pub fn initial(lang: Lang, word: &str) -> String {
    let lower = word.to_lowercase();
    if lang == Lang::Cy
        && let Some(d) = WELSH_DIGRAPHS.iter().find(|d| lower.starts_with(*d))
    {
        let mut chars = d.chars();
        let first = chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>())
            .unwrap_or_default();
        return first + chars.as_str();
    }
    let first = lower.chars().next().unwrap_or(' ');
    let base = unicode_normalization::UnicodeNormalization::nfd(first.to_string().as_str())
        .next()
        .unwrap_or(first);
    base.to_uppercase().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_order_puts_digraphs_after_their_first_letter() {
        let order = Order::new(Lang::Cy);
        let mut words = vec![
            "llesiant",
            "lefel",
            "cydgynhyrchu",
            "chwarae",
            "rhyddhau",
            "risg",
            "dydd",
            "ddoe",
        ];
        words.sort_by(|a, b| order.compare(a, b));
        assert_eq!(
            words,
            [
                "cydgynhyrchu",
                "chwarae",
                "dydd",
                "ddoe",
                "lefel",
                "llesiant",
                "risg",
                "rhyddhau"
            ]
        );
    }

    #[test]
    fn english_order_is_plain() {
        let order = Order::new(Lang::En);
        let mut words = vec!["llesiant", "lefel", "chwarae", "cydgynhyrchu"];
        words.sort_by(|a, b| order.compare(a, b));
        assert_eq!(words, ["chwarae", "cydgynhyrchu", "lefel", "llesiant"]);
    }

    #[test]
    fn initials() {
        assert_eq!(initial(Lang::Cy, "llesiant"), "Ll");
        assert_eq!(initial(Lang::Cy, "Rhyddhau"), "Rh");
        assert_eq!(initial(Lang::En, "llama"), "L");
        assert_eq!(initial(Lang::Cy, "ŵyr"), "W");
    }
}
