package io.herald.wiring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/**
 * The values Herald ships for local mode: every {@code %local.} setting of the bundled
 * {@code application.properties}. Anyone can read them in the artifact, so production refuses any of them as a
 * secret, whichever setting it is put in.
 */
final class ShippedSamples {

    private static final String RESOURCE = "application.properties";
    private static final String LOCAL_PREFIX = "%local.";

    private ShippedSamples() {
    }

    static Set<String> values() {
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Set<String> samples = new HashSet<>();
        properties.stringPropertyNames().stream().filter(name -> name.startsWith(LOCAL_PREFIX))
                .map(properties::getProperty).map(String::trim).filter(value -> value.length() >= 8)
                .forEach(samples::add);
        return samples;
    }
}
