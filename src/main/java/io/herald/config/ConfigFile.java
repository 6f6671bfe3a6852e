package io.herald.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The text of a configuration file and the name it is reported under.
 *
 * @param location a filesystem path, or {@code classpath:} followed by a resource path for the bundled samples
 */
public record ConfigFile(String location, String text) {

    public static final String CLASSPATH = "classpath:";

    /**
     * Reads a configuration file.
     *
     * @throws ConfigurationProblem if the file does not exist or cannot be read
     */
    public static ConfigFile read(String location) {
        if (location == null || location.isBlank()) {
            throw ConfigurationProblem.of(String.valueOf(location), "no file configured");
        }
        return location.startsWith(CLASSPATH) ? fromClasspath(location) : fromFilesystem(location);
    }

    private static ConfigFile fromClasspath(String location) {
        String resource = location.substring(CLASSPATH.length()).replaceFirst("^/", "");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : ConfigFile.class.getClassLoader())
                .getResourceAsStream(resource)) {
            if (in == null) {
                throw ConfigurationProblem.of(location, "file not found");
            }
            return new ConfigFile(location, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ConfigurationProblem.of(location, "cannot read: " + e.getMessage());
        }
    }

    private static ConfigFile fromFilesystem(String location) {
        try {
            return new ConfigFile(location, Files.readString(Path.of(location), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw ConfigurationProblem.of(location, "file not found");
        } catch (IOException e) {
            throw ConfigurationProblem.of(location, "cannot read: " + e);
        }
    }
}
