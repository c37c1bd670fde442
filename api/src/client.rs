//! Who is on the other end of a request: the client's address, for rate limits, and
//! whether it reached us over TLS. Forwarding headers are believed only from the proxies
//! the configuration names (`trust_proxy`); anyone else could write them.

use std::net::IpAddr;
use std::str::FromStr;

use actix_web::HttpRequest;
use actix_web::web::Data;
use ipnet::IpNet;
use serde::{Deserialize, Serialize};

/// A trusted proxy in the configuration: one address (`10.0.0.2`) or a network
/// (`10.0.0.0/8`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ProxyNet(IpNet);

impl FromStr for ProxyNet {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let text = text.trim();
        text.parse::<IpNet>()
            .or_else(|_| text.parse::<IpAddr>().map(IpNet::from))
            .map(Self)
            .map_err(|_| format!("{text:?} is neither an IP address nor a network"))
    }
}

impl TryFrom<String> for ProxyNet {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        text.parse()
    }
}

impl From<ProxyNet> for String {
    fn from(net: ProxyNet) -> Self {
        net.0.to_string()
    }
}

/// The reverse proxies in front of Pontis.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    pub fn new(proxies: &[ProxyNet]) -> Self {
        Self(proxies.iter().map(|p| p.0).collect())
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&canonical(ip)))
    }

    /// The client's address: the peer's, or, when the peer is a trusted proxy, the
    /// right-most `X-Forwarded-For` hop that is not one (the hops to its left are the
    /// client's own claims). `None` only when the peer is unknown (a test request).
    pub fn client_addr(&self, req: &HttpRequest) -> Option<IpAddr> {
        let peer = canonical(req.peer_addr()?.ip());
        if !self.trusts(peer) {
            return Some(peer);
        }
        let mut client = peer;
        for hop in forwarded_for(req).into_iter().rev() {
            // A hop we cannot read ends the chain: the last trusted proxy is the client.
            let Some(hop) = hop else { break };
            client = hop;
            if !self.trusts(hop) {
                break;
            }
        }
        Some(client)
    }

    /// Whether the request reached us over TLS: Pontis serves plain HTTP, so only a
    /// trusted proxy's `X-Forwarded-Proto` can say so.
    pub fn is_https(&self, req: &HttpRequest) -> bool {
        let from_proxy = req.peer_addr().is_some_and(|peer| self.trusts(peer.ip()));
        from_proxy
            && req
                .headers()
                .get("x-forwarded-proto")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.rsplit(',').next())
                .is_some_and(|proto| proto.trim().eq_ignore_ascii_case("https"))
    }
}

/// The key rate limits count a client under: its IPv4 address, or its IPv6 /64 (one
/// household or school network, which hands out addresses within it freely).
pub fn client_key(req: &HttpRequest) -> String {
    let addr = proxies(req).client_addr(req);
    match addr {
        Some(IpAddr::V6(v6)) => IpNet::new(IpAddr::V6(v6), 64)
            .map(|net| net.trunc().to_string())
            .unwrap_or_else(|_| v6.to_string()),
        Some(v4) => v4.to_string(),
        None => "unknown".to_owned(),
    }
}

/// Whether the request reached us over TLS (see [`TrustedProxies::is_https`]).
pub fn is_https(req: &HttpRequest) -> bool {
    proxies(req).is_https(req)
}

fn proxies(req: &HttpRequest) -> TrustedProxies {
    req.app_data::<Data<TrustedProxies>>()
        .map(|proxies| TrustedProxies::clone(proxies))
        .unwrap_or_default()
}

/// Every `X-Forwarded-For` hop, in order; `None` for one that is not an address.
fn forwarded_for(req: &HttpRequest) -> Vec<Option<IpAddr>> {
    req.headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|hop| hop.trim().parse::<IpAddr>().ok().map(canonical))
        .collect()
}

/// IPv4 clients reached over IPv6 sockets appear as `::ffff:a.b.c.d`.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use std::net::SocketAddr;

    use actix_web::test::TestRequest;

    use super::*;

    fn proxies() -> TrustedProxies {
        TrustedProxies::new(&[
            "10.0.0.0/8".parse().expect("a network"),
            "::1".parse().expect("an address"),
        ])
    }

    #[test]
    fn proxies_are_addresses_or_networks() {
        assert!("192.0.2.7".parse::<ProxyNet>().is_ok());
        assert!("2001:db8::/48".parse::<ProxyNet>().is_ok());
        assert!("proxy.example".parse::<ProxyNet>().is_err());
    }

    fn request(peer: &str, forwarded: Option<&str>) -> HttpRequest {
        let mut req = TestRequest::default().peer_addr(peer.parse::<SocketAddr>().expect("peer"));
        if let Some(hops) = forwarded {
            req = req.insert_header(("X-Forwarded-For", hops));
        }
        req.to_http_request()
    }

    fn addr(peer: &str, forwarded: Option<&str>) -> String {
        proxies()
            .client_addr(&request(peer, forwarded))
            .expect("an address")
            .to_string()
    }

    #[test]
    fn forwarding_headers_count_only_from_trusted_proxies() {
        assert_eq!(
            addr("203.0.113.9:5000", Some("198.51.100.1")),
            "203.0.113.9",
            "a client that is not a proxy cannot name another address"
        );
        assert_eq!(addr("10.0.0.2:5000", Some("198.51.100.1")), "198.51.100.1");
        assert_eq!(
            addr("10.0.0.2:5000", Some("1.2.3.4, 198.51.100.1, 10.0.0.3")),
            "198.51.100.1",
            "the right-most hop that is not a proxy; the client's own first entry is ignored"
        );
        assert_eq!(addr("10.0.0.2:5000", Some("junk, 10.0.0.3")), "10.0.0.3");
        assert_eq!(addr("10.0.0.2:5000", None), "10.0.0.2");
        assert_eq!(
            addr("[::ffff:10.0.0.2]:5000", Some("198.51.100.7")),
            "198.51.100.7"
        );
    }

    #[test]
    fn the_scheme_comes_from_a_trusted_proxy_only() {
        let https = |peer: &str| {
            let req = TestRequest::default()
                .peer_addr(peer.parse::<SocketAddr>().expect("peer"))
                .insert_header(("X-Forwarded-Proto", "https"))
                .to_http_request();
            proxies().is_https(&req)
        };
        assert!(https("10.1.2.3:443"));
        assert!(!https("203.0.113.9:443"));
        assert!(!proxies().is_https(&request("10.1.2.3:443", None)));
    }
}
