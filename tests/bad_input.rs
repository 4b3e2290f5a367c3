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
