package org.datafirst.catalogue.web;

import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.ValueResolvers;
import io.quarkus.qute.Variant;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Qute engine for the pages in src/main/resources/templates/: HTML-escaping every expression
 * unless marked {@code .raw}. Templates are parsed once and cached by the engine. Besides records'
 * accessors, templates can write dates as {@code date.long} ("1 January 2011") and
 * {@code date.month} ("January 2011").
 */
@ApplicationScoped
public class Pages {

    /** Must match govuk-frontend.version in pom.xml; WebsiteTest checks the stylesheet is served. */
    static final String GOVUK_FRONTEND_VERSION = "5.14.0";

    static final String GOVUK_BASE = "/webjars/govuk-frontend/" + GOVUK_FRONTEND_VERSION + "/dist/govuk";

    private static final Variant HTML = new Variant(Locale.UK, StandardCharsets.UTF_8, "text/html");

    private Engine engine;

    @PostConstruct
    void start() {
        engine = Engine.builder()
                .addDefaults()
                .addValueResolver(ValueResolvers.rawResolver())
                .addValueResolver(new ReflectionValueResolver())
                .addValueResolver(dates())
                .addValueResolver(breakable())
                .addResultMapper(new HtmlEscaper(List.of("text/html")))
                .addLocator(Pages::locate)
                .build();
    }

    public String render(String page, Object view) {
        Template template = engine.getTemplate("Pages/" + page);
        if (template == null) {
            throw new IllegalStateException("No template Pages/" + page);
        }
        return template.data("view", view).data("govukBase", GOVUK_BASE).render();
    }

    private static Optional<TemplateLocation> locate(String id) {
        String path = "templates/" + id + (id.endsWith(".html") ? "" : ".html");
        byte[] content;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(content, StandardCharsets.UTF_8);
        return Optional.of(new TemplateLocation() {
            @Override
            public Reader read() {
                return new StringReader(text);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(HTML);
            }
        });
    }

    /**
     * {@code name.breakable}: a column or table name, escaped, that may break only after an underscore
     * ({@code date_<wbr>of_<wbr>birth}), never inside a word.
     */
    private static ValueResolver breakable() {
        return ValueResolver.builder()
                .appliesTo(c -> c.getBase() instanceof String && c.getName().equals("breakable"))
                .resolveSync(
                        c -> new RawString(Html.escape((String) c.getBase()).replace("_", "_<wbr>")))
                .build();
    }

    private static ValueResolver dates() {
        return ValueResolver.builder()
                .appliesTo(c -> c.getBase() instanceof LocalDate
                        && (c.getName().equals("long") || c.getName().equals("month")))
                .resolveSync(c -> {
                    LocalDate date = (LocalDate) c.getBase();
                    return c.getName().equals("long") ? Format.date(date) : Format.month(date);
                })
                .build();
    }
}
