//! Tests of the highlighting API: one test (or a few) per rule of the
//! module's contract, including the cases that must *not* match.

use super::*;

fn opts() -> HighlightOptions {
    HighlightOptions::default()
}

/// (start, end, keyword) of every match.
fn spans(text: &str, keywords: &[&str], options: &HighlightOptions) -> Vec<(usize, usize, usize)> {
    highlight(text, keywords, options)
        .unwrap()
        .matches
        .iter()
        .map(|m| (m.start, m.end, m.keyword))
        .collect()
}

/// The matched substrings (positions are UTF-16, so slice as UTF-16).
fn found(text: &str, keywords: &[&str], options: &HighlightOptions) -> Vec<String> {
    let units: Vec<u16> = text.encode_utf16().collect();
    spans(text, keywords, options)
        .into_iter()
        .map(|(s, e, _)| String::from_utf16(&units[s..e]).unwrap())
        .collect()
}

// Rule 1: one automaton, leftmost-longest whatever the keyword order.

#[test]
fn longest_wins_in_either_order() {
    assert_eq!(
        spans("疫情防控", &["疫情", "疫情防控"], &opts()),
        [(0, 4, 1)]
    );
    assert_eq!(
        spans("疫情防控", &["疫情防控", "疫情"], &opts()),
        [(0, 4, 0)]
    );
    let r = highlight("疫情防控", &["疫情", "疫情防控"], &opts()).unwrap();
    assert_eq!(r.counts, [0, 1]);
}

#[test]
fn leftmost_beats_longer_later() {
    assert_eq!(found("abcdef", &["bcdef", "abc"], &opts()), ["abc"]);
    assert_eq!(
        found("abcdef", &["abc", "bcdef", "def"], &opts()),
        ["abc", "def"]
    );
}

#[test]
fn matches_are_ordered_and_disjoint() {
    let r = highlight(
        "防控疫情，疫情防控，防控",
        &["防控", "疫情", "情防"],
        &opts(),
    )
    .unwrap();
    let got: Vec<_> = r.matches.iter().map(|m| (m.start, m.end)).collect();
    assert_eq!(got, [(0, 2), (2, 4), (5, 7), (7, 9), (10, 12)]);
    assert_eq!(r.counts, [3, 2, 0]);
}

#[test]
fn keyword_not_in_text() {
    let r = highlight("疫情防控", &["新冠", "xyz"], &opts()).unwrap();
    assert!(r.matches.is_empty());
    assert_eq!(r.counts, [0, 0]);
}

// Rule 2: folding, duplicates, skipped keywords, many keywords.

#[test]
fn case_insensitive_by_default_and_optional() {
    assert_eq!(
        found("Rust RUST rust", &["rust"], &opts()),
        ["Rust", "RUST", "rust"]
    );
    assert_eq!(found("Café CAFÉ", &["café"], &opts()), ["Café", "CAFÉ"]);
    let exact = HighlightOptions {
        case_insensitive: false,
        ..opts()
    };
    assert_eq!(found("Rust RUST rust", &["rust"], &exact), ["rust"]);
    assert!(found("CAFÉ", &["café"], &exact).is_empty());
}

#[test]
fn width_folding_both_ways_and_optional() {
    assert_eq!(
        found("ＣＯＶＩＤ－１９ and covid-19", &["Covid-19"], &opts()).len(),
        2
    );
    assert_eq!(
        found("covid-19", &["ＣＯＶＩＤ－１９"], &opts()),
        ["covid-19"]
    );
    assert_eq!(found("中\u{3000}文", &["中 文"], &opts()), ["中\u{3000}文"]);
    let narrow = HighlightOptions {
        fold_width: false,
        ..opts()
    };
    assert!(found("ＣＯＶＩＤ", &["covid"], &narrow).is_empty());
    assert!(found("中\u{3000}文", &["中 文"], &narrow).is_empty());
}

#[test]
fn duplicates_count_for_the_first() {
    let r = highlight("abc ABC", &["ABC", "abc", "ａｂｃ", "abc"], &opts()).unwrap();
    assert_eq!(r.counts, [2, 0, 0, 0]);
    assert!(r.matches.iter().all(|m| m.keyword == 0));
    // Not duplicates when case matters.
    let exact = HighlightOptions {
        case_insensitive: false,
        ..opts()
    };
    let r = highlight("abc ABC", &["ABC", "abc"], &exact).unwrap();
    assert_eq!(r.counts, [1, 1]);
}

#[test]
fn empty_and_blank_keywords_are_skipped() {
    let r = highlight("a b", &["", " ", "a", "\u{3000}\n\t", "b"], &opts()).unwrap();
    assert_eq!(r.skipped, [0, 1, 3]);
    assert_eq!(r.counts, [0, 0, 1, 0, 1]);
    assert_eq!(r.matches.len(), 2);
    let r = highlight("a b", &["", "  "], &opts()).unwrap();
    assert_eq!((r.matches.len(), r.skipped.len()), (0, 2));
}

#[test]
fn no_keywords_no_matches() {
    let none: &[&str] = &[];
    let r = highlight("text", none, &opts()).unwrap();
    assert_eq!(r, HighlightResult::default());
    assert_eq!(highlight_html("<x>", none, &opts()).unwrap(), "&lt;x&gt;");
    assert_eq!(Highlighter::new(none, &opts()).unwrap().keyword_count(), 0);
}

#[test]
fn twenty_thousand_keywords() {
    // Distinct generated words "k0" … "k19999", each followed by a CJK char
    // so that none is a prefix match of another in the text.
    let keywords: Vec<String> = (0..20_000).map(|i| format!("k{i}中")).collect();
    let h = Highlighter::new(&keywords, &opts()).unwrap();
    assert_eq!(h.keyword_count(), 20_000);
    let text: String = (0..20_000)
        .step_by(997)
        .map(|i| format!("K{i}中, "))
        .collect();
    let r = h.find(&text);
    assert_eq!(r.matches.len(), 21);
    assert_eq!(r.counts[997], 1);
    assert_eq!(r.counts.iter().sum::<usize>(), 21);
    assert_eq!(r.matches[1].keyword, 997);
}

// Rule 3: script folding.

fn script() -> HighlightOptions {
    HighlightOptions {
        fold_script: true,
        ..opts()
    }
}

#[test]
fn script_folding_both_ways() {
    assert_eq!(found("頭髮和头发", &["头发"], &script()), ["頭髮", "头发"]);
    assert_eq!(found("頭髮和头发", &["頭髮"], &script()), ["頭髮", "头发"]);
    assert_eq!(found("疫情防控", &["疫情防控"], &script()), ["疫情防控"]);
    // A Taiwan variant: 裡 (variant of 裏) is 里.
    assert_eq!(found("這裡", &["这里"], &script()), ["這裡"]);
    // Simplified and traditional forms of one keyword are duplicates.
    let r = highlight("發展", &["发展", "發展"], &script()).unwrap();
    assert_eq!(r.counts, [1, 0]);
}

#[test]
fn script_folding_is_off_by_default() {
    assert!(found("頭髮", &["头发"], &opts()).is_empty());
    assert_eq!(
        script_fold_dictionaries(),
        ["TSCharacters", "TWVariantsRev", "HKVariantsRev"]
    );
}

// Rule 4: ignoring whitespace, but not paragraph breaks.

fn loose() -> HighlightOptions {
    HighlightOptions {
        ignore_whitespace: true,
        ..opts()
    }
}

#[test]
fn whitespace_inside_matches() {
    assert_eq!(spans("  疫情\n防控 ", &["疫情防控"], &loose()), [(2, 7, 0)]);
    assert_eq!(
        found("疫 情\r\n 防\u{3000}控", &["疫情防控"], &loose()),
        ["疫 情\r\n 防\u{3000}控"]
    );
    assert_eq!(found("疫情防控", &["疫情 防控"], &loose()), ["疫情防控"]);
    assert_eq!(found("new\nyork", &["New York"], &loose()), ["new\nyork"]);
}

#[test]
fn whitespace_matters_unless_ignored() {
    assert!(found("疫情\n防控", &["疫情防控"], &opts()).is_empty());
    assert_eq!(found("a b", &["a b"], &opts()), ["a b"]);
    assert!(found("ab", &["a b"], &opts()).is_empty());
}

#[test]
fn never_across_a_blank_line() {
    for text in [
        "疫情\n\n防控",
        "疫情 \r\n \r\n防控",
        "疫情\n \n\n防控",
        "疫情\u{2029}防控",
    ] {
        assert!(found(text, &["疫情防控"], &loose()).is_empty(), "{text:?}");
        assert_eq!(found(text, &["疫情", "防控"], &loose()), ["疫情", "防控"]);
    }
}

// Rule 5: whole words.

fn words() -> HighlightOptions {
    HighlightOptions {
        whole_word: true,
        ..opts()
    }
}

#[test]
fn whole_word_skips_inside_words() {
    assert_eq!(spans("cats cat", &["cat"], &words()), [(5, 8, 0)]);
    assert_eq!(
        found("concat cat, cat2 (CAT)", &["cat"], &words()),
        ["cat", "CAT"]
    );
    assert_eq!(found("cats cat", &["cat"], &opts()), ["cat", "cat"]);
}

#[test]
fn rejected_candidate_does_not_hide_a_valid_one() {
    assert_eq!(found("x-ab", &["x-a", "ab"], &opts()), ["x-a"]);
    assert_eq!(found("x-ab", &["x-a", "ab"], &words()), ["ab"]);
    // Longest among the valid ones: "ab c" fails ("d" follows), "ab" is kept.
    assert_eq!(found("ab cd", &["ab c", "ab"], &words()), ["ab"]);
    assert_eq!(found("ab c d", &["ab c", "ab"], &words()), ["ab c"]);
}

#[test]
fn whole_word_leaves_chinese_alone() {
    assert_eq!(
        found("中文abc中文", &["abc", "中文"], &words()),
        ["中文", "abc", "中文"]
    );
    assert_eq!(found("a中文b", &["中文"], &words()), ["中文"]);
    // A mixed keyword is checked only at its ASCII end.
    assert!(found("中文ab", &["中文a"], &words()).is_empty());
    assert_eq!(found("x中文a!", &["中文a"], &words()), ["中文a"]);
}

#[test]
fn whole_word_with_folding_and_whitespace() {
    // Full-width letters are letters once width-folded.
    assert!(found("ｃａｔｓ", &["cat"], &words()).is_empty());
    let both = HighlightOptions {
        whole_word: true,
        ignore_whitespace: true,
        ..opts()
    };
    assert_eq!(found("foo bar", &["foo", "bar"], &both), ["foo", "bar"]);
    assert!(found("foobar", &["foo"], &both).is_empty());
    assert_eq!(found("new\nyork city", &["new york"], &both), ["new\nyork"]);
}

/// Whole words asked for only where a word can end, against filtering every
/// overlapping candidate (how it was done before, which is right but took
/// time proportional to all candidates), on random texts and keywords made of
/// letters, digits, spaces, punctuation and Chinese.
#[test]
fn whole_words_agree_with_filtering_every_candidate() {
    let alphabet = ['a', 'b', '1', ' ', '-', '中', '文', '\n'];
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let pick = |next: &mut dyn FnMut(usize) -> usize, len: usize| {
        (0..len)
            .map(|_| alphabet[next(alphabet.len())])
            .collect::<String>()
    };
    for round in 0..3000 {
        let len = next(60);
        let text = pick(&mut next, len);
        let keywords: Vec<String> = (0..1 + next(6))
            .map(|_| {
                let len = 1 + next(4);
                pick(&mut next, len)
            })
            .collect();
        let options = HighlightOptions {
            whole_word: true,
            ignore_whitespace: round % 2 == 0,
            ..opts()
        };
        let Ok(h) = Highlighter::new(&keywords, &options) else {
            continue;
        };
        let Some(automaton) = &h.automaton else {
            continue;
        };
        let folded = FoldedText::new(
            &text,
            &h.folder,
            options.ignore_whitespace,
            options.ignore_whitespace,
        );
        let mut got = Vec::new();
        whole_words(automaton, &folded, h.max_len, &mut |s, e, k| {
            got.push((s, e, k))
        });
        let mut want = Vec::new();
        let mut selector = select::Selector::new(h.max_len);
        for m in automaton.find_overlapping_iter(&*folded.text) {
            if folded.is_whole_word(m.start(), m.end()) {
                selector.push(m.start(), m.end(), m.value(), &mut |s, e, k| {
                    want.push((s, e, k))
                });
            }
        }
        selector.finish(&mut |s, e, k| want.push((s, e, k)));
        assert_eq!(got, want, "{text:?} {keywords:?} {options:?}");
    }
}

// Rule 6: UTF-16 positions.

#[test]
fn utf16_positions() {
    assert_eq!(spans("😀abc", &["abc"], &opts()), [(2, 5, 0)]);
    assert_eq!(spans("a𠀀b", &["𠀀"], &opts()), [(1, 3, 0)]);
    assert_eq!(spans("𠀀𠀁𠀀", &["𠀁𠀀"], &opts()), [(2, 6, 0)]);
    assert_eq!(spans("😀 𠀀\n😀", &["𠀀😀"], &loose()), [(3, 8, 0)]);
    // Half a surrogate pair is never a keyword (Rust strings cannot hold one),
    // and folding keeps astral characters whole.
    assert_eq!(found("𠀀𠀀", &["𠀀"], &script()), ["𠀀", "𠀀"]);
}

#[test]
fn astral_and_bmp_forms_fold_together() {
    // Some traditional characters outside the BMP simplify to BMP ones (and
    // vice versa); positions must follow the original's lengths.
    let fold = fold::script_fold().unwrap();
    let (astral, bmp) = ('\u{20000}'..='\u{3FFFF}')
        .find_map(|c| {
            let f = fold.fold(c);
            (f != c && (f as u32) < 0x10000).then_some((c, f))
        })
        .expect("an astral character that folds into the BMP");
    let text = format!("a{astral}b{bmp}");
    let r = highlight(&text, &[bmp.to_string()], &script()).unwrap();
    let got: Vec<_> = r.matches.iter().map(|m| (m.start, m.end)).collect();
    assert_eq!(got, [(1, 3), (4, 5)]);
}

// Rule 8: no panics.

#[test]
fn odd_inputs_do_not_panic() {
    let odd = [
        ".*+?[](){}|\\^$",
        "\0",
        "\u{301}",
        "a\u{301}",
        "\u{FEFF}",
        "\u{10FFFF}",
        "<",
        "&amp;",
    ];
    let text = "x.*+?[](){}|\\^$y \0 e\u{301} a\u{301} \u{FEFF}\u{10FFFF} <&amp;>";
    for options in [
        opts(),
        script(),
        loose(),
        words(),
        HighlightOptions {
            whole_word: true,
            ignore_whitespace: true,
            case_insensitive: false,
            fold_width: false,
            fold_script: true,
        },
    ] {
        let r = highlight(text, &odd, &options).unwrap();
        assert_eq!(r.counts, [1, 1, 1, 1, 1, 1, 1, 1], "{options:?}");
        highlight("", &odd, &options).unwrap();
        highlight_html("", &odd, &options).unwrap();
        highlight_html(text, &odd, &options).unwrap();
    }
}

// HTML output.

#[test]
fn html_escapes_text_and_never_keywords() {
    let html =
        highlight_html(r#"<script>"a" & 'b'</script>"#, &["<script>", "b"], &opts()).unwrap();
    assert_eq!(
        html,
        "<mark data-keyword=\"0\">&lt;script&gt;</mark>&quot;a&quot; &amp; &#39;\
         <mark data-keyword=\"1\">b</mark>&#39;&lt;/script&gt;"
    );
    // Marked text is the original, not the keyword's spelling.
    let html = highlight_html("頭髮", &["头发"], &script()).unwrap();
    assert_eq!(html, "<mark data-keyword=\"0\">頭髮</mark>");
    let html = highlight_html("😀a\nb!", &["AB"], &loose()).unwrap();
    assert_eq!(html, "😀<mark data-keyword=\"0\">a\nb</mark>!");
}

// Serde: the options and results cross to JavaScript as plain objects.

#[test]
fn options_from_json() {
    let o: HighlightOptions = serde_json::from_str("{}").unwrap();
    assert_eq!(o, HighlightOptions::default());
    let o: HighlightOptions = serde_json::from_str(
        r#"{"foldScript": true, "wholeWord": true, "caseInsensitive": false}"#,
    )
    .unwrap();
    assert!(o.fold_script && o.whole_word && !o.case_insensitive && o.fold_width);
    let err = serde_json::from_str::<HighlightOptions>(r#"{"fold_script": true}"#).unwrap_err();
    assert!(err.to_string().contains("unknown field"), "{err}");
}

#[test]
fn result_to_json() {
    let r = highlight("ab", &["b", ""], &opts()).unwrap();
    assert_eq!(
        serde_json::to_string(&r).unwrap(),
        r#"{"matches":[{"start":1,"end":2,"keyword":0}],"counts":[1,0],"skipped":[1]}"#
    );
}

#[test]
fn highlighter_is_reusable_and_shareable() {
    fn shareable<T: Send + Sync>(_: &T) {}
    let h = Highlighter::new(&["a"], &opts()).unwrap();
    shareable(&h);
    assert_eq!(h.find("a").counts, [1]);
    assert_eq!(h.find("aa").counts, [2]);
    assert_eq!(h.to_html("ba"), "b<mark data-keyword=\"0\">a</mark>");
    assert!(format!("{h:?}").contains("keyword_count: 1"));
}
