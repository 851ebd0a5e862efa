package io.gameflow.engagement.web;

import io.gameflow.engagement.config.DashboardConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The live page shows what game clients sent, so the browser is told to run nothing but the page's own bundle:
 * a Content-Security-Policy on the page and everything this service serves (its assets and JSON answers), and
 * {@code X-Content-Type-Options: nosniff} so that no answer is ever taken for a script or a page it is not. The one
 * other place the page may connect to is metrics-service, at {@code gameflow.dashboard.metrics-url}.
 * {@code /q/...} (Swagger UI, the dev UI) keeps its own inline scripts and is left without the policy.
 */
@ApplicationScoped
public class PageSecurityHeaders {

    public static final String CSP = "Content-Security-Policy";
    public static final String NOSNIFF = "X-Content-Type-Options";

    /** Before the other filters, so that every answer carries the headers, a 404 included. */
    private static final int PRIORITY = 1000;

    private final String policy;

    public PageSecurityHeaders(DashboardConfig config) {
        this.policy = policyFor(originOf(config.metricsUrl()));
    }

    void install(@Observes Filters filters) {
        filters.register(request -> {
            request.response().putHeader(NOSNIFF, "nosniff");
            if (!request.normalizedPath().startsWith("/q/")) {
                request.response().putHeader(CSP, policy);
            }
            request.next();
        }, PRIORITY);
    }

    /**
     * Scripts only from this service's bundle: no inline script, no eval (ECharts needs neither). Styles from the
     * bundle plus inline style attributes, which ECharts' tooltips are built with. Connections to this service and
     * metrics-service; no plugins, no frames, no form posts, no base URL of anybody else's.
     */
    static String policyFor(String metricsOrigin) {
        return "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "connect-src 'self' " + metricsOrigin + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /** scheme://host[:port] of the metrics URL: a CSP source with a path would match that path only. */
    static String originOf(String metricsUrl) {
        try {
            URI uri = new URI(metricsUrl.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new URISyntaxException(metricsUrl, "not an absolute http(s) URL");
            }
            return scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("gameflow.dashboard.metrics-url (GAMEFLOW_DASHBOARD_METRICS_URL) must be metrics-service's "
                    + "absolute http(s) URL as the browser reaches it, e.g. http://localhost:8083; got '" + metricsUrl + "'", e);
        }
    }
}
