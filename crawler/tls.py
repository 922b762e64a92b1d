"""TLS certificate verification for Scrapy's downloads (docs/REFERENCE.md).

Scrapy accepts any certificate by default: a self-signed certificate for www.mofcom.gov.cn, from
anyone in the middle, would be taken as the ministry's page. :class:`VerifyingContextFactory`
(through :class:`VerifyingDownloadHandler`, Scrapy's https download handler) verifies
every HTTPS connection, tunnels through an
``https_proxy`` included:

- the chain, against the system's CA store, certifi's bundle and, when the setting
  ``REGWATCH_EXTRA_CA_FILE`` names a PEM file, the CAs in it (tests trust their test CA so);
- the validity dates, and the host name (``service_identity``, as Twisted does).

A certificate that does not verify ends the connection before any request is sent. The spider's
errback gets a failure whose reason is a :class:`CertificateVerifyError` with a one-line message
such as ``certificate verify failed: self-signed certificate for www.mofcom.gov.cn``;
``RegwatchSpider.on_error`` records it as ``fetch failed for <url>: …`` (a ``source_problem``
naming the URL). :func:`certificate_failure` digs that message out of the failure (Scrapy wraps
it in ``DownloadFailedError`` / ``ResponseNeverReceived``) for a shorter problem line.

Hosts named in ``REGWATCH_INSECURE_TLS_HOSTS`` (a list; a source's ``insecure_tls = true`` in
regwatch.toml) are fetched without verification, as Scrapy would. Their responses carry the flag
``insecure_tls`` (:data:`INSECURE_FLAG`, :func:`fetched_insecurely`) once
:class:`InsecureTLSFlagMiddleware` is in ``DOWNLOADER_MIDDLEWARES``, so that the store can mark
each version so fetched; a mirror replay (flag ``mirror``) is never flagged: it was not fetched.

Scrapy's own ``DOWNLOAD_VERIFY_CERTIFICATES`` switch is not consulted: with this factory every
host is verified unless listed as insecure.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import certifi
from cryptography import x509
from OpenSSL import SSL
from OpenSSL.crypto import X509
from scrapy.core.downloader.contextfactory import (
    _ScrapyCertificateOptions,
    _ScrapyClientContextFactory,
)
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response
from scrapy.statscollectors import StatsCollector
from service_identity import CertificateError, VerificationError
from service_identity.hazmat import DNS_ID, IPAddress_ID, ServiceID, verify_service_identity
from service_identity.pyopenssl import extract_patterns
from twisted.internet._sslverify import ClientTLSOptions, IOpenSSLTrustRoot
from twisted.python.failure import Failure
from twisted.web.iweb import IPolicyForHTTPS
from zope.interface import implementer

if TYPE_CHECKING:
    from twisted.protocols.tls import TLSMemoryBIOProtocol

logger = logging.getLogger(__name__)

EXTRA_CA_SETTING = "REGWATCH_EXTRA_CA_FILE"
INSECURE_HOSTS_SETTING = "REGWATCH_INSECURE_TLS_HOSTS"
INSECURE_FLAG = "insecure_tls"
INSECURE_STAT = "regwatch/tls/insecure_responses"
MIRROR_FLAG = "mirror"  # crawler.mirror.FLAG (not imported: the mirror may be left out)

# OpenSSL's X509_V_ERR_* codes a verify callback sees, in OpenSSL 3's words.
VERIFY_ERRORS: dict[int, str] = {
    2: "unable to get issuer certificate",
    4: "unable to decrypt certificate's signature",
    7: "certificate signature failure",
    9: "certificate is not yet valid",
    10: "certificate has expired",
    13: "format error in certificate's notBefore field",
    14: "format error in certificate's notAfter field",
    18: "self-signed certificate",
    19: "self-signed certificate in certificate chain",
    20: "unable to get local issuer certificate",
    21: "unable to verify the first certificate",
    22: "certificate chain too long",
    23: "certificate revoked",
    24: "invalid CA certificate",
    25: "path length constraint exceeded",
    26: "unsupported certificate purpose",
    27: "certificate not trusted",
    28: "certificate rejected",
    62: "hostname mismatch",
}


class CertificateVerifyError(SSL.Error):
    """A server's certificate did not verify (chain, dates or host name): nothing was fetched."""


def verify_error_text(code: int) -> str:
    """OpenSSL's words for an X509_V_ERR_* code seen by a verify callback."""
    return VERIFY_ERRORS.get(code, f"X509 verification error {code}")


# --- settings ---------------------------------------------------------------------------------


def check_ca_file(path: str | Path | None) -> Path | None:
    """The extra CA file as a Path (None when unset); ValueError naming the setting when it is
    missing or holds no PEM certificate."""
    if path is None or not str(path).strip():
        return None
    ca_file = Path(str(path).strip()).expanduser()
    try:
        data = ca_file.read_bytes()
    except OSError as error:
        raise ValueError(f"{EXTRA_CA_SETTING}: cannot read {ca_file}: "
                         f"{error.strerror or error}") from None
    try:
        x509.load_pem_x509_certificates(data)
    except ValueError:
        raise ValueError(f"{EXTRA_CA_SETTING}: no PEM certificate in {ca_file}") from None
    return ca_file


def insecure_hosts(values: Iterable[str]) -> frozenset[str]:
    """Host names (lower-case, no trailing dot); ValueError for anything that is not one."""
    hosts = set()
    for value in values:
        host = str(value).strip().lower().rstrip(".")
        if not host:
            continue
        if any(char in host for char in "/:@ ") or host.startswith("."):
            raise ValueError(f"{INSECURE_HOSTS_SETTING}: not a host name: {value!r}")
        hosts.add(host)
    return frozenset(hosts)


def host_of(url_or_host: str | bytes) -> str:
    """The lower-case host of a URL or of a bare host name."""
    text = url_or_host.decode("ascii") if isinstance(url_or_host, bytes) else url_or_host
    if "://" in text:
        return (urlsplit(text).hostname or "").lower()
    return text.lower().rstrip(".")


# --- verification ---------------------------------------------------------------------------------


@implementer(IOpenSSLTrustRoot)
class TrustStore:
    """The CAs a server's chain may end at: the system's, certifi's, and an extra file's."""

    def __init__(self, extra_ca_file: Path | None = None) -> None:
        self.extra_ca_file = extra_ca_file

    def _addCACertsToContext(self, context: SSL.Context) -> None:
        context.set_default_verify_paths()
        context.load_verify_locations(certifi.where())
        if self.extra_ca_file is not None:
            context.load_verify_locations(str(self.extra_ca_file))


def certificate_names(certificate: X509) -> list[str]:
    """The DNS names and IP addresses a certificate is for (its CN when it has no SAN)."""
    cert = certificate.to_cryptography()
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return [str(a.value) for a in cert.subject.get_attributes_for_oid(
            x509.NameOID.COMMON_NAME)]
    return [*san.get_values_for_type(x509.DNSName),
            *(str(ip) for ip in san.get_values_for_type(x509.IPAddress))]


def _service_id(host: str, is_dns_name: bool) -> ServiceID:
    return DNS_ID(host) if is_dns_name else IPAddress_ID(host)


def verify_callback(tls_protocol: TLSMemoryBIOProtocol, host: str, is_dns_name: bool) -> Any:
    """An OpenSSL verify callback failing the connection with a CertificateVerifyError."""
    pending: dict[str, Any] = {"protocol": tls_protocol}  # dropped after the leaf: no cycle
    service_id = _service_id(host, is_dns_name)

    def fail(reason: str) -> bool:
        protocol = pending.pop("protocol", None)
        if protocol is not None:
            message = f"certificate verify failed: {reason} for {host}"
            logger.debug("TLS: %s", message)
            protocol.failVerification(Failure(CertificateVerifyError(message)))
        return False

    def callback(connection: SSL.Connection, certificate: X509, error: int, depth: int,
                 ok: int) -> bool:
        try:
            if not ok:
                return fail(verify_error_text(error))
            if depth != 0:
                return True
            try:
                verify_service_identity(extract_patterns(certificate), [service_id], [])
            except (VerificationError, CertificateError):
                names = ", ".join(certificate_names(certificate)) or "no name"
                return fail(f"hostname mismatch (the certificate is for {names})")
            pending.pop("protocol", None)
            return True
        except Exception as error:  # never let an exception vanish inside OpenSSL
            logger.exception("TLS: error while verifying the certificate of %s", host)
            return fail(f"verification error {type(error).__name__}: {error}")

    return callback


class VerifyingTLSOptions(ClientTLSOptions):
    """Twisted's client TLS options with :func:`verify_callback` (clear failures)."""

    def clientConnectionForTLS(self, tlsProtocol: TLSMemoryBIOProtocol
                               ) -> SSL.Connection:
        connection = super().clientConnectionForTLS(tlsProtocol)
        connection.set_verify(
            SSL.VERIFY_PEER | SSL.VERIFY_FAIL_IF_NO_PEER_CERT,
            verify_callback(tlsProtocol, self._hostnameASCII, self._hostnameIsDnsName))
        return connection


@implementer(IPolicyForHTTPS)
class VerifyingContextFactory(_ScrapyClientContextFactory):
    """The TLS policy of VerifyingDownloadHandler: verify every host's certificate except the hosts
    in ``REGWATCH_INSECURE_TLS_HOSTS`` (fetched as Scrapy does by default)."""

    def __init__(self, *args: Any, extra_ca_file: str | Path | None = None,
                 insecure: Iterable[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._verify_certificates = False  # Scrapy's own path serves the insecure hosts
        self.extra_ca_file = check_ca_file(extra_ca_file)
        self.insecure_hosts = insecure_hosts(insecure)
        self._verifying: _ScrapyCertificateOptions | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> VerifyingContextFactory:
        settings = crawler.settings
        return super().from_crawler(
            crawler, *args, extra_ca_file=settings.get(EXTRA_CA_SETTING),
            insecure=settings.getlist(INSECURE_HOSTS_SETTING), **kwargs)

    def creatorForNetloc(self, hostname: bytes | str, port: int
                         ) -> ClientTLSOptions:
        host = host_of(hostname)
        if host in self.insecure_hosts:
            logger.debug("TLS: %s is insecure_tls: its certificate is not verified", host)
            raw = hostname if isinstance(hostname, bytes) else hostname.encode("ascii")
            return super().creatorForNetloc(raw, port)
        return VerifyingTLSOptions(self._certificate_options()._makeTLSConnection, host)

    def _certificate_options(self) -> _ScrapyCertificateOptions:
        """One verifying OpenSSL context for every connection (the CA files are read once)."""
        if self._verifying is None:
            self._verifying = _ScrapyCertificateOptions(
                trustRoot=TrustStore(self.extra_ca_file), **self._get_cert_options_kwargs())
        return self._verifying


class VerifyingDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 download handler for https, with VerifyingContextFactory as its TLS
    policy (in place of the deprecated DOWNLOADER_CLIENTCONTEXTFACTORY setting)."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._contextFactory = VerifyingContextFactory.from_crawler(crawler)


def certificate_failure(failure: Failure) -> str | None:
    """The message of a certificate failure behind a failed fetch, or None for another cause.

    Scrapy wraps it: ``DownloadFailedError`` from ``ResponseNeverReceived([Failure(...)])``, or
    ``RequestTransmissionFailed([...])``; this walks causes and ``reasons``.
    """
    seen: set[int] = set()
    pending: list[BaseException | None] = [failure.value]
    while pending:
        error = pending.pop()
        if error is None or id(error) in seen:
            continue
        seen.add(id(error))
        if isinstance(error, CertificateVerifyError):
            return str(error)
        pending.extend(reason.value for reason in getattr(error, "reasons", None) or []
                       if isinstance(reason, Failure))
        pending.extend([error.__cause__, error.__context__])
    return None


# --- marking insecure fetches ---------------------------------------------------------------------


def fetched_insecurely(response: Response) -> bool:
    """True for a response fetched from an insecure_tls host without verification."""
    return INSECURE_FLAG in response.flags


class InsecureTLSFlagMiddleware:
    """Downloader middleware: flags responses from ``REGWATCH_INSECURE_TLS_HOSTS`` fetched over
    HTTPS with :data:`INSECURE_FLAG` and counts them (``regwatch/tls/insecure_responses``).

    Put it near the network (e.g. 950: responses pass middlewares from high numbers to low), so
    every response is flagged before redirects, retries or the spider see it.
    """

    def __init__(self, hosts: frozenset[str], stats: StatsCollector | None = None) -> None:
        self.hosts = hosts
        self.stats = stats
        self._warned: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> InsecureTLSFlagMiddleware:
        hosts = insecure_hosts(crawler.settings.getlist(INSECURE_HOSTS_SETTING))
        if not hosts:
            raise NotConfigured  # every host verified: nothing to flag (not logged)
        return cls(hosts, crawler.stats)

    def process_response(self, request: Request, response: Response) -> Response:
        if not response.url.startswith("https://") or MIRROR_FLAG in response.flags:
            return response
        host = host_of(response.url)
        if host not in self.hosts or INSECURE_FLAG in response.flags:
            return response
        response.flags.append(INSECURE_FLAG)
        if self.stats is not None:
            self.stats.inc_value(INSECURE_STAT)
        if host not in self._warned:
            self._warned.add(host)
            logger.warning("TLS: %s is fetched without certificate verification (insecure_tls)",
                           host)
        return response
