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

/// One URL with its password masked: `https://bot:***@host/repo`. When a `:` comes before the
/// URL's last `@`, there may be a password: if that `@` ends the authority and the `url` crate
/// parses a password, only the password is replaced; anything ambiguous (a raw `/`, `#`, `?`
/// or `\\` in the password, an `@` in the path, text that does not parse) is masked from `://`
/// to the last `@`, user name and all, since where the user name ends cannot be known. URLs
/// with no `:` before their last `@` come back unchanged.
pub fn url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let Some((userinfo, host)) = rest.rsplit_once('@') else {
        return url.to_string();
    };
    if !userinfo.contains(':') {
        // No password (`ssh://git@host/r`, `https://host/r@v1`).
        return url.to_string();
    }
    // Precise when the last '@' is the one that ends the authority and the parser agrees.
    if !userinfo.contains(['/', '\\', '?', '#'])
        && let Ok(mut parsed) = url::Url::parse(url)
        && parsed.password().is_some()
    {
        let _ = parsed.set_password(Some("***"));
        return parsed.to_string();
    }
    format!("{scheme}://***@{host}")
}

/// Whether `value` may hold a password in a URL: [`url`] would change it.
pub fn has_password(value: &str) -> bool {
    url(value) != value
}

/// Every `scheme://user:password@` in `text` with the password masked. Works on free text
/// (error messages from libraries), not only on whole URLs: after each `://`, everything up
/// to the last `@` before the first `/` (or the next `://`) is the user info, whatever
/// characters the password holds (a quote, a space, a tab, `#`, `?`, a line break). Only a
/// raw `/` in a password cannot be told from the path here: URLs floe prints itself go through
/// [`url`] first.
pub fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("://") {
        let (before, after) = rest.split_at(at + 3);
        out.push_str(before);
        let mut end = after.find('/').unwrap_or(after.len());
        if let Some(next) = after.find("://") {
            end = end.min(next);
        }
        let region = &after[..end];
        match region.rfind('@') {
            Some(at) => {
                let userinfo = &region[..at];
                match userinfo.split_once(':') {
                    Some((user, _)) => {
                        out.push_str(user);
                        out.push_str(":***");
                    }
                    None => out.push_str(userinfo),
                }
                out.push_str(&region[at..]);
            }
            None => out.push_str(region),
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
        assert_eq!(
            text("cannot reach https://h.io: refused; see http://u:p@x/y"),
            "cannot reach https://h.io: refused; see http://u:***@x/y"
        );
    }

    #[test]
    fn passwords_that_end_the_authority_early_are_masked_too() {
        // Before the fix each of these was printed whole (the authority was cut at the quote,
        // the space, the tab, the '#', the '?' or the line break).
        for password in [
            "pa\"ss", "pa ss", "pa\tss", "pa#ss", "pa?ss", "pa\nss", "pa/ss",
        ] {
            let raw = format!("https://bot:{password}@git.example.com/fleet.git");
            let masked = url(&raw);
            assert!(
                !masked.contains("pa") && !masked.contains("ss@"),
                "{masked:?}"
            );
            assert!(masked.ends_with("@git.example.com/fleet.git"), "{masked:?}");
            if password != "pa/ss" {
                let message = text(&format!("cannot clone {raw}: 401"));
                assert!(!message.contains("pa"), "{message:?}");
            }
        }
        assert!(has_password("https://bot:pa/ss@h.io/r"));
        assert!(
            has_password("https://bot:80/ss@h.io/r"),
            "a port and a path to the parser"
        );
        assert!(
            has_password("https://bot:a\\@b@h.io/r"),
            "'\\' reads as '/'"
        );
        assert!(!has_password("https://h.io/r@v1"));
        assert!(!has_password("ssh://git@h.io/r"));
    }

    proptest::proptest! {
        /// No generated password survives in a URL or in a message quoting it.
        #[test]
        fn no_password_survives(password in "[^/]{0,24}", slash in proptest::bool::ANY, digits in proptest::bool::ANY) {
            let password = if slash { format!("{password}/x") } else { password };
            // A password starting with digits then '/' reads as a port and a path.
            let password = if digits { format!("8/{password}") } else { password };
            let secret = if digits { format!("{password}XZQ") } else { format!("QZX{password}XZQ") };
            let raw = format!("https://bot:{secret}@git.example.com/fleet.git");
            for shown in [url(&raw), text(&url(&raw))] {
                proptest::prop_assert!(!shown.contains("QZX") && !shown.contains("XZQ"), "{:?}", shown);
            }
            if !slash && !digits {
                let shown = text(&format!("git fetch {raw} failed: \"{raw}\" 401"));
                proptest::prop_assert!(!shown.contains("QZX") && !shown.contains("XZQ"), "{:?}", shown);
                let encoded: String = url::form_urlencoded::byte_serialize(secret.as_bytes()).collect();
                let shown = text(&format!("cannot clone https://bot:{encoded}@h.io/r"));
                proptest::prop_assert!(!shown.contains("QZX"), "{:?}", shown);
            }
        }
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
