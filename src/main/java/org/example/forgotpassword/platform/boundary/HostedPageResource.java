package org.example.forgotpassword.platform.boundary;

import java.util.function.UnaryOperator;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * A resource of the API that also hosts its own page ({@link HostedPages}): the script and style sheet all pages
 * share are served under the resource's own path too, so that the page loads nothing from elsewhere.
 */
public abstract class HostedPageResource extends ApiResource {

    @Inject
    protected HostedPages pages;

    /** {@code pages/<name>_en.html} or {@code _zh.html}, as {@link HostedPages#page} renders it. */
    protected Response renderPage(String name) {
        return renderPage(name, UnaryOperator.identity());
    }

    /** @param fill puts request values into the page; they must be safe in HTML already */
    protected Response renderPage(String name, UnaryOperator<String> fill) {
        return pages.page(name, ownPath(), clientLanguages(), fill);
    }

    /** {@code /password/forgot/} and so on: the resource's {@code @Path}, also on a container's subclass of it. */
    private String ownPath() {
        for (Class<?> type = getClass(); type != null; type = type.getSuperclass()) {
            Path path = type.getAnnotation(Path.class);
            if (path != null) {
                return "/" + path.value() + "/";
            }
        }
        throw new IllegalStateException(getClass() + " has no @Path");
    }

    /** What the service's pages share, {@link HostedPages#sharedScript()}. */
    @GET
    @Path("page.js")
    @Produces("text/javascript")
    public Response sharedScript() {
        return pages.sharedScript();
    }

    /** The one style sheet of the service's pages, {@link HostedPages#style()}. */
    @GET
    @Path("page.css")
    @Produces("text/css")
    public Response style() {
        return pages.style();
    }
}
