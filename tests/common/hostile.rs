//! Misbehaving servers on 127.0.0.1 for the trust tests: one that accepts TCP and never
//! answers, one that completes a TLS handshake and never answers, a redirect to another host,
//! a recorder of what credentials arrive, an endless response, a small CONNECT proxy that
//! counts what it carried, and a TLS front for the test bed with a self-signed CA:TRUE server
//! certificate. Each runs on its own threads until the test process ends; connections are
//! bounded (nothing here dials anything but 127.0.0.1).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn listen() -> (TcpListener, u16) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    (listener, port)
}

/// Holds every accepted connection open without a byte in reply (for up to two minutes).
pub fn silent_tcp() -> u16 {
    let (listener, port) = listen();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten().take(64) {
            held.push(stream);
        }
        std::thread::sleep(Duration::from_secs(120));
    });
    port
}

/// A self-signed certificate for 127.0.0.1 and localhost, CA:TRUE (as single-node clusters
/// make them): `(certificate PEM, key PEM, certificate DER)`.
pub fn self_signed_ca_cert() -> (String, String, Vec<u8>) {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair};
    let key = KeyPair::generate().unwrap();
    let mut params =
        CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()]).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params
        .distinguished_name
        .push(DnType::CommonName, "single-node-apiserver");
    let cert = params.self_signed(&key).unwrap();
    (cert.pem(), key.serialize_pem(), cert.der().to_vec())
}

fn server_config(cert_pem: &str, key_pem: &str) -> Arc<rustls::ServerConfig> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let _ = rustls::crypto::ring::default_provider().install_default();
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(cert_pem.as_bytes())
        .collect::<Result<_, _>>()
        .unwrap();
    let key = PrivateKeyDer::from_pem_slice(key_pem.as_bytes()).unwrap();
    Arc::new(
        rustls::ServerConfig::builder()
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .unwrap(),
    )
}

/// Completes the TLS handshake, then never answers. Returns the port and the server's
/// certificate (PEM) to trust.
pub fn silent_tls() -> (u16, String) {
    let (cert_pem, key_pem, _) = self_signed_ca_cert();
    let config = server_config(&cert_pem, &key_pem);
    let (listener, port) = listen();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten().take(64) {
            let config = config.clone();
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut conn = rustls::ServerConnection::new(config).unwrap();
                while conn.is_handshaking() {
                    if conn.complete_io(&mut stream).is_err() {
                        return;
                    }
                }
                // Handshake done: read what comes, answer nothing.
                let _ = stream.set_read_timeout(Some(Duration::from_secs(120)));
                let mut sink = [0u8; 4096];
                while let Ok(n) = stream.read(&mut sink) {
                    if n == 0 {
                        break;
                    }
                }
            });
        }
    });
    (port, cert_pem)
}

/// One plain HTTP/1.1 request's head (request line and headers), read from `stream`.
fn read_head(stream: &mut TcpStream) -> Option<String> {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    head_of(&mut BufReader::new(stream))
}

/// The head of the next HTTP/1.1 message: request or status line and headers.
fn head_of<R: BufRead>(reader: &mut R) -> Option<String> {
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        head.push_str(&line);
        if line == "\r\n" || line == "\n" {
            return Some(head);
        }
    }
}

/// Answers every request with `302` to the same path on `http://localhost:<to_port>` (another
/// host name than the 127.0.0.1 the client asked).
pub fn redirect_to_other_host(to_port: u16) -> u16 {
    let (listener, port) = listen();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten().take(64) {
            let Some(head) = read_head(&mut stream) else {
                continue;
            };
            let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
            let _ = write!(
                stream,
                "HTTP/1.1 302 Found\r\nLocation: http://localhost:{to_port}{path}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    port
}

/// Records every request head it gets and answers 401 asking for Basic credentials.
pub fn recording_basic_auth() -> (u16, Arc<Mutex<Vec<String>>>) {
    let (listener, port) = listen();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten().take(64) {
            let Some(head) = read_head(&mut stream) else {
                continue;
            };
            log.lock().unwrap().push(head);
            let _ = write!(
                stream,
                "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"git\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    (port, seen)
}

/// Answers every request with 200 and a chunked body of `bytes` bytes (no Content-Length, so
/// only a cap on the stream can stop a client).
pub fn endless_body(bytes: usize) -> u16 {
    let (listener, port) = listen();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten().take(8) {
            if read_head(&mut stream).is_none() {
                continue;
            }
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
            );
            let chunk = vec![b'#'; 64 * 1024];
            let mut sent = 0;
            while sent < bytes {
                if write!(stream, "{:x}\r\n", chunk.len()).is_err()
                    || stream.write_all(&chunk).is_err()
                    || stream.write_all(b"\r\n").is_err()
                {
                    break;
                }
                sent += chunk.len();
            }
            let _ = stream.write_all(b"0\r\n\r\n");
        }
    });
    port
}

/// An HTTP CONNECT proxy that tunnels to 127.0.0.1 only, recording the `host:port` of each
/// tunnel it opened.
pub fn connect_proxy() -> (u16, Arc<Mutex<Vec<String>>>) {
    let (listener, port) = listen();
    let targets = Arc::new(Mutex::new(Vec::new()));
    let carried = targets.clone();
    std::thread::spawn(move || {
        for mut client in listener.incoming().flatten().take(256) {
            let carried = carried.clone();
            std::thread::spawn(move || {
                let Some(head) = read_head(&mut client) else {
                    return;
                };
                let mut parts = head.split_whitespace();
                let (Some("CONNECT"), Some(target)) = (parts.next(), parts.next()) else {
                    let _ = client.write_all(b"HTTP/1.1 405 Method Not Allowed\r\n\r\n");
                    return;
                };
                let port = target.rsplit(':').next().unwrap_or_default();
                let Ok(upstream) = TcpStream::connect(format!("127.0.0.1:{port}")) else {
                    let _ = client.write_all(b"HTTP/1.1 502 Bad Gateway\r\n\r\n");
                    return;
                };
                carried.lock().unwrap().push(target.to_string());
                let _ = client.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
                let _ = client.set_read_timeout(None);
                pipe(client, upstream);
            });
        }
    });
    (port, targets)
}

/// Copies both ways until either side closes.
fn pipe(a: TcpStream, b: TcpStream) {
    let (mut a_read, mut b_write) = (a.try_clone().unwrap(), b.try_clone().unwrap());
    let forward = std::thread::spawn(move || {
        let _ = std::io::copy(&mut a_read, &mut b_write);
        let _ = b_write.shutdown(std::net::Shutdown::Write);
    });
    let (mut b_read, mut a_write) = (b, a);
    let _ = std::io::copy(&mut b_read, &mut a_write);
    let _ = a_write.shutdown(std::net::Shutdown::Write);
    let _ = forward.join();
}

/// A TLS front for the API server at `upstream_port`: clients meet a self-signed CA:TRUE
/// certificate (returned, PEM); behind it the front talks TLS to the API server as the test
/// bed's admin (`admin.crt`/`admin.key`, trusting `ca.crt` in `bed_dir`).
pub fn self_signed_front(bed_dir: &std::path::Path, upstream_port: u16) -> (u16, String) {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
    let (cert_pem, key_pem, _) = self_signed_ca_cert();
    let server = server_config(&cert_pem, &key_pem);
    let read = |name: &str| std::fs::read(bed_dir.join(name)).unwrap();
    let mut roots = rustls::RootCertStore::empty();
    for ca in CertificateDer::pem_slice_iter(&read("ca.crt")) {
        roots.add(ca.unwrap()).unwrap();
    }
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&read("admin.crt"))
        .collect::<Result<_, _>>()
        .unwrap();
    let key = PrivateKeyDer::from_pem_slice(&read("admin.key")).unwrap();
    let client = Arc::new(
        rustls::ClientConfig::builder()
            .with_root_certificates(roots)
            .with_client_auth_cert(chain, key)
            .unwrap(),
    );
    let (listener, port) = listen();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten().take(256) {
            let (server, client) = (server.clone(), client.clone());
            std::thread::spawn(move || {
                let Ok(upstream) = TcpStream::connect(("127.0.0.1", upstream_port)) else {
                    return;
                };
                let front = rustls::StreamOwned::new(
                    rustls::ServerConnection::new(server).unwrap(),
                    stream,
                );
                let back = rustls::StreamOwned::new(
                    rustls::ClientConnection::new(
                        client,
                        ServerName::try_from("127.0.0.1").unwrap(),
                    )
                    .unwrap(),
                    upstream,
                );
                relay_requests(front, back);
            });
        }
    });
    (port, cert_pem)
}

/// Relays HTTP/1.1 exchanges one at a time (request from the front, response from the back),
/// which is all a non-watch Kubernetes client does on one connection.
fn relay_requests<F: Read + Write, B: Read + Write>(front: F, back: B) {
    let mut front = BufReader::new(front);
    let mut back = BufReader::new(back);
    while forward(&mut front, back.get_mut()) && forward(&mut back, front.get_mut()) {}
}

/// One message from `from` to `to`; false when either side is done.
fn forward<R: BufRead, W: Write>(from: &mut R, to: &mut W) -> bool {
    let Some((head, body)) = read_message(from) else {
        return false;
    };
    to.write_all(head.as_bytes()).is_ok() && to.write_all(&body).is_ok() && to.flush().is_ok()
}

/// One HTTP/1.1 message: its head as text and its body (Content-Length or chunked, kept as
/// it was framed).
fn read_message<R: BufRead>(reader: &mut R) -> Option<(String, Vec<u8>)> {
    let head = head_of(reader)?;
    let header = |name: &str| {
        head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    };
    let mut body = Vec::new();
    if let Some(length) = header("content-length").and_then(|v| v.parse::<usize>().ok()) {
        body.resize(length, 0);
        reader.read_exact(&mut body).ok()?;
    } else if header("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        loop {
            let mut size_line = String::new();
            reader.read_line(&mut size_line).ok()?;
            body.extend_from_slice(size_line.as_bytes());
            let size = usize::from_str_radix(size_line.trim().split(';').next()?, 16).ok()?;
            let mut chunk = vec![0u8; size + 2];
            reader.read_exact(&mut chunk).ok()?;
            body.extend_from_slice(&chunk);
            if size == 0 {
                break;
            }
        }
    }
    Some((head, body))
}
