//! Property tests: invariants that must hold for any input, checked on
//! generated ones (proptest shrinks a failure to a minimal example).
#![cfg(not(target_arch = "wasm32"))]

use jingwen::clean::{clean, CleanOptions, Input};
use jingwen::convert::{dict_info, Config, Converter};
use jingwen::highlight::{HighlightOptions, Highlighter};
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};

/// Characters that appear in some key of a configuration's dictionaries.
fn key_chars(config: Config) -> HashSet<char> {
    let mut set = HashSet::new();
    for name in config.dicts() {
        let d = jingwen::convert::load_dict(name, "test").unwrap();
        assert!(dict_info(name).is_some());
        for (k, _) in d.iter() {
            set.extend(k.chars());
        }
    }
    set
}

/// Text from a mix of dictionary characters, characters in no dictionary, and separators.
fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "头发",
        "发展",
        "汉字",
        "中国",
        "计算机",
        "软件",
        "鼠标",
        "著名",
        "乾坤",
        "皇后",
        "面包",
        "理发",
        "信息",
        "頭髮",
        "發展",
        "漢字",
        "電腦",
        "軟體",
        "滑鼠",
        "乾燥",
        "後來",
        "麵包",
        "a",
        "Zz",
        "123",
        " ",
        "\n",
        "，",
        "。",
        "ひらがな",
        "カタカナ",
        "é",
        "😀",
        "𠀀",
        "\u{FE00}",
        "\u{0301}",
        "\0",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The UTF-16 a conversion is handed to JavaScript in is exactly the
    /// text's (any scalar values, appended after what the buffer held).
    #[test]
    fn utf16_transcoding_is_exact(s in any::<String>(), keep in prop::collection::vec(any::<u16>(), 0..3)) {
        let mut out = keep.clone();
        jingwen::offsets::push_utf16(&s, &mut out);
        prop_assert_eq!(&out[..keep.len()], &keep[..]);
        prop_assert_eq!(&out[keep.len()..], &s.encode_utf16().collect::<Vec<_>>()[..]);
    }

    /// Text made only of characters that no key of the configuration contains
    /// comes out unchanged, for every configuration.
    #[test]
    fn characters_outside_the_dictionaries_are_unchanged(s in "[a-zA-Z0-9 ,.!?\\n\\u{3040}-\\u{309F}\\u{1F600}-\\u{1F64F}]{0,60}") {
        for &c in Config::ALL {
            let out = Converter::new(c).unwrap().convert(&s);
            prop_assert_eq!(&out, &s, "{}", c);
        }
    }

    /// Output is valid UTF-8 (it is a String), every character not in any key
    /// survives where it was, and a line break splits conversion: no match can
    /// cross it, so converting line by line gives the same result.
    #[test]
    fn conversion_keeps_outsiders_and_respects_line_breaks(a in text_strategy(), b in text_strategy()) {
        for &c in &[Config::S2T, Config::T2S, Config::S2TWP, Config::TW2SP, Config::HK2S, Config::JP2T] {
            let conv = Converter::new(c).unwrap();
            let whole = conv.convert(&format!("{a}\n{b}"));
            prop_assert_eq!(whole, format!("{}\n{}", conv.convert(&a), conv.convert(&b)), "{}", c);
            let keys = key_chars(c);
            let out = conv.convert(&a);
            let outsiders = |s: &str| s.chars().filter(|ch| !keys.contains(ch) && !('\u{2FF0}'..='\u{2FFF}').contains(ch)).collect::<String>();
            // Dictionary values may add characters; never remove or reorder outsiders.
            let kept = outsiders(&a);
            let mut it = out.chars();
            prop_assert!(kept.chars().all(|k| it.any(|o| o == k)), "{}: outsiders of {:?} not kept in order in {:?}", c, a, out);
        }
    }

    /// Highlight spans are ordered, non-overlapping, inside the text, on
    /// character boundaries, and counted.
    #[test]
    fn highlight_spans_are_well_formed(text in text_strategy(), kws in prop::collection::vec("[头发展汉字中国頭髮發a-c ]{0,4}", 0..12),
                                       case in any::<bool>(), script in any::<bool>(), ws in any::<bool>(), word in any::<bool>()) {
        let opts = HighlightOptions { case_insensitive: case, fold_width: true, fold_script: script, whole_word: word, ignore_whitespace: ws };
        let h = Highlighter::new(&kws, &opts).unwrap();
        let r = h.find(&text);
        let units: Vec<u16> = text.encode_utf16().collect();
        let mut last = 0;
        for m in &r.matches {
            prop_assert!(m.start < m.end && m.end <= units.len());
            prop_assert!(m.start >= last, "overlap or disorder");
            for at in [m.start, m.end] {
                prop_assert!(at == units.len() || !(0xDC00..0xE000).contains(&units[at]), "splits a surrogate pair");
            }
            prop_assert!(m.keyword < kws.len());
            last = m.end;
        }
        prop_assert_eq!(r.counts.iter().sum::<usize>(), r.matches.len());
    }

    /// Cleaning never invents text: every character of the output (full-width
    /// punctuation folded to the ASCII it may have been restored from) comes
    /// from the document or its metadata, at most as often.
    #[test]
    fn cleaning_never_invents_text(lines in prop::collection::vec(prop::sample::select(vec![
        "标题", "正文第一段，内容很长很长，说明了很多事情。", "责任编辑：王蒙", "来源: 新华社", "人民网 > 国内",
        "原标题：别的标题", "網(wǎng)絡(luò)", "图片来源：网络", "分享到 微信 微博", "他说,我们要(认真)落实!", "（记者 王文军）",
        "<p>段落<b>加粗</b></p>", "&amp;&lt;", "---", "title: x", "【1】【2】", "富锦市| 通河县| 巴楚县| 互助| 呈贡县| 阿图什市|",
        "没有结尾的段落，句子在这里被分页", "断开了。", "", "   ", "\u{3000}\u{3000}缩进的段落。",
    ]), 0..20)) {
        let doc = lines.join("\n");
        let r = clean(Input::Text(&doc), &CleanOptions::default()).unwrap();
        let fold = |c: char| match c { '，' => ',', '：' => ':', '；' => ';', '？' => '?', '！' => '!', '（' => '(', '）' => ')', c => c };
        let mut available: HashMap<char, usize> = HashMap::new();
        let extra = r.metadata.title.clone().unwrap_or_default();
        for c in r.source.chars().chain(extra.chars()).map(fold) {
            *available.entry(c).or_default() += 1;
        }
        for c in r.text.chars().filter(|c| !c.is_whitespace()).map(fold) {
            let n = available.entry(c).or_default();
            prop_assert!(*n > 0, "invented {:?} in {:?} from {:?}", c, r.text, doc);
            *n -= 1;
        }
    }
}
