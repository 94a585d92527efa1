//! A cap on what floe reads from the API server: a server that never ends its answer (or a
//! proxy in between that misbehaves) cannot make floe buffer without bound. A response is cut
//! at [`MAX_RESPONSE`] bytes; a watch, which streams for as long as it lasts, is cut when one
//! event (one line) grows past it. Lists are read page by page (`cluster::each_page`), so the
//! cap is per page, far above any page a real server sends (etcd keeps objects under 1.5 MiB
//! by default).

use std::pin::Pin;
use std::task::{Context, Poll, ready};

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};

/// The most floe reads of one response, or of one watch event.
pub const MAX_RESPONSE: usize = 64 << 20;

/// Raised by a capped body when the server sent more than the cap.
#[derive(Debug, thiserror::Error)]
#[error(
    "the API server sent more than {} MiB {what}; floe stops reading there (the server, or a proxy in front of it, does not end its answer)",
    MAX_RESPONSE >> 20
)]
pub struct ResponseTooLarge {
    what: &'static str,
}

/// How much a body may carry.
#[derive(Debug, Clone, Copy)]
enum Cap {
    /// The whole body; `used` so far.
    Total { used: usize },
    /// Each line (a watch event); bytes since the last line break.
    PerLine { since_break: usize },
}

/// A response body that fails once it carried more than its cap.
pub struct CappedBody<B> {
    inner: B,
    cap: Cap,
}

impl<B> CappedBody<B> {
    /// Capped per line for a watch (`?watch=true`), as a whole otherwise.
    pub fn new(inner: B, watch: bool) -> Self {
        let cap = if watch {
            Cap::PerLine { since_break: 0 }
        } else {
            Cap::Total { used: 0 }
        };
        CappedBody { inner, cap }
    }

    fn count(&mut self, data: &[u8]) -> Result<(), ResponseTooLarge> {
        match &mut self.cap {
            Cap::Total { used } => {
                *used = used.saturating_add(data.len());
                if *used > MAX_RESPONSE {
                    return Err(ResponseTooLarge {
                        what: "in one response",
                    });
                }
            }
            Cap::PerLine { since_break } => {
                match data.iter().rposition(|b| *b == b'\n') {
                    Some(at) => *since_break = data.len() - at - 1,
                    None => *since_break = since_break.saturating_add(data.len()),
                }
                if *since_break > MAX_RESPONSE {
                    return Err(ResponseTooLarge {
                        what: "in one watch event",
                    });
                }
            }
        }
        Ok(())
    }
}

impl<B> Body for CappedBody<B>
where
    B: Body<Data = Bytes> + Unpin,
    B::Error: Into<tower::BoxError>,
{
    type Data = Bytes;
    type Error = tower::BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = &mut *self;
        match ready!(Pin::new(&mut this.inner).poll_frame(cx)) {
            Some(Ok(frame)) => {
                if let Some(data) = frame.data_ref()
                    && let Err(e) = this.count(data)
                {
                    return Poll::Ready(Some(Err(e.into())));
                }
                Poll::Ready(Some(Ok(frame)))
            }
            Some(Err(e)) => Poll::Ready(Some(Err(e.into()))),
            None => Poll::Ready(None),
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// The HTTP service with every response body capped.
#[derive(Clone)]
pub struct CapBodies<S>(pub S);

impl<S, ReqBody, B> tower::Service<http::Request<ReqBody>> for CapBodies<S>
where
    S: tower::Service<http::Request<ReqBody>, Response = http::Response<B>>,
    S::Future: Send + 'static,
{
    type Response = http::Response<CappedBody<B>>;
    type Error = S::Error;
    type Future = futures::future::BoxFuture<'static, Result<Self::Response, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<ReqBody>) -> Self::Future {
        let watch = request
            .uri()
            .query()
            .is_some_and(|q| q.split('&').any(|p| p == "watch=true" || p == "watch=1"));
        let future = self.0.call(request);
        Box::pin(async move {
            let response = future.await?;
            Ok(response.map(|body| CappedBody::new(body, watch)))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;

    fn stream(
        chunks: Vec<Vec<u8>>,
    ) -> http_body_util::StreamBody<
        impl futures::Stream<Item = Result<Frame<Bytes>, std::convert::Infallible>> + Unpin,
    > {
        http_body_util::StreamBody::new(futures::stream::iter(
            chunks.into_iter().map(|c| Ok(Frame::data(Bytes::from(c)))),
        ))
    }

    #[tokio::test]
    async fn a_body_past_the_cap_fails_and_a_watch_is_capped_per_line() {
        let mb = vec![b'x'; 1 << 20];
        let big: Vec<Vec<u8>> = std::iter::repeat_n(mb.clone(), 65).collect();
        let Err(err) = CappedBody::new(stream(big.clone()), false).collect().await else {
            panic!("not cut at the cap");
        };
        assert!(err.to_string().contains("64 MiB in one response"), "{err}");
        assert!(
            CappedBody::new(stream(big), true).collect().await.is_err(),
            "one line of 65 MiB"
        );
        let mut line = mb.clone();
        line.push(b'\n');
        let lines: Vec<Vec<u8>> = std::iter::repeat_n(line, 100).collect();
        assert!(
            CappedBody::new(stream(lines), true).collect().await.is_ok(),
            "a watch of many short events goes on"
        );
    }
}
