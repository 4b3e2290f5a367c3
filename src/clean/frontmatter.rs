//! Front matter: the YAML (`---`) or TOML (`+++`) header that static-site
//! generators and scrapers put before a document. Its fields are metadata, not
//! article text.

/// A front matter block at the start of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    /// Byte offset just past the closing delimiter line.
    pub end: usize,
    /// Fields in order; list values are joined with ", ".
    pub fields: Vec<(String, String)>,
}

fn unquote(v: &str) -> String {
    let v = v.trim();
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return v[1..v.len() - 1].replace("\\\"", "\"").replace("''", "'");
        }
    }
    v.to_string()
}

/// Splits off the front matter, if `text` starts with one.
pub fn split(text: &str) -> Option<FrontMatter> {
    // Scrapers sometimes leave a BOM or blank lines before the opening delimiter.
    let body = text.trim_start_matches(['\u{FEFF}', '\n', '\r']);
    let offset = text.len() - body.len();
    let first_end = body.find('\n')?;
    let delim = body[..first_end].trim_end();
    let toml = match delim {
        "---" => false,
        "+++" => true,
        _ => return None,
    };
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut pos = first_end + 1;
    // Front matter is short; a "---" that never closes is a horizontal rule, not a header.
    let mut lines = 0;
    while pos <= body.len() {
        let line_end = body[pos..]
            .find('\n')
            .map(|i| pos + i)
            .unwrap_or(body.len());
        let line = body[pos..line_end].trim_end_matches('\r');
        let next = (line_end + 1).min(body.len() + 1);
        if line.trim_end() == delim || (!toml && line.trim_end() == "...") {
            return Some(FrontMatter {
                end: offset + next.min(body.len()),
                fields,
            });
        }
        lines += 1;
        if lines > 200 || line_end == body.len() {
            return None;
        }
        let trimmed = line.trim_start();
        if let Some(item) = trimmed
            .strip_prefix("- ")
            .or_else(|| (trimmed == "-").then_some(""))
        {
            if let Some(last) = fields.last_mut() {
                let item = unquote(item);
                if !item.is_empty() {
                    if !last.1.is_empty() {
                        last.1.push_str(", ");
                    }
                    last.1.push_str(&item);
                }
            }
        } else if !line.starts_with([' ', '\t']) {
            let sep = if toml { '=' } else { ':' };
            if let Some((k, v)) = trimmed.split_once(sep) {
                let key = k.trim().trim_matches('"').to_string();
                if !key.is_empty() && !key.starts_with('#') {
                    let v = v.trim();
                    let v = v
                        .strip_prefix('[')
                        .and_then(|s| s.strip_suffix(']'))
                        .map(|s| {
                            s.split(',')
                                .map(unquote)
                                .filter(|x| !x.is_empty())
                                .collect::<Vec<_>>()
                                .join(", ")
                        });
                    fields.push((
                        key,
                        v.unwrap_or_else(|| {
                            unquote(trimmed.split_once(sep).map(|p| p.1).unwrap_or(""))
                        }),
                    ));
                }
            }
        }
        pos = next;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_with_lists() {
        let t = "---\ntitle: '市委书记深夜暗访'\ncategories: \n - 金融\n - 新浪财经\nauthor: 新浪财经\n---\n\n<div>x</div>";
        let fm = split(t).unwrap();
        assert_eq!(&t[fm.end..], "\n<div>x</div>");
        assert_eq!(fm.fields[0], ("title".into(), "市委书记深夜暗访".into()));
        assert_eq!(fm.fields[1], ("categories".into(), "金融, 新浪财经".into()));
        assert_eq!(fm.fields[2], ("author".into(), "新浪财经".into()));
    }

    #[test]
    fn toml_and_non_front_matter() {
        let fm = split("+++\ntitle = \"标题\"\ntags = [\"a\", \"b\"]\n+++\nbody").unwrap();
        assert_eq!(
            fm.fields,
            vec![
                ("title".into(), "标题".into()),
                ("tags".into(), "a, b".into())
            ]
        );
        assert!(split("正文第一段\n---\n").is_none());
        assert!(split("---\nnever closed\nstill going").is_none());
        assert!(split("").is_none());
        assert_eq!(
            split("\n---\ntitle: x\n---\nbody").unwrap().fields,
            vec![("title".into(), "x".into())]
        );
    }
}
