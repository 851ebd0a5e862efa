package io.gameflow.engagement.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageSecurityHeadersTest {

    @Test
    void thePageMayConnectToMetricsServicesOriginWhateverPathItsUrlHas() {
        assertEquals("http://localhost:8083", PageSecurityHeaders.originOf("http://localhost:8083"));
        assertEquals("https://metrics.example.com", PageSecurityHeaders.originOf("HTTPS://metrics.example.com/gameflow/metrics/"));
        assertTrue(PageSecurityHeaders.policyFor("https://metrics.example.com")
                .contains("connect-src 'self' https://metrics.example.com;"));
    }

    @Test
    void refusesToStartWithAMetricsUrlThatIsNotAnAbsoluteHttpUrl() {
        for (String bad : new String[] {"localhost:8083", "/metrics", "ftp://metrics.example.com", "http://bad host"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PageSecurityHeaders.originOf(bad));
            assertTrue(e.getMessage().contains("GAMEFLOW_DASHBOARD_METRICS_URL"), e.getMessage());
        }
    }
}
