package io.gameflow.generator;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.net.URI;

/**
 * Requests to the application's management interface, where /q/health and /q/metrics live (quarkus.management.enabled):
 * a port of its own, which Quarkus picks at start in tests (%test.quarkus.management.test-port=0). RestAssured's
 * default port is the API's, which answers 404 there.
 */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    public static RequestSpecification management() {
        URI uri = URI.create(TestHTTPResourceManager.getManagementUri());
        return RestAssured.given().baseUri(uri.getScheme() + "://" + uri.getHost()).port(uri.getPort()).basePath("");
    }
}
