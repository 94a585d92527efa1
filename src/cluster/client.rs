//! The Kubernetes client, built as kube builds it (base URI, credentials, extra headers,
//! proxies, connect/read/write timeouts) but with TLS settings that accept what kubectl
//! accepts and rustls alone refuses:
//!
//! - **X.509 v1 client certificates** (what `openssl x509 -req` without extensions produces):
//!   rustls checks a client key against its certificate by parsing the certificate with webpki,
//!   which accepts only v3. The certificate is only sent, never parsed by floe, so it is
//!   offered as it is.
//! - **A self-signed server certificate that is its own CA** (`certificate-authority-data` is
//!   the server's certificate, CA:TRUE, common on single-node clusters): webpki refuses a CA as
//!   an end entity. A server certificate byte-identical to a configured CA certificate is
//!   trusted, as Go's verifier does, still checked for the server's name.

use std::sync::Arc;

use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::connect::proxy::{SocksV5, Tunnel};
use hyper_util::rt::TokioExecutor;
use kube::client::ConfigExt;
use kube::{Client, Config};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::sign::CertifiedKey;
use rustls::{DigitallySignedStruct, SignatureScheme};

/// Why the client could not be built (bad certificates or keys in the kubeconfig).
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("{0}")]
    Kube(#[from] kube::Error),
    #[error("the kubeconfig's client certificate or key cannot be used: {0}")]
    Identity(String),
    #[error("the kubeconfig's certificate authority cannot be used: {0}")]
    Authority(String),
    #[error("unsupported proxy {0}: use an http://, https:// or socks5:// proxy")]
    Proxy(String),
}

/// Builds the client for `config`, with `renewing` as its credential when the user's exec
/// plugin returned a token that expires.
pub fn build(
    config: Config,
    renewing: Option<super::exec::RenewingToken>,
) -> Result<Client, ClientError> {
    let mut http = HttpConnector::new();
    http.enforce_http(false);
    match config.proxy_url.clone() {
        None => finish(config, renewing, http),
        Some(proxy) => match proxy.scheme_str() {
            Some("socks5") | Some("socks5h") => finish(config, renewing, SocksV5::new(proxy, http)),
            Some("http") | Some("https") => {
                let mut tunnel = Tunnel::new(proxy.clone(), http);
                if let Some(auth) = proxy_authorization(&proxy) {
                    tunnel = tunnel.with_auth(auth);
                }
                finish(config, renewing, tunnel)
            }
            _ => Err(ClientError::Proxy(crate::redact::url(&proxy.to_string()))),
        },
    }
}

/// `Basic` credentials from the proxy URL's userinfo, percent-decoded.
fn proxy_authorization(proxy: &http::Uri) -> Option<http::HeaderValue> {
    use base64::Engine;
    let authority = proxy.authority()?.as_str();
    let (userinfo, _) = authority.rsplit_once('@')?;
    let (_, credentials) = crate::redact::split_userinfo(&format!("http://{userinfo}@proxy"));
    let pair = format!(
        "{}:{}",
        credentials.username.unwrap_or_default(),
        credentials.password.unwrap_or_default()
    );
    let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
    let mut value = http::HeaderValue::from_str(&format!("Basic {encoded}")).ok()?;
    value.set_sensitive(true);
    Some(value)
}

fn finish<C>(
    config: Config,
    renewing: Option<super::exec::RenewingToken>,
    connector: C,
) -> Result<Client, ClientError>
where
    C: tower::Service<http::Uri> + Clone + Send + Sync + 'static,
    C::Response: hyper::rt::Read
        + hyper::rt::Write
        + hyper_util::client::legacy::connect::Connection
        + Send
        + Unpin
        + 'static,
    C::Future: Send + 'static,
    C::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let tls = rustls_config(&config)?;
    let builder = hyper_rustls::HttpsConnectorBuilder::new()
        .with_tls_config(tls)
        .https_or_http();
    let builder = match &config.tls_server_name {
        Some(name) => {
            builder.with_server_name_resolver(hyper_rustls::FixedServerNameResolver::new(
                ServerName::try_from(name.clone()).map_err(|e| {
                    ClientError::Authority(format!("tls-server-name {name:?}: {e}"))
                })?,
            ))
        }
        None => builder,
    };
    let https = builder.enable_http1().wrap_connector(connector);
    let mut timeouts = hyper_timeout::TimeoutConnector::new(https);
    timeouts.set_connect_timeout(config.connect_timeout);
    timeouts.set_read_timeout(config.read_timeout);
    timeouts.set_write_timeout(config.write_timeout);
    let http: hyper_util::client::legacy::Client<_, kube::client::Body> =
        hyper_util::client::legacy::Builder::new(TokioExecutor::new()).build(timeouts);
    let auth = match renewing {
        Some(token) => Some(tower::util::Either::Right(
            tower::filter::AsyncFilterLayer::new(token),
        )),
        None => config.auth_layer()?.map(tower::util::Either::Left),
    };
    let service = tower::ServiceBuilder::new()
        .layer(config.base_uri_layer())
        .option_layer(auth)
        .layer(config.extra_headers_layer()?)
        .layer(tower::retry::RetryLayer::new(Busy::default()))
        .map_err(tower::BoxError::from)
        .service(super::capped::CapBodies(http));
    Ok(Client::new(service, config.default_namespace.clone()))
}

/// kube's TLS settings (trust store, insecure-skip-tls-verify), with floe's client
/// certificate resolver and server verifier in place.
fn rustls_config(config: &Config) -> Result<rustls::ClientConfig, ClientError> {
    let identity = static_identity(&config.auth_info)?;
    let mut tls = match &identity {
        Some(_) => {
            let mut anonymous = config.clone();
            anonymous.auth_info.client_certificate = None;
            anonymous.auth_info.client_certificate_data = None;
            anonymous.auth_info.client_key = None;
            anonymous.auth_info.client_key_data = None;
            anonymous.rustls_client_config()?
        }
        // No certificate in the kubeconfig (a token, or an exec plugin that may return one):
        // kube's own settings.
        None => config.rustls_client_config()?,
    };
    if let Some(key) = identity {
        tls.client_auth_cert_resolver = Arc::new(ClientIdentity(Arc::new(key)));
    }
    // In a pod kube re-reads the service account's CA file as it rotates; keep that.
    if let (Some(roots), false, None) = (
        &config.root_cert,
        config.accept_invalid_certs,
        &config.root_cert_file,
    ) {
        let verifier = TrustIdenticalCa::new(roots)?;
        tls.dangerous().set_certificate_verifier(Arc::new(verifier));
    }
    Ok(tls)
}

/// The kubeconfig user's client certificate and key (`client-certificate(-data)`,
/// `client-key(-data)`), if it has them.
fn static_identity(user: &kube::config::AuthInfo) -> Result<Option<CertifiedKey>, ClientError> {
    use secrecy::ExposeSecret;
    let load = |data: Option<&str>,
                file: &Option<String>,
                what: &str|
     -> Result<Option<Vec<u8>>, ClientError> {
        use base64::Engine;
        match (data, file) {
            (Some(data), _) => base64::engine::general_purpose::STANDARD
                .decode(data.trim())
                .map(Some)
                .map_err(|e| ClientError::Identity(format!("{what}-data is not base64: {e}"))),
            (None, Some(path)) => std::fs::read(path)
                .map(Some)
                .map_err(|e| ClientError::Identity(format!("cannot read {what} {path}: {e}"))),
            (None, None) => Ok(None),
        }
    };
    let cert = load(
        user.client_certificate_data.as_deref(),
        &user.client_certificate,
        "client-certificate",
    )?;
    let key = load(
        user.client_key_data.as_ref().map(|k| k.expose_secret()),
        &user.client_key,
        "client-key",
    )?;
    match (cert, key) {
        (None, None) => Ok(None),
        (Some(_), None) => Err(ClientError::Identity(
            "client-certificate without client-key".into(),
        )),
        (None, Some(_)) => Err(ClientError::Identity(
            "client-key without client-certificate".into(),
        )),
        (Some(cert), Some(key)) => certified_key(&cert, &key).map(Some),
    }
}

/// The client certificate chain and key from PEM, without parsing the certificate (a v1
/// certificate is as good as a v3 one to send).
fn certified_key(cert_pem: &[u8], key_pem: &[u8]) -> Result<CertifiedKey, ClientError> {
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(cert_pem)
        .collect::<Result<_, _>>()
        .map_err(|e| ClientError::Identity(e.to_string()))?;
    if chain.is_empty() {
        return Err(ClientError::Identity(
            "no certificate in client-certificate".into(),
        ));
    }
    let key = PrivateKeyDer::from_pem_slice(key_pem)
        .map_err(|e| ClientError::Identity(format!("client-key: {e}")))?;
    let signer = crypto_provider()
        .key_provider
        .load_private_key(key)
        .map_err(|e| ClientError::Identity(format!("client-key: {e}")))?;
    Ok(CertifiedKey::new(chain, signer))
}

/// The process-wide rustls provider floe installs (ring).
fn crypto_provider() -> Arc<rustls::crypto::CryptoProvider> {
    crate::install_crypto_provider();
    rustls::crypto::CryptoProvider::get_default()
        .cloned()
        .expect("install_crypto_provider installs one")
}

#[derive(Debug)]
struct ClientIdentity(Arc<CertifiedKey>);

impl rustls::client::ResolvesClientCert for ClientIdentity {
    fn resolve(
        &self,
        _root_hint_subjects: &[&[u8]],
        _sigschemes: &[SignatureScheme],
    ) -> Option<Arc<CertifiedKey>> {
        Some(self.0.clone())
    }

    fn has_certs(&self) -> bool {
        true
    }
}

/// webpki's verification against the configured CAs; when that fails, a server certificate
/// that is byte for byte one of those CAs is trusted if it names the server.
#[derive(Debug)]
struct TrustIdenticalCa {
    inner: Arc<rustls::client::WebPkiServerVerifier>,
    roots: Vec<Vec<u8>>,
}

impl TrustIdenticalCa {
    fn new(roots: &[Vec<u8>]) -> Result<Self, ClientError> {
        let mut store = rustls::RootCertStore::empty();
        for der in roots {
            store
                .add(CertificateDer::from(der.clone()))
                .map_err(|e| ClientError::Authority(e.to_string()))?;
        }
        let inner = rustls::client::WebPkiServerVerifier::builder_with_provider(
            Arc::new(store),
            crypto_provider(),
        )
        .build()
        .map_err(|e| ClientError::Authority(e.to_string()))?;
        Ok(TrustIdenticalCa {
            inner,
            roots: roots.to_vec(),
        })
    }
}

impl ServerCertVerifier for TrustIdenticalCa {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self.inner.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        ) {
            Ok(verified) => Ok(verified),
            Err(err)
                if self
                    .roots
                    .iter()
                    .any(|r| r.as_slice() == end_entity.as_ref()) =>
            {
                let parsed = rustls::server::ParsedCertificate::try_from(end_entity)
                    .map_err(|_| err.clone())?;
                rustls::client::verify_server_name(&parsed, server_name)?;
                Ok(ServerCertVerified::assertion())
            }
            // A self-signed CA certificate that is not one of the configured CAs: webpki
            // says "CA used as end entity", the truth is that nothing trusts it.
            Err(err) if format!("{err:?}").contains("CaUsedAsEndEntity") => Err(
                rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer),
            ),
            Err(err) => Err(err),
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// Asks again after a `429 Too Many Requests`: the API server's answer while a resource's
/// storage is (re)initializing (right after its CRD was created or changed) and under
/// priority-and-fairness load, with `Retry-After` saying when. The request was not handled,
/// so any method may be sent again. A few times, each wait at most 2 s; the command's
/// `--timeout` still bounds the whole.
#[derive(Clone, Debug)]
struct Busy {
    left: u8,
}

impl Default for Busy {
    fn default() -> Self {
        Busy { left: 8 }
    }
}

impl<B, E> tower::retry::Policy<http::Request<kube::client::Body>, http::Response<B>, E> for Busy {
    type Future = tokio::time::Sleep;

    fn retry(
        &mut self,
        _request: &mut http::Request<kube::client::Body>,
        result: &mut Result<http::Response<B>, E>,
    ) -> Option<Self::Future> {
        let response = result.as_ref().ok()?;
        if response.status() != http::StatusCode::TOO_MANY_REQUESTS || self.left == 0 {
            return None;
        }
        self.left -= 1;
        let seconds = response
            .headers()
            .get(http::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .unwrap_or(1);
        Some(tokio::time::sleep(std::time::Duration::from_millis(
            (seconds * 1000).clamp(100, 2000),
        )))
    }

    fn clone_request(
        &mut self,
        request: &http::Request<kube::client::Body>,
    ) -> Option<http::Request<kube::client::Body>> {
        let body = request.body().try_clone()?;
        let mut copy = http::Request::new(body);
        *copy.method_mut() = request.method().clone();
        *copy.uri_mut() = request.uri().clone();
        *copy.version_mut() = request.version();
        *copy.headers_mut() = request.headers().clone();
        Some(copy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower::retry::Policy;

    fn answer(status: u16) -> Result<http::Response<()>, ()> {
        Ok(http::Response::builder()
            .status(status)
            .header("retry-after", "1")
            .body(())
            .unwrap())
    }

    #[tokio::test]
    async fn a_busy_server_is_asked_again_a_few_times_and_nothing_else_is() {
        let mut request = http::Request::new(kube::client::Body::from(b"{}".to_vec()));
        let mut busy = Busy::default();
        let cloned =
            <Busy as Policy<_, http::Response<()>, ()>>::clone_request(&mut busy, &request);
        assert!(cloned.is_some());
        assert!(busy.retry(&mut request, &mut answer(200)).is_none());
        assert!(busy.retry(&mut request, &mut answer(500)).is_none());
        for _ in 0..8 {
            assert!(busy.retry(&mut request, &mut answer(429)).is_some());
        }
        assert!(busy.retry(&mut request, &mut answer(429)).is_none());
    }
}
