//! Hostile and broken input: every entry point returns a result or a clear
//! error — never a panic (which kills a wasm instance), never lost text.

use jingwen::clean::{clean, CleanOptions, Input};

#[test]
fn a_document_whose_64k_boundary_falls_inside_a_character() {
    // The HTML sniffing looks at the first 64 KiB; byte 65,536 here is mid-character.
    let gold = include_str!("data/seeds/003.gold.txt");
    let text = gold.repeat(5);
    assert!(!text.is_char_boundary(1 << 16));
    let r = clean(Input::Text(&text), &CleanOptions::default()).unwrap();
    assert!(r.text.len() > gold.len() * 4);
}

#[test]
fn a_dictionary_file_whose_header_claims_billions_of_entries() {
    // Found by fuzzing (fuzz target `dictfile`): the entry count in the header
    // sized an allocation before the data was checked, so a corrupt download
    // aborted (trapped the wasm instance) instead of being refused.
    use jingwen::convert::dictfile::decode;
    for count in ["99999999999", "18446744073709551615"] {
        let bytes = format!("JWD1\nX\t\t{count}\n0a\tb\n");
        let err = decode(bytes.as_bytes(), None).unwrap_err().to_string();
        assert!(err.contains("header says"), "{err}");
    }
    assert_eq!(decode(b"JWD1\nX\t\t1\n0a\tb\n", None).unwrap().len(), 1);
}

#[test]
fn a_dictionary_entry_that_starts_with_a_multibyte_character() {
    // Found by fuzzing (fuzz target `dictfile`): every entry line starts with an
    // ASCII prefix byte; a line starting with 發 panicked slicing at byte 1.
    use jingwen::convert::dictfile::decode;
    let bytes = "JWD1\nSTCharacters\t\t3\n發\n0后\t後 后\n0干\t乾\n";
    let err = decode(bytes.as_bytes(), None).unwrap_err().to_string();
    assert!(err.contains("corrupt entry 0"), "{err}");
}
