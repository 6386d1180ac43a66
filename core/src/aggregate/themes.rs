//! Theme coding of open answers (DOMAIN "Theme coding", resolved item 20):
//! a comment counts once for each theme any of whose keywords it contains,
//! after Unicode NFKC normalisation and lower-casing of both sides, so that
//! full-width "ＶＯＬＴＡＧＥ" matches "voltage".

use unicode_normalization::UnicodeNormalization;

/// NFKC, then lower case: the form both comments and keywords are matched in.
pub fn normalise(text: &str) -> String {
    text.nfkc().collect::<String>().to_lowercase()
}

/// Whether a comment counts at all: it has a non-whitespace character.
pub fn is_non_empty(comment: &str) -> bool {
    comment.chars().any(|c| !c.is_whitespace())
}

/// One theme's keywords, normalised once.
#[derive(Debug, Clone, PartialEq)]
pub struct Matcher {
    keywords: Vec<String>,
}

impl Matcher {
    /// Normalises `keywords` (which the analysis spec has checked are not empty).
    pub fn new<'a>(keywords: impl IntoIterator<Item = &'a String>) -> Matcher {
        Matcher {
            keywords: keywords.into_iter().map(|k| normalise(k)).collect(),
        }
    }

    /// Whether an already-normalised comment contains any keyword.
    pub fn matches(&self, normalised_comment: &str) -> bool {
        self.keywords
            .iter()
            .any(|k| normalised_comment.contains(k.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_after_nfkc_and_lower_case() {
        let cases: &[(&str, &[&str], bool)] = &[
            ("电压不稳，经常跳闸", &["电压", "voltage"], true),
            (
                "The VOLTAGE drops every evening",
                &["电压", "voltage"],
                true,
            ),
            // Full-width Latin letters fold to ASCII under NFKC.
            ("ＶＯＬＴＡＧＥ太低", &["voltage"], true),
            ("low voltage", &["ＶＯＬＴＡＧＥ"], true),
            // Full-width digits and the ㎾ compatibility character.
            ("９５５９８打不通", &["95598"], true),
            ("负荷 10㎾", &["kw"], true),
            ("服务态度很好", &["电压", "voltage"], false),
            ("volt", &["voltage"], false),
        ];
        for (comment, keywords, want) in cases {
            let owned: Vec<String> = keywords.iter().map(|k| k.to_string()).collect();
            let m = Matcher::new(&owned);
            assert_eq!(
                m.matches(&normalise(comment)),
                *want,
                "{comment:?} vs {keywords:?}"
            );
        }
    }

    #[test]
    fn whitespace_only_comments_are_empty() {
        assert!(!is_non_empty(""));
        assert!(!is_non_empty(" \t\n"));
        // U+3000 IDEOGRAPHIC SPACE is whitespace too.
        assert!(!is_non_empty("\u{3000}"));
        assert!(is_non_empty(" 好 "));
    }
}
