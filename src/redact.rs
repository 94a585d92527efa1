//! Credentials inside URLs (`https://user:password@host/...`): taken out before a URL goes
//! into an object, a file or a commit, and masked (`https://user:***@host/...`) in every
//! message, as `git` and `gh` print them.

/// Userinfo taken out of a URL.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct UrlCredentials {
    pub username: Option<String>,
    pub password: Option<String>,
}

impl std::fmt::Debug for UrlCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UrlCredentials")
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .finish()
    }
}

/// Splits `user:password@` off a `scheme://` URL: the URL without them, and what they were
/// (percent-decoded). URLs without userinfo, and text that is not a URL, come back unchanged.
pub fn split_userinfo(url: &str) -> (String, UrlCredentials) {
    let Ok(mut parsed) = url::Url::parse(url) else {
        return (url.to_string(), UrlCredentials::default());
    };
    if parsed.username().is_empty() && parsed.password().is_none() {
        return (url.to_string(), UrlCredentials::default());
    }
    let decode = |s: &str| {
        url::form_urlencoded::parse(format!("x={}", s.replace('+', "%2B")).as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    };
    let credentials = UrlCredentials {
        username: Some(parsed.username())
            .filter(|u| !u.is_empty())
            .map(decode),
        password: parsed.password().map(decode),
    };
    let _ = parsed.set_username("");
    let _ = parsed.set_password(None);
    (parsed.to_string(), credentials)
}

/// One URL with its password masked: `https://bot:***@host/repo`.
pub fn url(url: &str) -> String {
    text(url)
}

/// Every `scheme://user:password@` in `text` with the password masked. Works on free text
/// (error messages from libraries), not only on whole URLs.
pub fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("://") {
        let (before, after) = rest.split_at(at + 3);
        out.push_str(before);
        // The authority ends at the first '/', '?', '#', whitespace or quote.
        let end = after
            .find(|c: char| matches!(c, '/' | '?' | '#' | '"' | '\'' | '`') || c.is_whitespace())
            .unwrap_or(after.len());
        let authority = &after[..end];
        match authority.rfind('@') {
            Some(at) => {
                let userinfo = &authority[..at];
                match userinfo.split_once(':') {
                    Some((user, _)) => {
                        out.push_str(user);
                        out.push_str(":***");
                    }
                    None => out.push_str(userinfo),
                }
                out.push_str(&authority[at..]);
            }
            None => out.push_str(authority),
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_masked_wherever_a_url_appears() {
        assert_eq!(
            text("cannot clone https://bot:s3cret@github.com/a/b: 401"),
            "cannot clone https://bot:***@github.com/a/b: 401"
        );
        assert_eq!(
            text("\"https://x:p@h:8443/r\" and ssh://git@h/r and http://u:p%40q@h"),
            "\"https://x:***@h:8443/r\" and ssh://git@h/r and http://u:***@h"
        );
        assert_eq!(text("no url here: a@b"), "no url here: a@b");
        assert_eq!(url("https://h/r"), "https://h/r");
    }

    #[test]
    fn userinfo_is_split_off_and_decoded() {
        let (bare, creds) = split_userinfo("https://bot:p%40ss%3Aw@git.example.com/fleet.git");
        assert_eq!(bare, "https://git.example.com/fleet.git");
        assert_eq!(creds.username.as_deref(), Some("bot"));
        assert_eq!(creds.password.as_deref(), Some("p@ss:w"));
        assert!(!format!("{creds:?}").contains("p@ss"));
        let (same, none) = split_userinfo("https://git.example.com/fleet.git");
        assert_eq!(same, "https://git.example.com/fleet.git");
        assert_eq!(none, UrlCredentials::default());
    }
}
