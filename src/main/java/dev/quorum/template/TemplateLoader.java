package dev.quorum.template;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the template definition that ships in the jar under {@code templates/}. */
public final class TemplateLoader {

    /** The classpath location of the data-and-consistency template. */
    public static final String RESOURCE = "/templates/data-and-consistency.yaml";

    private static volatile Template cached;

    private TemplateLoader() {
    }

    /** The bundled template, loaded once; it is part of the product, so a failure to load it is a bug. */
    public static Template dataAndConsistency() {
        Template t = cached;
        if (t == null) {
            synchronized (TemplateLoader.class) {
                t = cached;
                if (t == null) {
                    t = load(RESOURCE);
                    cached = t;
                }
            }
        }
        return t;
    }

    static Template load(String resource) {
        ObjectMapper mapper = JsonMapper.builder(new YAMLFactory())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try (InputStream in = TemplateLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("template resource missing from the build: " + resource);
            }
            return mapper.readValue(in, Template.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + resource, e);
        }
    }
}
