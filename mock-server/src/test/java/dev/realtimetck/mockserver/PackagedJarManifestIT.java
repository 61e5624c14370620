package dev.realtimetck.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs after {@code package} (the surefire execution {@code packaged-jars} in this module's pom): the jars the build
 * just wrote name the project version in {@code Implementation-Version}, which the reference transport's
 * {@code User-Agent} reads, and the project name in {@code Implementation-Title}. The library jar gets them from
 * the root pom's jar plugin configuration, shared by every module; the executable jar from its shade
 * configuration.
 */
class PackagedJarManifestIT {

    @ParameterizedTest
    @ValueSource(strings = {"realtimetck.packagedJar", "realtimetck.executableJar"})
    void manifestNamesTheProjectVersion(String jarProperty) throws IOException {
        Path jar = Path.of(required(jarProperty));
        assertThat(jar).as("the build wrote %s", jar).isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertThat(main.getValue(Attributes.Name.IMPLEMENTATION_VERSION))
                    .isEqualTo(required("realtimetck.projectVersion"));
            assertThat(main.getValue(Attributes.Name.IMPLEMENTATION_TITLE))
                    .isEqualTo(required("realtimetck.projectName"));
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        assertThat(value).as("system property %s (set by the pom)", property).isNotBlank();
        return value;
    }
}
