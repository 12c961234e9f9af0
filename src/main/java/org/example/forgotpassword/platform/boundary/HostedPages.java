package org.example.forgotpassword.platform.boundary;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.example.forgotpassword.platform.control.TextResources;
import org.example.forgotpassword.platform.entity.SupportedLocales;

/**
 * The HTML pages the service hosts ({@code src/main/resources/pages}), English or Chinese by
 * {@code Accept-Language}, with their scripts and styles. Every one carries the same strict headers: it loads
 * nothing from elsewhere, runs no inline script, cannot be framed, is not cached and sends no referrer.
 */
@ApplicationScoped
public class HostedPages {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final String TITLE_END = "</title>";

    @Inject
    TextResources texts;

    @Inject
    Replies replies;

    /**
     * {@code pages/<name>_en.html} or {@code pages/<name>_zh.html} (the page's {@code <title>}, then its
     * {@code <main>}) passed through {@code fill}, in the head and body every page shares ({@code pages/page.html}):
     * the page's language, the shared style sheet and script, then its own script {@code <name>.js}, all under
     * {@code path}.
     *
     * @param path the path the page and its scripts are served under, with a slash at each end
     * @param fill puts request values into the page; they must be safe in HTML already
     */
    public Response page(String name, String path, Supplier<List<Locale>> acceptableLanguages,
                         UnaryOperator<String> fill) {
        Locale locale = replies.localeOf(acceptableLanguages);
        String language = SupportedLocales.templateSuffix(locale);
        String page = fill.apply(texts.get("pages/" + name + "_" + language + ".html"));
        int titleEnd = page.indexOf(TITLE_END) + TITLE_END.length();
        String html = texts.get("pages/page.html")
                .replace("{{lang}}", locale.toLanguageTag())
                .replace("{{path}}", path)
                .replace("{{name}}", name)
                .replace("{{title}}", page.substring(0, titleEnd).strip())
                .replace("{{main}}", page.substring(titleEnd).strip());
        return strict(Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")))
                .header("Content-Language", locale.toLanguageTag()).build();
    }

    /** {@code pages/<file>}, a script. */
    public Response script(String file) {
        return strict(Response.ok(texts.get("pages/" + file), "text/javascript; charset=UTF-8")).build();
    }

    /** {@code pages/page.js}, the script all pages share (posting a form, showing the reply), before their own. */
    public Response sharedScript() {
        return script("page.js");
    }

    /** {@code pages/page.css}, the one style sheet of all pages; each page links it under its own path. */
    public Response style() {
        return strict(Response.ok(texts.get("pages/page.css"), "text/css; charset=UTF-8")).build();
    }

    private static Response.ResponseBuilder strict(Response.ResponseBuilder response) {
        return response
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");
    }
}
