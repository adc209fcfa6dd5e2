package coop.roseash.bench;

import coop.roseash.sx.SxEngine;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The "stocks" page, set up once per engine the way each engine recommends for production (HTML escaping on). */
public final class StocksRenderers {
    private StocksRenderers() {
    }

    public static Function<List<Stock>, String> sx() {
        SxEngine engine = SxEngine.builder().classpath("sx").build();
        return rows -> engine.renderComponent("~bench/stocks", Map.of("items", rows), null);
    }

    public static Function<List<Stock>, String> qute() {
        Engine engine = Engine.builder()
                .addDefaults()
                .addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .build();
        Template template = engine.parse(resource("templates/stocks.qute.html"), Variant.forContentType(Variant.TEXT_HTML));
        return rows -> template.data("items", rows).render();
    }

    public static Function<List<Stock>, String> jte() {
        TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
        return rows -> {
            StringOutput out = new StringOutput();
            engine.render("stocks.jte", Map.of("items", rows), out);
            return out.toString();
        };
    }

    public static Function<List<Stock>, String> thymeleaf() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".thymeleaf.html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        org.thymeleaf.TemplateEngine engine = new org.thymeleaf.TemplateEngine();
        engine.setTemplateResolver(resolver);
        return rows -> engine.process("stocks", new Context(Locale.ROOT, Map.of("items", rows)));
    }

    static String resource(String path) {
        try (InputStream in = StocksRenderers.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
