//! Any bytes as a kubeconfig: parsing never panics, and an error never quotes the file (a
//! kubeconfig holds tokens and keys): no line of the input longer than 12 characters appears
//! in the message.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(err) = floe::cluster::parse_kubeconfig("fuzz", text) {
        let message = err.to_string();
        assert!(!message.contains('\n'), "one line: {message:?}");
        for line in text.lines().map(str::trim).filter(|l| l.chars().count() > 12) {
            assert!(
                !message.contains(line),
                "the error quotes the input line {line:?}: {message:?}"
            );
        }
    }
});
