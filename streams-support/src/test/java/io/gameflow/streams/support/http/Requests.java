package io.gameflow.streams.support.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A request as the filters see it: a path and headers, nothing else. */
final class Requests {

    private Requests() {
    }

    static ContainerRequestContext to(String path, Map<String, String> headers) {
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(Requests.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getPath") && (args == null || args.length == 0)) {
                        return path;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (ContainerRequestContext) Proxy.newProxyInstance(Requests.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getUriInfo" -> uri;
                    case "getHeaderString" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
